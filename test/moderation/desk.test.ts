/**
 * The desk's rules, bulk selection, filter and search, and bans, against the real reference server
 * (test/server/api-middleware.mjs: the server's own app on a fresh in-memory database per test).
 * What the desk shows and what the server then holds are both checked.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '../support/wait.js';
import '../../src/moderation/index.js';
import type { NewsModeration } from '../../src/moderation/index.js';
import { ServerApi } from '../support/server-api.js';
import { recordRequests } from '../support/record-requests.js';

const $ = <T extends Element = HTMLElement>(root: Element, sel: string) => root.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(root: Element, sel: string) => [
  ...root.shadowRoot!.querySelectorAll<T>(sel),
];
const items = (el: Element) => $$(el, 'article.item');
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};
const panel = (el: Element, tag: string) => $(el, tag)!;
/** An element inside one of the desk's panels, or null while the panel is not there (or its code not loaded). */
const inPanel = (el: Element, tag: string, sel: string) => {
  const p = $(el, tag);
  return p?.shadowRoot ? $(p, sel) : null;
};
const count = (el: Element, state: string) => $(el, `.count[data-count=${state}]`)!.textContent!.trim();

const ARTICLE = {
  id: 'an-ninh-nong-thon-moi-2026',
  url: 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html',
  title: 'Giữ vững an ninh trật tự ở các xã nông thôn mới',
};
const ROADS = 'giao-thong/duong-xa';

/** One editor account per test server, made by the server's own account code. */
const editors = new WeakMap<ServerApi, Promise<{ name: string; secret: string }>>();

/** Signs the desk in through its form, as the editor of `api`. */
async function signIn(el: NewsModeration, api: ServerApi) {
  if (!editors.has(api)) editors.set(api, api.editor('Hà Phương'));
  const editor = await editors.get(api)!;
  await waitUntil(() => $(el, 'form.signin'), 'no sign-in form');
  $<HTMLInputElement>(el, '#editor')!.value = editor.name;
  $<HTMLInputElement>(el, '#secret')!.value = editor.secret;
  $<HTMLButtonElement>(el, 'form.signin button[type=submit]')!.click();
  await waitUntil(() => $(el, '.tabs'), 'not signed in');
}

