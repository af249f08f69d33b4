import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import { CommentStore } from '../../src/comments/comment-store.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import { $, $$, articles, gets, loaded, newThread, seed, spyRequests, text, useServer } from './helpers.js';

describe('<news-comment-list>', () => {
  const api = useServer();
  const requests = spyRequests();

  async function mount(thread: string, extra: { maxDepth?: number; limit?: number } = {}) {
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${thread}
        api=${api().base}
        max-depth=${extra.maxDepth ?? 2}
        limit=${extra.limit ?? 20}
      ></news-comment-list>`,
    );
    await loaded(el);
    return el;
  }
  const names = (el: Element) => articles(el).map((a) => text(a.querySelector('[part~="comment-name"]')));

  it('shows approved comments newest first, with name, time and body as on the source page', async () => {
    const t = newThread();
    await api().approved(t, { name: 'Minh', body: 'Bài đầu tiên' });
    await api().approved(t, { name: 'Lan', body: 'Bài thứ hai\nDòng mới' });
    await api().post(t, { name: 'Ẩn', body: 'chờ duyệt' });
    const el = await mount(t);
    const list = articles(el);
    expect(names(el)).to.deep.equal(['Lan', 'Minh']);
    const time = list[0].querySelector('time[part~="comment-time"]')!;
    expect(Date.parse(time.getAttribute('datetime')!)).to.be.closeTo(Date.now(), 60_000);
    expect(text(time)).to.be.oneOf(['bây giờ', 'now']);
    // The body's line breaks are shown (pre-line), so it holds exactly the text: no template indentation.
    const body = list[0].querySelector<HTMLElement>('[part~="comment-body"]')!;
    expect(body.textContent).to.equal('Bài thứ hai\nDòng mới');
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-line');
    expect(body.getBoundingClientRect().height).to.be.below(3 * parseFloat(getComputedStyle(body).lineHeight));
    expect(text(list[0].querySelector('[part~="reply-button"]'))).to.equal('Trả lời');
    expect(el.shadowRoot!.textContent).to.not.include('chờ duyệt');
  });

  it('requests the thread id URI-encoded', async () => {
    const t = `bai/viet:1.${newThread()}`;
    await api().approved(t, { name: 'A', body: 'xin chào' });
    const el = await mount(t);
    expect(articles(el)).to.have.length(1);
    expect(gets(requests(), '/comments')[0].url.pathname).to.include(encodeURIComponent(t));
  });

  it('sorts oldest first when asked, re-sorts from the toggle, and tells the page', async () => {
    const t = newThread();
    await api().approved(t, { name: 'A', body: 'một' });
    await api().approved(t, { name: 'B', body: 'hai' });
    const el = await mount(t);
    expect(names(el)).to.deep.equal(['B', 'A']);
    const [newest, oldest] = $$<HTMLButtonElement>(el, '[part~="sort"]');
    expect(newest.getAttribute('aria-pressed')).to.equal('true');
    const sorted = oneEvent(el, 'news-comments-sort');
    oldest.click();
    expect((await sorted).detail).to.deep.equal({ sort: 'oldest' });
    await waitUntil(() => names(el)[0] === 'A');
    expect(oldest.getAttribute('aria-pressed')).to.equal('true');
    expect(gets(requests(), '/comments').at(-1)!.url.searchParams.get('sort')).to.equal('oldest');
    // `sort` is the page's input: a page following the event sets it, and may set it back.
    el.sort = 'oldest';
    await el.updateComplete;
    expect(names(el)[0]).to.equal('A');
    el.sort = 'newest';
    await waitUntil(() => names(el)[0] === 'B');
    expect(newest.getAttribute('aria-pressed')).to.equal('true');
  });

  it('nests replies by parentId up to max-depth, deeper ones at the last level with "@name"', async () => {
    const t = newThread();
    const top = await api().approved(t, { name: 'Gốc', body: '0' });
    const r1 = await api().approved(t, { name: 'Một', body: '1', parentId: top });
    const r2 = await api().approved(t, { name: 'Hai', body: '2', parentId: r1 });
    const r3 = await api().approved(t, { name: 'Ba', body: '3', parentId: r2 });
    await api().approved(t, { name: 'Bốn', body: '4', parentId: r3 });
    const el = await mount(t);
    const byName = (n: string) => articles(el).find((a) => text(a.querySelector('[part~="comment-name"]')) === n)!;
    const depth = (a: HTMLElement) => {
      let d = 0;
      for (let p = a.parentElement; p; p = p.parentElement) if (p.matches('[part~="replies"]')) d++;
      return d;
    };
    expect(['Gốc', 'Một', 'Hai', 'Ba', 'Bốn'].map((n) => depth(byName(n)))).to.deep.equal([0, 1, 2, 2, 2]);
    expect(byName('Hai').querySelector('[part~="comment-cue"]')).to.equal(null);
    expect(text(byName('Ba').querySelector('[part~="comment-cue"]'))).to.equal('@Hai');
    expect(text(byName('Bốn').querySelector('[part~="comment-cue"]'))).to.equal('@Ba');
    // Conversation order at the last level: Hai, Ba, Bốn.
    const last = [...byName('Một').querySelector('[part~="replies"]')!.children].map((a) =>
      text(a.querySelector('[part~="comment-name"]')),
    );
    expect(last).to.deep.equal(['Hai', 'Ba', 'Bốn']);
  });

  it('honours max-depth="1"', async () => {
    const t = newThread();
    const top = await api().approved(t, { name: 'Gốc', body: '0' });
    const r1 = await api().approved(t, { name: 'Một', body: '1', parentId: top });
    await api().approved(t, { name: 'Hai', body: '2', parentId: r1 });
    const el = await mount(t, { maxDepth: 1 });
    const replies = articles(el)[0].querySelector('[part~="replies"]')!;
    expect([...replies.children].map((a) => text(a.querySelector('[part~="comment-name"]')))).to.deep.equal([
      'Một',
      'Hai',
    ]);
    expect(text(replies.children[1].querySelector('[part~="comment-cue"]'))).to.equal('@Một');
  });

  it('loads more with the cursor and moves focus to the first new comment at the end', async () => {
    const t = newThread();
    await seed(api(), t, 5);
    const el = await mount(t, { limit: 2 });
    const top = () => $$(el, 'section[part~="list"] > article');
    expect(top()).to.have.length(2);
    const more = $<HTMLButtonElement>(el, '[part~="more"]')!;
    expect(text(more)).to.equal('Xem thêm bình luận');
    more.click();
    await waitUntil(() => top().length === 4);
    expect(gets(requests(), '/comments').at(-1)!.url.searchParams.get('cursor')).to.be.a('string').and.not.equal('');
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await waitUntil(() => top().length === 5);
    expect($(el, '[part~="more"]')).to.equal(null);
    expect(names(el)).to.deep.equal(['Độc giả 5', 'Độc giả 4', 'Độc giả 3', 'Độc giả 2', 'Độc giả 1']);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-id') === articles(el)[4].dataset.id);
  });

  it('shows 10 replies under a comment, then "Xem thêm trả lời" pages the rest in and moves focus to them', async () => {
    const t = newThread();
    const root = await api().approved(t, { name: 'Gốc', body: 'Bình luận gốc' });
    // Twelve readers answer (each its own address, so no rate limit stops the thread).
    for (let i = 1; i <= 12; i++) {
      await api().approved(t, { name: `Trả lời ${i}`, body: `Ý kiến ${i}`, parentId: root }, `203.0.113.${i}`);
    }
    const el = await mount(t);
    const replyNames = () => $$(el, '[part~="replies"] [part~="comment-name"]').map(text);
    expect(replyNames()).to.deep.equal(Array.from({ length: 10 }, (_, i) => `Trả lời ${i + 1}`));
    const more = $<HTMLButtonElement>(el, '[part~="more-replies"]')!;
    expect(text(more)).to.equal('Xem thêm trả lời');
    await expect(el).to.be.accessible();
    more.click();
    await waitUntil(() => replyNames().length === 12);
    expect(replyNames().slice(10)).to.deep.equal(['Trả lời 11', 'Trả lời 12']);
    expect(gets(requests(), `/comments/${root}/replies`)).to.have.length(1);
    expect($(el, '[part~="more-replies"]')).to.equal(null);
    const eleventh = articles(el).find((a) => text(a.querySelector('[part~="comment-name"]')) === 'Trả lời 11')!;
    await waitUntil(() => el.shadowRoot!.activeElement === eleventh);
    await expect(el).to.be.accessible();
  });

  it('shows an empty state, and an error state with a retry', async () => {
    const el = await mount(newThread());
    expect(text($(el, '[part~="empty"]'))).to.equal('Chưa có bình luận nào.');
    await expect(el).to.be.accessible();

    const t2 = newThread();
    await api().approved(t2, { name: 'Sau lỗi', body: 'x' });
    await api().fault({ kind: 'status', status: 503, times: 1, path: '/threads/' });
    const errored = await mount(t2);
    expect($(errored, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(errored).to.be.accessible();
    $<HTMLButtonElement>(errored, '[part~="retry"]')!.click();
    await waitUntil(() => articles(errored).length === 1);
  });

  it("still shows the reader's own queued comment when the thread cannot load", async () => {
    const t = newThread();
    await api().fault({ kind: 'network' });
    const store = new CommentStore({ retry: { base: 60_000, max: 60_000 } });
    try {
      await store.submit(api().base, t, { name: 'Tôi', body: 'Vẫn còn đây' }).result;
      const el = await fixture<NewsCommentList>(
        html`<news-comment-list thread=${t} api=${api().base} .store=${store}></news-comment-list>`,
      );
      await loaded(el);
      expect($(el, '[part~="error"]')).to.not.equal(null);
      const [mine] = articles(el);
      expect(text(mine.querySelector('[part~="comment-body"]'))).to.equal('Vẫn còn đây');
      expect(text(mine.querySelector('[part~="comment-status"]'))).to.equal('Chưa gửi được, sẽ thử lại');
      await expect(el).to.be.accessible();
    } finally {
      store.stop();
    }
  });

  it('fires news-error with the status on an HTTP failure', async () => {
    await api().fault({ kind: 'status', status: 500, times: 1 });
    const el = document.createElement('news-comment-list');
    el.setAttribute('thread', newThread());
    el.setAttribute('api', api().base);
    const event = oneEvent(el, 'news-error');
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.include({ widget: 'news-comment-list', reason: 'http', status: 500 });
    el.remove();
  });

  it('uses <meta name="news-widgets:api"> when there is no api attribute', async () => {
    const meta = document.createElement('meta');
    meta.name = 'news-widgets:api';
    meta.content = api().base;
    document.head.append(meta);
    try {
      const t = newThread();
      await api().approved(t, { name: 'Meta', body: 'x' });
      const el = await fixture<NewsCommentList>(html`<news-comment-list thread=${t}></news-comment-list>`);
      await loaded(el);
      expect(articles(el)).to.have.length(1);
    } finally {
      meta.remove();
    }
  });

  it('renders an editor-formatted bodyHtml through DOMPurify with the contract allow-list', async () => {
    const t = newThread();
    const id = (await api().post(t, { name: 'Độc giả', body: 'fallback' })).json.id!;
    await api().approve(id, {
      bodyHtml:
        '<p>Đoạn <b>đậm</b> <i>nghiêng</i></p><blockquote>trích</blockquote><a href="https://vnexpress.net/">link</a><a href="javascript:alert(1)">xấu</a><img src=x onerror=alert(1)><script>alert(1)</script><h1>to</h1>',
    });
    const el = await mount(t);
    await waitUntil(() => !!articles(el)[0].querySelector('.body .html'));
    const body = articles(el)[0].querySelector('.body .html')!;
    expect(text(body.querySelector('b'))).to.equal('đậm');
    expect(text(body.querySelector('i'))).to.equal('nghiêng');
    expect(body.querySelector('blockquote')).to.not.equal(null);
    expect(body.querySelector('img, script, h1')).to.equal(null);
    const links = [...body.querySelectorAll('a')];
    expect(links[0].getAttribute('href')).to.equal('https://vnexpress.net/');
    expect(links.slice(1).every((a) => !a.hasAttribute('href'))).to.equal(true);
  });

  it('turns bare http(s) URLs into nofollow ugc links and nothing else', async () => {
    const t = newThread();
    await api().approved(t, {
      name: 'Link',
      body: 'Xem https://vnexpress.net/a-1.html, và www.example.com hoặc javascript:alert(1) hay <a href="https://evil.test">x</a> ftp://x.y',
    });
    const el = await mount(t);
    const body = articles(el)[0].querySelector('[part~="comment-body"]')!;
    const links = [...body.querySelectorAll<HTMLAnchorElement>('a')];
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
    expect(body.textContent).to.include('<a href="https://evil.test">x</a>');
    expect(body.textContent).to.include('javascript:alert(1)');
  });

  it('is accessible when loaded, with replies', async () => {
    const t = newThread();
    await seed(api(), t, 2, 1);
    const el = await mount(t);
    await expect(el).to.be.accessible();
  });

  it('refreshes relative times every minute while the page is visible', async () => {
    const t = newThread();
    await api().approved(t, { name: 'Giờ', body: 'x' });
    // Fake clock: the list's one-minute timer is captured and fired by hand, and time moves on.
    const realSetInterval = window.setInterval;
    const realNow = Date.now;
    const ticks: (() => void)[] = [];
    window.setInterval = ((fn: () => void, ms?: number) => {
      if (ms === 60_000) ticks.push(fn);
      return realSetInterval(fn, ms);
    }) as typeof setInterval;
    try {
      const el = await mount(t);
      const time = () => text(articles(el)[0].querySelector('[part~="comment-time"]'));
      expect(time()).to.equal('bây giờ');
      expect(ticks).to.have.length(1);
      Date.now = () => realNow() + 3 * 60_000;
      ticks[0]();
      await el.updateComplete;
      expect(time()).to.equal('3 phút trước');
    } finally {
      window.setInterval = realSetInterval;
      Date.now = realNow;
    }
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
    expect(text(articles(el)[999].querySelector('[part~="comment-name"]'))).to.equal('Người 999');
    expect(getComputedStyle(articles(el)[0]).contentVisibility).to.equal('auto');
  });
});
