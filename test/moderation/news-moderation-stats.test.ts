/**
 * The desk's charts against the real server (test/server/api-middleware.mjs): views, comments and
 * decisions seeded through the server (views into hourly buckets by the server's own storage),
 * drawn as SVG with the numbers as tables, switched by keyboard, in both themes, axe-clean.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../support/wait.js';
import '../../src/moderation/index.js';
import type { NewsModeration } from '../../src/moderation/index.js';
import type { NewsModerationStats } from '../../src/moderation/news-moderation-stats.js';
import { ServerApi } from '../support/server-api.js';

const HOUR = 3600_000;
const ARTICLES = [
  {
    id: 'gia-lua-tang',
    url: 'https://baotinh.example/kinh-te/gia-lua-tang.html',
    title: 'Giá lúa tăng, nông dân phấn khởi',
  },
  { id: 'bao-so-9', url: 'https://baotinh.example/thoi-su/bao-so-9', title: 'Bão số 9 đổ bộ' },
];

const shadow = (el: Element) => el.shadowRoot!;
const statsOf = (desk: NewsModeration) => shadow(desk).querySelector<NewsModerationStats>('news-moderation-stats');
const figure = (stats: NewsModerationStats, chart: string) =>
  shadow(stats).querySelector<HTMLElement>(`[data-chart="${chart}"]`)!;
const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent!.trim());

/** Two articles with views (18 and 8), three comments on the first: two approved, one pending. */
async function seed(api: ServerApi) {
  await api.articles(ARTICLES);
  const now = Date.now();
  await api.addViews([
    { articleId: 'bao-so-9', hourMs: now, count: 12 },
    { articleId: 'bao-so-9', hourMs: now - 2 * HOUR, count: 6 },
    { articleId: 'gia-lua-tang', hourMs: now, count: 5 },
    { articleId: 'gia-lua-tang', hourMs: now - HOUR, count: 3 },
  ]);
  const ids: string[] = [];
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Cường'])
    ids.push((await api.post('gia-lua-tang', { name, body: `Ý kiến của ${name}` })).json.id!);
  await api.approve(ids[0]!);
  await api.approve(ids[1]!);
}

async function openStats(
  api: ServerApi,
  theme?: string,
): Promise<{ desk: NewsModeration; stats: NewsModerationStats }> {
  // The dark theme on a dark page, as a publisher's dark mode has.
  const desk = theme
    ? (
        await fixture<HTMLElement>(
          html`<div style="background:#121212;color-scheme:dark">
            <news-moderation api=${api.base} theme=${theme}></news-moderation>
          </div>`,
        )
      ).querySelector('news-moderation')!
    : await fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);
  await waitUntil(() => shadow(desk).querySelector('.tabs button[data-view="stats"]'), 'signed in');
  shadow(desk).querySelector<HTMLButtonElement>('.tabs button[data-view="stats"]')!.click();
  await waitUntil(() => statsOf(desk)?.shadowRoot?.querySelector('[data-chart="views"] svg'), 'charts drawn', {
    timeout: 10000,
  });
  return { desk, stats: statsOf(desk)! };
}

