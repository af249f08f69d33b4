/**
 * Hostile input in every field: names, bodies, editor HTML bodies, templates, thread ids, URLs
 * and server error messages. Corpora: DOMPurify's own test vectors (MPL-2.0 OR Apache-2.0) and
 * PayloadsAllTheThings lists (MIT; vectors originally by RSnake and Brute Logic), see
 * test/fixtures/xss/README.md. Plus the known cases from other comment systems.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import type { CommentData } from '../../src/core/contract.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import { $, articles, gets, loaded, newThread, spyRequests, useServer } from './helpers.js';

async function corpus(): Promise<string[]> {
  const vectors = (await (await fetch('/test/fixtures/xss/dompurify-vectors.json')).json()) as { payload: string }[];
  const lists = await Promise.all(
    ['patt-IntrudersXSS.txt', 'patt-XSS_Polyglots.txt', 'patt-RSNAKE_XSS.txt', 'patt-BRUTELOGIC-XSS-STRINGS.txt'].map(
      async (f) => (await (await fetch(`/test/fixtures/xss/${f}`)).text()).split('\n').filter((line) => line.length),
    ),
  );
  return [...vectors.map((v) => v.payload), ...lists.flat(), ...KNOWN];
}

/** Cases from other comment systems' advisories. */
const KNOWN = [
  // The website-field break-out (WordPress/Disqus style author links).
  `http://x.test/'onmouseover='window.__xss=1'`,
  `https://x.test/"onmouseover="window.__xss=1"`,
  `' onmouseover='window.__xss=1`,
  // javascript: in any link, with every disguise.
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  ' javascript:window.__xss=1',
  'java\tscript:window.__xss=1',
  '&#106;avascript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  // Unescaped author names.
  '<script>window.__xss=1</script>',
  '"><img src=x onerror=window.__xss=1>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '<svg/onload=window.__xss=1>',
];

const ON_ATTR = /^on/i;

/** Everything the widget rendered, through shadow roots. */
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

const BANNED = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'img',
  'image',
  'svg',
  'math',
  'form',
  'base',
  'meta',
  'link',
  'style',
  'video',
  'audio',
  'source',
  'input',
  'textarea',
  'button',
  'select',
]);

function assertInert(root: Node): void {
  for (const el of walk(root)) {
    if (BANNED.has(el.localName)) expect(isOwn(el), `<${el.localName}> rendered`).to.equal(true);
    for (const attr of Array.from(el.attributes)) {
      expect(ON_ATTR.test(attr.name), `${attr.name} on <${el.localName}>`).to.equal(false);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'poster', 'background'].includes(attr.name)) {
        expect(attr.name === 'href' && /^https?:\/\//i.test(attr.value), `${attr.name}="${attr.value}"`).to.equal(true);
      }
    }
  }
}

/** The widgets' own <style>, <svg> icon and <form> are fine; they hold no outside data. */
function isOwn(el: Element): boolean {
  if (el.localName === 'svg') return el.closest('[part~="close"]') !== null;
  if (el.localName === 'style') return el.parentNode instanceof ShadowRoot;
  // The form's own controls: inside a shadow root's part="form", with our ids.
  const form = el.closest('form[part~="form"]');
  if (el.localName === 'form') return el.matches('[part~="form"]');
  if (form)
    return (
      ['name', 'email', 'body', 'website', ''].includes(el.id) &&
      (el.localName !== 'button' || el.matches('[part~="submit"], [part~="close"]'))
    );
  // The widgets' own buttons.
  return (
    el.localName === 'button' &&
    el.matches(
      '[part~="sort"], [part~="more"], [part~="reply-button"], [part~="retry"], [part~="write"], [part~="like-button"], [part~="report-button"]',
    )
  );
}

