import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comments/index.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import { loadPending, resetOutboxForTests } from '../../src/comments/outbox.js';
import { FAKE_BASE } from './fake-api.js';
import { $, articles, deepActive, loaded, newThread, type, useFakeApi } from './helpers.js';

describe('<news-comments>', () => {
  const api = useFakeApi();
  let thread: string;
  beforeEach(() => {
    thread = newThread('n');
  });

  async function mount(extra = {} as { poll?: number }) {
    const el = await fixture<NewsComments>(
      html`<news-comments
        thread=${thread}
        api=${FAKE_BASE}
        loading="eager"
        .pollInterval=${extra.poll ?? 30000}
      ></news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    const form = $<NewsCommentForm>(el, 'news-comment-form')!;
    await loaded(list);
    return { el, list, form };
  }
  const byName = (list: Element, name: string) =>
    articles(list).find((a) => a.querySelector('[part~="comment-name"]')!.textContent === name)!;
  const fill = (form: Element, name: string, body: string) => {
    if (name) type($<HTMLInputElement>(form, '#name')!, name);
    type($<HTMLTextAreaElement>(form, '#body')!, body);
  };

  it('composes the count, the open form and the list, passing api and thread down', async () => {
    api().seed(thread, 2, 1);
    const { el, list, form } = await mount();
    const count = $(el, 'news-comment-count')!;
    await waitUntil(() => count.shadowRoot!.textContent!.trim() === '4 bình luận');
    expect(api().gets('/counts')).to.have.length(0);
    expect(form.open).to.equal(true);
    expect(form.thread).to.equal(thread);
    expect(articles(list)).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('opens a reply form inline under the comment with focus in the body; closing returns focus to "Trả lời"', async () => {
    api().seed(thread, 2);
    const { list } = await mount();
    const target = articles(list)[1];
    const reply = target.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    reply.click();
    await waitUntil(() => !!target.querySelector('news-comment-form'));
    const replyForm = target.querySelector<NewsCommentForm>('news-comment-form')!;
    expect(reply.getAttribute('aria-expanded')).to.equal('true');
    expect(replyForm.parent).to.equal(target.dataset.id);
    await waitUntil(() => deepActive() === $(replyForm, '#body'));
    expect($(replyForm, 'form')!.getAttribute('aria-label')).to.equal(
      `Trả lời ${target.querySelector('[part~="comment-name"]')!.textContent}`,
    );
    await expect(list).to.be.accessible();
    $<HTMLButtonElement>(replyForm, '[part~="close"]')!.click();
    await waitUntil(() => !target.querySelector('news-comment-form'));
    expect(deepActive()).to.equal(reply);
    expect(reply.getAttribute('aria-expanded')).to.equal('false');
    // Escape closes it too.
    reply.click();
    await waitUntil(
      () =>
        !!target.querySelector('news-comment-form') &&
        deepActive() === $(target.querySelector('news-comment-form')!, '#body'),
    );
    deepActive()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => !target.querySelector('news-comment-form'));
    expect(deepActive()).to.equal(reply);
  });

  it("shows the reader's pending comment at once, only to them, across reloads, until approved", async () => {
    api().seed(thread, 1);
    const { el, list, form } = await mount({ poll: 1000 });
    fill(form, 'Tôi', 'Bình luận của tôi');
    $<HTMLButtonElement>(form, '[part~="submit"]')!.click();
    await waitUntil(
      () => byName(list, 'Tôi')?.querySelector('[part~="comment-status"]')?.textContent === 'Đang chờ duyệt',
    );
    const mine = byName(list, 'Tôi');
    expect(articles(list)[0]).to.equal(mine);
    expect(mine.querySelector<HTMLElement>('[part~="reply-button"]')!.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
    // Reload.
    el.remove();
    resetOutboxForTests();
    const again = await mount({ poll: 1000 });
    const id = loadPending(thread)[0].id;
    expect(byName(again.list, 'Tôi').querySelector('[part~="comment-status"]')!.textContent).to.equal('Đang chờ duyệt');
    expect(api().gets('/comments/status').at(-1)!.url.searchParams.get('ids')).to.equal(id);
    // Another reader's page does not show it (no pending entry there).
    api().setStatus(id, 'approved');
    await waitUntil(
      () =>
        byName(again.list, 'Tôi').querySelector('[part~="comment-status"]')?.textContent ===
        'Bình luận của bạn đã được duyệt.',
      'not approved',
      { timeout: 4000 },
    );
    expect(loadPending(thread)).to.have.length(0);
    expect(again.list.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
      'Bình luận của bạn đã được duyệt.',
    );
  });

  it('tells the reader when their comment was rejected', async () => {
    const { list, form } = await mount({ poll: 1000 });
    fill(form, 'Tôi', 'Bị từ chối');
    $<HTMLButtonElement>(form, '[part~="submit"]')!.click();
    await waitUntil(() => loadPending(thread).length === 1);
    api().setStatus(loadPending(thread)[0].id, 'rejected');
    await waitUntil(
      () =>
        byName(list, 'Tôi')?.querySelector('[part~="comment-status"]')?.textContent ===
        'Bình luận của bạn không được duyệt.',
      'not rejected',
      { timeout: 4000 },
    );
  });

  it('sends a reply: the form closes, focus returns to "Trả lời", the pending reply shows under its parent', async () => {
    const [top] = api().seed(thread, 1);
    const { list } = await mount();
    const article = articles(list)[0];
    const reply = article.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    reply.click();
    await waitUntil(() => !!article.querySelector('news-comment-form'));
    const replyForm = article.querySelector<NewsCommentForm>('news-comment-form')!;
    await replyForm.updateComplete;
    fill(replyForm, 'Đáp', 'Tôi đồng ý');
    $<HTMLButtonElement>(replyForm, '[part~="submit"]')!.click();
    await waitUntil(() => !article.querySelector('news-comment-form'));
    await waitUntil(() => deepActive() === reply);
    const mine = byName(list, 'Đáp');
    expect(mine.parentElement!.closest('article')).to.equal(article);
    expect(mine.querySelector('[part~="comment-status"]')!.textContent).to.equal('Đang chờ duyệt');
    expect(api().posts()[0].body).to.deep.include({ parentId: top.id });
  });

  it('shows a queued comment in the list as "Sẽ gửi khi có mạng"', async () => {
    const { list, form } = await mount();
    api().offline = true;
    fill(form, 'Mất mạng', 'Đang chờ mạng');
    $<HTMLButtonElement>(form, '[part~="submit"]')!.click();
    await waitUntil(
      () => byName(list, 'Mất mạng')?.querySelector('[part~="comment-status"]')?.textContent === 'Sẽ gửi khi có mạng',
    );
    api().offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => api().comments.length === 1);
    await waitUntil(
      () => byName(list, 'Mất mạng')?.querySelector('[part~="comment-status"]')?.textContent === 'Đang chờ duyệt',
    );
  });

  it('shows "Đang gửi…" on the reader\'s comment while the first try is under way', async () => {
    const { list, form } = await mount();
    api().delay = 600;
    fill(form, 'Chậm', 'Mạng chậm');
    $<HTMLButtonElement>(form, '[part~="submit"]')!.click();
    await waitUntil(() => byName(list, 'Chậm')?.querySelector('[part~="comment-status"]')?.textContent === 'Đang gửi…');
    expect($(form, '[role="status"]')!.textContent).to.equal('Đang gửi…');
    await waitUntil(
      () => byName(list, 'Chậm')?.querySelector('[part~="comment-status"]')?.textContent === 'Đang chờ duyệt',
    );
  });

  it('replaces the form with "Bình luận đã đóng" and drops "Trả lời" on a closed thread', async () => {
    api().seed(thread, 2);
    api().closedThreads.add(thread);
    const { el, list, form } = await mount();
    await waitUntil(() => !!$(form, '[part~="closed"]'));
    expect($(form, '[part~="closed"]')!.textContent).to.equal('Bình luận đã đóng');
    const buttons = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="reply-button"]')];
    expect(buttons).to.have.length(2);
    expect(buttons.some((b) => b.checkVisibility())).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('exports parts for theming from the host page', async () => {
    api().seed(thread, 1);
    const { list } = await mount();
    expect(list.getAttribute('exportparts')).to.include('comment');
    expect(articles(list)[0].getAttribute('part')).to.equal('comment');
  });
});

describe('<news-comments> states', () => {
  const api = useFakeApi();

  it('is accessible while loading (skeleton) and in dark mode once loaded', async () => {
    const thread = newThread('s');
    api().seed(thread, 3, 1);
    api().delay = 400;
    // A dark page, as a publisher's dark mode has.
    const page = await fixture(
      html`<div style="background:#121212;color-scheme:dark">
        <news-comments thread=${thread} api=${FAKE_BASE} loading="eager" theme="dark"></news-comments>
      </div>`,
    );
    const el = page.querySelector<NewsComments>('news-comments')!;
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    await list.updateComplete;
    expect($(list, '[part~="skeleton"]')).to.not.equal(null);
    await expect(page).to.be.accessible();
    await loaded(list);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(page).to.be.accessible();
  });
});

describe('<news-comments> options', () => {
  const api = useFakeApi();

  it('passes require-diacritics, messages and English down to its parts', async () => {
    const thread = newThread('p');
    api().seed(thread, 1);
    const el = await fixture<NewsComments>(
      html`<news-comments
        thread=${thread}
        api=${FAKE_BASE}
        loading="eager"
        require-diacritics
        .messages=${{ reply: 'Phản hồi', submit: 'Đăng' }}
      ></news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    const form = $<NewsCommentForm>(el, 'news-comment-form')!;
    await loaded(list);
    expect(form.requireDiacritics).to.equal(true);
    expect($(form, '[part~="submit"]')!.textContent).to.equal('Đăng');
    expect(articles(list)[0].querySelector('[part~="reply-button"]')!.textContent).to.equal('Phản hồi');
    el.setAttribute('lang', 'en');
    await waitUntil(() => $(el, 'news-comment-count')!.shadowRoot!.textContent!.trim() === '1 comment');
    await waitUntil(() => $(form, 'label[for="name"]')!.textContent === 'Name');
  });
});
