/**
 * Readers' reactions in the list, against the real server (test/server/api-middleware.mjs):
 * "Thích" (toggle, counts, optimistic with rollback), "Quan tâm nhất" across pages, and the
 * "Báo vi phạm" dialog by keyboard. Every reader here is the same one (this browser, 127.0.0.1).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import { LikeStore } from '../../src/comments/like-store.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import type { NewsCommentReport } from '../../src/comments/news-comment-report.js';
import type { ServerApi } from '../support/server-api.js';
import { $, $$, articles, deepActive, loaded, newThread, seed, spyRequests, text, useServer } from './helpers.js';

/** The thread as readers get it now, straight from the server (past its 2 s page cache: a new `limit`). */
async function serverThread(api: ServerApi, thread: string, query = '') {
  const url = `${api.base}/threads/${encodeURIComponent(thread)}/comments?limit=${90 + Math.floor(Math.random() * 10)}${query}`;
  return (await (await fetch(url)).json()) as { items: { id: string; body: string; likes: number }[] };
}

describe('<news-comment-list>: Thích, Quan tâm nhất, Báo vi phạm', () => {
  const api = useServer();
  const requests = spyRequests();

  /** A list as on a new page: its like store reads what this browser remembers. */
  async function mount(thread: string, limit = 20, sort = 'newest') {
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${thread}
        api=${api().base}
        limit=${limit}
        sort=${sort}
        .likeStore=${new LikeStore()}
      ></news-comment-list>`,
    );
    await loaded(el);
    return el;
  }
  const likeButton = (el: Element, id: string) => $<HTMLButtonElement>(el, `[data-like="${id}"]`)!;
  const likeCount = (button: Element) => Number(text(button.querySelector('[part~="like-count"]')) ?? 0);
  const likes = (el: Element) => $$<HTMLButtonElement>(el, '[part~="like-button"]');

  it('likes and unlikes: a real toggle with its count, remembered by this browser, counted by the server', async () => {
    const t = newThread();
    const [first, second] = await seed(api(), t, 2);
    const el = await mount(t);
    expect(likes(el)).to.have.length(2);
    const button = likeButton(el, first);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(text(button)).to.equal('Thích');
    await expect(el).to.be.accessible();

    button.click();
    // Optimistic: pressed and counted at once.
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(likeCount(button)).to.equal(1);
    await waitUntil(() => requests().some((r) => r.method === 'POST' && r.url.pathname.endsWith('/like')));
    const sent = requests().find((r) => r.url.pathname.endsWith('/like'))!;
    expect(sent.url.pathname).to.include(`/comments/${first}/like`);
    expect(sent.headers.get('content-type')).to.equal('application/json');
    await waitUntil(async () => (await serverThread(api(), t)).items.find((i) => i.id === first)?.likes === 1);
    expect(likeButton(el, second).getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();

    // A new page of the site shows the reader's like, from localStorage.
    el.remove();
    const again = await mount(t);
    const pressed = likeButton(again, first);
    expect(pressed.getAttribute('aria-pressed')).to.equal('true');
    // By keyboard: Enter on the focused toggle unlikes.
    pressed.focus();
    await sendKeys({ press: 'Enter' });
    await again.updateComplete;
    expect(pressed.getAttribute('aria-pressed')).to.equal('false');
    expect(likeCount(pressed)).to.equal(0);
    await waitUntil(async () => (await serverThread(api(), t)).items.find((i) => i.id === first)?.likes === 0);
    expect(
      requests()
        .filter((r) => r.method === 'POST')
        .at(-1)!.url.pathname,
    ).to.include(`/comments/${first}/unlike`);
  });

  it('one like per reader: with its memory wiped, a second like from the same reader is not counted', async () => {
    const t = newThread();
    const [id] = await seed(api(), t, 1);
    const el = await mount(t);
    likeButton(el, id).click();
    await waitUntil(async () => (await serverThread(api(), t)).items[0]?.likes === 1);
    el.remove();
    localStorage.removeItem('news-widgets:likes');
    const again = await mount(t);
    const button = likeButton(again, id);
    await waitUntil(() => likeCount(button) === 1, 'the server count is shown');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    // Optimistic 2, then the server's answer: this reader already likes it, the count stays 1.
    await waitUntil(() => button.getAttribute('aria-pressed') === 'true' && likeCount(button) === 1, 'answered');
    expect(requests().filter((r) => r.url.pathname.endsWith('/like'))).to.have.length(2);
    expect((await serverThread(api(), t)).items[0]!.likes).to.equal(1);
  });

  it('a like the server refuses is rolled back with a message; one of a removed comment says so', async () => {
    const t = newThread();
    const [first, second] = await seed(api(), t, 2);
    const el = await mount(t);
    await api().fault({ kind: 'status', status: 503, path: '/like', times: 1 });
    const button = likeButton(el, first);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    // Refused: back to not liked, count 0, and the reason beside the button and in the live region.
    await waitUntil(() => button.getAttribute('aria-pressed') === 'false', 'rolled back');
    expect(likeCount(button)).to.equal(0);
    const note = $(el, `[data-id="${first}"] [part~="reaction-note"]`)!;
    expect(text(note)).to.equal('Chưa ghi nhận được lượt thích. Vui lòng thử lại.');
    expect(note.checkVisibility()).to.equal(true);
    expect(text($(el, '[role="status"]'))).to.equal('Chưa ghi nhận được lượt thích. Vui lòng thử lại.');
    expect(localStorage.getItem('news-widgets:likes') ?? '').to.not.include(first);
    await expect(el).to.be.accessible();
    expect((await serverThread(api(), t)).items.find((i) => i.id === first)!.likes).to.equal(0);

    // An editor removed the second comment meanwhile: the server answers 409.
    await api().reject(second);
    const other = likeButton(el, second);
    other.click();
    await waitUntil(() => !!$(el, `[data-id="${second}"] [part~="reaction-note"]`), 'refused');
    expect(other.getAttribute('aria-pressed')).to.equal('false');
    expect(text($(el, `[data-id="${second}"] [part~="reaction-note"]`))).to.equal('Bình luận này không còn hiển thị.');
    // The first comment's note went when another reaction began.
    expect($(el, `[data-id="${first}"] [part~="reaction-note"]`)).to.equal(null);
  });

  it('"Quan tâm nhất": most liked first, and a like between pages neither repeats nor skips a comment', async () => {
    const t = newThread();
    // Oldest first: A, B, C (C newest).
    const [a, b, c] = await seed(api(), t, 3);
    const el = await mount(t);
    likeButton(el, a).click();
    await waitUntil(async () => (await serverThread(api(), t)).items.find((i) => i.id === a)?.likes === 1);
    likeButton(el, b).click();
    await waitUntil(async () => (await serverThread(api(), t)).items.find((i) => i.id === b)?.likes === 1);
    el.remove();

    const list = await mount(t, 2);
    const sorts = $$<HTMLButtonElement>(list, '[part~="sort"]');
    expect(sorts.map((s) => text(s))).to.deep.equal(['Mới nhất', 'Cũ nhất', 'Quan tâm nhất']);
    sorts[2].click();
    await waitUntil(() => sorts[2].getAttribute('aria-pressed') === 'true' && articles(list).length === 2);
    await waitUntil(() => articles(list)[0].dataset.id === b, 'popular order');
    // B and A have one like each (B is newer); C has none and is on page 2.
    expect(articles(list).map((x) => x.dataset.id)).to.deep.equal([b, a]);
    expect(
      requests()
        .filter((r) => r.url.pathname.endsWith('/comments'))
        .at(-1)!
        .url.searchParams.get('sort'),
    ).to.equal('popular');
    await expect(list).to.be.accessible();

    // Before "Load more", C is liked (in another list on the page): it now outranks both.
    const other = await mount(t, 20);
    likeButton(other, c).click();
    await waitUntil(async () => (await serverThread(api(), t)).items.find((i) => i.id === c)?.likes === 1);
    other.remove();

    $<HTMLButtonElement>(list, '[part~="more"]')!.click();
    await waitUntil(() => articles(list).length === 3, 'page 2');
    // Page 2 holds C: the order stays as of page 1, with nothing repeated or skipped.
    expect(articles(list).map((x) => x.dataset.id)).to.deep.equal([b, a, c]);
    expect($(list, '[part~="more"]')).to.equal(null);
    // A fresh first page ranks by the counts now: C (1, newest) first.
    const fresh = await serverThread(api(), t, '&sort=popular');
    expect(fresh.items.map((i) => i.id)).to.deep.equal([c, b, a]);
  });

  it('"Báo vi phạm" by keyboard: a modal dialog loaded on demand, Escape closes it, focus returns; a report is sent', async () => {
    const t = newThread();
    const [id] = await seed(api(), t, 1);
    const el = await mount(t);
    // Not loaded until a reader asks.
    expect(customElements.get('news-comment-report')).to.equal(undefined);
    const trigger = $<HTMLButtonElement>(el, `[data-report="${id}"]`)!;
    expect(text(trigger)).to.equal('Báo vi phạm');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!$(el, 'news-comment-report')?.shadowRoot?.querySelector('dialog[open]'), 'dialog opened');
    const report = $<NewsCommentReport>(el, 'news-comment-report')!;
    const dialog = report.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(text(dialog.querySelector('h2'))).to.equal('Báo vi phạm bình luận của Độc giả 1');
    // Focus on the first reason.
    await waitUntil(() => deepActive()?.getAttribute('value') === 'spam');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'news-comment-report'), 'closed');
    expect(deepActive()).to.equal(trigger);

    // Again, and this time a report: "Xúc phạm" (arrow key), words, sent with Enter on the button.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!$(el, 'news-comment-report')?.shadowRoot?.querySelector('dialog[open]'));
    await waitUntil(() => deepActive()?.getAttribute('value') === 'spam');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()?.getAttribute('value')).to.equal('abuse');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.localName).to.equal('textarea');
    await sendKeys({ type: 'Lời lẽ thô tục' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Gửi báo cáo');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(el, 'news-comment-report'), 'closed after sending');
    expect(deepActive()).to.equal(trigger);
    expect(text($(el, `[data-id="${id}"] [part~="reaction-note"]`))).to.equal(
      'Cảm ơn bạn. Ban biên tập sẽ xem xét bình luận này.',
    );
    const sent = requests().find((r) => r.url.pathname.endsWith('/report'))!;
    expect(sent.body).to.deep.equal({ reason: 'abuse', text: 'Lời lẽ thô tục' });
    const queue = await api().moderate<{ items: { id: string; reasons: Record<string, number>; notes: string[] }[] }>(
      '/reported',
    );
    expect(queue.items.map((i) => [i.id, i.reasons, i.notes])).to.deep.equal([[id, { abuse: 1 }, ['Lời lẽ thô tục']]]);
    await expect(el).to.be.accessible();
  });

  it('a report the server refuses keeps the dialog open with the reason, announced', async () => {
    const t = newThread();
    const [id] = await seed(api(), t, 1);
    const el = await mount(t);
    await api().fault({ kind: 'status', status: 429, path: '/report' });
    $<HTMLButtonElement>(el, `[data-report="${id}"]`)!.click();
    await waitUntil(() => !!$(el, 'news-comment-report')?.shadowRoot?.querySelector('dialog[open]'));
    const report = $<NewsCommentReport>(el, 'news-comment-report')!;
    report.shadowRoot!.querySelector<HTMLButtonElement>('[part~="report-submit"]')!.click();
    await waitUntil(() => text(report.shadowRoot!.querySelector('[role="alert"]')) !== '', 'refused');
    expect(text(report.shadowRoot!.querySelector('[role="alert"]'))).to.equal(
      'Bạn gửi quá nhanh. Vui lòng thử lại sau 1 giây.',
    );
    expect(report.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();
    report.shadowRoot!.querySelector<HTMLButtonElement>('[part~="report-cancel"]')!.click();
    await waitUntil(() => !$(el, 'news-comment-report'));
    expect($(el, `[data-id="${id}"] [part~="reaction-note"]`)).to.equal(null);
  });
});
