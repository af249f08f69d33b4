import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import { CommentStore, draftKey, OUTBOX_KEY, sharedCommentStore } from '../../src/comments/comment-store.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import { $, deepActive, newThread, posts, spyRequests, text, type, useServer } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SENT = 'Đã gửi. Bình luận của bạn đang chờ duyệt.';

describe('<news-comment-form>', () => {
  const api = useServer();
  const requests = spyRequests();
  let thread: string;
  let stores: CommentStore[] = [];
  // Each test's form has a store of its own, as a fresh page has: the page's shared one rests.
  before(() => sharedCommentStore().stop());
  after(() => sharedCommentStore().start());

  beforeEach(() => {
    thread = newThread('f');
  });
  afterEach(() => {
    stores.forEach((store) => store.stop());
    stores = [];
  });

  /** A store of the test's own, as a fresh page has; short back-off unless asked otherwise. */
  const newStore = (base = 50) => {
    const store = new CommentStore({ retry: { base, max: 8 * base } });
    stores.push(store);
    return store;
  };

  const mount = (
    attrs: { parent?: string; require?: boolean; lang?: string; store?: CommentStore } = {},
  ): Promise<NewsCommentForm> =>
    fixture<NewsCommentForm>(
      html`<news-comment-form
        thread=${thread}
        api=${api().base}
        parent=${attrs.parent ?? ''}
        ?require-diacritics=${attrs.require}
        lang=${attrs.lang ?? 'vi'}
        .store=${attrs.store ?? newStore()}
      ></news-comment-form>`,
    );
  const field = <T extends HTMLElement = HTMLInputElement>(el: NewsCommentForm, id: string) => $<T>(el, `#${id}`)!;
  const fill = (el: NewsCommentForm, name: string, body: string) => {
    type(field(el, 'name'), name);
    type(field<HTMLTextAreaElement>(el, 'body'), body);
  };
  const submit = (el: NewsCommentForm) => $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
  const status = (el: NewsCommentForm) => text($(el, '[role="status"]'));
  const stored = (store: CommentStore) => store.outbox();

  it('has labelled fields, the notice, a counter and a hidden honeypot, and is accessible', async () => {
    const el = await mount();
    for (const [id, label] of [
      ['name', 'Họ tên'],
      ['email', 'Email (không bắt buộc, không hiển thị)'],
      ['body', 'Nội dung'],
    ]) {
      expect(text($(el, `label[for="${id}"]`))).to.equal(label);
    }
    expect(text($(el, '[part~="notice"]'))).to.equal(
      'Ý kiến của bạn sẽ được biên tập trước khi đăng. Vui lòng gõ tiếng Việt có dấu',
    );
    expect(field(el, 'body').getAttribute('aria-describedby')).to.include('notice');
    expect(text($(el, '[part~="counter"]'))).to.equal('0/2000');
    expect(text($(el, '[part~="submit"]'))).to.equal('Gửi bình luận');
    expect(text($(el, '[part~="close"]'))).to.include('Tắt');
    const honeypot = field(el, 'website');
    expect(honeypot.closest('[inert]')).to.not.equal(null);
    expect(honeypot.getBoundingClientRect().right).to.be.below(0);
    await expect(el).to.be.accessible();
  });

  it('validates with the contract limits: required name and body, lengths, e-mail; focus on the first', async () => {
    const el = await mount();
    submit(el);
    await waitUntil(() => !!$(el, '#name-error'));
    const name = field(el, 'name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.equal('name-error');
    expect(text($(el, '#name-error'))).to.equal('Vui lòng nhập họ tên.');
    expect(text($(el, '#body-error'))).to.equal('Vui lòng nhập nội dung.');
    await waitUntil(() => deepActive() === name);
    await expect(el).to.be.accessible();

    type(name, 'x'.repeat(81));
    type(field(el, 'email'), 'not-an-email');
    type(field<HTMLTextAreaElement>(el, 'body'), 'Bình luận. '.repeat(200) + 'dài');
    await el.updateComplete;
    expect(text($(el, '[part~="counter"]'))).to.equal('2203/2000');
    expect($(el, '[part~="counter"]')!.getAttribute('aria-live')).to.equal('polite');
    submit(el);
    await waitUntil(() => !!$(el, '#email-error'));
    expect(text($(el, '#name-error'))).to.equal('Họ tên dài quá 80 ký tự.');
    expect(text($(el, '#email-error'))).to.equal('Địa chỉ email không hợp lệ.');
    expect(text($(el, '#body-error'))).to.equal('Nội dung dài quá 2000 ký tự.');
    expect(posts(requests())).to.have.length(0);
  });

  it('refuses, before sending, what the server refuses: staff names, direction tricks, invisible text (text-rules.ts)', async () => {
    const el = await mount();
    fill(el, 'Ban biên tập (Admin) ✔', 'Tin \u202Egpj.exe');
    submit(el);
    await waitUntil(() => !!$(el, '#name-error'));
    expect(text($(el, '#name-error'))).to.equal(
      'Tên này giống tên của Ban biên tập hoặc quản trị viên. Vui lòng chọn tên khác.',
    );
    expect(text($(el, '#body-error'))).to.equal('Nội dung chứa ký tự điều khiển hướng chữ. Vui lòng xoá chúng.');
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => deepActive() === field(el, 'name'));
    await expect(el).to.be.accessible();

    fill(el, '\u3164\u3164', '\u200B\u2800');
    submit(el);
    await waitUntil(() => !!text($(el, '#name-error'))?.startsWith('Họ tên chỉ'));
    expect(text($(el, '#name-error'))).to.equal('Họ tên chỉ có ký tự vô hình. Vui lòng nhập chữ.');
    expect(text($(el, '#body-error'))).to.equal('Nội dung chỉ có ký tự vô hình. Vui lòng nhập chữ.');
    expect(posts(requests())).to.have.length(0);

    // An ordinary name with a staff-like word in it passes, and the server agrees.
    fill(el, 'Trần Thị Quản', 'Bạn đọc ở Hà Tĩnh gửi lời cảm ơn.');
    const sent = oneEvent(el, 'news-comment-sent');
    submit(el);
    expect((await sent).detail.status).to.equal('pending');
  });

  it('files the comment in the outbox on the click itself, sends it with an Idempotency-Key, then shows it pending', async () => {
    await api().fault({ kind: 'delay', ms: 300, method: 'POST' });
    const store = newStore();
    const el = await mount({ store });
    fill(el, 'Minh', 'Bài viết rất hay, cảm ơn tác giả.');
    type(field(el, 'email'), 'minh@example.com');
    expect(JSON.parse(localStorage.getItem(draftKey(thread, null))!)).to.deep.equal({
      name: 'Minh',
      body: 'Bài viết rất hay, cảm ơn tác giả.',
    });
    const sent = oneEvent(el, 'news-comment-sent');
    submit(el);
    // Synchronously stored: nothing has to load or answer first.
    expect(JSON.parse(localStorage.getItem(OUTBOX_KEY)!)[0].post.body).to.equal('Bài viết rất hay, cảm ơn tác giả.');
    await el.updateComplete;
    expect(status(el)).to.equal('Đang gửi…');
    expect(localStorage.getItem(draftKey(thread, null))).to.not.equal(null);
    const { detail } = await sent;
    expect(detail).to.include({ thread, status: 'pending' });
    const [post] = posts(requests());
    expect(post.headers.get('idempotency-key')).to.match(UUID);
    expect(post.body).to.deep.equal({
      name: 'Minh',
      email: 'minh@example.com',
      body: 'Bài viết rất hay, cảm ơn tác giả.',
    });
    expect((await api().pending()).map((c) => c.id)).to.deep.equal([detail.id]);
    await el.updateComplete;
    expect(status(el)).to.equal(SENT);
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('');
    expect(field(el, 'name').value).to.equal('Minh');
    expect(JSON.parse(localStorage.getItem(draftKey(thread, null))!)).to.deep.equal({ name: 'Minh', body: '' });
    expect(store.pending(thread).map((c) => c.id)).to.deep.equal([detail.id]);
    expect(stored(store)).to.have.length(0);
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

  it('on a 5xx while online says it will retry (not that the reader is offline), backs off, and the server stores it once', async () => {
    await api().fault({ kind: 'status', status: 503, times: 2, method: 'POST' });
    const store = newStore();
    const el = await mount({ store });
    fill(el, 'Hùng', 'Mạng chập chờn quá');
    const first = oneEvent(el, 'news-comment-sent');
    submit(el);
    expect((await first).detail.status).to.equal('queued');
    await el.updateComplete;
    expect(status(el)).to.equal('Chưa gửi được, sẽ thử lại');
    expect(stored(store)).to.have.length(1);
    const second = oneEvent(el, 'news-comment-sent');
    expect((await second).detail.status).to.equal('pending');
    await el.updateComplete;
    expect(status(el)).to.equal(SENT);
    const keys = posts(requests()).map((p) => p.headers.get('idempotency-key'));
    expect(keys).to.have.length(3);
    expect(new Set(keys).size).to.equal(1);
    expect((await api().pending()).filter((c) => c.thread === thread)).to.have.length(1);
    expect(stored(store)).to.have.length(0);
  });

  it('keeps a comment the network dropped, and sends it at once on the online event, stored exactly once', async () => {
    await api().fault({ kind: 'network', method: 'POST' });
    // The back-off is a minute: only the online event sends it.
    const store = newStore(60_000);
    const el = await mount({ store });
    fill(el, 'Hoa', 'Gửi lúc mất mạng');
    submit(el);
    await waitUntil(() => status(el) === 'Chưa gửi được, sẽ thử lại');
    const [entry] = stored(store);
    expect(entry.post.body).to.equal('Gửi lúc mất mạng');
    // Never lost: it is in localStorage with its key.
    expect(localStorage.getItem(OUTBOX_KEY)).to.include(entry.key);
    await api().clearFaults();
    const sent = oneEvent(el, 'news-comment-sent');
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await sent;
    await waitUntil(() => stored(store).length === 0);
    expect((await api().pending()).filter((c) => c.thread === thread)).to.have.length(1);
    expect(new Set(posts(requests()).map((p) => p.headers.get('idempotency-key'))).size).to.equal(1);
  });

  it('survives a reload while queued: the next page sends it, and the draft does not duplicate it', async () => {
    await api().fault({ kind: 'network', method: 'POST' });
    const first = newStore(60_000);
    const el = await mount({ store: first });
    fill(el, 'Tú', 'Không bao giờ mất');
    submit(el);
    await waitUntil(() => status(el) === 'Chưa gửi được, sẽ thử lại');
    el.remove();
    // "Reload": a new store over the same localStorage; the old page's is gone.
    first.stop();
    const again = await mount({ store: newStore(60_000) });
    expect(status(again)).to.equal('Chưa gửi được, sẽ thử lại');
    expect(field<HTMLTextAreaElement>(again, 'body').value).to.equal('');
    await api().clearFaults();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => status(again) === SENT);
    expect((await api().pending()).map((c) => c.body)).to.deep.equal(['Không bao giờ mất']);
  });

  it('keeps the text on a 400 and points at the field, showing the server message as text', async () => {
    const el = await mount();
    // A name of control characters only: the server strips them and finds no name.
    fill(el, '\u0001\u0002', 'Nội dung giữ nguyên');
    submit(el);
    await waitUntil(() => !!$(el, '#name-error'));
    expect(text($(el, '#name-error'))).to.match(/^Không gửi được bình luận\. Vui lòng kiểm tra lại\. \(.*name.*\)$/);
    expect($(el, '#name-error')!.children).to.have.length(0);
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('Nội dung giữ nguyên');
    await waitUntil(() => deepActive() === field(el, 'name'));
    expect(localStorage.getItem(draftKey(thread, null))).to.include('Nội dung giữ nguyên');
    expect(localStorage.getItem(OUTBOX_KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows when to retry on a 429 and keeps the text', async () => {
    // The server takes 5 comments a minute from one reader.
    for (let i = 0; i < 5; i++) await api().post(newThread('other'), { name: 'Nhanh', body: `Lần ${i}` });
    const el = await mount();
    fill(el, 'Nhanh', 'Gửi liên tục');
    submit(el);
    await waitUntil(() => !!text($(el, '[role="alert"]')));
    expect(text($(el, '[role="alert"]'))).to.match(/^Bạn gửi quá nhanh\. Vui lòng thử lại sau \d+ giây\.$/);
    expect(field<HTMLTextAreaElement>(el, 'body').value).to.equal('Gửi liên tục');
    expect(localStorage.getItem(OUTBOX_KEY)).to.equal(null);
  });

  it('replaces itself with "Bình luận đã đóng" on a 403', async () => {
    await api().closeThread(thread);
    const el = await mount();
    fill(el, 'Muộn', 'Bình luận muộn');
    const closed = oneEvent(el, 'news-thread-closed');
    submit(el);
    await closed;
    await el.updateComplete;
    expect(text($(el, '[part~="closed"]'))).to.equal('Bình luận đã đóng');
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
    // `open` is the page's input: closing does not write it.
    expect(el.open).to.equal(true);
    const write = $<HTMLButtonElement>(el, '[part~="write"]')!;
    expect(text(write)).to.equal('Viết bình luận');
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
          html`<news-comment-form
            thread=${thread}
            api=${api().base}
            remember-close
            .store=${newStore()}
          ></news-comment-form>`,
        );
      const first = await make();
      $<HTMLButtonElement>(first, '[part~="close"]')!.click();
      await waitUntil(() => !!$(first, '[part~="write"]'));
      first.remove();
      const again = await make();
      expect($(again, 'form')).to.equal(null);
      expect(text($(again, '[part~="write"]'))).to.equal('Viết bình luận');
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

  it('shows "Trả lời {name}" above a reply form, and names the form with it', async () => {
    const el = await fixture<NewsCommentForm>(
      html`<news-comment-form
        thread=${thread}
        api=${api().base}
        parent="c1"
        reply-name="Minh"
        .store=${newStore()}
      ></news-comment-form>`,
    );
    const context = $(el, '[part~="reply-context"]')!;
    expect(text(context)).to.equal('Trả lời Minh');
    expect(context.checkVisibility()).to.equal(true);
    expect($(el, 'form')!.getAttribute('aria-label')).to.equal('Trả lời Minh');
    await expect(el).to.be.accessible();
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
    expect(text($(el, '#hint'))).to.equal('Bình luận của bạn có vẻ chưa có dấu. Vui lòng gõ tiếng Việt có dấu.');
    expect(body.getAttribute('aria-describedby')).to.include('hint');
    await expect(el).to.be.accessible();
    // Fixed: the hint goes.
    type(body, 'Tôi thấy bài viết rất hay, cảm ơn tác giả');
    await el.updateComplete;
    expect($(el, '#hint')).to.equal(null);
    // Without require-diacritics it only hints: sending goes ahead.
    type(body, 'Toi thay bai viet rat hay, cam on tac gia');
    submit(el);
    await waitUntil(() => posts(requests()).length === 1);
  });

  it('blocks sending with require-diacritics', async () => {
    const el = await mount({ require: true });
    fill(el, 'Nam', 'Nguoi dan khong duoc thong bao truoc ve viec cam duong');
    submit(el);
    await waitUntil(() => !!$(el, '#body-error'));
    expect(text($(el, '#body-error'))).to.equal('Bình luận của bạn có vẻ chưa có dấu. Vui lòng gõ tiếng Việt có dấu.');
    expect(field(el, 'body').getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => deepActive() === field(el, 'body'));
    expect(posts(requests())).to.have.length(0);
    type(field<HTMLTextAreaElement>(el, 'body'), 'Người dân không được thông báo trước về việc cấm đường');
    submit(el);
    await waitUntil(() => posts(requests()).length === 1);
  });

  it('does not hint in English, nor on English text', async () => {
    const el = await mount({ lang: 'en' });
    expect(text($(el, 'label[for="name"]'))).to.equal('Name');
    expect(text($(el, '[part~="notice"]'))).to.equal('Your comment will be edited before it is published.');
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

  it('sends the honeypot when a bot fills it, and the server keeps nothing', async () => {
    const el = await mount();
    fill(el, 'Bot', 'spam');
    field(el, 'website').value = 'https://spam.example';
    const sent = oneEvent(el, 'news-comment-sent');
    submit(el);
    await sent;
    expect((posts(requests())[0].body as { website: string }).website).to.equal('https://spam.example');
    expect(await api().pending()).to.deep.equal([]);
  });

  it('accepts every string override through messages', async () => {
    const el = await mount();
    el.messages = { submit: 'Đăng', notice: 'Thông báo riêng' };
    await el.updateComplete;
    expect(text($(el, '[part~="submit"]'))).to.equal('Đăng');
    expect(text($(el, '[part~="notice"]'))).to.equal('Thông báo riêng');
  });
});