/** Clicks the centre of an element with the real mouse (so Shift held with sendKeys counts). */
async function realClick(target: HTMLElement) {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

describe('<news-moderation>: rules, bulk, search and bans against the server', function () {
  this.timeout(30000);
  let api: ServerApi;
  let recorder: ReturnType<typeof recordRequests>;

  beforeEach(async () => {
    document.documentElement.lang = 'vi';
    api = new ServerApi();
    await api.articles(ARTICLE);
    recorder = recordRequests(api.base);
  });
  afterEach(async () => {
    recorder.restore();
    await sendKeys({ up: 'Shift' }).catch(() => {});
  });

  const mount = (limit = 50) =>
    fixture<NewsModeration>(html`<news-moderation api=${api.base} limit=${limit}></news-moderation>`);

  it('rules: add a word list (with and without the no-diacritics flag), edit it into a link rule, delete it; held comments show why', async () => {
    const el = await mount();
    await signIn(el, api);
    $<HTMLButtonElement>(el, '.tabs button[data-view=rules]')!.click();
    await waitUntil(() => inPanel(el, 'news-moderation-rules', '.empty'));
    const rules = panel(el, 'news-moderation-rules');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(rules, 'button[data-action=add-rule]')!.click();
    await waitUntil(() => deepActive() === $(rules, '#rule-kind'), 'form not focused');
    const word0 = $<HTMLInputElement>(rules, '#word-0')!;
    word0.focus();
    await sendKeys({ type: 'lừa đảo' });
    $<HTMLButtonElement>(rules, 'button[data-action=add-word]')!.click();
    await waitUntil(() => deepActive() === $(rules, '#word-1'), 'new word not focused');
    await sendKeys({ type: 'cờ bạc' });
    $<HTMLInputElement>(rules, 'input[data-folded="1"]')!.click(); // only with diacritics
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(rules, 'form button[type=submit]')!.click();
    await waitUntil(() => $(rules, 'li[data-rule]'), 'rule not listed');
    const saved = await api.moderate<{ items: { id: number; kind: string; config: unknown }[] }>('/rules');
    expect(saved.items).to.have.length(1);
    expect(saved.items[0]!.config).to.deep.equal({
      words: [
        { word: 'lừa đảo', folded: true },
        { word: 'cờ bạc', folded: false },
      ],
    });
    expect($(rules, 'li[data-rule]')!.textContent).to.contain('lừa đảo, cờ bạc');
    expect(deepActive() === $(rules, 'button[data-action=edit-rule]'), 'focus on the saved rule').to.equal(true);

    // The server now holds matching comments; the held tab shows why.
    const held = await api.post(ARTICLE.id, { name: 'Bạn đọc', body: 'Bọn lua dao này' });
    const notHeld = await api.post(ARTICLE.id, { name: 'Bạn đọc', body: 'Chơi co bac là sai' });
    const bare = await api.post(ARTICLE.id, { name: 'Bạn đọc', body: 'Toi thay bai viet nay rat hay' });
    $<HTMLButtonElement>(el, '.tabs button[data-view=held]')!.click();
    await waitUntil(() => items(el).length === 1, 'held comment not listed');
    expect(items(el)[0]!.dataset.id).to.equal(held.json.id);
    expect(items(el)[0]!.querySelector('[data-held]')!.textContent).to.contain('từ cấm “lừa đảo”');
    expect(count(el, 'held')).to.equal('1');
    expect(count(el, 'pending')).to.equal('3');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.tabs button[data-view=pending]')!.click();
    await waitUntil(() => items(el).length === 3);
    expect(items(el)[1]!.dataset.id).to.equal(notHeld.json.id);
    expect(items(el)[1]!.querySelector('[data-held]')).to.equal(null);
    expect(items(el)[1]!.querySelector('[data-mark]')).to.equal(null);
    // Written without diacritics: marked, with or without a rule.
    expect(items(el)[2]!.dataset.id).to.equal(bare.json.id);
    expect(items(el)[2]!.querySelector('[data-mark=no-diacritics]')!.textContent).to.contain('Viết không dấu');
    await expect(el).to.be.accessible();

    // Edit: now a link rule that rejects.
    $<HTMLButtonElement>(el, '.tabs button[data-view=rules]')!.click();
    await waitUntil(() => inPanel(el, 'news-moderation-rules', 'li[data-rule]'));
    const rules2 = panel(el, 'news-moderation-rules');
    $<HTMLButtonElement>(rules2, 'button[data-action=edit-rule]')!.click();
    await waitUntil(() => $(rules2, 'form'));
    const kind = $<HTMLSelectElement>(rules2, '#rule-kind')!;
    kind.value = 'links';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => $(rules2, '#rule-max'));
    $<HTMLInputElement>(rules2, '#rule-max')!.value = '1';
    $<HTMLSelectElement>(rules2, '#rule-action')!.value = 'reject';
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(rules2, 'form button[type=submit]')!.click();
    await waitUntil(() => !$(rules2, 'form'), 'form not closed');
    const edited = (await api.moderate<{ items: { kind: string; action: string; config: unknown }[] }>('/rules'))
      .items[0]!;
    expect([edited.kind, edited.action, edited.config]).to.deep.equal(['links', 'reject', { max: 1 }]);
    // Comments before the change stay as they were.
    expect((await api.moderate<{ items: { id: string }[] }>('/comments?state=held')).items[0]!.id).to.equal(
      held.json.id,
    );
    const spam = await api.post(ARTICLE.id, { name: 'Spam', body: 'Xem https://a.example và https://b.example' });
    expect(spam.json.status).to.equal('pending'); // nothing reveals the rule
    const rejected = await api.moderate<{ items: { id: string }[] }>('/comments?state=rejected');
    expect(rejected.items.map((i) => i.id)).to.deep.equal([spam.json.id]);

    $<HTMLButtonElement>(rules2, 'button[data-action=delete-rule]')!.click();
    await waitUntil(() => $(rules2, '.empty'), 'rule not removed');
    expect((await api.moderate<{ items: unknown[] }>('/rules')).items).to.have.length(0);
    const log = await api.moderate<{ items: { action: string; actor: string }[] }>('/log?limit=3');
    expect(log.items.map((e) => e.action)).to.deep.equal(['rule.delete', 'rule.update', 'rule.create']);
    expect(log.items[0]!.actor).to.equal('Hà Phương');
    // The desk's log shows the rule's change readably.
    $<HTMLButtonElement>(el, '.tabs button[data-view=log]')!.click();
    await waitUntil(() => $(el, 'table.log'), 'log not shown');
    const rows = $$(el, 'table.log tbody tr');
    expect(rows[1]!.textContent).to.contain('rule.update').and.contain('"max":1');
    await expect(el).to.be.accessible();
  });

  it('bulk: a checkbox, shift-click for a range and x on the active item select; one request approves them all', async () => {
    const ids: string[] = [];
    // Five comments: the server's rate limit (5 a minute per client) applies to the test too.
    for (let i = 1; i <= 5; i++)
      ids.push((await api.post(ARTICLE.id, { name: `Độc giả ${i}`, body: `Ý kiến ${i}` })).json.id!);
    const el = await mount();
    await signIn(el, api);
    await waitUntil(() => items(el).length === 5 && deepActive() === items(el)[0], 'queue not focused');
    const box = (i: number) => items(el)[i]!.querySelector<HTMLInputElement>('input[data-select]')!;
    const checked = () => [0, 1, 2, 3, 4].map((i) => box(i).checked);

    await realClick(box(1));
    expect(box(1).checked).to.equal(true);
    await sendKeys({ down: 'Shift' });
    await realClick(box(3));
    await sendKeys({ up: 'Shift' });
    await waitUntil(() => $(el, 'news-moderation-bulk'), 'bulk bar not shown');
    expect(checked()).to.deep.equal([false, true, true, true, false]);
    expect($(panel(el, 'news-moderation-bulk'), '#selected')!.textContent).to.contain('Đã chọn 3 bình luận');

    // x toggles the active item (focus on the item, as with j/k).
    items(el)[4]!.focus();
    await sendKeys({ press: 'x' });
    await waitUntil(() => box(4).checked, 'x did not select');
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'x' }); // item 3 off again
    await waitUntil(() => !box(3).checked, 'x did not unselect');
    expect(checked()).to.deep.equal([false, true, true, false, true]);
    expect($(panel(el, 'news-moderation-bulk'), '#selected')!.textContent).to.contain('Đã chọn 3 bình luận');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(panel(el, 'news-moderation-bulk'), 'button[data-action=bulk-approve]')!.click();
    await waitUntil(() => items(el).length === 2, 'approved items not removed');
    // The desk's actions (its sign-in and its live queue's ticket aside).
    const bulk = recorder.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path.startsWith('/moderation/') &&
        r.path !== '/moderation/session' &&
        !r.path.startsWith('/moderation/events/'),
    );
    expect(bulk.map((r) => r.path)).to.deep.equal(['/moderation/bulk']);
    expect(bulk[0]!.body).to.deep.equal({ ids: [ids[1], ids[2], ids[4]], action: 'approve' });
    expect(items(el).map((a) => a.dataset.id)).to.deep.equal([ids[0], ids[3]]);
    expect(count(el, 'pending')).to.equal('2');
    expect(count(el, 'approved')).to.equal('3');
    expect($(el, '[role=status]')!.textContent).to.contain('Đã xử lý 3 bình luận');
    expect($(el, 'news-moderation-bulk')).to.equal(null);
    // Readers see the three.
    const thread = await (await fetch(`${api.base}/threads/${ARTICLE.id}/comments?sort=oldest`)).json();
    expect(thread.items.map((i: { id: string }) => i.id)).to.deep.equal([ids[1], ids[2], ids[4]]);

    // The rest: select both with the checkboxes, reject together.
    for (const i of [0, 1]) await realClick(box(i));
    await waitUntil(() => $(el, 'news-moderation-bulk'));
    $<HTMLButtonElement>(panel(el, 'news-moderation-bulk'), 'button[data-action=bulk-reject]')!.click();
    await waitUntil(() => $(el, '.empty'), 'queue not emptied');
    expect(count(el, 'rejected')).to.equal('2');
    const log = await api.moderate<{ items: { action: string }[] }>('/log?limit=10');
    expect(log.items.map((e) => e.action)).to.deep.equal([...Array(2).fill('reject'), ...Array(3).fill('approve')]);
  });

  it('filter and search: by article, diacritic-insensitive text, more pages with the cursor', async () => {
    const roads: string[] = [];
    for (const [i, body] of [
      'Đường sá xuống cấp quá',
      'duong sa xuong cap o xa toi',
      'ĐƯỜNG SÁ XUỐNG CẤP!',
    ].entries()) {
      roads.push((await api.post(i === 1 ? ROADS : ARTICLE.id, { name: `Bạn ${i}`, body })).json.id!);
      if (i < 2) await api.post(ARTICLE.id, { name: 'Khác', body: `Ý kiến khác ${i}` }); // 5 posts: the rate limit
    }
    const el = await mount(2);
    await signIn(el, api);
    await waitUntil(() => items(el).length === 2, 'first page not shown');
    const filter = panel(el, 'news-moderation-filter');
    $<HTMLInputElement>(filter, '#q')!.focus();
    await sendKeys({ type: 'duong sa xuong cap' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(el).length === 2 && items(el)[0]!.dataset.id === roads[0], 'search not applied');
    expect(count(el, 'pending')).to.equal('3');
    expect($(el, 'button.more')).to.exist;
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.more')!.click();
    await waitUntil(() => items(el).length === 3, 'next page not loaded');
    expect(items(el).map((a) => a.dataset.id)).to.deep.equal(roads);
    expect($(el, 'button.more')).to.equal(null);
    const searches = recorder.requests.filter((r) => r.path.startsWith('/moderation/comments'));
    expect(searches.at(-1)!.path).to.contain('q=duong+sa+xuong+cap').and.contain('cursor=');

    // One article only.
    $<HTMLInputElement>(filter, '#thread')!.value = ROADS;
    $<HTMLButtonElement>(filter, 'button[type=submit]')!.click();
    await waitUntil(() => items(el).length === 1, 'thread filter not applied');
    expect(items(el)[0]!.dataset.id).to.equal(roads[1]);
    expect(count(el, 'pending')).to.equal('1');
    await expect(el).to.be.accessible();
    // Cleared: the whole queue again.
    $<HTMLButtonElement>(filter, 'button[data-action=clear-filter]')!.click();
    await waitUntil(() => count(el, 'pending') === '5', 'filter not cleared');
    expect(items(el)).to.have.length(2);
  });

  it('ban from a comment: the author’s next comment is accepted and never shown; the bans list lifts it', async () => {
    const first = await api.post(ARTICLE.id, { name: 'Kẻ gây rối', body: 'Bình luận gây rối' });
    const el = await mount();
    await signIn(el, api);
    await waitUntil(() => items(el).length === 1);
    const banButton = items(el)[0]!.querySelector<HTMLButtonElement>('button[data-action=ban]')!;
    banButton.click();
    await waitUntil(() => $(el, 'news-moderation-ban-form'), 'ban form not shown');
    const form = panel(el, 'news-moderation-ban-form');
    await waitUntil(() => deepActive() === $(form, '#days'), 'ban form not focused');
    expect(banButton.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    $<HTMLSelectElement>(form, '#days')!.value = '30';
    $<HTMLInputElement>(form, '#reason')!.value = 'Quấy rối';
    $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    await waitUntil(() => !$(el, 'news-moderation-ban-form'), 'ban form not closed');
    expect($(el, '[role=status]')!.textContent).to.contain('Đã cấm tác giả Kẻ gây rối');
    const bans = await api.moderate<{ items: { commentId: string; reason: string; expiresAt: string }[] }>('/bans');
    expect(bans.items.map((b) => [b.commentId, b.reason])).to.deep.equal([[first.json.id, 'Quấy rối']]);

    // This browser is that author: its next comment is 202 pending, and rejected on the server.
    const next = await api.post(ARTICLE.id, { name: 'Tên khác', body: 'Lại là tôi' });
    expect([next.status, next.json.status]).to.deep.equal([202, 'pending']);
    const status = await (await fetch(`${api.base}/comments/status?ids=${next.json.id}`)).json();
    expect(status[next.json.id!]).to.equal('pending');
    expect(
      (await api.moderate<{ items: { id: string }[] }>('/comments?state=rejected')).items.map((i) => i.id),
    ).to.deep.equal([next.json.id]);

    // The bans tab lists it; lifting works.
    $<HTMLButtonElement>(el, '.tabs button[data-view=bans]')!.click();
    await waitUntil(() => inPanel(el, 'news-moderation-bans', 'tr[data-ban]'));
    const list = panel(el, 'news-moderation-bans');
    expect($(list, 'tr[data-ban]')!.textContent).to.contain('Kẻ gây rối').and.contain('Quấy rối');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(list, 'button[data-action=lift]')!.click();
    await waitUntil(() => $(list, '.empty'), 'ban not lifted');
    expect($(list, '[role=status]')!.textContent).to.contain('Đã gỡ cấm Kẻ gây rối');
    const after = await api.post(ARTICLE.id, { name: 'Kẻ gây rối', body: 'Tôi xin lỗi' });
    expect((await api.pending()).map((c) => c.id)).to.include(after.json.id);
    const all = panel(el, 'news-moderation-bans');
    const show = $<HTMLSelectElement>(all, '#show')!;
    show.value = 'all';
    show.dispatchEvent(new Event('change'));
    await waitUntil(() => $(all, 'tr[data-ban]'), 'lifted ban not listed');
    expect($(all, 'tr[data-ban]')!.textContent).to.contain('Đã gỡ');
    await expect(el).to.be.accessible();
    const log = await api.moderate<{ items: { action: string }[] }>('/log?limit=2');
    expect(log.items.map((e) => e.action)).to.deep.equal(['unban', 'ban']);
  });
});