describe('<news-moderation-stats> in the desk, against the server', function () {
  this.timeout(30000);
  let api: ServerApi;

  beforeEach(async () => {
    document.documentElement.lang = 'vi';
    api = new ServerApi();
    await seed(api);
    // The desk mounted afterwards starts signed in (the session cookie of this API).
    await api.signIn();
  });

  it('draws the views, comments and most commented charts as SVG, with the same numbers as tables', async () => {
    const { desk, stats } = await openStats(api);
    expect(stats.range).to.equal('7d');

    // Views: one line per article, most read first; the table's totals say the same.
    const views = figure(stats, 'views');
    const svg = views.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect(svg.querySelectorAll('polyline').length).to.equal(2);
    expect(svg.querySelectorAll('circle').length).to.equal(14);
    expect([...views.querySelectorAll('.legend a')].map((a) => a.textContent)).to.deep.equal([
      'Bão số 9 đổ bộ',
      'Giá lúa tăng, nông dân phấn khởi',
    ]);
    const viewsTable = views.querySelector('table')!;
    expect(viewsTable.caption!.textContent!.trim()).to.equal('Lượt xem theo ngày');
    expect(viewsTable.tBodies[0]!.rows.length).to.equal(7);
    expect(cells(viewsTable.tFoot!.rows[0]!)).to.deep.equal(['Tổng', '18', '8']);
    // The SVG line of the most read article reaches its highest value in today's bucket (the last one).
    const todayCells = cells(viewsTable.tBodies[0]!.rows[6]!);
    expect(Number(todayCells[1]) + Number(todayCells[2])).to.be.at.least(17);

    // Comments: received and approved per day, as bars and as a table.
    const comments = figure(stats, 'comments');
    expect(comments.querySelectorAll('rect.received').length).to.equal(7);
    expect(comments.querySelectorAll('rect.approved').length).to.equal(7);
    const commentRows = [...comments.querySelector('tbody')!.rows].map(cells);
    expect(commentRows.reduce((n, r) => n + Number(r[1]), 0)).to.equal(3);
    expect(commentRows.reduce((n, r) => n + Number(r[2]), 0)).to.equal(2);

    // Decisions: two approvals, made seconds after posting.
    const decisions = shadow(stats).querySelector('.decisions')!;
    expect(decisions.querySelector('[data-value="count"]')!.textContent).to.equal('2');
    expect(decisions.querySelector('[data-value="median"]')!.textContent).to.equal('1 phút');

    // Most commented: one bar per thread, and its row.
    const most = figure(stats, 'most-commented');
    expect(most.querySelectorAll('rect.received').length).to.equal(1);
    expect(cells(most.querySelector('tbody tr')!)).to.deep.equal(['Giá lúa tăng, nông dân phấn khởi', '3', '2']);

    // Tables are read by screen readers, and shown on demand.
    expect(viewsTable.parentElement!.classList.contains('visually-hidden')).to.equal(true);
    const toggle = shadow(stats).querySelector<HTMLButtonElement>('.tables-toggle')!;
    toggle.click();
    await stats.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const shownTable = figure(stats, 'views').querySelector('table')!;
    expect(shownTable.parentElement!.classList.contains('visually-hidden')).to.equal(false);
    expect(shownTable.getBoundingClientRect().height).to.be.above(50);
    expect(cells(shownTable.tFoot!.rows[0]!)).to.deep.equal(['Tổng', '18', '8']);

    await expect(desk).to.be.accessible();
  });

  it('switches range by keyboard: the last 24 hours per hour', async () => {
    const { stats } = await openStats(api);
    const day = shadow(stats).querySelector<HTMLButtonElement>('button[data-range="24h"]')!;
    day.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(stats).querySelector('[data-range="24h"].charts'), '24h charts');
    expect(day.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(stats).querySelector('button[data-range="7d"]')!.getAttribute('aria-pressed')).to.equal('false');
    const table = figure(stats, 'views').querySelector('table')!;
    expect(table.caption!.textContent!.trim()).to.equal('Lượt xem theo giờ');
    expect(table.tBodies[0]!.rows.length).to.equal(24);
    expect(cells(table.tFoot!.rows[0]!)).to.deep.equal(['Tổng', '18', '8']);
    // This hour is the last row: 12 and 5 views.
    expect(cells(table.tBodies[0]!.rows[23]!).slice(1)).to.deep.equal(['12', '5']);
    expect(figure(stats, 'views').querySelectorAll('circle').length).to.equal(48);
    // Space works as well as Enter.
    shadow(stats).querySelector<HTMLButtonElement>('button[data-range="30d"]')!.focus();
    await sendKeys({ press: ' ' });
    await waitUntil(() => shadow(stats).querySelector('[data-range="30d"].charts'), '30d charts');
    expect(figure(stats, 'views').querySelector('tbody')!.rows.length).to.equal(30);
  });

  it('is readable and axe-clean in the dark theme, in English', async () => {
    document.documentElement.lang = 'en';
    const { desk, stats } = await openStats(api, 'dark');
    expect(figure(stats, 'views').querySelector('figcaption')!.textContent).to.equal('Views of the most read articles');
    const text = getComputedStyle(stats).color;
    const tick = getComputedStyle(figure(stats, 'views').querySelector('svg')!).color;
    // Light text on the dark scheme, for the chart's labels too.
    const lightness = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map(Number)
        .reduce((a, b) => a + b, 0);
    expect(lightness(text)).to.be.above(600);
    expect(lightness(tick)).to.be.above(400);
    await expect(desk).to.be.accessible();
  });

  it('shows an error with a retry, and signs the desk out on a 401', async () => {
    await api.fault({ kind: 'status', status: 503, path: '/moderation/stats', times: 1 });
    const desk = await fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);
    await waitUntil(() => shadow(desk).querySelector('.tabs button[data-view="stats"]'), 'signed in');
    shadow(desk).querySelector<HTMLButtonElement>('.tabs button[data-view="stats"]')!.click();
    await waitUntil(() => statsOf(desk)?.shadowRoot?.querySelector('.error button'), 'error shown');
    statsOf(desk)!.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!.click();
    await waitUntil(() => statsOf(desk)!.shadowRoot!.querySelector('[data-chart="views"] svg'), 'charts after retry');
    await api.fault({ kind: 'status', status: 401, path: '/moderation/stats', times: 1 });
    statsOf(desk)!.shadowRoot!.querySelector<HTMLButtonElement>('button[data-range="24h"]')!.click();
    await waitUntil(() => shadow(desk).querySelector('form.signin'), 'signed out');
  });
});
