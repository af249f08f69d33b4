/**
 * The desk's integration panel ("Tình trạng tích hợp") against the real reference server
 * (test/server/api-middleware.mjs): feeds polled by the server, beacons counted and refused,
 * origins refused by CORS, and the set-up hints of an unconfigured server.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../support/wait.js';
import '../../src/moderation/index.js';
import type { NewsIntegrationPanel, NewsModeration } from '../../src/moderation/index.js';
import { ServerApi } from '../support/server-api.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

const SITE = 'https://tin.example.vn';
const FEED = `${location.origin}/test/fixtures/feeds/vnexpress-tin-moi-nhat-2019-02-18.rss.xml`;
const BROKEN_FEED = `${location.origin}/__fixture/status/500`;

/** The same server under the other loopback name: a cross-origin call from this page. */
const otherOrigin = (base: string) =>
  base.includes('://localhost')
    ? base.replace('://localhost', '://127.0.0.1')
    : base.replace('://127.0.0.1', '://localhost');

/** One editor account per test server, made by the server's own account code. */
const editors = new WeakMap<ServerApi, Promise<{ name: string; secret: string }>>();

async function signIn(el: NewsModeration, api: ServerApi) {
  if (!editors.has(api)) editors.set(api, api.editor('Hà Phương'));
  const editor = await editors.get(api)!;
  await waitUntil(() => !!$(el, 'form.signin'), 'no sign-in form');
  $<HTMLInputElement>(el, '#editor')!.value = editor.name;
  $<HTMLInputElement>(el, '#secret')!.value = editor.secret;
  $<HTMLButtonElement>(el, 'form.signin button[type=submit]')!.click();
  // Signed in, the desk moves focus to the queue (here empty: its tab) once it has loaded.
  await waitUntil(() => !!el.shadowRoot!.activeElement?.matches('.tabs button[aria-pressed=true]'), 'desk not shown');
}

/** Opens the integration tab with the keyboard; answers the panel once it shows data. */
async function openPanel(el: NewsModeration): Promise<NewsIntegrationPanel> {
  const tab = $<HTMLButtonElement>(el, 'nav.tabs button[data-view=integration]')!;
  expect(tab.textContent!.trim()).to.equal('Tình trạng tích hợp');
  tab.focus();
  await sendKeys({ press: 'Enter' });
  // The panel's code loads with its tab.
  await waitUntil(() => !!$(el, 'news-integration-panel')?.shadowRoot, 'panel not shown');
  const panel = $<NewsIntegrationPanel>(el, 'news-integration-panel')!;
  await waitUntil(() => !!$(panel, 'table[data-table=beacons]'), 'panel data not shown');
  expect(tab.getAttribute('aria-pressed')).to.equal('true');
  return panel;
}

const beaconRows = (panel: Element) =>
  Object.fromEntries(
    $$(panel, 'table[data-table=beacons] tbody tr').map((tr) => [
      tr.dataset.outcome,
      Number(tr.querySelector('td')!.textContent!.replace(/\D/g, '')),
    ]),
  );

const sendBeacon = (api: ServerApi, body: unknown) =>
  fetch(`${api.base}/views`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });

