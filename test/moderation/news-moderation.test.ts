/**
 * The moderation desk against the real reference server (test/server/api-middleware.mjs mounts
 * the server's app on a fresh in-memory database per test). Requests are recorded on their way
 * out, never answered by the test: what the desk shows and what the server then holds are both
 * checked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/moderation/index.js';
import type { NewsModeration, QueueItem } from '../../src/moderation/index.js';
import { ServerApi } from '../support/server-api.js';
import { recordRequests } from '../support/record-requests.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const items = (el: Element) => $$(el, 'article.item');
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

const ARTICLE = {
  id: 'an-ninh-nong-thon-moi-2026',
  url: 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html',
  title: 'Giữ vững an ninh trật tự ở các xã nông thôn mới',
  publishedAt: '2026-11-28T08:00:00+07:00',
};
const SPORT = 'the-thao/v-league';

interface Seeded {
  lan: string;
  c1: string;
  c2: string;
  c3: string;
}

/**
 * The queue the tests work on, made through the server's own API: an approved comment by Chị Lan
 * with an editor's formatted body, then three pending ones (oldest first): one with an email,
 * a hostile-looking reply to Chị Lan, and one in a thread that is no article.
 */
async function seed(api: ServerApi): Promise<Seeded> {
  await api.articles(ARTICLE);
  const post = async (thread: string, comment: Record<string, string>) => {
    const response = await fetch(`${api.base}/threads/${encodeURIComponent(thread)}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(comment),
    });
    expect(response.status, `POST ${comment.body}`).to.be.within(200, 299);
    return ((await response.json()) as { id: string }).id;
  };
  const lan = await post(ARTICLE.id, { name: 'Chị Lan', body: 'Ý kiến gốc' });
  await api.approve(lan, { bodyHtml: '<p>Đã <b>duyệt</b><img src=x onerror="window.__pwned=2"></p>' });
  const c1 = await post(ARTICLE.id, { name: 'Độc giả 1', body: 'Bình luận số 1', email: 'mot@bao.vn' });
  const c2 = await post(ARTICLE.id, {
    name: 'Độc giả 2',
    body: '<img src=x onerror="window.__pwned=1">Trả lời',
    parentId: lan,
  });
  const c3 = await post(SPORT, { name: 'Độc giả 3', body: 'Bình luận số 3' });
  return { lan, c1, c2, c3 };
}

/** Fills the desk's sign-in form and submits it. */
async function signInWith(el: NewsModeration, name: string, secret: string) {
  await waitUntil(() => !!$(el, 'form.signin'), 'no sign-in form');
  $<HTMLInputElement>(el, '#editor')!.value = name;
  $<HTMLInputElement>(el, '#secret')!.value = secret;
  $<HTMLButtonElement>(el, 'form.signin button[type=submit]')!.click();
}

/** Everything page scripts on this origin can read from web storage and cookies, in `win`. */
function readable(win: Window): string {
  const all = (storage: Storage) =>
    Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
  return [...all(win.sessionStorage), ...all(win.localStorage), win.document.cookie].join('\n');
}

/** The WCAG contrast ratio of an element's text colour over its own background (both opaque). */
function contrastOf(el: Element): number {
  const style = getComputedStyle(el);
  const rgba = (value: string) => value.match(/[\d.]+/g)!.map(Number);
  const [fr, fg, fb, fa = 1] = rgba(style.color);
  const [br, bg, bb, ba = 1] = rgba(style.backgroundColor);
  if (fa < 1 || ba < 1) return 1; // a see-through text or button cannot promise any contrast
  const luminance = (r: number, g: number, b: number) =>
    [r, g, b]
      .map((c) => c / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [luminance(fr!, fg!, fb!), luminance(br!, bg!, bb!)].sort((a, b) => b - a);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('<news-moderation> against the server', function () {
  this.timeout(20000);
  let api: ServerApi;
  let ids: Seeded;
  /** The editor account the tests sign in as, made by the server's own account code. */
  let editor: { name: string; secret: string };
  const signIn = (el: NewsModeration) => signInWith(el, editor.name, editor.secret);
  /** Submits the sign-in form and waits for the server's answer; returns the error shown (or ''). */
  const submit = async (el: NewsModeration, name: string, secret: string) => {
    const sent = () => recorder.requests.filter((r) => r.method === 'POST' && r.path === '/moderation/session').length;
    const before = sent();
    await signInWith(el, name, secret);
    await waitUntil(() => sent() > before, 'sign-in not sent');
    await el.updateComplete;
    await waitUntil(() => !$<HTMLButtonElement>(el, 'form.signin button[type=submit]')?.disabled, 'no answer');
    await el.updateComplete;
    return $(el, '#signin-error')?.textContent?.trim() ?? '';
  };
  let recorder: ReturnType<typeof recordRequests>;
  /** The desk's actions (its sign-in and its live queue's ticket requests aside: see live.test.ts). */
  const posts = () =>
    recorder.requests.filter(
      (r) => r.method === 'POST' && r.path !== '/moderation/session' && !r.path.startsWith('/moderation/events/'),
    );
  const queue = (status: string) => api.moderate<{ items: QueueItem[] }>(`/queue?status=${status}`);

  beforeEach(async () => {
    document.documentElement.lang = 'vi';
    sessionStorage.clear();
    api = new ServerApi();
    ids = await seed(api);
    editor = await api.editor('Hà Phương');
    recorder = recordRequests(api.base);
  });
  afterEach(() => {
    recorder.restore();
    sessionStorage.clear();
  });

  const mount = () => fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);

  it('refuses a wrong secret or an unknown name and stays signed out; accessible', async () => {
    const el = await mount();
    await waitUntil(() => !!$(el, '#secret'), 'no sign-in form');
    await expect(el).to.be.accessible();
    for (const [name, secret] of [
      [editor.name, 'sai'],
      ['Không Có Ai', editor.secret],
    ] as const) {
      expect(await submit(el, name, secret)).to.contain('Tên hoặc mã đăng nhập không đúng');
      expect($(el, '#secret')!.getAttribute('aria-invalid')).to.equal('true');
      expect(deepActive()).to.equal($(el, '#secret'));
    }
    expect(items(el)).to.have.length(0);
    expect(await (await fetch(`${api.base}/moderation/session`)).json()).to.deep.equal({ signedIn: false, name: null });
    await expect(el).to.be.accessible();
  });

  it('finding 3: after sign-in no credential is readable by page scripts, on the desk page or a same-origin page', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3, 'queue not shown');
    // The browser holds the session (the server sees it) ...
    expect(await (await fetch(`${api.base}/moderation/session`)).json()).to.deep.equal({
      signedIn: true,
      name: 'Hà Phương',
    });
    // ... but no script can read it: not here, and not on a same-origin page inside the cookie's
    // path, where a cookie without HttpOnly would show in document.cookie.
    const frame = document.createElement('iframe');
    frame.src = `${api.base}/moderation/session`;
    frame.title = 'same-origin page';
    const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
    document.body.append(frame);
    await loaded;
    try {
      expect(frame.contentWindow!.location.pathname).to.equal(new URL(`${api.base}/moderation/session`).pathname);
      for (const win of [window, frame.contentWindow!]) {
        const text = readable(win);
        expect(text).not.to.contain(editor.secret);
        expect(text).not.to.contain('nw-desk');
        expect(text).not.to.contain('news-moderation');
      }
    } finally {
      frame.remove();
    }
    // The desk's requests carry no credential of their own: the cookie goes by itself.
    expect(recorder.requests.length).to.be.greaterThan(2);
    for (const r of recorder.requests) {
      expect(r.headers.get('authorization'), r.path).to.equal(null);
      expect(r.headers.get('x-moderator-name'), r.path).to.equal(null);
      expect(r.credentials, r.path).to.equal('same-origin');
    }
  });

  it('asks the server on load: an editor already signed in sees the queue; "Đăng xuất" ends the session on the server', async () => {
    await api.signIn('Minh Anh');
    const el = await mount();
    await waitUntil(() => items(el).length === 3, 'not signed in from the session');
    expect($(el, '.who')!.textContent).to.contain('Đang làm việc: Minh Anh');
    expect($(el, 'form.signin')).to.equal(null);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.who button')!.click();
    await waitUntil(() => !!$(el, 'form.signin'), 'not signed out');
    expect(await (await fetch(`${api.base}/moderation/session`)).json()).to.deep.equal({ signedIn: false, name: null });
    expect(recorder.requests.some((r) => r.method === 'DELETE' && r.path === '/moderation/session')).to.equal(true);
    // A fresh desk starts signed out.
    const again = await mount();
    await waitUntil(() => !!$(again, 'form.signin'), 'a fresh desk is not signed out');
    await expect(again).to.be.accessible();
  });

  it('after too many wrong secrets the server throttles the account and the desk says so', async () => {
    const el = await mount();
    const shown: string[] = [];
    for (let i = 0; i < 6; i++) shown.push(await submit(el, editor.name, `sai-${i}`));
    expect(shown.slice(0, 5).every((text) => text.includes('Tên hoặc mã đăng nhập không đúng'))).to.equal(true);
    expect(shown[5]).to.contain('Đã thử sai quá nhiều lần');
    // Even the right secret waits now.
    expect(await submit(el, editor.name, editor.secret)).to.contain('Đã thử sai quá nhiều lần');
    expect(items(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the primary buttons keep their text readable in light and dark (a transparent surface is no text colour)', async () => {
    for (const theme of ['light', 'dark']) {
      await api.signIn(`Biên tập ${theme}`);
      const el = await fixture<NewsModeration>(
        html`<news-moderation api=${api.base} theme=${theme}></news-moderation>`,
      );
      await waitUntil(() => items(el).length === 3, 'queue not shown');
      const approve = items(el)[0]!.querySelector('button[data-action=approve]')!;
      expect(approve.textContent!.trim()).to.equal('Duyệt');
      expect(contrastOf(approve), `${theme}: contrast of "Duyệt"`).to.be.at.least(4.5);
    }
  });

  it('shows the pending queue oldest first, with article, thread context and counts per state', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3, 'queue not shown');
    expect(items(el).map((a) => a.dataset.id)).to.deep.equal([ids.c1, ids.c2, ids.c3]);
    const counts = Object.fromEntries($$(el, '.count').map((c) => [c.dataset.count, c.textContent!.trim()]));
    expect(counts).to.deep.equal({ pending: '3', held: '0', approved: '1', rejected: '0', reported: '0' });
    const first = items(el)[0]!;
    expect(first.textContent).to.contain('Giữ vững an ninh trật tự ở các xã nông thôn mới');
    expect(first.querySelector('a')!.getAttribute('href')).to.equal(ARTICLE.url);
    expect(first.textContent).to.contain('mot@bao.vn');
    const second = items(el)[1]!;
    expect(second.querySelector('.parent')!.textContent).to.contain('Trả lời Chị Lan:');
    expect(second.querySelector('.parent')!.textContent).to.contain('Ý kiến gốc');
    // Hostile text is shown as text.
    expect(second.querySelector('.body')!.textContent).to.contain('<img src=x onerror=');
    expect(second.querySelector('img')).to.equal(null);
    expect(items(el)[2]!.querySelector('.thread code')!.textContent).to.equal(SPORT);
    expect($(el, '.tabs button[aria-pressed=true]')!.textContent).to.contain('Chờ duyệt');
    await expect(el).to.be.accessible();
  });

  it('keyboard: j/k move focus, a approves, r rejects; counts, focus and the server follow', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(
      () => items(el).length === 3 && deepActive() === items(el)[0],
      'first item not focused after sign-in',
    );
    await sendKeys({ press: 'j' });
    expect(deepActive()).to.equal(items(el)[1]);
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    expect(deepActive()).to.equal(items(el)[2]);
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'k' });
    expect(deepActive()).to.equal(items(el)[0]);
    await sendKeys({ press: 'a' });
    await waitUntil(() => items(el).length === 2, 'approved item not removed');
    const approve = posts()[0]!;
    expect(approve.path).to.equal(`/moderation/comments/${ids.c1}/approve`);
    expect(approve.headers.get('x-moderator-name')).to.equal(null);
    expect($(el, '.count[data-count=pending]')!.textContent!.trim()).to.equal('2');
    expect($(el, '.count[data-count=approved]')!.textContent!.trim()).to.equal('2');
    expect($(el, '[role=status]')!.textContent).to.contain('Đã duyệt bình luận của Độc giả 1');
    await waitUntil(() => deepActive() === items(el)[0], 'focus not on the next item');
    expect(items(el)[0]!.dataset.id).to.equal(ids.c2);
    await sendKeys({ press: 'r' });
    await waitUntil(() => items(el).length === 1, 'rejected item not removed');
    expect($(el, '.count[data-count=rejected]')!.textContent!.trim()).to.equal('1');
    // The server holds what the desk shows, and its log names the signed-in editor.
    expect((await queue('approved')).items.map((i) => i.id)).to.include(ids.c1);
    expect((await queue('rejected')).items.map((i) => i.id)).to.deep.equal([ids.c2]);
    const log = await api.moderate<{ items: { actor: string; action: string; commentId: string }[] }>('/log');
    expect(log.items.slice(0, 2).map((e) => [e.action, e.commentId, e.actor])).to.deep.equal([
      ['reject', ids.c2, 'Hà Phương'],
      ['approve', ids.c1, 'Hà Phương'],
    ]);
  });

  it('e edits: Esc cancels; "Lưu và duyệt" sends the edit and approves', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => deepActive() === items(el)[0], 'not focused');
    await sendKeys({ press: 'e' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
    // Typing in the editor never triggers shortcuts.
    await sendKeys({ type: ' ajr' });
    expect(posts()).to.have.length(0);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'form.editor'), 'editor not closed');
    expect(deepActive()).to.equal(items(el)[0]);
    expect((await queue('pending')).items).to.have.length(3);
    await sendKeys({ press: 'e' });
    await waitUntil(() => !!$(el, 'form.editor'));
    const body = $<HTMLTextAreaElement>(el, 'form.editor textarea[name=body]')!;
    body.value = 'Bình luận số 1 (đã biên tập)';
    $<HTMLTextAreaElement>(el, 'form.editor textarea[name=bodyHtml]')!.value = '<p>Bình luận <b>đã biên tập</b></p>';
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'form.editor button[value=approve]')!.click();
    await waitUntil(() => items(el).length === 2, 'not approved');
    const post = posts()[0]!;
    expect(post.path).to.equal(`/moderation/comments/${ids.c1}/approve`);
    expect(post.body).to.deep.equal({
      body: 'Bình luận số 1 (đã biên tập)',
      bodyHtml: '<p>Bình luận <b>đã biên tập</b></p>',
      expectedStatus: 'pending', // the status the desk showed (two editors: see live.test.ts)
    });
    const stored = (await queue('approved')).items.find((i) => i.id === ids.c1)!;
    expect(stored.body).to.equal('Bình luận số 1 (đã biên tập)');
    expect(stored.bodyHtml).to.contain('<b>đã biên tập</b>');
    expect(stored.originalBody).to.equal('Bình luận số 1');
  });

  it('"Lưu, vẫn chờ duyệt" edits and keeps the comment pending', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3);
    items(el)[2]!.querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    await waitUntil(() => !!$(el, 'form.editor'));
    $<HTMLTextAreaElement>(el, 'form.editor textarea[name=body]')!.value = 'Sửa chính tả';
    $<HTMLButtonElement>(el, 'form.editor button[value=save]')!.click();
    await waitUntil(() => !$(el, 'form.editor'));
    expect(posts()[0]!.path).to.equal(`/moderation/comments/${ids.c3}/edit`);
    expect(items(el)).to.have.length(3);
    expect(items(el)[2]!.querySelector('.body')!.textContent).to.equal('Sửa chính tả');
    expect(items(el)[2]!.querySelector('.original')!.textContent).to.contain('Bình luận số 3');
    const stored = (await queue('pending')).items.find((i) => i.id === ids.c3)!;
    expect([stored.status, stored.body]).to.deep.equal(['pending', 'Sửa chính tả']);
  });

  it('closes and reopens a thread', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(
      () => items(el).length === 3 && !items(el)[2]!.querySelector<HTMLButtonElement>('[data-action=thread]')!.disabled,
    );
    const btn = () => items(el)[2]!.querySelector<HTMLButtonElement>('[data-action=thread]')!;
    const closed = async () =>
      (await api.moderate<{ closed: boolean }>(`/threads/${encodeURIComponent(SPORT)}`)).closed;
    expect(btn().textContent!.trim()).to.equal('Đóng luồng');
    btn().click();
    await waitUntil(() => btn().textContent!.trim() === 'Mở lại luồng', 'not closed');
    expect(await closed()).to.equal(true);
    expect(posts().map((r) => r.path)).to.deep.equal(['/moderation/threads/the-thao%2Fv-league/close']);
    btn().click();
    await waitUntil(() => btn().textContent!.trim() === 'Đóng luồng', 'not reopened');
    expect(await closed()).to.equal(false);
  });

  it('approved tab previews bodyHtml sanitized; log tab lists actions; English strings', async () => {
    document.documentElement.lang = 'en';
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3);
    $<HTMLButtonElement>(el, '.tabs button[data-view=approved]')!.click();
    await waitUntil(() => items(el).length === 1 && items(el)[0]!.dataset.id === ids.lan);
    await waitUntil(() => !!items(el)[0]!.querySelector('.formatted .html b'), 'no preview');
    const preview = items(el)[0]!.querySelector('.formatted .html')!;
    expect(preview.querySelector('b')!.textContent).to.equal('duyệt');
    expect(preview.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(items(el)[0]!.querySelector('[data-action=approve]')).to.equal(null);
    expect(items(el)[0]!.querySelector('[data-action=reject]')!.textContent!.trim()).to.equal('Reject');
    items(el)[0]!.querySelector<HTMLButtonElement>('[data-action=reject]')!.click();
    await waitUntil(() => items(el).length === 0);
    $<HTMLButtonElement>(el, '.tabs button[data-view=log]')!.click();
    await waitUntil(() => !!$(el, 'table.log tbody tr'));
    expect($(el, 'table.log tbody tr')!.textContent).to.contain('reject');
    expect($(el, 'table.log tbody tr')!.textContent).to.contain('Hà Phương');
    await expect(el).to.be.accessible();
  });

  it('keeps a formatted preview across renders and rebuilds it only when the body changes', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3);
    $<HTMLButtonElement>(el, '.tabs button[data-view=approved]')!.click();
    await waitUntil(() => !!items(el)[0]?.querySelector('.formatted .html b'), 'no preview');
    const bold = items(el)[0]!.querySelector('.formatted .html b')!;
    // Moving through the queue re-renders the desk: the preview is the very same DOM.
    items(el)[0]!.focus();
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'k' });
    await el.updateComplete;
    expect(bold.isConnected, 'the preview was rebuilt by a render').to.equal(true);
    expect(items(el)[0]!.querySelector('.formatted .html b')).to.equal(bold);
    // An edit of the formatted body shows the new preview.
    items(el)[0]!.querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    await waitUntil(() => !!$(el, 'form.editor'));
    $<HTMLTextAreaElement>(el, 'form.editor textarea[name=bodyHtml]')!.value = '<p>Đã <i>sửa</i></p>';
    $<HTMLButtonElement>(el, 'form.editor button[value=save]')!.click();
    await waitUntil(() => !!items(el)[0]!.querySelector('.formatted .html i'), 'preview not updated');
    expect(items(el)[0]!.querySelector('.formatted .html')!.textContent).to.equal('Đã sửa');
    expect(bold.isConnected).to.equal(false);
  });

  it('a queue that fails to load says so, fires news-error, and loads on "Thử lại"', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3);
    const errors: { reason: string; status?: number }[] = [];
    el.addEventListener('news-error', (event) => errors.push(event.detail));
    await api.fault({ kind: 'status', status: 503, method: 'GET', path: '/moderation/comments', times: 1 });
    $<HTMLButtonElement>(el, '.tabs button[data-view=approved]')!.click();
    await waitUntil(() => !!$(el, 'p.error'), 'no error shown');
    expect($(el, 'p.error')!.textContent).to.contain('Không tải được danh sách');
    expect(errors.map((e) => [e.reason, e.status])).to.deep.equal([['http', 503]]);
    $<HTMLButtonElement>(el, 'p.error button')!.click();
    await waitUntil(() => items(el).length === 1, 'not loaded after retry');
    expect(items(el)[0]!.dataset.id).to.equal(ids.lan);
  });

  it('a session that ends on the server signs the editor out, saying why', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3);
    // Signed out elsewhere (another tab): this desk's next request finds no session.
    await fetch(`${api.base}/moderation/session`, { method: 'DELETE' });
    $<HTMLButtonElement>(el, '.tabs button[data-view=approved]')!.click();
    await waitUntil(() => !!$(el, 'form.signin'), 'not signed out');
    expect($(el, '#signin-error')!.textContent).to.contain('Phiên làm việc đã kết thúc');
    await expect(el).to.be.accessible();
  });
});
