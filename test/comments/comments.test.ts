import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import { sharedCommentStore } from '../../src/comments/comment-store.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import {
  $,
  articles,
  deepActive,
  gets,
  loaded,
  newThread,
  posts,
  seed,
  spyRequests,
  text,
  type,
  useServer,
} from './helpers.js';

const status = (article: Element | undefined) => text(article?.querySelector('[part~="comment-status"]'));

describe('<news-comments>', () => {
  const api = useServer();
  const requests = spyRequests();
  let thread: string;
  beforeEach(() => {
    thread = newThread('n');
  });

  async function mount(extra = {} as { poll?: number }) {
    const el = await fixture<NewsComments>(
      html`<news-comments
        thread=${thread}
        api=${api().base}
        loading="eager"
        .pollInterval=${extra.poll ?? 30000}
      ></news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    const form = $<NewsCommentForm>(el, 'news-comment-form')!;
    await loaded(list);
    await form.updateComplete;
    return { el, list, form };
  }
  const byName = (list: Element, name: string) =>
    articles(list).find((a) => text(a.querySelector('[part~="comment-name"]')) === name);
  const fill = (form: Element, name: string, body: string) => {
    if (name) type($<HTMLInputElement>(form, '#name')!, name);
    type($<HTMLTextAreaElement>(form, '#body')!, body);
  };
  const submit = (form: Element) => $<HTMLButtonElement>(form, '[part~="submit"]')!.click();

  it('composes the count, the open form and the list, with the first page handed down (one GET)', async () => {
    await seed(api(), thread, 2, 1);
    const { el, list, form } = await mount();
    const count = $(el, 'news-comment-count')!;
    await waitUntil(() => text(count.shadowRoot) === '4 bình luận');
    expect(gets(requests(), '/counts')).to.have.length(0);
    expect(gets(requests(), '/comments')).to.have.length(1);
    expect(form.thread).to.equal(thread);
    expect($(form, 'form')).to.not.equal(null);
    expect(articles(list)).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('opens a reply form inline under the comment, with "Trả lời {name}" and focus in the body; closing returns focus', async () => {
    await seed(api(), thread, 2);
    const { list } = await mount();
    const target = articles(list)[1];
    const reply = target.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    reply.click();
    await waitUntil(() => !!target.querySelector('news-comment-form'));
    const replyForm = target.querySelector<NewsCommentForm>('news-comment-form')!;
    expect(reply.getAttribute('aria-expanded')).to.equal('true');
    expect(replyForm.parent).to.equal(target.dataset.id);
    await waitUntil(() => deepActive() === $(replyForm, '#body'));
    const name = text(target.querySelector('[part~="comment-name"]'));
    expect($(replyForm, 'form')!.getAttribute('aria-label')).to.equal(`Trả lời ${name}`);
    expect(text($(replyForm, '[part~="reply-context"]'))).to.equal(`Trả lời ${name}`);
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
    await seed(api(), thread, 1);
    const { el, list, form } = await mount({ poll: 1000 });
    fill(form, 'Tôi', 'Bình luận của tôi');
    submit(form);
    await waitUntil(() => status(byName(list, 'Tôi')) === 'Đang chờ duyệt');
    const mine = byName(list, 'Tôi')!;
    expect(articles(list)[0]).to.equal(mine);
    expect(mine.querySelector<HTMLElement>('[part~="reply-button"]')!.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
    // Reload.
    el.remove();
    const again = await mount({ poll: 1000 });
    const [own] = sharedCommentStore().pending(thread);
    expect(status(byName(again.list, 'Tôi'))).to.equal('Đang chờ duyệt');
    await waitUntil(() => gets(requests(), '/comments/status').length > 0);
    expect(gets(requests(), '/comments/status').at(-1)!.url.searchParams.get('ids')).to.equal(own.id);
    await api().approve(own.id);
    await waitUntil(() => status(byName(again.list, 'Tôi')) === 'Bình luận của bạn đã được duyệt.', 'not approved', {
      timeout: 4000,
    });
    expect(sharedCommentStore().pending(thread)).to.have.length(0);
    expect(text(again.list.shadowRoot!.querySelector('[role="status"]'))).to.equal('Bình luận của bạn đã được duyệt.');
  });

  it('tells the reader when their comment was rejected', async () => {
    const { list, form } = await mount({ poll: 1000 });
    fill(form, 'Tôi', 'Bị từ chối');
    submit(form);
    await waitUntil(() => sharedCommentStore().pending(thread).length === 1);
    await api().reject(sharedCommentStore().pending(thread)[0].id);
    await waitUntil(() => status(byName(list, 'Tôi')) === 'Bình luận của bạn không được duyệt.', 'not rejected', {
      timeout: 4000,
    });
  });

  it('sends a reply: the form closes, focus returns to "Trả lời", the pending reply shows under its parent', async () => {
    const [top] = await seed(api(), thread, 1);
    const { list } = await mount();
    const article = articles(list)[0];
    const reply = article.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    reply.click();
    await waitUntil(() => !!article.querySelector('news-comment-form'));
    const replyForm = article.querySelector<NewsCommentForm>('news-comment-form')!;
    await replyForm.updateComplete;
    fill(replyForm, 'Đáp', 'Tôi đồng ý');
    submit(replyForm);
    await waitUntil(() => !article.querySelector('news-comment-form'));
    await waitUntil(() => deepActive() === reply);
    const mine = byName(list, 'Đáp')!;
    expect(mine.parentElement!.closest('article')).to.equal(article);
    expect(status(mine)).to.equal('Đang chờ duyệt');
    expect(posts(requests()).at(-1)!.body).to.deep.include({ parentId: top });
  });

  it('shows a comment the network dropped as "Chưa gửi được, sẽ thử lại", then pending once sent', async () => {
    const { list, form } = await mount();
    await api().fault({ kind: 'network', method: 'POST' });
    fill(form, 'Mất mạng', 'Đang chờ mạng');
    submit(form);
    await waitUntil(() => status(byName(list, 'Mất mạng')) === 'Chưa gửi được, sẽ thử lại');
    await api().clearFaults();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => status(byName(list, 'Mất mạng')) === 'Đang chờ duyệt');
    expect((await api().pending()).map((c) => c.body)).to.deep.equal(['Đang chờ mạng']);
  });

  it('shows "Đang gửi…" on the reader\'s comment while the first try is under way', async () => {
    const { list, form } = await mount();
    await api().fault({ kind: 'delay', ms: 600, method: 'POST' });
    fill(form, 'Chậm', 'Mạng chậm');
    submit(form);
    await waitUntil(() => status(byName(list, 'Chậm')) === 'Đang gửi…');
    expect(text($(form, '[role="status"]'))).to.equal('Đang gửi…');
    await waitUntil(() => status(byName(list, 'Chậm')) === 'Đang chờ duyệt');
  });

  it('replaces the form with "Bình luận đã đóng" and drops "Trả lời" on a closed thread', async () => {
    await seed(api(), thread, 2);
    await api().closeThread(thread);
    const { el, list, form } = await mount();
    await waitUntil(() => !!$(form, '[part~="closed"]'));
    expect(text($(form, '[part~="closed"]'))).to.equal('Bình luận đã đóng');
    const buttons = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="reply-button"]')];
    expect(buttons).to.have.length(2);
    expect(buttons.some((b) => b.checkVisibility())).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('exports every part of the list and form for theming from the host page', async () => {
    await seed(api(), thread, 1);
    const { list, form } = await mount();
    const exported = (el: Element) => el.getAttribute('exportparts')!.split(/,\s*/);
    expect(exported(list)).to.include.members(['comment', 'toolbar', 'skeleton', 'error', 'sort', 'more']);
    expect(exported(form)).to.include.members(['form', 'submit', 'write', 'closed', 'reply-context']);
    // Every part the list renders is exported.
    const rendered = new Set(
      [...list.shadowRoot!.querySelectorAll('[part]')].flatMap((node) => node.getAttribute('part')!.split(' ')),
    );
    expect(exported(list)).to.include.members([...rendered]);
    expect(articles(list)[0].getAttribute('part')).to.equal('comment');
  });

  it('keeps space between "Viết bình luận" and the sort buttons', async () => {
    await seed(api(), thread, 1);
    const { list, form } = await mount();
    $<HTMLButtonElement>(form, '[part~="close"]')!.click();
    await waitUntil(() => !!$(form, '[part~="write"]'));
    const write = $(form, '[part~="write"]')!.getBoundingClientRect();
    const toolbar = $(list, '[part~="toolbar"]')!.getBoundingClientRect();
    expect(toolbar.top - write.bottom).to.be.at.least(16);
  });
});

describe('<news-comments> states', () => {
  const api = useServer();

  it('is accessible while loading (skeleton) and in dark mode once loaded', async () => {
    const thread = newThread('s');
    await seed(api(), thread, 2, 1);
    await api().fault({ kind: 'delay', ms: 400, path: '/threads/' });
    // A dark page, as a publisher's dark mode has.
    const page = await fixture(
      html`<div style="background:#121212;color-scheme:dark">
        <news-comments thread=${thread} api=${api().base} loading="eager" theme="dark"></news-comments>
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

  it('keeps the form readable on a page that themes only text, link and accent (partial dark theme)', async () => {
    const thread = newThread('s');
    const page = await fixture(
      html`<div
        style="background:#111;color:#eee;--news-color-text:#eee;--news-color-link:#8ab4f8;--news-color-accent:#f5c518"
      >
        <news-comments thread=${thread} api=${api().base} loading="eager"></news-comments>
      </div>`,
    );
    const el = page.querySelector<NewsComments>('news-comments')!;
    const form = $<NewsCommentForm>(el, 'news-comment-form')!;
    await waitUntil(() => !!form.shadowRoot?.querySelector('form'));
    // The form lets the page's dark background through: no white box under light labels.
    expect(getComputedStyle($(form, 'form')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle($(form, '#name')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    // Dark text on the yellow button (no on-accent token given), and axe checks every contrast.
    expect(getComputedStyle($(form, '[part~="submit"]')!).color).to.match(/^(rgb\(0, 0, 0\)|oklch\(0 0 0\))$/);
    await expect(page).to.be.accessible();
  });

  it('shows its error state, accessible, and retries the first page', async () => {
    const thread = newThread('s');
    await seed(api(), thread, 1);
    await api().fault({ kind: 'status', status: 503, times: 1, path: '/threads/' });
    const el = await fixture<NewsComments>(
      html`<news-comments thread=${thread} api=${api().base} loading="eager"></news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    await loaded(list);
    expect($(list, '[part~="error"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(list, '[part~="retry"]')!.click();
    await waitUntil(() => articles(list).length === 1);
  });
});

describe('<news-comments> options', () => {
  const api = useServer();

  it('passes require-diacritics, messages and English down to its parts', async () => {
    const thread = newThread('p');
    await seed(api(), thread, 1);
    const el = await fixture<NewsComments>(
      html`<news-comments
        thread=${thread}
        api=${api().base}
        loading="eager"
        require-diacritics
        .messages=${{ reply: 'Phản hồi', submit: 'Đăng' }}
      ></news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    const form = $<NewsCommentForm>(el, 'news-comment-form')!;
    await loaded(list);
    await form.updateComplete;
    expect(form.requireDiacritics).to.equal(true);
    expect(text($(form, '[part~="submit"]'))).to.equal('Đăng');
    expect(text(articles(list)[0].querySelector('[part~="reply-button"]'))).to.equal('Phản hồi');
    el.setAttribute('lang', 'en');
    await waitUntil(() => text($(el, 'news-comment-count')!.shadowRoot) === '1 comment');
    await waitUntil(() => text($(form, 'label[for="name"]')) === 'Name');
  });

  it('follows the reader to another order (the list tells the section)', async () => {
    const thread = newThread('p');
    await api().approved(thread, { name: 'A', body: '1' });
    await api().approved(thread, { name: 'B', body: '2' });
    const el = await fixture<NewsComments>(
      html`<news-comments thread=${thread} api=${api().base} loading="eager"></news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    await loaded(list);
    const sorted = oneEvent(el, 'news-comments-sort');
    list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="sort"]')[1].click();
    expect((await sorted).detail.sort).to.equal('oldest');
    await waitUntil(() => text(articles(list)[0].querySelector('[part~="comment-name"]')) === 'A');
  });
});