describe('comments: hostile corpus in every field', function () {
  this.timeout(60_000);
  const api = useServer();
  const requests = spyRequests();
  let payloads: string[] = [];
  before(async () => {
    payloads = await corpus();
  });
  beforeEach(() => {
    delete (window as unknown as { __xss?: unknown }).__xss;
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      (window as unknown as Record<string, unknown>)[name] = () =>
        ((window as unknown as { __xss: string }).__xss = name);
    }
  });

  /** The whole corpus as comments in the API's shape (more than a server takes from one reader). */
  const asComments = (list: string[]): CommentData[] =>
    list.map((payload, i) => ({
      id: `p${i}`,
      name: payload.slice(0, 80),
      body: payload,
      bodyHtml: i % 2 ? payload : undefined,
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      replies:
        i % 5 === 0
          ? [
              {
                id: `r${i}`,
                parentId: `p${i}`,
                name: payload.slice(0, 80),
                body: payload,
                bodyHtml: payload,
                createdAt: new Date().toISOString(),
              },
            ]
          : [],
    }));

  it('renders every payload as a name, a body and an HTML body without running anything', async () => {
    expect(payloads.length).to.be.above(550);
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list .comments=${asComments(payloads)}></news-comment-list>`,
    );
    const htmlBodies = payloads.filter((_, i) => i % 2).length + payloads.filter((_, i) => i % 5 === 0).length;
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.body .html').length === htmlBodies, 'HTML bodies', {
      timeout: 10000,
    });
    assertInert(el.shadowRoot!);
    // Names are text, exactly as typed.
    const names = new Set(articles(el).map((a) => a.querySelector('[part~="comment-name"]')!.textContent));
    for (const p of payloads) expect(names.has(p.slice(0, 80)), p).to.equal(true);
    // Text bodies keep the payload verbatim as text.
    const texts = new Set(
      articles(el)
        .map((a) => a.querySelector('.body:not(:has(.html))')?.textContent)
        .filter(Boolean),
    );
    expect(texts.has(KNOWN[1])).to.equal(true);
    expect((window as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('renders hostile names, bodies and editor HTML stored by the real server without running anything', async () => {
    const t = newThread('x');
    const hostile = KNOWN.filter((p) => p.includes('<'));
    for (const payload of hostile.slice(0, 4)) {
      const id = (await api().post(t, { name: payload.slice(0, 80), body: payload })).json.id!;
      await api().approve(id, { bodyHtml: `<p>Biên tập: ${payload}</p>` });
    }
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list thread=${t} api=${api().base}></news-comment-list>`,
    );
    await loaded(el);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.body .html').length === 4, 'HTML bodies');
    assertInert(el.shadowRoot!);
    expect((window as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('keeps bare URL links http(s) only, with nothing breaking out of href', async () => {
    const t = newThread('u');
    await api().approved(t, { name: 'URL', body: KNOWN.slice(0, 9).join('\n') });
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list thread=${t} api=${api().base}></news-comment-list>`,
    );
    await loaded(el);
    const links = [...articles(el)[0].querySelectorAll('a')];
    expect(links.length).to.equal(2);
    for (const a of links) {
      expect(a.getAttributeNames().sort()).to.deep.equal(['href', 'rel']);
      expect(new URL(a.href).protocol).to.equal(a.href.startsWith('https') ? 'https:' : 'http:');
    }
    // The link ends where the quote starts: the quote and handler stay text.
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['http://x.test/', 'https://x.test/']);
    expect(articles(el)[0].querySelector('[part~="comment-body"]')!.textContent).to.include(
      `'onmouseover='window.__xss=1'`,
    );
    assertInert(el.shadowRoot!);
  });

  it('uses hostile thread ids only as encoded path segments and attribute text', async () => {
    for (const id of ['../../admin', '"><script>window.__xss=1</script>', 'a/b?c=d#e', '%2e%2e%2f', '\u202e\u0000x']) {
      const el = await fixture<NewsComments>(
        html`<news-comments thread=${id} api=${api().base} loading="eager"></news-comments>`,
      );
      const list = $<NewsCommentList>(el, 'news-comment-list')!;
      await loaded(list);
      const request = gets(requests(), '/threads/').at(-1)!;
      expect(request.url.pathname).to.equal(
        `${new URL(api().base).pathname}/threads/${encodeURIComponent(id)}/comments`,
      );
      assertInert(el);
    }
    expect((window as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('runs every payload through a publisher template as values without running anything', async () => {
    const comments = asComments(payloads.slice(0, 150)).map((c) => ({ ...c, bodyHtml: undefined, replies: [] }));
    for (const payload of payloads.slice(0, 40)) {
      const template = document.createElement('template');
      template.dataset.part = 'comment';
      // Test-only: the payload goes into an inert <template>, exactly as a publisher's page would have it.
      template.innerHTML = `<div class="c">${payload}<b>{name}</b>{time}<div>{body}</div>{replies}</div>`;
      const el = await fixture<NewsCommentList>(
        html`<news-comment-list .commentTemplate=${template} .comments=${comments}></news-comment-list>`,
      );
      await waitUntil(() => articles(el).length === 150 && !!articles(el)[0].querySelector('.templated'));
      assertInert(el.shadowRoot!);
      el.remove();
    }
    expect((window as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
  });
});
