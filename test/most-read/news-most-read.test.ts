import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/most-read/index.js';
import { registerTranslation } from '../../src/core/locale.js';
import * as en from '../../src/translations/en.js';
import type { NewsMostRead } from '../../src/most-read/index.js';
import {
  FEEDS,
  LISTS,
  body,
  count,
  counted,
  errors,
  failed,
  hrefs,
  isSkeleton,
  items,
  links,
  loaded,
  reservedHeights,
  resetErrors,
  root,
  titles,
  uniqueKey,
  expectNoPushDown,
} from '../fixtures/lists/helpers.js';

/**
 * A hand-driven clock for the beacon's visible-time timer: replaces `setTimeout`, `clearTimeout`
 * and `Date.now` until `restore()`. (Mocha keeps its own timer references.)
 */
function installClock(): { tick: (ms: number) => void; restore: () => void } {
  const real = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout, now: Date.now };
  let now = real.now();
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  window.setTimeout = ((run: () => void, ms = 0) => {
    timers.set(nextId, { at: now + Math.max(0, ms), run });
    return nextId++;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id: number) => void timers.delete(id)) as typeof window.clearTimeout;
  Date.now = () => now;
  return {
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
    restore() {
      Object.assign(window, { setTimeout: real.setTimeout, clearTimeout: real.clearTimeout });
      Date.now = real.now;
    },
  };
}

const ONE_ITEM = [{ url: 'https://tin.example.vn/a.html', title: 'A' }];

/** Runs `test` with the hand-driven clock installed, and always puts the real one back. */
async function withClock(test: (clock: ReturnType<typeof installClock>) => Promise<void>): Promise<void> {
  const clock = installClock();
  try {
    await test(clock);
  } finally {
    clock.restore();
  }
}

async function mostRead(template: unknown): Promise<NewsMostRead> {
  const host = await fixture<HTMLElement>(template as never);
  return (host.localName === 'news-most-read' ? host : host.querySelector('news-most-read')!) as NewsMostRead;
}

const tabs = (el: HTMLElement) => Array.from(root(el).querySelectorAll<HTMLButtonElement>('[role="tab"]'));
const selected = (el: HTMLElement) => tabs(el).find((tab) => tab.getAttribute('aria-selected') === 'true')!;
const key = (el: HTMLElement, name: string) => {
  const target = (root(el).activeElement as HTMLElement) ?? selected(el);
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
};
/** Waits until the keyboard's tab switch has rendered and moved focus to the selected tab. */
const tabFocused = (el: HTMLElement) =>
  waitUntil(() => root(el).activeElement === selected(el), 'focus did not follow the selected tab');
const metas = (el: HTMLElement) =>
  Array.from(root(el).querySelectorAll('li [part~="meta"]'), (m) => m.textContent ?? '');

/** Captures the URLs the widget asks for; answers with a small list. For URL-building logic only. */
function stubFetch(): { seen: string[]; restore: () => void } {
  const original = window.fetch;
  const seen: string[] = [];
  window.fetch = async (input) => {
    seen.push(String(input));
    return new Response(
      JSON.stringify({ items: [{ url: 'https://tin.example.vn/k.html', title: 'Từ máy chủ', views: 3 }] }),
      { headers: { 'content-type': 'application/json' } },
    );
  };
  return { seen, restore: () => (window.fetch = original) };
}

