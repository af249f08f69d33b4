import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/comments/index.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import {
  draftKey,
  loadOutbox,
  loadPending,
  OUTBOX_KEY,
  resetOutboxForTests,
  retryDelays,
} from '../../src/comments/outbox.js';
import { FAKE_BASE } from './fake-api.js';
import { $, deepActive, newThread, type, useFakeApi } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('<news-comment-form>', () => {
  const api = useFakeApi();
  let thread: string;

  beforeEach(() => {
    thread = newThread('f');
  });

  const mount = (attrs: { parent?: string; require?: boolean; lang?: string } = {}) =>
    fixture<NewsCommentForm>(
      html`<news-comment-form
        thread=${thread}
        api=${FAKE_BASE}
        loading="eager"
        parent=${attrs.parent ?? ''}
        ?require-diacritics=${attrs.require}
        lang=${attrs.lang ?? 'vi'}
      ></news-comment-form>`,
    );
  const field = <T extends HTMLElement = HTMLInputElement>(el: NewsCommentForm, id: string) => $<T>(el, `#${id}`)!;
  const fill = (el: NewsCommentForm, name: string, body: string) => {
    type(field(el, 'name'), name);
    type(field<HTMLTextAreaElement>(el, 'body'), body);
  };
  const submit = (el: NewsCommentForm) => $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
  const status = (el: NewsCommentForm) => $(el, '[role="status"]')!.textContent!.trim();

  it('has labelled fields, the notice, a counter and a hidden honeypot, and is accessible', async () => {
    const el = await mount();
    for (const [id, text] of [
      ['name', 'Họ tên'],
      ['email', 'Email (không bắt buộc, không hiển thị)'],
      ['body', 'Nội dung'],
    ]) {
      expect($(el, `label[for="${id}"]`)!.textContent).to.equal(text);
    }
    expect($(el, '[part~="notice"]')!.textContent).to.equal(
      'Ý kiến của bạn sẽ được biên tập trước khi đăng. Vui lòng gõ tiếng Việt có dấu',
    );
    expect(field(el, 'body').getAttribute('aria-describedby')).to.include('notice');
    expect($(el, '[part~="counter"]')!.textContent).to.equal('0/2000');
    expect($(el, '[part~="submit"]')!.textContent).to.equal('Gửi bình luận');
    expect($(el, '[part~="close"]')!.textContent).to.include('Tắt');
    const honeypot = field(el, 'website');
    expect(honeypot.closest('[inert]')).to.not.equal(null);
    expect(honeypot.getBoundingClientRect().right).to.be.below(0);
    await expect(el).to.be.accessible();
  });

  it('validates: required name and body, lengths, e-mail; errors tied to fields; focus on the first', async () => {
    const el = await mount();
    submit(el);
    await waitUntil(() => !!$(el, '#name-error'));
    const name = field(el, 'name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.equal('name-error');
    expect($(el, '#name-error')!.textContent).to.equal('Vui lòng nhập họ tên.');
    expect($(el, '#body-error')!.textContent).to.equal('Vui lòng nhập nội dung.');
    await waitUntil(() => deepActive() === name);
    await expect(el).to.be.accessible();

    type(name, 'x'.repeat(81));
    type(field(el, 'email'), 'not-an-email');
    type(field<HTMLTextAreaElement>(el, 'body'), 'Bình luận. '.repeat(200) + 'dài');
    await el.updateComplete;
    expect($(el, '[part~="counter"]')!.textContent).to.equal('2203/2000');
    expect($(el, '[part~="counter"]')!.getAttribute('aria-live')).to.equal('polite');
    submit(el);
    await waitUntil(() => !!$(el, '#email-error'));
    expect($(el, '#name-error')!.textContent).to.equal('Họ tên dài quá 80 ký tự.');
    expect($(el, '#email-error')!.textContent).to.equal('Địa chỉ email không hợp lệ.');
    expect($(el, '#body-error')!.textContent).to.equal('Nội dung dài quá 2000 ký tự.');
    expect(api().posts()).to.have.length(0);
  });

  it('sends with an Idempotency-Key, shows "Đang gửi…" then pending, and clears the draft only then', async () => {
    api().delay = 150;
    const el = await mount();
    fill(el, 'Minh', 'Bài viết rất hay, cảm ơn tác giả.');
    type(field(el, 'email'), 'minh@example.com');
    expect(JSON.parse(localStorage.getItem(draftKey(thread, null))!)).to.deep.equal({
      name: 'Minh',
      body: 'Bài viết rất hay, cảm ơn tác giả.',
    });
    const sent = oneEvent(el, 'news-comment-sent');
    submit(el);
    await waitUntil(() => status(el) === 'Đang gửi…');
    expect(localStorage.getItem(draftKey(thread, null))).to.not.equal(null);
    const { detail } = await sent;
    expect(detail).to.include({ thread, status: 'pending' });
    expect(detail.id).to.be.a('string');
    const [post] = api().posts();
    expect(post.headers.get('idempotency-key')).to.match(UUID);
    expect(post.body).to.deep.equal({
      name: 'Minh',
      email: 'minh@example.com',
      body: 'Bài viết rất hay, cảm ơn tác giả.',
    });
    await el.updateComplete;
    expect(status(el)).to.equal('Đã gửi. Bình luận của bạn đang chờ duyệt.');
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('');
    expect(field(el, 'name').value).to.equal('Minh');
    expect(JSON.parse(localStorage.getItem(draftKey(thread, null))!)).to.deep.equal({ name: 'Minh', body: '' });
    expect(loadPending(thread).map((c) => c.id)).to.deep.equal([detail.id]);
    expect(loadOutbox()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('restores name and body from the draft after a reload, per thread and parent', async () => {
    const el = await mount();
    fill(el, 'Lan', 'Đang viết dở');
    el.remove();
    const again = await mount();
    expect(field(again, 'name').value).to.equal('Lan');
    expect(field<HTMLTextAreaElement>(again, 'body').value).to.equal('Đang viết dở');
    const reply = await mount({ parent: 'c1' });
    expect(field<HTMLTextAreaElement>(reply, 'body').value).to.equal('');
    type(field<HTMLTextAreaElement>(reply, 'body'), 'trả lời dở');
    expect(localStorage.getItem(`news-widgets:draft:${thread}:c1`)).to.include('trả lời dở');
    expect(localStorage.getItem(`news-widgets:draft:${thread}:root`)).to.include('Đang viết dở');
  });

  it('queues on a 5xx ("Sẽ gửi khi có mạng"), retries with back-off and the server stores it once', async () => {
    retryDelays.base = 60;
    api().failNext = 2;
    const el = await mount();
    fill(el, 'Hùng', 'Mạng chập chờn quá');
    const first = oneEvent(el, 'news-comment-sent');
    submit(el);
    expect((await first).detail.status).to.equal('queued');
    await el.updateComplete;
    expect(status(el)).to.equal('Sẽ gửi khi có mạng');
    expect(loadOutbox()).to.have.length(1);
    const second = oneEvent(el, 'news-comment-sent');
    expect((await second).detail.status).to.equal('pending');
    await el.updateComplete;
    expect(status(el)).to.equal('Đã gửi. Bình luận của bạn đang chờ duyệt.');
    const keys = api()
      .posts()
      .map((p) => p.headers.get('idempotency-key'));
    expect(keys).to.have.length(3);
    expect(new Set(keys).size).to.equal(1);
    expect(api().comments.filter((c) => c.thread === thread)).to.have.length(1);
    expect(loadOutbox()).to.have.length(0);
  });

  it('waits offline and sends at once on the online event; repeats are stored exactly once', async () => {
    retryDelays.base = 60_000;
    api().offline = true;
    const el = await mount();
    fill(el, 'Hoa', 'Gửi lúc mất mạng');
    submit(el);
    await waitUntil(() => status(el) === 'Sẽ gửi khi có mạng');
    const entry = loadOutbox()[0];
    expect(entry.post.body).to.equal('Gửi lúc mất mạng');
    // The comment is never lost: it is in localStorage with its key.
    expect(localStorage.getItem(OUTBOX_KEY)).to.include(entry.key);
    api().offline = false;
    const sent = oneEvent(el, 'news-comment-sent');
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await sent;
    await aTimeout(50);
    expect(api().comments.filter((c) => c.thread === thread)).to.have.length(1);
    expect(
      new Set(
        api()
          .posts()
          .map((p) => p.headers.get('idempotency-key')),
      ).size,
    ).to.equal(1);
  });

  it('survives a reload while queued: the outbox sends it later, and the draft does not duplicate it', async () => {
    retryDelays.base = 60_000;
    api().offline = true;
    const el = await mount();
    fill(el, 'Tú', 'Không bao giờ mất');
    submit(el);
    await waitUntil(() => status(el) === 'Sẽ gửi khi có mạng');
    el.remove();
    // "Reload": forget all in-memory state, keep localStorage.
    resetOutboxForTests();
    const again = await mount();
    expect(status(again)).to.equal('Sẽ gửi khi có mạng');
    expect(field<HTMLTextAreaElement>(again, 'body').value).to.equal('');
    api().offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => api().comments.some((c) => c.thread === thread && c.body === 'Không bao giờ mất'));
    await waitUntil(() => status(again) === 'Đã gửi. Bình luận của bạn đang chờ duyệt.');
  });

  it('keeps the text on a 400 and points at the field, showing the server message as text', async () => {
    api().forceInvalid = { code: 'invalid_input', message: '<img src=x onerror=alert(1)>Tên bị cấm', field: 'name' };
    const el = await mount();
    fill(el, 'admin', 'Nội dung giữ nguyên');
    submit(el);
    await waitUntil(() => !!$(el, '#name-error'));
    expect($(el, '#name-error')!.textContent).to.include('<img src=x onerror=alert(1)>Tên bị cấm');
    expect($(el, '#name-error img')).to.equal(null);
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('Nội dung giữ nguyên');
    await waitUntil(() => deepActive() === field(el, 'name'));
    expect(localStorage.getItem(draftKey(thread, null))).to.include('Nội dung giữ nguyên');
    expect(loadOutbox()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows when to retry on a 429 and keeps the text', async () => {
    api().rateLimit = 42;
    const el = await mount();
    fill(el, 'Nhanh', 'Gửi liên tục');
    submit(el);
    await waitUntil(() => $(el, '[role="alert"]')!.textContent!.includes('42'));
    expect($(el, '[role="alert"]')!.textContent).to.equal('Bạn gửi quá nhanh. Vui lòng thử lại sau 42 giây.');
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('Gửi liên tục');
    expect(loadOutbox()).to.have.length(0);
  });

  it('replaces itself with "Bình luận đã đóng" on a 403', async () => {
    api().closedThreads.add(thread);
    const el = await mount();
    fill(el, 'Muộn', 'Bình luận muộn');
    const closed = oneEvent(el, 'news-thread-closed');
    submit(el);
    await closed;
    await el.updateComplete;
    expect($(el, '[part~="closed"]')!.textContent).to.equal('Bình luận đã đóng');
    expect($(el, 'form')).to.equal(null);
    expect(localStorage.getItem(draftKey(thread, null))).to.include('Bình luận muộn');
    await expect(el).to.be.accessible();
  });

  it('closes with "Tắt" through a cancelable news-close, leaving a "Viết bình luận" button that reopens it', async () => {
    const el = await mount();
    let cancel = true;
    el.addEventListener('news-close', (e) => {
      expect(e.detail.widget).to.equal('news-comment-form');
      if (cancel) e.preventDefault();
    });
    $<HTMLButtonElement>(el, '[part~="close"]')!.click();
    await el.updateComplete;
    expect($(el, 'form')).to.not.equal(null);
    cancel = false;
    $<HTMLButtonElement>(el, '[part~="close"]')!.focus();
    $<HTMLButtonElement>(el, '[part~="close"]')!.click();
    await waitUntil(() => !!$(el, '[part~="write"]'));
    expect($(el, 'form')).to.equal(null);
    expect(el.open).to.equal(false);
    const write = $<HTMLButtonElement>(el, '[part~="write"]')!;
    expect(write.textContent).to.equal('Viết bình luận');
    await waitUntil(() => deepActive() === write);
    await expect(el).to.be.accessible();
    write.click();
    await waitUntil(() => deepActive() === field(el, 'name'));
  });

  it('remember-close keeps a closed form closed for the session, from its first paint', async () => {
    const key = 'news-widgets:closed:news-comment-form';
    sessionStorage.removeItem(key);
    try {
      const make = () =>
        fixture<NewsCommentForm>(
          html`<news-comment-form thread=${thread} api=${FAKE_BASE} remember-close></news-comment-form>`,
        );
      const first = await make();
      $<HTMLButtonElement>(first, '[part~="close"]')!.click();
      await waitUntil(() => !!$(first, '[part~="write"]'));
      first.remove();
      const again = await make();
      expect($(again, 'form')).to.equal(null);
      expect($(again, '[part~="skeleton"]')).to.equal(null);
      expect($(again, '[part~="write"]')!.textContent).to.equal('Viết bình luận');
    } finally {
      sessionStorage.removeItem(key);
    }
  });

  it('closes on Escape', async () => {
    const el = await mount();
    field<HTMLTextAreaElement>(el, 'body').focus();
    field<HTMLTextAreaElement>(el, 'body').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await waitUntil(() => !!$(el, '[part~="write"]'));
  });

  it('hints on blur when the body is Vietnamese without diacritics, tied to the field', async () => {
    const el = await mount();
    type(field(el, 'name'), 'Nam');
    const body = field<HTMLTextAreaElement>(el, 'body');
    type(body, 'Toi thay bai viet rat hay, cam on tac gia');
    await el.updateComplete;
    expect($(el, '#hint')).to.equal(null);
    body.blur();
    await waitUntil(() => !!$(el, '#hint'));
    expect($(el, '#hint')!.textContent).to.equal('Bình luận của bạn có vẻ chưa có dấu. Vui lòng gõ tiếng Việt có dấu.');
    expect(body.getAttribute('aria-describedby')).to.include('hint');
    await expect(el).to.be.accessible();
    // Fixed: the hint goes.
    type(body, 'Tôi thấy bài viết rất hay, cảm ơn tác giả');
    await el.updateComplete;
    expect($(el, '#hint')).to.equal(null);
    // Without require-diacritics it only hints: sending goes ahead.
    type(body, 'Toi thay bai viet rat hay, cam on tac gia');
    submit(el);
    await waitUntil(() => api().posts().length === 1);
  });

  it('blocks sending with require-diacritics', async () => {
    const el = await mount({ require: true });
    fill(el, 'Nam', 'Nguoi dan khong duoc thong bao truoc ve viec cam duong');
    submit(el);
    await waitUntil(() => !!$(el, '#body-error'));
    expect($(el, '#body-error')!.textContent).to.equal(
      'Bình luận của bạn có vẻ chưa có dấu. Vui lòng gõ tiếng Việt có dấu.',
    );
    expect(field(el, 'body').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => deepActive() === field(el, 'body'));
    expect(api().posts()).to.have.length(0);
    type(field<HTMLTextAreaElement>(el, 'body'), 'Người dân không được thông báo trước về việc cấm đường');
    submit(el);
    await waitUntil(() => api().posts().length === 1);
  });

  it('does not hint in English, nor on English text', async () => {
    const el = await mount({ lang: 'en' });
    expect($(el, 'label[for="name"]')!.textContent).to.equal('Name');
    expect($(el, '[part~="notice"]')!.textContent).to.equal('Your comment will be edited before it is published.');
    type(field<HTMLTextAreaElement>(el, 'body'), 'Toi thay bai viet rat hay, cam on tac gia');
    field<HTMLTextAreaElement>(el, 'body').blur();
    await el.updateComplete;
    expect($(el, '#hint')).to.equal(null);
    const vi = await mount();
    type(field<HTMLTextAreaElement>(vi, 'body'), 'The police said the road was closed');
    field<HTMLTextAreaElement>(vi, 'body').blur();
    await vi.updateComplete;
    expect($(vi, '#hint')).to.equal(null);
  });

  it('sends the honeypot when a bot fills it', async () => {
    const el = await mount();
    fill(el, 'Bot', 'spam');
    field(el, 'website').value = 'https://spam.example';
    submit(el);
    await waitUntil(() => api().posts().length === 1);
    expect((api().posts()[0].body as { website: string }).website).to.equal('https://spam.example');
    expect(api().comments.filter((c) => c.thread === thread)).to.have.length(0);
  });

  it('holds its place with a box of its size until it comes near the viewport, then shows the form', async () => {
    const page = await fixture(
      html`<div>
        <div style="height:400vh"></div>
        <news-comment-form thread=${thread} api=${FAKE_BASE}></news-comment-form>
        <news-comment-form thread=${thread} api=${FAKE_BASE} loading="eager"></news-comment-form>
      </div>`,
    );
    const [lazy, eager] = [...page.querySelectorAll<NewsCommentForm>('news-comment-form')];
    await eager.updateComplete;
    expect($(eager, 'form')).to.not.equal(null);
    await aTimeout(100);
    expect($(lazy, 'form')).to.equal(null);
    expect($(lazy, '[part~="skeleton"]')).to.not.equal(null);
    const reserved = lazy.getBoundingClientRect().height;
    expect(Math.abs(reserved - eager.getBoundingClientRect().height)).to.be.below(4);
    lazy.scrollIntoView();
    await waitUntil(() => !!$(lazy, 'form'), 'the form did not come');
    expect(Math.abs(lazy.getBoundingClientRect().height - reserved)).to.be.below(4);
    expect($(lazy, 'label[for="name"]')!.textContent).to.equal('Họ tên');
    await expect(lazy).to.be.accessible();
  });

  it('accepts every string override through messages', async () => {
    const el = await mount();
    el.messages = { submit: 'Đăng', notice: 'Thông báo riêng' };
    await el.updateComplete;
    expect($(el, '[part~="submit"]')!.textContent).to.equal('Đăng');
    expect($(el, '[part~="notice"]')!.textContent).to.equal('Thông báo riêng');
  });
});
