/**
 * The live thread against the real server (its SSE route, mounted by api-middleware.mjs): an
 * editor approves through the API, the open page shows "1 bình luận mới" without moving the
 * list, the reader shows it; a hidden page closes the stream and, visible again, resumes from
 * the last event id. EventSource is the browser's own; the test only keeps a list of them.
 *
 * Hiding the page: a test cannot minimise the browser, so `document.visibilityState` is
 * overridden and `visibilitychange` dispatched, as the browser does when the tab is hidden.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { watchEventSources } from '../support/event-sources.js';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import { $, articles, deepActive, loaded, newThread, seed, text, useServer } from './helpers.js';

/** Hides or shows the page as the browser would for a background tab. */
function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<news-comments> live thread', function () {
  this.timeout(20000);
  const api = useServer();
  const sources = watchEventSources();
  let thread: string;
  beforeEach(() => {
    thread = newThread('live');
  });
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  async function mount(attrs: { live?: string } = {}) {
    const el = await fixture<NewsComments>(
      html`<news-comments
        thread=${thread}
        api=${api().base}
        loading="eager"
        live=${attrs.live ?? 'on'}
      ></news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    await loaded(list);
    return { el, list };
  }
  const open = () => waitUntil(() => sources().some((s) => s.readyState === EventSource.OPEN), 'no open stream');
  const button = (list: Element) => $<HTMLButtonElement>(list, '[part~="new-comments"]');
  const heading = (el: Element) => text($(el, 'news-comment-count')?.shadowRoot);

  it('an approval shows "1 bình luận mới" within 2 s without moving the list; activating it shows the comment', async () => {
    await seed(api(), thread, 1);
    const { el, list } = await mount();
    await waitUntil(() => heading(el) === '1 bình luận', 'count');
    await open();
    expect(sources()[0]!.url).to.equal(`${api().base}/threads/${encodeURIComponent(thread)}/events`);
    const firstTop = articles(list)[0]!.getBoundingClientRect().top;

    const { json } = await api().post(thread, { name: 'Anh Tuấn', body: 'Mới được duyệt' });
    await api().approve(json.id!);
    await waitUntil(() => text(button(list)) === '1 bình luận mới', 'no "1 bình luận mới" within 2 s', {
      timeout: 2000,
    });
    // Nothing moved under the reader's eyes; the count heading follows at once.
    expect(articles(list)).to.have.length(1);
    expect(articles(list)[0]!.getBoundingClientRect().top).to.equal(firstTop);
    await waitUntil(() => heading(el) === '2 bình luận', 'count heading not updated');
    await expect(el).to.be.accessible();

    button(list)!.click();
    await waitUntil(() => articles(list).length === 2, 'comment not inserted');
    const first = articles(list)[0]!;
    expect(text(first.querySelector('[part~="comment-body"]'))).to.equal('Mới được duyệt');
    expect(deepActive()).to.equal(first);
    expect(button(list)).to.equal(null);
    expect(heading(el)).to.equal('2 bình luận');
    await expect(el).to.be.accessible();
  });

  it('counts several arrivals, a reply among them, and puts the reply under its parent', async () => {
    const [parent] = await seed(api(), thread, 1);
    const { list } = await mount();
    await open();
    await api().approved(thread, { name: 'Chị Hoa', body: 'Ý kiến mới' });
    await api().approved(thread, { name: 'Anh Nam', body: 'Trả lời mới', parentId: parent });
    await waitUntil(() => text(button(list)) === '2 bình luận mới', 'no "2 bình luận mới"');
    button(list)!.click();
    await waitUntil(() => articles(list).length === 3, 'comments not inserted');
    const reply = articles(list).find((a) => text(a.querySelector('[part~="comment-body"]')) === 'Trả lời mới')!;
    expect(reply.closest('[part~="replies"]')).to.exist;
  });

  it('a hidden page closes the stream; visible again, it resumes from the last id and misses nothing', async () => {
    await seed(api(), thread, 1);
    const { el, list } = await mount();
    await open();
    setVisibility('hidden');
    expect(sources()[0]!.readyState).to.equal(EventSource.CLOSED);
    await api().approved(thread, { name: 'Lúc vắng mặt', body: 'Được duyệt khi trang ẩn' });
    setVisibility('visible');
    await waitUntil(() => sources().length === 2, 'stream not opened again');
    expect(sources()[1]!.url).to.match(/\/events\?lastEventId=\d+$/);
    await waitUntil(() => text(button(list)) === '1 bình luận mới', 'the missed approval did not arrive');
    await waitUntil(() => heading(el) === '2 bình luận', 'count heading not updated');
  });

  it('live="off": no stream', async () => {
    await seed(api(), thread, 1);
    await mount({ live: 'off' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sources()).to.have.length(0);
  });

  it('English: "2 new comments"', async () => {
    document.documentElement.lang = 'en';
    await seed(api(), thread, 1);
    const { list } = await mount();
    await open();
    await api().approved(thread, { name: 'A', body: 'One' });
    await api().approved(thread, { name: 'B', body: 'Two' });
    await waitUntil(() => text(button(list)) === '2 new comments', 'no "2 new comments"');
  });
});