describe('news-most-read', () => {
  beforeEach(() => {
    resetErrors();
    delete window.__xss;
    sessionStorage.clear();
  });

  describe('ranked list', () => {
    it('is a region with a ranked <ol> of 10 items in feed order, views shown but not reordering', async () => {
      const el = await mostRead(
        html`<div lang="vi"><news-most-read src="${LISTS}/most-read-day.json"></news-most-read></div>`,
      );
      await loaded(el);
      const section = root(el).querySelector('section')!;
      expect(root(el).getElementById(section.getAttribute('aria-labelledby')!)!.textContent?.trim()).to.equal(
        'Đọc nhiều',
      );
      const ol = root(el).querySelector('ol')!;
      expect(ol.getAttribute('role')).to.equal('list');
      expect(getComputedStyle(ol).listStyleType).to.equal('none');
      expect(items(el)).to.have.length(10);
      expect(items(el).every((li) => li.parentElement === ol)).to.equal(true);
      expect(Array.from(root(el).querySelectorAll('[part~="rank"]'), (r) => r.textContent)).to.deep.equal([
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
      ]);
      expect(root(el).querySelector('[part~="rank"]')!.getAttribute('aria-hidden')).to.equal('true');
      expect(hrefs(el).slice(0, 3)).to.deep.equal([1, 2, 3].map((n) => `https://tin.example.vn/bai-${n}.html`));
      // Feed order is the rank: 1.234 comes before 98.765.
      expect(metas(el).slice(0, 3)).to.deep.equal(['1.234 lượt xem', '98.765 lượt xem', '12.345 lượt xem']);
      expect(root(el).querySelector('[role="tablist"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('formats views in English and switches language with an ancestor lang', async () => {
      const host = await fixture<HTMLElement>(
        html`<div lang="en">
          <news-most-read src="${LISTS}/most-read-day.json" windows="day,week"></news-most-read>
        </div>`,
      );
      const el = host.querySelector('news-most-read')!;
      await loaded(el);
      expect(root(el).querySelector('[part~="heading"]')!.textContent?.trim()).to.equal('Most read');
      expect(metas(el).slice(0, 2)).to.deep.equal(['1,234 views', '98,765 views']);
      expect(metas(el)[9]).to.equal('1 view');
      expect(tabs(el).map((t) => t.textContent?.trim())).to.deep.equal(['Today', 'This week']);
      host.lang = 'vi';
      await waitUntil(() => root(el).querySelector('[part~="heading"]')!.textContent?.trim() === 'Đọc nhiều');
      expect(metas(el)[0]).to.equal('1.234 lượt xem');
      expect(tabs(el).map((t) => t.textContent?.trim())).to.deep.equal(['Ngày', 'Tuần']);
    });

    it('fills two columns column-first, keeping DOM order = rank order', async () => {
      const el = await mostRead(
        html`<div style="width: 800px">
          <news-most-read layout="columns" src="${LISTS}/most-read-day.json"></news-most-read>
        </div>`,
      );
      await loaded(el);
      expect(el.getAttribute('layout')).to.equal('columns');
      const boxes = items(el).map((li) => li.getBoundingClientRect());
      const ranks = items(el).map((li) => li.querySelector('[part~="rank"]')!.textContent);
      expect(ranks).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      const left = boxes[0].left;
      expect(boxes.slice(0, 5).every((b) => b.left === left)).to.equal(true);
      expect(boxes.slice(5).every((b) => b.left > left + 100)).to.equal(true);
      for (let i = 1; i < 5; i++) expect(boxes[i].top).to.be.greaterThan(boxes[i - 1].top);
      expect(boxes[5].top).to.equal(boxes[0].top);
      await expect(el).to.be.accessible();
    });

    it('reads real feeds: VnExpress RSS ranks in feed order, Atom and JSON Feed', async () => {
      const vne = await mostRead(
        html`<news-most-read src="${FEEDS}/vnexpress-tin-moi-nhat-2019-02-14.rss.xml"></news-most-read>`,
      );
      await loaded(vne);
      expect(items(vne)).to.have.length(10);
      expect(hrefs(vne)[0]).to.match(/^https:\/\/e\.vnexpress\.net\//);
      const atom = await mostRead(
        html`<news-most-read
          limit="3"
          src="${FEEDS}/reddit-frontpage-2016-01-26.relative-xml-base.atom.xml"
        ></news-most-read>`,
      );
      await loaded(atom);
      expect(items(atom)).to.have.length(3);
      const json = await mostRead(
        html`<news-most-read limit="4" src="${FEEDS}/daringfireball-2021-02-27.feed-1.1.json"></news-most-read>`,
      );
      await loaded(json);
      expect(items(json)).to.have.length(4);
    });

    it('chooses "view" or "views" by the language\'s plural rules', async () => {
      // French counts 0 as singular: a hand-coded `=== 1` would say "0 vues".
      registerTranslation({
        $code: 'fr',
        $name: 'Français',
        mostRead: { ...en.mostRead, view: '{count} vue', views: '{count} vues' },
      });
      const el = await mostRead(
        html`<news-most-read
          lang="fr"
          .items=${[0, 1, 2, 1500].map((views) => ({ url: `https://tin.example.vn/${views}.html`, title: 'T', views }))}
        ></news-most-read>`,
      );
      await loaded(el);
      expect(metas(el)).to.deep.equal(['0 vue', '1 vue', '2 vues', '1\u202f500 vues']);
    });

    it('takes the items property and light-DOM links', async () => {
      const el = await mostRead(
        html`<news-most-read
          .items=${[
            { url: 'https://tin.example.vn/1.html', title: 'Một', views: 5 },
            { url: 'https://tin.example.vn/2.html', title: 'Hai', views: 50 },
          ]}
        ></news-most-read>`,
      );
      await loaded(el);
      expect(titles(el)).to.deep.equal(['Một', 'Hai']);
      const light = await mostRead(
        html`<news-most-read lang="vi"
          ><ol>
            <li><a href="https://tin.example.vn/a.html" data-views="2048">A</a></li>
            <li><a href="https://tin.example.vn/b.html">B</a></li>
          </ol></news-most-read
        >`,
      );
      await loaded(light);
      expect(titles(light)).to.deep.equal(['A', 'B']);
      // A link without views has no meta line at all (no blank line under its title).
      expect(metas(light)).to.deep.equal(['2.048 lượt xem']);
      expect(items(light)[1].querySelector('[part~="meta"]')).to.equal(null);
    });

    it('limit, exclude and the canonical URL apply', async () => {
      const canonical = document.createElement('link');
      canonical.rel = 'canonical';
      canonical.href = 'https://tin.example.vn/bai-1.html';
      document.head.append(canonical);
      try {
        const el = await mostRead(
          html`<news-most-read
            limit="3"
            exclude="https://tin.example.vn/bai-2.html"
            src="${LISTS}/most-read-day.json"
          ></news-most-read>`,
        );
        await loaded(el);
        expect(hrefs(el)).to.deep.equal([3, 4, 5].map((n) => `https://tin.example.vn/bai-${n}.html`));
        expect(Array.from(root(el).querySelectorAll('[part~="rank"]'), (r) => r.textContent)).to.deep.equal([
          '1',
          '2',
          '3',
        ]);
      } finally {
        canonical.remove();
      }
    });

    it('shows 10 of a 1,000-item list', async () => {
      const el = await mostRead(html`<news-most-read src="${LISTS}/big-1000.json"></news-most-read>`);
      await loaded(el);
      expect(items(el)).to.have.length(10);
      expect(titles(el)[9]).to.equal('Bài số 10');
    });

    it('dark theme changes a computed colour', async () => {
      const el = await mostRead(
        html`<news-most-read theme="light" src="${LISTS}/most-read-day.json"></news-most-read>`,
      );
      await loaded(el);
      const rank = root(el).querySelector('[part~="rank"]')!;
      const light = getComputedStyle(rank).color;
      el.setAttribute('theme', 'dark');
      expect(getComputedStyle(rank).color).to.not.equal(light);
      expect(getComputedStyle(rank).color).to.equal('rgb(255, 138, 128)');
    });
  });

  describe('time windows', () => {
    it('follows the ARIA tabs pattern: arrows, Home/End, roving tabindex, selection, panel labelled', async () => {
      const el = await mostRead(
        html`<news-most-read
          lang="vi"
          windows="day,week,month"
          src="${LISTS}/most-read-{window}.json"
        ></news-most-read>`,
      );
      await loaded(el);
      const tablist = root(el).querySelector('[role="tablist"]')!;
      expect(tablist.getAttribute('aria-labelledby')).to.equal('h');
      expect(tabs(el).map((t) => t.textContent?.trim())).to.deep.equal(['Ngày', 'Tuần', 'Tháng']);
      const panel = root(el).querySelector('[role="tabpanel"]')!;
      const check = (name: string) => {
        const tab = selected(el);
        expect(tab.textContent?.trim()).to.equal(name);
        expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal(tabs(el).map((t) => (t === tab ? 0 : -1)));
        expect(tab.getAttribute('aria-controls')).to.equal(panel.id);
        expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
        expect(tabs(el).filter((t) => t.getAttribute('aria-selected') === 'true')).to.have.length(1);
      };
      check('Ngày');
      expect(titles(el)[0]).to.equal('Giá xăng giảm lần thứ ba liên tiếp');
      await expect(el).to.be.accessible();

      selected(el).focus();
      key(el, 'ArrowRight');
      await tabFocused(el);
      check('Tuần');
      expect(root(el).activeElement).to.equal(selected(el));
      expect(el.window).to.equal('week');
      await loaded(el);
      await waitUntil(() => titles(el)[0]?.startsWith('Tuần: '));

      key(el, 'End');
      await tabFocused(el);
      check('Tháng');
      expect(root(el).activeElement).to.equal(selected(el));
      await waitUntil(() => titles(el)[0]?.startsWith('Tháng: '));

      key(el, 'ArrowRight'); // wraps to the first
      await tabFocused(el);
      check('Ngày');
      key(el, 'ArrowLeft'); // wraps to the last
      await tabFocused(el);
      check('Tháng');
      key(el, 'Home');
      await tabFocused(el);
      check('Ngày');
      expect(root(el).activeElement).to.equal(selected(el));

      tabs(el)[1].click();
      await el.updateComplete;
      check('Tuần');
      await waitUntil(() => titles(el)[0]?.startsWith('Tuần: '));
      await expect(el).to.be.accessible();
    });

    it('a window that fails keeps the tabs and the focus, fires news-error, and the others still work', async () => {
      const el = await mostRead(
        html`<news-most-read lang="vi" windows="day,hour" src="${LISTS}/most-read-{window}.json"></news-most-read>`,
      );
      await loaded(el);
      selected(el).focus();
      key(el, 'ArrowRight');
      const detail = await failed(el);
      expect(detail).to.include({ reason: 'http', status: 404 });
      await el.updateComplete;
      expect(el.hidden).to.equal(false);
      expect(selected(el).textContent?.trim()).to.equal('Giờ');
      expect(root(el).activeElement).to.equal(selected(el));
      expect(root(el).querySelector('[role="tabpanel"] [part~="empty"]')!.textContent).to.equal(
        'Chưa có dữ liệu cho mục này.',
      );
      await expect(el).to.be.accessible();
      key(el, 'Home');
      await waitUntil(() => titles(el)[0] === 'Giá xăng giảm lần thứ ba liên tiếp', 'day list not back');
      expect(errors).to.have.length(1);
    });

    it('is accessible while a tab is loading', async () => {
      const el = await mostRead(
        html`<news-most-read
          windows="day,week"
          src="/__fixture/delay/1000?then=${LISTS}/most-read-{window}.json&a11y=1"
        ></news-most-read>`,
      );
      await el.updateComplete;
      expect(isSkeleton(el)).to.equal(true);
      expect(root(el).querySelector('[role="tabpanel"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('adds ?window= to a src without {window}, day by default', async () => {
      const { seen, restore } = stubFetch();
      try {
        const plain = await mostRead(html`<news-most-read src="https://api.example.vn/top.json"></news-most-read>`);
        await loaded(plain);
        const query = await mostRead(
          html`<news-most-read windows="week,month" src="https://api.example.vn/top.json?site=vne#x"></news-most-read>`,
        );
        await loaded(query);
        expect(seen).to.deep.equal([
          'https://api.example.vn/top.json?window=day',
          'https://api.example.vn/top.json?site=vne&window=week#x',
        ]);
      } finally {
        restore();
      }
    });

    it('builds {api}/most-read?window=&limit=&section= without src', async () => {
      const { seen, restore } = stubFetch();
      try {
        const el = await mostRead(
          html`<news-most-read
            api="https://api.example.vn/"
            section="thể thao"
            limit="5"
            window="week"
          ></news-most-read>`,
        );
        await loaded(el);
        expect(seen).to.deep.equal([
          `https://api.example.vn/most-read?window=week&limit=5&section=${encodeURIComponent('thể thao')}`,
        ]);
      } finally {
        restore();
      }
    });

    it('shows no tablist when only one window is given, and fetches that window', async () => {
      const key = uniqueKey('one-window');
      const el = await mostRead(
        html`<news-most-read
          windows="week"
          src="/__fixture/counted?key=${key}&then=${LISTS}/most-read-{window}.json"
        ></news-most-read>`,
      );
      await loaded(el);
      expect(root(el).querySelector('[role="tablist"]')).to.equal(null);
      expect(root(el).querySelector('[role="tabpanel"]')).to.equal(null);
      expect(titles(el)[0]).to.match(/^Tuần: /);
      expect(await count(key)).to.equal(1);
    });
  });

  describe('freshness', () => {
    it('hides itself with reason stale when generatedAt is older than stale-after', async () => {
      const el = await mostRead(html`<news-most-read stale-after="60" src="${LISTS}/stale.json"></news-most-read>`);
      const detail = await failed(el);
      expect(detail).to.include({ widget: 'news-most-read', reason: 'stale' });
      expect(el.hidden).to.equal(true);
    });

    it('shows a fresh list, and a list without generatedAt', async () => {
      const fresh = JSON.stringify({
        generatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        items: [{ url: 'https://tin.example.vn/moi.html', title: 'Tin mới' }],
      });
      const el = await mostRead(
        html`<news-most-read stale-after="10" src="${body('application/json', fresh)}"></news-most-read>`,
      );
      await loaded(el);
      expect(titles(el)).to.deep.equal(['Tin mới']);
      const undated = await mostRead(
        html`<news-most-read stale-after="10" src="${LISTS}/most-read-month.json"></news-most-read>`,
      );
      await loaded(undated);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('bad input', () => {
    const cases: [string, string, string, number?][] = [
      ['malformed JSON', `${LISTS}/malformed.json`, 'parse'],
      ['malformed XML', `${LISTS}/malformed.xml`, 'parse'],
      ['JSON of the wrong shape', `${LISTS}/wrong-shape.json`, 'shape'],
      ['an empty list', `${LISTS}/empty.json`, 'empty'],
      ['HTTP 404', '/__fixture/status/404', 'http', 404],
      ['HTTP 500', '/__fixture/status/500', 'http', 500],
      ['a network error', 'http://127.0.0.1:9/x', 'network'],
    ];
    for (const [name, src, reason, status] of cases) {
      it(`${name}: hides itself and fires news-error ${reason}`, async () => {
        const el = await mostRead(html`<news-most-read src="${src}"></news-most-read>`);
        const detail = await failed(el);
        expect(detail).to.include({ widget: 'news-most-read', reason });
        if (status) expect(detail.status).to.equal(status);
        expect(el.hidden).to.equal(true);
        expect(errors).to.have.length(1);
      });
    }

    it('times out', async () => {
      const el = await mostRead(
        html`<news-most-read
          timeout="300"
          src="/__fixture/delay/2000?then=${LISTS}/most-read-day.json"
        ></news-most-read>`,
      );
      expect((await failed(el)).reason).to.equal('timeout');
      expect(el.hidden).to.equal(true);
    });

    it('keeps the light-DOM links on error and is accessible', async () => {
      const el = await mostRead(
        html`<news-most-read src="/__fixture/status/404"
          ><ol>
            <li><a href="https://tin.example.vn/a.html">Dự phòng</a></li>
          </ol></news-most-read
        >`,
      );
      expect((await failed(el)).reason).to.equal('http');
      await el.updateComplete;
      expect(el.hidden).to.equal(false);
      expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('hostile titles and URLs stay text and never link', async () => {
      const el = await mostRead(html`<news-most-read src="${LISTS}/hostile.json"></news-most-read>`);
      await loaded(el);
      for (const a of links(el)) expect(a.protocol).to.equal('https:');
      expect(root(el).querySelectorAll('script, img, svg, [onerror], [onload]')).to.have.length(0);
      expect(items(el)).to.have.length(4);
      const rss = await mostRead(html`<news-most-read src="${LISTS}/hostile.rss.xml"></news-most-read>`);
      await loaded(rss);
      expect(hrefs(rss)).to.deep.equal([1, 2, 3].map((n) => `https://tin.example.vn/rss-an-toan-${n}.html`));
      expect(window.__xss).to.equal(undefined);
    });
  });

  describe('loading', () => {
    it('does not fetch before near the viewport', async () => {
      const key = uniqueKey('most-read-lazy');
      const host = await fixture<HTMLElement>(
        html`<div>
          <div style="height: 6000px"></div>
          <news-most-read src="${counted(key, `${LISTS}/most-read-day.json`)}"></news-most-read>
        </div>`,
      );
      const el = host.querySelector('news-most-read')!;
      // The IntersectionObserver reports the far-away box within the next rendering steps.
      await nextFrame();
      await nextFrame();
      expect(await count(key)).to.equal(0);
      el.scrollIntoView();
      await loaded(el);
      expect(await count(key)).to.equal(1);
      window.scrollTo(0, 0);
    });

    it("reserve.css keeps the skeleton's height before the element is defined", async () => {
      const reserved = await reservedHeights('/src/most-read/reserve.css');
      const cases: [string, string, string][] = [
        ['list', '', 'news-most-read:not(:defined)'],
        ['list', 'day,week', 'news-most-read[windows*=","][layout="list"]:not(:defined)'],
        ['columns', '', 'news-most-read[layout="columns"]:not(:defined)'],
        ['compact', '', 'news-most-read[layout="compact"]:not(:defined)'],
      ];
      for (const [layout, windows, selector] of cases) {
        const host = await fixture<HTMLElement>(
          html`<div style="width: 700px; font-size: 16px">
            <news-most-read
              layout="${layout}"
              windows="${windows}"
              loading="eager"
              src="/__fixture/delay/3000?reserve=${layout}{window}"
            ></news-most-read>
          </div>`,
        );
        const el = host.querySelector('news-most-read')!;
        await el.updateComplete;
        expect(isSkeleton(el)).to.equal(true);
        const skeleton = el.getBoundingClientRect().height;
        const min = reserved.get(selector)!;
        expect(min, selector).to.be.a('number');
        expect(min, selector).to.be.at.most(skeleton);
        expect(skeleton - min, selector).to.be.below(4);
      }
    });

    it('messages override tab labels', async () => {
      const el = await mostRead(
        html`<news-most-read
          lang="vi"
          windows="day,week"
          .messages=${{ day: 'Hôm nay', week: '7 ngày' }}
          src="${LISTS}/most-read-{window}.json"
        ></news-most-read>`,
      );
      await loaded(el);
      expect(tabs(el).map((t) => t.textContent?.trim())).to.deep.equal(['Hôm nay', '7 ngày']);
    });

    for (const layout of ['list', 'columns', 'compact']) {
      it(`never pushes what follows down when the list replaces its skeleton (${layout}, with tabs)`, async () => {
        await expectNoPushDown(
          html`<div style="width: 700px">
            <news-most-read
              layout="${layout}"
              windows="day,week"
              loading="eager"
              src="/__fixture/delay/400?then=${LISTS}/most-read-{window}.json&shift=${layout}"
            ></news-most-read>
            <p id="below">Bên dưới</p>
          </div>`,
          'news-most-read',
        );
      });
    }
  });

  describe('track', () => {
    let beacons: { url: string; data: string }[];
    let original: typeof navigator.sendBeacon;
    beforeEach(() => {
      beacons = [];
      original = navigator.sendBeacon;
      navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
        beacons.push({ url: String(url), data: String(data) });
        return true;
      };
    });
    afterEach(() => {
      navigator.sendBeacon = original;
      delete (document as unknown as Record<string, unknown>).visibilityState;
    });

    const setVisibility = (state: 'visible' | 'hidden') => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };

    /** A most-read box of one item with the given tracking settings, on the page. */
    const tracked = (settings: Partial<Pick<NewsMostRead, 'track' | 'api' | 'articleId' | 'trackDelay'>>) =>
      mostRead(html`${Object.assign(document.createElement('news-most-read'), { items: ONE_ITEM }, settings)}`);

    it('sends one beacon after the visible delay, with the canonical URL, article id and og:title, once per session', async () => {
      const canonical = document.createElement('link');
      canonical.rel = 'canonical';
      canonical.href = 'https://tin.example.vn/bai-dang-doc.html';
      const ogTitle = document.createElement('meta');
      ogTitle.setAttribute('property', 'og:title');
      ogTitle.content = '  Bài đang đọc ';
      document.head.append(canonical, ogTitle);
      const settings = { track: true, articleId: '12345', api: 'https://api.example.vn/v1' };
      await withClock(async (clock) => {
        const el = await tracked(settings);
        clock.tick(4999);
        expect(beacons).to.have.length(0);
        clock.tick(1);
        expect(beacons).to.have.length(1);
        expect(beacons[0].url).to.equal('https://api.example.vn/v1/views');
        expect(JSON.parse(beacons[0].data)).to.deep.equal({
          url: 'https://tin.example.vn/bai-dang-doc.html',
          articleId: '12345',
          title: 'Bài đang đọc',
        });
        expect(typeof beacons[0].data).to.equal('string');
        el.remove();
        // A second box on the same article in the same session sends nothing.
        await tracked(settings);
        clock.tick(60_000);
        expect(beacons).to.have.length(1);
      }).finally(() => {
        canonical.remove();
        ogTitle.remove();
      });
    });

    it('does not count hidden time; without og:title the beacon carries document.title', async () => {
      const pageTitle = document.title;
      document.title = 'Tiêu đề của trang';
      await withClock(async (clock) => {
        const el = await tracked({ api: 'https://api.example.vn', trackDelay: 400 });
        el.track = true;
        await el.updateComplete;
        clock.tick(200);
        setVisibility('hidden');
        clock.tick(10_000);
        expect(beacons).to.have.length(0);
        setVisibility('visible');
        clock.tick(199);
        expect(beacons).to.have.length(0);
        clock.tick(1);
        expect(beacons).to.have.length(1);
        expect(JSON.parse(beacons[0].data)).to.deep.equal({
          url: JSON.parse(beacons[0].data).url,
          title: 'Tiêu đề của trang',
        });
        expect(JSON.parse(beacons[0].data)).to.not.have.property('articleId');
      }).finally(() => (document.title = pageTitle));
    });

    it('sends nothing without track, without an API base, or after removal', async () => {
      await withClock(async (clock) => {
        await tracked({ api: 'https://api.example.vn', trackDelay: 50 });
        await tracked({ track: true, trackDelay: 50 });
        const removed = await tracked({ track: true, api: 'https://api.example.vn', trackDelay: 150 });
        removed.remove();
        clock.tick(60_000);
        expect(beacons).to.deep.equal([]);
      });
    });

    it('reaches a real server through navigator.sendBeacon, once', async () => {
      const calls: string[] = [];
      navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
        calls.push(String(url));
        return original.call(navigator, url, data);
      };
      const name = uniqueKey('beacon');
      await withClock(async (clock) => {
        await tracked({
          track: true,
          api: `/__fixture/counted?key=${name}&then=/test/fixtures/lists/empty.json&x=`,
          trackDelay: 100,
        });
        clock.tick(60_000);
      });
      expect(calls).to.have.length(1);
      await waitUntil(async () => (await count(name)) === 1, 'beacon did not reach the server', { timeout: 3000 });
      expect(sessionStorage.length).to.equal(1);
    });
  });
});
