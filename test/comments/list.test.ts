import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/comments/index.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import { FAKE_BASE } from './fake-api.js';
import { $, $$, articles, loaded, newThread, useFakeApi } from './helpers.js';

describe('<news-comment-list>', () => {
  const api = useFakeApi();

  async function mount(thread: string, extra: Partial<NewsCommentList> = {}) {
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${thread}
        api=${FAKE_BASE}
        loading="eager"
        .pollInterval=${extra.pollInterval ?? 30000}
        max-depth=${extra.maxDepth ?? 2}
      ></news-comment-list>`,
    );
    await loaded(el);
    return el;
  }

  it('shows approved comments newest first, with name, time and body as on the source page', async () => {
    const t = newThread();
    api().add(t, { name: 'Minh', body: 'Bài đầu tiên' });
    api().add(t, { name: 'Lan', body: 'Bài thứ hai\nDòng mới' });
    api().add(t, { name: 'Ẩn', body: 'chờ duyệt', status: 'pending' });
    const el = await mount(t);
    const list = articles(el);
    expect(list).to.have.length(2);
    expect(list[0].querySelector('[part~="comment-name"]')!.textContent).to.equal('Lan');
    expect(list[1].querySelector('[part~="comment-name"]')!.textContent).to.equal('Minh');
    const time = list[0].querySelector('time[part~="comment-time"]')!;
    expect(time.getAttribute('datetime')).to.match(/^2026-11-01T/);
    expect(time.textContent!.trim()).to.not.equal('');
    const body = list[0].querySelector<HTMLElement>('[part~="comment-body"]')!;
    expect(body.textContent).to.equal('Bài thứ hai\nDòng mới');
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-line');
    expect(list[0].querySelector('[part~="reply-button"]')!.textContent).to.equal('Trả lời');
    expect(el.shadowRoot!.textContent).to.not.include('chờ duyệt');
  });

  it('requests the thread id URI-encoded', async () => {
    const t = `bài/viết?a=1&b#${newThread()}`;
    api().add(t, { body: 'xin chào' });
    const el = await mount(t);
    expect(articles(el)).to.have.length(1);
    expect(api().gets('/comments')[0].url.pathname).to.include(encodeURIComponent(t));
  });

  it('sorts oldest first when asked, and re-sorts from the toggle', async () => {
    const t = newThread();
    api().add(t, { name: 'A' });
    api().add(t, { name: 'B' });
    const el = await mount(t);
    const names = () => articles(el).map((a) => a.querySelector('[part~="comment-name"]')!.textContent);
    expect(names()).to.deep.equal(['B', 'A']);
    const [newest, oldest] = $$<HTMLButtonElement>(el, '[part~="sort"]');
    expect(newest.getAttribute('aria-pressed')).to.equal('true');
    oldest.click();
    await waitUntil(() => names()[0] === 'A');
    expect(el.sort).to.equal('oldest');
    expect(oldest.getAttribute('aria-pressed')).to.equal('true');
    expect(api().gets('/comments').at(-1)!.url.searchParams.get('sort')).to.equal('oldest');
  });

  it('nests replies by parentId up to max-depth, deeper ones at the last level with "@name"', async () => {
    const t = newThread();
    const top = api().add(t, { name: 'Gốc' });
    const r1 = api().add(t, { name: 'Một', parentId: top.id });
    const r2 = api().add(t, { name: 'Hai', parentId: r1.id });
    const r3 = api().add(t, { name: 'Ba', parentId: r2.id });
    api().add(t, { name: 'Bốn', parentId: r3.id });
    const el = await mount(t);
    const byName = (n: string) =>
      articles(el).find((a) => a.querySelector('[part~="comment-name"]')!.textContent === n)!;
    const depth = (a: HTMLElement) => {
      let d = 0;
      for (let p = a.parentElement; p; p = p.parentElement) if (p.matches('[part~="replies"]')) d++;
      return d;
    };
    expect(depth(byName('Gốc'))).to.equal(0);
    expect(depth(byName('Một'))).to.equal(1);
    expect(depth(byName('Hai'))).to.equal(2);
    expect(depth(byName('Ba'))).to.equal(2);
    expect(depth(byName('Bốn'))).to.equal(2);
    expect(byName('Hai').querySelector('[part~="comment-cue"]')).to.equal(null);
    expect(byName('Ba').querySelector('[part~="comment-cue"]')!.textContent).to.equal('@Hai');
    expect(byName('Bốn').querySelector('[part~="comment-cue"]')!.textContent).to.equal('@Ba');
    // Conversation order at the last level: Hai, Ba, Bốn.
    const last = [...byName('Một').querySelector('[part~="replies"]')!.children].map(
      (a) => a.querySelector('[part~="comment-name"]')!.textContent,
    );
    expect(last).to.deep.equal(['Hai', 'Ba', 'Bốn']);
  });

  it('honours max-depth="1"', async () => {
    const t = newThread();
    const top = api().add(t, { name: 'Gốc' });
    const r1 = api().add(t, { name: 'Một', parentId: top.id });
    api().add(t, { name: 'Hai', parentId: r1.id });
    const el = await mount(t, { maxDepth: 1 });
    const replies = articles(el)[0].querySelector('[part~="replies"]')!;
    expect([...replies.children].map((a) => a.querySelector('[part~="comment-name"]')!.textContent)).to.deep.equal([
      'Một',
      'Hai',
    ]);
    expect(replies.children[1].querySelector('[part~="comment-cue"]')!.textContent).to.equal('@Một');
  });

  it('loads more with the cursor and moves focus to the first new comment at the end', async () => {
    const t = newThread();
    api().seed(t, 45);
    const el = await mount(t);
    expect($$(el, 'section[part~="list"] > article')).to.have.length(20);
    const more = $<HTMLButtonElement>(el, '[part~="more"]')!;
    expect(more.textContent).to.equal('Xem thêm bình luận');
    more.click();
    await waitUntil(() => $$(el, 'section[part~="list"] > article').length === 40);
    expect(api().gets('/comments').at(-1)!.url.searchParams.get('cursor')).to.equal('20');
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await waitUntil(() => $$(el, 'section[part~="list"] > article').length === 45);
    expect($(el, '[part~="more"]')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-id') === articles(el)[40].dataset.id);
  });

  it('shows an empty state, and an error state with a retry', async () => {
    const t = newThread();
    const el = await mount(t);
    expect($(el, '[part~="empty"]')!.textContent).to.equal('Chưa có bình luận nào.');
    await expect(el).to.be.accessible();

    api().failNext = 1;
    const t2 = newThread();
    api().add(t2, { name: 'Sau lỗi' });
    const errored = await fixture<NewsCommentList>(
      html`<news-comment-list thread=${t2} api=${FAKE_BASE} loading="eager"></news-comment-list>`,
    );
    await loaded(errored);
    expect($(errored, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(errored).to.be.accessible();
    $<HTMLButtonElement>(errored, '[part~="retry"]')!.click();
    await waitUntil(() => articles(errored).length === 1);
  });

  it('fires news-error with the status on an HTTP failure', async () => {
    api().failNext = 1;
    api().failStatus = 500;
    const el = document.createElement('news-comment-list');
    el.setAttribute('thread', newThread());
    el.setAttribute('api', FAKE_BASE);
    el.setAttribute('loading', 'eager');
    const event = oneEvent(el, 'news-error');
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.include({ widget: 'news-comment-list', reason: 'http', status: 500 });
    el.remove();
  });

  it('uses <meta name="news-widgets:api"> when there is no api attribute', async () => {
    const meta = document.createElement('meta');
    meta.name = 'news-widgets:api';
    meta.content = FAKE_BASE;
    document.head.append(meta);
    try {
      const t = newThread();
      api().add(t);
      const el = await fixture<NewsCommentList>(
        html`<news-comment-list thread=${t} loading="eager"></news-comment-list>`,
      );
      await loaded(el);
      expect(articles(el)).to.have.length(1);
    } finally {
      meta.remove();
    }
  });

  it('waits for the viewport unless loading="eager"', async () => {
    const t = newThread();
    api().add(t);
    const spacer = await fixture(
      html`<div>
        <div style="height:400vh"></div>
        <news-comment-list thread=${t} api=${FAKE_BASE}></news-comment-list>
      </div>`,
    );
    const el = spacer.querySelector('news-comment-list')!;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(api().gets('/comments')).to.have.length(0);
    expect($(el, '[part~="skeleton"]')).to.not.equal(null);
    el.scrollIntoView();
    await loaded(el);
    expect(articles(el)).to.have.length(1);
  });

  it('renders an editor-formatted bodyHtml through DOMPurify with the small allow-list', async () => {
    const t = newThread();
    api().add(t, {
      body: 'fallback',
      bodyHtml:
        '<p>Đoạn <b>đậm</b> <i>nghiêng</i></p><blockquote>trích</blockquote><a href="https://vnexpress.net/">link</a><a href="javascript:alert(1)">xấu</a><img src=x onerror=alert(1)><script>alert(1)</script><h1>to</h1>',
    });
    const el = await mount(t);
    await waitUntil(() => !!articles(el)[0].querySelector('.body .html'));
    const body = articles(el)[0].querySelector('.body .html')!;
    expect(body.querySelector('b')!.textContent).to.equal('đậm');
    expect(body.querySelector('blockquote')).to.not.equal(null);
    expect(body.querySelector('img, script, h1')).to.equal(null);
    const links = [...body.querySelectorAll('a')];
    expect(links[0].getAttribute('href')).to.equal('https://vnexpress.net/');
    expect(links[1].hasAttribute('href')).to.equal(false);
    expect(body.textContent).to.include('to');
  });

  it('turns bare http(s) URLs into nofollow ugc links and nothing else', async () => {
    const t = newThread();
    api().add(t, {
      body: 'Xem https://vnexpress.net/a-1.html, và www.example.com hoặc javascript:alert(1) hay <a href="https://evil.test">x</a> ftp://x.y',
    });
    const el = await mount(t);
    const links = [...articles(el)[0].querySelectorAll<HTMLAnchorElement>('[part~="comment-body"] a')];
    // The first URL, and the one inside the typed-out <a> tag (it is a bare URL in text too).
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://vnexpress.net/a-1.html',
      'https://evil.test/',
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).to.equal('nofollow ugc noopener');
      expect(a.attributes).to.have.length(2);
    }
    expect(links[0].textContent).to.equal('https://vnexpress.net/a-1.html');
    expect(articles(el)[0].querySelector('[part~="comment-body"]')!.textContent).to.include(
      '<a href="https://evil.test">x</a>',
    );
    expect(articles(el)[0].querySelector('[part~="comment-body"]')!.textContent).to.include('javascript:alert(1)');
  });

  it('is accessible when loaded, with replies', async () => {
    const t = newThread();
    api().seed(t, 3, 2);
    const el = await mount(t);
    await expect(el).to.be.accessible();
  });

  it('renders a 1,000-comment thread (given as a property) with one article each', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      id: `k${i}`,
      name: `Người ${i}`,
      body: `Nội dung ${i}`,
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      replies: [],
    }));
    const el = await fixture<NewsCommentList>(html`<news-comment-list .comments=${items}></news-comment-list>`);
    expect(articles(el)).to.have.length(1000);
    expect(articles(el)[999].querySelector('[part~="comment-name"]')!.textContent).to.equal('Người 999');
    expect(getComputedStyle(articles(el)[0]).contentVisibility).to.equal('auto');
  });
});
