/**
 * Comments imported from Disqus and WordPress exports (server/test/fixtures/import/, with hostile
 * bodies and names from the XSS corpora of test/fixtures/xss) go through the server's import into
 * the real server, then into the reader's page (`<news-comments>`) and the desk: nothing runs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import '../../src/moderation/index.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import type { NewsModeration } from '../../src/moderation/index.js';
import { ServerApi } from '../support/server-api.js';

const ARTICLES = [
  { id: 'gia-lua-tang', url: 'https://baotinh.example/kinh-te/gia-lua-tang.html', title: 'Giá lúa tăng' },
  { id: 'bao-so-9', url: 'https://baotinh.example/thoi-su/bao-so-9', title: 'Bão số 9 đổ bộ' },
  { id: 'le-hoi-den-hung', url: 'https://baotinh.example/van-hoa/le-hoi-den-hung.html', title: 'Lễ hội Đền Hùng' },
  { id: 'thi-tot-nghiep', url: 'https://baotinh.example/giao-duc/thi-tot-nghiep.html', title: 'Thi tốt nghiệp' },
  { id: '4412', url: 'https://baotinh.example/van-hoa/4412.html', title: 'Lễ hội (bài cũ)' },
];

type Flagged = Window & { __xss?: unknown; __pwned?: unknown };
const flags = () => [(window as Flagged).__xss, (window as Flagged).__pwned];

/** Every element under `root`, through shadow roots. */
function* walk(root: Node): Generator<Element> {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node instanceof Element) {
      yield node;
      if (node.shadowRoot) stack.push(node.shadowRoot);
    }
    stack.push(...Array.from(node.childNodes));
  }
}

/** No element from outside data, no handler, no URL but http(s) links. The widgets' own controls are fine. */
function assertInert(root: Node): void {
  for (const el of walk(root)) {
    expect(
      ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'math', 'style'].includes(el.localName) && !isOwn(el),
      `<${el.localName}>`,
    ).to.equal(false);
    for (const attr of Array.from(el.attributes)) {
      expect(/^on/i.test(attr.name), `${attr.name} on <${el.localName}>`).to.equal(false);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr.name))
        expect(attr.name === 'href' && /^https?:\/\//i.test(attr.value), `${attr.name}="${attr.value}"`).to.equal(true);
    }
  }
}

/** Styles in shadow roots and the close button's icon are the widgets' own. */
const isOwn = (el: Element) =>
  (el.localName === 'style' && el.parentNode instanceof ShadowRoot) ||
  (el.localName === 'svg' && el.closest('[part~="close"]') !== null);

describe('imported comments with hostile HTML', function () {
  this.timeout(30000);
  let api: ServerApi;

  beforeEach(async () => {
    document.documentElement.lang = 'vi';
    delete (window as Flagged).__xss;
    delete (window as Flagged).__pwned;
    for (const name of ['alert', 'confirm', 'prompt'] as const)
      (window as unknown as Record<string, unknown>)[name] = () => ((window as Flagged).__xss = name);
    api = new ServerApi();
    await api.articles(ARTICLES);
    for (const file of ['disqus.xml', 'wordpress.xml']) {
      const xml = await (await fetch(`/server/test/fixtures/import/${file}`)).text();
      const report = await api.importExport(xml);
      expect(report.comments, file).to.be.above(9);
    }
  });

  it('never run in the reader’s page: bodies sanitized, names as text', async () => {
    let formattedSeen = 0;
    for (const [thread, expected] of [
      ['bao-so-9', 3],
      ['thi-tot-nghiep', 5],
      ['le-hoi-den-hung', 2],
    ] as const) {
      const el = await fixture<NewsComments>(
        html`<news-comments thread=${thread} api=${api.base} loading="eager"></news-comments>`,
      );
      const list = () => el.shadowRoot!.querySelector('news-comment-list');
      const shown = () => [...(list()?.shadowRoot?.querySelectorAll('article[part~="comment"]') ?? [])];
      await waitUntil(() => shown().length === expected, `${thread} comments`, { timeout: 10000 });
      // Every formatted body the server answers is on screen (the sanitizer loads on first need).
      const page = (await (await fetch(`${api.base}/threads/${thread}/comments`)).json()) as {
        items: { bodyHtml?: string; replies: { bodyHtml?: string }[] }[];
      };
      const formatted = page.items.flatMap((c) => [c, ...c.replies]).filter((c) => c.bodyHtml).length;
      formattedSeen += formatted;
      await waitUntil(() => list()!.shadowRoot!.querySelectorAll('.html').length === formatted, 'formatted bodies');
      assertInert(el);
      expect(flags()).to.deep.equal([undefined, undefined]);
    }
    expect(formattedSeen).to.be.above(2);
    // The hostile author names are shown as typed.
    const el = await fixture<NewsComments>(
      html`<news-comments thread="bao-so-9" api=${api.base} loading="eager"></news-comments>`,
    );
    const list = () => el.shadowRoot!.querySelector('news-comment-list')!;
    await waitUntil(() => list()?.shadowRoot?.querySelector('article'), 'comments');
    const names = [...list().shadowRoot!.querySelectorAll('[part~="comment-name"]')].map((n) => n.textContent);
    expect(names).to.include('"><svg onload=alert(1)//');
    await expect(el).to.be.accessible();
  });

  it('never run in the desk: the approved imports with their formatted bodies', async () => {
    await api.signIn();
    const desk = await fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);
    await waitUntil(() => desk.shadowRoot!.querySelector('.tabs button[data-view="approved"]'), 'signed in');
    desk.shadowRoot!.querySelector<HTMLButtonElement>('.tabs button[data-view="approved"]')!.click();
    await waitUntil(() => desk.shadowRoot!.querySelectorAll('article.item').length === 21, 'approved imports', {
      timeout: 10000,
    });
    const withHtml = [...desk.shadowRoot!.querySelectorAll('article.item')].filter((a) =>
      a.querySelector('.formatted'),
    );
    expect(withHtml.length).to.be.above(3);
    await waitUntil(
      () => desk.shadowRoot!.querySelectorAll('.formatted .html').length === withHtml.length,
      'formatted bodies',
    );
    // The desk's own controls are buttons and forms; outside data brings no element of its own.
    for (const item of desk.shadowRoot!.querySelectorAll(
      'article.item .body, article.item .formatted, article.item .byline',
    ))
      assertInert(item);
    expect(flags()).to.deep.equal([undefined, undefined]);
    // The pending imports wait in the queue, spam and trash are nowhere.
    const pending = await api.pending();
    expect(pending.map((p) => p.body).sort()).to.deep.equal([
      'Bình luận chờ duyệt trên Disqus.',
      'Chờ duyệt: chị Bình nói chí lý.',
    ]);
  });
});