describe('<news-integration-panel> in the desk, against the server', function () {
  this.timeout(30000);

  beforeEach(() => {
    document.documentElement.lang = 'vi';
  });

  it('on an unconfigured server says what to set (FEEDS, SITE_ORIGINS, ALLOWED_ORIGINS); accessible in both themes', async () => {
    const api = new ServerApi();
    for (const theme of ['light', 'dark']) {
      // Each desk signs in through its form: end the previous one's session first.
      await fetch(`${api.base}/moderation/session`, { method: 'DELETE', credentials: 'same-origin' });
      // The dark desk on a dark page, as a publisher's dark mode has.
      const page = await fixture<HTMLElement>(
        html`<div class=${theme}>
          <news-moderation api=${api.base} theme=${theme}></news-moderation>
        </div>`,
      );
      if (theme === 'dark') page.style.cssText = 'background:#121212;color-scheme:dark';
      const el = page.querySelector('news-moderation')!;
      await signIn(el, api);
      const panel = await openPanel(el);
      const setup = $(panel, '[part=setup]')!;
      expect(setup.textContent).to.contain('FEEDS');
      expect(setup.textContent).to.contain('SITE_ORIGINS');
      expect(setup.textContent).to.contain('ALLOWED_ORIGINS');
      expect(setup.textContent).to.contain('docs/server.md');
      expect($(panel, 'table[data-table=feeds]')).to.equal(null);
      expect(Object.values(beaconRows(panel))).to.have.length(8);
      expect($(panel, 'table[data-table=origins]')).to.equal(null);
      expect(panel.shadowRoot!.textContent).to.contain('Không có trang nào bị chặn.');
      await expect(el).to.be.accessible();
      page.remove();
    }
  });

  it('shows each feed polled by the server, beacons by outcome and the origins CORS refused', async () => {
    const api = new ServerApi();
    const configured = await fetch(`${api.base}/__config`, {
      method: 'POST',
      body: JSON.stringify({ feeds: [FEED, BROKEN_FEED], siteOrigins: [SITE], allowedOrigins: [SITE] }),
    });
    expect(configured.status).to.equal(204);
    // A page of the site the server has not seen, a page of another site, and a bad beacon.
    await sendBeacon(api, { url: `${SITE}/thoi-su/bai-moi.html`, articleId: '12345', title: 'Bài mới' });
    expect((await sendBeacon(api, { url: 'https://khac.example/x.html' })).status).to.equal(403);
    expect((await sendBeacon(api, { url: 'javascript:alert(1)' })).status).to.equal(400);
    // A cross-origin call from this page: the browser refuses the answer, the server records the origin.
    await fetch(`${otherOrigin(api.base)}/most-read`).catch(() => null);

    const el = await fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);
    await signIn(el, api);
    const panel = await openPanel(el);
    const refresh = $<HTMLButtonElement>(panel, '.toolbar button')!;
    // The server polls the feeds when it starts: refresh (by keyboard) until both have a result.
    const feedRows = () => $$<HTMLTableRowElement>(panel, 'table[data-table=feeds] tbody tr');
    await waitUntil(
      async () => {
        refresh.focus();
        await sendKeys({ press: 'Enter' });
        await panel.updateComplete;
        return feedRows().length === 2 && feedRows().every((tr) => tr.querySelector('[data-status=none]') === null);
      },
      'feeds not polled',
      { timeout: 15000, interval: 300 },
    );
    const [good, broken] = feedRows();
    expect(good!.cells[0]!.textContent!.trim()).to.equal(FEED);
    expect(good!.cells[2]!.textContent).to.contain('Thành công');
    expect(Number(good!.cells[3]!.textContent)).to.be.greaterThan(0);
    expect(good!.querySelector('time')).to.exist;
    expect(broken!.cells[2]!.textContent).to.contain('Lỗi HTTP');
    expect(broken!.cells[2]!.textContent).to.contain('HTTP 500');

    const beacons = beaconRows(panel);
    // Headless Chromium calls itself HeadlessChrome (a bot); Firefox's beacon counts.
    expect(beacons.counted + beacons.bot).to.equal(1);
    expect(beacons.unknown_site).to.equal(1);
    expect(beacons.invalid).to.equal(1);
    const origins = $$<HTMLTableRowElement>(panel, 'table[data-table=origins] tbody tr').map((tr) =>
      tr.cells[0]!.textContent!.trim(),
    );
    expect(origins).to.deep.equal([location.origin]);
    // Everything is configured: no set-up hints.
    expect($(panel, '[part=setup]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signs out when the session stops working', async () => {
    const api = new ServerApi();
    const el = await fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);
    await signIn(el, api);
    await openPanel(el);
    await api.fault({ kind: 'status', status: 401, path: '/moderation/integration' });
    const panel = $<NewsIntegrationPanel>(el, 'news-integration-panel')!;
    $<HTMLButtonElement>(panel, '.toolbar button')!.click();
    await waitUntil(() => !!$(el, '#secret'), 'not signed out');
    expect($(el, '#signin-error')!.textContent).to.contain('Phiên làm việc đã kết thúc');
  });
});
