import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/moderation/index.js';
import type { NewsModeration } from '../../src/moderation/index.js';
import { FakeModerationApi, GOOD_TOKEN, MOD_BASE } from './fake-moderation-api.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const items = (el: Element) => $$(el, 'article.item');
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function signIn(el: NewsModeration, token = GOOD_TOKEN, editor = 'Hà Phương') {
  $<HTMLInputElement>(el, '#token')!.value = token;
  $<HTMLInputElement>(el, '#editor')!.value = editor;
  $<HTMLButtonElement>(el, 'form.signin button[type=submit]')!.click();
}

describe('<news-moderation>', () => {
  let api: FakeModerationApi;
  beforeEach(() => {
    document.documentElement.lang = 'vi';
    sessionStorage.clear();
    api = new FakeModerationApi().install();
  });
  afterEach(() => {
    api.restore();
    sessionStorage.clear();
  });

  const mount = () => fixture<NewsModeration>(html`<news-moderation api=${MOD_BASE}></news-moderation>`);

  it('refuses a wrong token and stays signed out; accessible', async () => {
    const el = await mount();
    expect($(el, '#token')).to.exist;
    await expect(el).to.be.accessible();
    await signIn(el, 'sai');
    await waitUntil(() => $(el, '#signin-error')!.textContent!.trim() !== '', 'no error shown');
    expect($(el, '#signin-error')!.textContent).to.contain('Mã không đúng');
    expect($(el, '#token')!.getAttribute('aria-invalid')).to.equal('true');
    expect(sessionStorage.getItem('news-moderation:token')).to.equal(null);
    expect(items(el)).to.have.length(0);
  });

  it('shows the pending queue oldest first, with article, thread context and counts per state', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3, 'queue not shown');
    expect(items(el).map((a) => a.dataset.id)).to.deep.equal(['c_1', 'c_2', 'c_3']);
    const counts = Object.fromEntries($$(el, '.count').map((c) => [c.dataset.count, c.textContent!.trim()]));
    expect(counts).to.deep.equal({ pending: '3', approved: '1', rejected: '0' });
    const first = items(el)[0]!;
    expect(first.textContent).to.contain('Giữ vững an ninh trật tự ở các xã nông thôn mới');
    expect(first.textContent).to.contain('mot@bao.vn');
    const second = items(el)[1]!;
    expect(second.querySelector('.parent')!.textContent).to.contain('Trả lời Chị Lan:');
    expect(second.querySelector('.parent')!.textContent).to.contain('Ý kiến gốc');
    // Hostile text is shown as text.
    expect(second.querySelector('.body')!.textContent).to.contain('<img src=x onerror=');
    expect(second.querySelector('img')).to.equal(null);
    expect($(el, '.tabs button[aria-pressed=true]')!.textContent).to.contain('Chờ duyệt');
    expect(api.requests.every((r) => r.headers.get('authorization') === `Bearer ${GOOD_TOKEN}`)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keyboard: j/k move focus, a approves, r rejects; counts and focus follow', async () => {
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
    const approve = api.requests.find((r) => r.method === 'POST');
    expect(approve!.path).to.equal('/moderation/comments/c_1/approve');
    expect(decodeURIComponent(approve!.headers.get('x-moderator-name')!)).to.equal('Hà Phương');
    expect($(el, '.count[data-count=pending]')!.textContent!.trim()).to.equal('2');
    expect($(el, '.count[data-count=approved]')!.textContent!.trim()).to.equal('2');
    expect($(el, '[role=status]')!.textContent).to.contain('Đã duyệt bình luận của Độc giả 1');
    await waitUntil(() => deepActive() === items(el)[0], 'focus not on the next item');
    expect(items(el)[0]!.dataset.id).to.equal('c_2');
    await sendKeys({ press: 'r' });
    await waitUntil(() => items(el).length === 1, 'rejected item not removed');
    expect(api.items.find((i) => i.id === 'c_2')!.status).to.equal('rejected');
    expect($(el, '.count[data-count=rejected]')!.textContent!.trim()).to.equal('1');
  });

  it('e edits: Esc cancels; "Lưu và duyệt" sends the edit and approves', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => deepActive() === items(el)[0], 'not focused');
    await sendKeys({ press: 'e' });
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
    // Typing in the editor never triggers shortcuts.
    await sendKeys({ type: ' ajr' });
    expect(api.requests.filter((r) => r.method === 'POST')).to.have.length(0);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'form.editor'), 'editor not closed');
    expect(deepActive()).to.equal(items(el)[0]);
    await sendKeys({ press: 'e' });
    await waitUntil(() => !!$(el, 'form.editor'));
    const body = $<HTMLTextAreaElement>(el, 'form.editor textarea[name=body]')!;
    body.value = 'Bình luận số 1 (đã biên tập)';
    $<HTMLTextAreaElement>(el, 'form.editor textarea[name=bodyHtml]')!.value = '<p>Bình luận <b>đã biên tập</b></p>';
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'form.editor button[value=approve]')!.click();
    await waitUntil(() => items(el).length === 2, 'not approved');
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(post.path).to.equal('/moderation/comments/c_1/approve');
    expect(post.body).to.deep.equal({
      body: 'Bình luận số 1 (đã biên tập)',
      bodyHtml: '<p>Bình luận <b>đã biên tập</b></p>',
    });
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
    expect(api.requests.find((r) => r.method === 'POST')!.path).to.equal('/moderation/comments/c_3/edit');
    expect(items(el)).to.have.length(3);
    expect(items(el)[2]!.querySelector('.body')!.textContent).to.equal('Sửa chính tả');
    expect(items(el)[2]!.querySelector('.original')!.textContent).to.contain('Bình luận số 3');
  });

  it('closes and reopens a thread', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(
      () => items(el).length === 3 && !items(el)[2]!.querySelector<HTMLButtonElement>('[data-action=thread]')!.disabled,
    );
    const btn = () => items(el)[2]!.querySelector<HTMLButtonElement>('[data-action=thread]')!;
    expect(btn().textContent!.trim()).to.equal('Đóng luồng');
    btn().click();
    await waitUntil(() => btn().textContent!.trim() === 'Mở lại luồng', 'not closed');
    expect(api.closed.has('the-thao/v-league')).to.equal(true);
    expect(api.requests.some((r) => r.path === '/moderation/threads/the-thao%2Fv-league/close')).to.equal(true);
    btn().click();
    await waitUntil(() => btn().textContent!.trim() === 'Đóng luồng', 'not reopened');
    expect(api.closed.size).to.equal(0);
  });

  it('approved tab previews bodyHtml sanitized; log tab lists actions; English strings', async () => {
    document.documentElement.lang = 'en';
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3);
    $<HTMLButtonElement>(el, '.tabs button[data-view=approved]')!.click();
    await waitUntil(() => items(el).length === 1 && items(el)[0]!.dataset.id === 'c_4');
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

  it('a token that stops working signs the editor out', async () => {
    const el = await mount();
    await signIn(el);
    await waitUntil(() => items(el).length === 3);
    sessionStorage.setItem('news-moderation:token', 'x');
    (el as unknown as { token: string }).token = 'revoked';
    await waitUntil(() => !!$(el, '#token'), 'not signed out');
    expect(sessionStorage.getItem('news-moderation:token')).to.equal(null);
  });
});
