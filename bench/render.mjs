// `npm run bench` part 2: how fast comments appear, beside a hand-built plain-DOM baseline.
//
// Cold (target ≤ 2.5×): a fresh page (new browser context: empty cache, no code loaded) with the
// built dist/cdn/news-comments.js and `<news-comments thread limit="100">`, talking to the real
// reference server (its app on an in-memory SQLite database, seeded through its own API with 100
// top-level comments and 125 replies). Timed from the response end of the thread GET (Resource
// Timing) to the moment all 225 `[part~="comment"]` are in the DOM (a MutationObserver on the
// document and every shadow root). The baseline page fetches the same JSON and builds the same
// nodes with createElement + textContent. Medians of 7 fresh pages each, alternated, one run.
// Then the same again with a 40 ms round trip on every request (Chromium network emulation):
// on localhost a chunk requested only after the data costs nothing; on a network it costs a round
// trip per step, which this line shows (printed, not a budget: the issue's figure is the first),
// and once more with `<link rel="modulepreload">` for the lazy comment chunks (from chunks.json).
//
// Warm (target ≤ 2×): 1,000 comments handed to <news-comment-list> as a property, code loaded,
// against the same nodes built by hand into a shadow root with the same styles; style and
// layout included (a forced reflow). Median of 41 rounds.
//
// Usage: node bench/render.mjs [cold pages=7] [warm rounds=41]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../scripts/browsers.mjs';
import { register } from 'tsx/esm/api';

register();
const { createTestApp, TEST_MODERATOR_TOKEN } = await import('../server/testing.ts');

const ROOT = resolve(process.cwd());
// BENCH_CDN_DIR: another build of dist/cdn (e.g. an esbuild output), served at /dist/cdn/.
const CDN_DIR = resolve(process.env.BENCH_CDN_DIR ?? 'dist/cdn');
const ENTRY = 'dist/cdn/news-comments.js';
const COLD_PAGES = Number(process.argv[2]) || 7;
const WARM_RUNS = Number(process.argv[3]) || 41; // the machine is noisy: many rounds keep the median steady
const WARM_TOTAL = 1000;
const THREAD = 'bench/cold-render';
const TOP = 100;
const COLD_TOTAL = 225;
const COLD_TARGET = 2.5;
/** The round trip of the second cold run: a code waterfall after the data costs this much per step. */
const RTT = 40;
const WARM_TARGET = 2;

if (!existsSync(join(CDN_DIR, 'news-comments.js'))) {
  console.error(`${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const TYPES = {
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.json': 'application/json',
};

// ------------------------------------------------------------------ pages

/**
 * Runs first in both cold pages: watches the document and every shadow root, and stamps the
 * moment the page holds `total` comments (skeletons excluded).
 */
const WATCH = `<script>
(() => {
  const roots = [document];
  const count = () => roots.reduce((n, r) => n + r.querySelectorAll('[part~="comment"]:not([part~="skeleton"])').length, 0);
  const check = () => {
    if (window.__renderedAt === undefined && count() >= ${COLD_TOTAL}) {
      window.__renderedAt = performance.now();
      window.__count = count();
    }
  };
  const observe = (root) => new MutationObserver(check).observe(root, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    observe(root);
    return root;
  };
  observe(document);
  /** Response end of the GET that carried the page of ${TOP} comments. */
  window.__dataAt = () => {
    const entries = performance.getEntriesByType('resource').filter((e) => /\\/threads\\/.+\\/comments\\?.*limit=${TOP}/.test(e.name));
    return entries.length ? Math.max(...entries.map((e) => e.responseEnd)) : undefined;
  };
})();
</script>`;

const coldPage = (hints = '') => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>cold</title>
<meta name="news-widgets:api" content="/api">
<style>body{margin:0;font:16px/1.45 system-ui,sans-serif;width:760px}</style>
${WATCH}
${hints}<script type="module" src="/${ENTRY}"></script>
</head><body><main><news-comments thread="${THREAD}" limit="${TOP}"></news-comments></main></body></html>`;

/**
 * `<link rel="modulepreload">` for the comment code news-comments.js loads lazily (from
 * dist/cdn/chunks.json, as scripts/preload-hints.mjs prints them): the page asks for it with the
 * HTML instead of when the section comes near the viewport.
 */
function preloadHints() {
  const manifest = JSON.parse(readFileSync(join(CDN_DIR, 'chunks.json'), 'utf8'))['news-comments.js'];
  const files = new Set();
  for (const [module, chunks] of Object.entries(manifest.lazy)) {
    if (module.startsWith('src/comments/')) chunks.forEach((file) => files.add(file));
  }
  return [...files].map((file) => `<link rel="modulepreload" href="/dist/cdn/${file}">\n`).join('');
}

/** The baseline's helpers (Intl made once, nodes by createElement), for the cold and warm pages. */
const BASELINE_HELPERS = `const rtf = new Intl.RelativeTimeFormat('vi', { numeric: 'auto' });
const dtf = new Intl.DateTimeFormat('vi', { dateStyle: 'medium', timeStyle: 'short' });
const timeText = (iso, now) => {
  const t = Date.parse(iso), d = t - now, a = Math.abs(d);
  if (a >= 7 * 864e5) return dtf.format(t);
  if (a >= 864e5) return rtf.format(Math.round(d / 864e5), 'day');
  if (a >= 36e5) return rtf.format(Math.round(d / 36e5), 'hour');
  if (a >= 6e4) return rtf.format(Math.round(d / 6e4), 'minute');
  return rtf.format(0, 'second');
};
const el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  for (const key in attrs) node.setAttribute(key, attrs[key]);
  node.append(...children);
  return node;
};`;

/** The same nodes the default comment rendering makes, by hand, from the same JSON. */
const BASELINE_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>baseline</title>
<style>body{margin:0;font:16px/1.45 system-ui,sans-serif;width:760px}</style>
${WATCH}
<script type="module">
${BASELINE_HELPERS}
const text = (tag, attrs, value) => {
  const node = el(tag, attrs);
  node.textContent = value;
  return node;
};
const body = (value) => {
  const div = el('div', { part: 'comment-body', class: 'body' });
  let last = 0;
  for (const m of value.matchAll(/\\bhttps?:\\/\\/[^\\s<>"'\`]+/gi)) {
    const raw = m[0].replace(/[.,;:!?)\\]}]+$/, '');
    div.append(value.slice(last, m.index), text('a', { href: new URL(raw).href, rel: 'nofollow ugc noopener' }, raw));
    last = m.index + raw.length;
  }
  div.append(value.slice(last));
  return div;
};
const article = (c, depth, now) => {
  const button = text('button', { type: 'button', part: 'reply-button', 'data-reply': c.id, 'aria-expanded': 'false' }, 'Trả lời');
  button.addEventListener('click', () => {});
  // Comments from the API carry "Thích" (with its count) and "Báo vi phạm", as the list renders them.
  const count = c.likes ? [' ', text('span', { part: 'like-count', class: 'like-count' }, String(c.likes))] : [];
  const like = el('button', { type: 'button', part: 'like-button', class: 'like', 'data-like': c.id, 'aria-pressed': 'false' }, 'Thích', ...count);
  like.addEventListener('click', () => {});
  const report = text('button', { type: 'button', part: 'report-button', 'data-report': c.id }, 'Báo vi phạm');
  report.addEventListener('click', () => {});
  return el('article', { part: 'comment', class: 'comment d' + depth, 'data-id': c.id, tabindex: '-1', 'aria-label': c.name },
    el('header', { part: 'comment-header' }, text('strong', { part: 'comment-name' }, c.name), ' - ',
      text('time', { part: 'comment-time', datetime: c.createdAt }, timeText(c.createdAt, now))),
    body(c.body),
    el('div', { part: 'comment-actions', class: 'actions' }, like, button, report));
};
const response = await fetch('/api/threads/${encodeURIComponent(THREAD)}/comments?sort=newest&limit=${TOP}', { credentials: 'omit' });
const page = await response.json();
const now = Date.now();
const section = el('section', { part: 'list', class: 'list long', 'aria-label': 'Bình luận' });
for (const c of page.items) {
  const top = article(c, 0, now);
  if (c.replies.length) {
    const byParent = new Map();
    for (const r of c.replies) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
    const nest = (parentId, depth) => (byParent.get(parentId) ?? []).map((r) => {
      const a = article(r, Math.min(depth, 2), now);
      const kids = nest(r.id, depth + 1);
      if (kids.length) a.append(el('div', { part: 'replies', class: 'replies' }, ...kids));
      return a;
    });
    top.append(el('div', { part: 'replies', class: 'replies' }, ...nest(c.id, 1)));
  }
  section.append(top);
}
document.querySelector('main').append(section);
</script></head><body><main></main></body></html>`;

const WARM_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:16px/1.45 system-ui,sans-serif;width:760px}</style>
<script type="module">
import '/${ENTRY}';
window.__ready = customElements.whenDefined('news-comment-list');
</script></head><body>
<!-- A standalone list with loading="eager" makes the kit load and define <news-comment-list> at once. -->
<news-comment-list loading="eager" hidden></news-comment-list>
<main id="stage"></main></body></html>`;

// ------------------------------------------------------------------ server

const { app, close } = await createTestApp({ commentsPerMinute: 100_000 });
const api = getRequestListener(app.fetch);
const PAGES = {
  '/cold.html': coldPage(),
  '/cold-preload.html': coldPage(preloadHints()),
  '/baseline.html': BASELINE_PAGE,
  '/warm.html': WARM_PAGE,
};
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path.startsWith('/api/')) return api(req, res);
  if (PAGES[path]) {
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    return res.end(PAGES[path]);
  }
  const rel = decodeURIComponent(path);
  const file = rel.startsWith('/dist/cdn/')
    ? normalize(join(CDN_DIR, rel.slice('/dist/cdn/'.length)))
    : normalize(join(ROOT, rel));
  if (!(file.startsWith(ROOT) || file.startsWith(CDN_DIR)) || !existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

/** 100 top-level comments and 125 replies (some replies to replies), posted then approved. */
async function seed() {
  const call = async (path, body, token) => {
    const response = await fetch(`${ORIGIN}/api${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        ...(token ? { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  let n = 0;
  const comment = async (parentId) => {
    n++;
    const body =
      n % 10 === 0
        ? `Bình luận số ${n}.\nXem thêm https://vnexpress.net/bai-${n}.html nhé.`
        : `Bình luận số ${n}: bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích.`;
    const { id } = await call(`/threads/${encodeURIComponent(THREAD)}/comments`, {
      name: `Độc giả ${n}`,
      body,
      ...(parentId ? { parentId } : {}),
    });
    await call(`/moderation/comments/${encodeURIComponent(id)}/approve`, {}, true);
    return id;
  };
  for (let i = 0; i < TOP; i++) {
    const top = await comment();
    // 25 threads with three replies (one a reply to a reply), 25 with two: 125 replies.
    if (i < 50) {
      const first = await comment(top);
      await comment(i < 25 ? first : top);
      if (i < 25) await comment(top);
    }
  }
  if (n !== COLD_TOTAL) throw new Error(`seeded ${n} comments, expected ${COLD_TOTAL}`);
}

// ------------------------------------------------------------------ measurements

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function coldOnce(browser, path, latency) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  try {
    const page = await context.newPage();
    if (latency) {
      // Chromium's network emulation: every request waits one round trip, as on a real network.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${ORIGIN}${path}`);
    await page.waitForFunction(() => window.__renderedAt !== undefined && window.__dataAt() !== undefined, null, {
      timeout: 30_000,
    });
    const { renderedAt, dataAt, count, late } = await page.evaluate(() => {
      const dataAt = window.__dataAt();
      return {
        renderedAt: window.__renderedAt,
        dataAt,
        count: window.__count,
        // Code that was still arriving after the data: what a waterfall looks like.
        late: performance
          .getEntriesByType('resource')
          .filter((e) => /\.js$/.test(new URL(e.name).pathname) && e.responseEnd > dataAt)
          .map((e) =>
            new URL(e.name).pathname
              .split('/')
              .pop()
              .replace(/-[\w-]{8}\.js$/, ''),
          ),
      };
    });
    if (errors.length) throw new Error(`${path}: ${errors.join('; ')}`);
    if (count !== COLD_TOTAL) throw new Error(`${path} rendered ${count} comments, expected ${COLD_TOTAL}`);
    return { ms: renderedAt - dataAt, late };
  } finally {
    await context.close();
  }
}

async function cold(browser, latency = 0, litPage = '/cold.html') {
  const samples = { lit: [], dom: [] };
  const late = new Map();
  const once = (kind) => coldOnce(browser, kind === 'lit' ? litPage : '/baseline.html', latency);
  // One page of each first, not counted: the browser's own first-run costs.
  await once('lit');
  await once('dom');
  for (let i = 0; i < COLD_PAGES; i++) {
    const order = i % 2 ? ['dom', 'lit'] : ['lit', 'dom'];
    for (const kind of order) {
      const result = await once(kind);
      samples[kind].push(result.ms);
      for (const name of result.late) late.set(name, (late.get(name) ?? 0) + 1);
    }
  }
  return { lit: median(samples.lit), dom: median(samples.dom), samples, late };
}

async function warm(browser) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`${ORIGIN}/warm.html`);
  await page.addScriptTag({ content: `${BASELINE_HELPERS}\nwindow.__baseline = { timeText, el };` });
  await page.evaluate(() =>
    Promise.race([
      window.__ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error('<news-comment-list> was never defined')), 20_000)),
    ]),
  );
  const result = await page.evaluate(
    async ({ runs, total }) => {
      // 1,000 comments: 700 top-level, 300 replies (some replies to replies), a few bodies with
      // a link and line breaks, as real threads have.
      const items = [];
      let n = 0;
      const base = Date.UTC(2026, 10, 20);
      const make = (extra = {}) => {
        n++;
        return {
          id: `c${n}`,
          name: `Độc giả ${n}`,
          body:
            n % 10 === 0
              ? `Bình luận số ${n}.\nXem thêm https://vnexpress.net/bai-${n}.html nhé.`
              : `Bình luận số ${n}: bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích.`,
          createdAt: new Date(base - n * 97_000).toISOString(),
          ...extra,
        };
      };
      while (n < total) {
        const top = make({ replies: [] });
        items.push(top);
        if (items.length % 7 < 3 && n < total) {
          const r1 = make({ parentId: top.id });
          top.replies.push(r1);
          if (items.length % 7 === 0 && n < total) top.replies.push(make({ parentId: r1.id }));
        }
      }
      const count = items.reduce((sum, c) => sum + 1 + c.replies.length, 0);
      const stage = document.getElementById('stage');
      // The list's styles: the baseline takes the sheets the Lit list has adopted (the first
      // round renders the Lit list first).
      let sheets = null;

      // The baseline: the same nodes the default rendering makes, built by hand.
      const { timeText, el } = window.__baseline;
      const body = (text) => {
        const div = el('div', { part: 'comment-body', class: 'body' });
        let last = 0;
        for (const m of text.matchAll(/\bhttps?:\/\/[^\s<>"'`]+/gi)) {
          const raw = m[0].replace(/[.,;:!?)\]}]+$/, '');
          div.append(
            text.slice(last, m.index),
            el('a', { href: new URL(raw).href, rel: 'nofollow ugc noopener' }, raw),
          );
          last = m.index + raw.length;
        }
        div.append(text.slice(last));
        return div;
      };
      const article = (c, depth, now) => {
        const a = el(
          'article',
          { part: 'comment', class: `comment d${depth}`, 'data-id': c.id, tabindex: '-1', 'aria-label': c.name },
          el(
            'header',
            { part: 'comment-header' },
            el('strong', { part: 'comment-name' }, c.name),
            ' - ',
            el('time', { part: 'comment-time', datetime: c.createdAt }, timeText(c.createdAt, now)),
          ),
          body(c.body),
          el(
            'div',
            { part: 'comment-actions', class: 'actions' },
            el(
              'button',
              { type: 'button', part: 'reply-button', 'data-reply': c.id, 'aria-expanded': 'false' },
              'Trả lời',
            ),
          ),
        );
        a.querySelector('button').addEventListener('click', () => {});
        return a;
      };
      const baseline = () => {
        const host = document.createElement('div');
        const root = host.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = sheets;
        const now = Date.now();
        const toolbar = el('div', { part: 'toolbar', class: 'toolbar', role: 'group', 'aria-label': 'Sắp xếp' });
        for (const [label, pressed] of [
          ['Mới nhất', 'true'],
          ['Cũ nhất', 'false'],
        ])
          toolbar.append(el('button', { type: 'button', part: 'sort', 'aria-pressed': pressed }, label));
        const section = el('section', { part: 'list', class: 'list long', 'aria-label': 'Bình luận' });
        for (const c of items) {
          const top = article(c, 0, now);
          if (c.replies.length) {
            const replies = el('div', { part: 'replies', class: 'replies' });
            const byParent = new Map();
            for (const r of c.replies) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
            for (const r of byParent.get(c.id) ?? []) {
              const ra = article(r, 1, now);
              const kids = byParent.get(r.id);
              if (kids)
                ra.append(el('div', { part: 'replies', class: 'replies' }, ...kids.map((k) => article(k, 2, now))));
              replies.append(ra);
            }
            top.append(replies);
          }
          section.append(top);
        }
        root.append(toolbar, el('div', { role: 'status', class: 'visually-hidden' }), section);
        return host;
      };
      const lit = async () => {
        const list = document.createElement('news-comment-list');
        list.comments = items;
        stage.append(list);
        await list.updateComplete;
        sheets ??= [...list.shadowRoot.adoptedStyleSheets];
        return list;
      };

      const time = async (build) => {
        stage.replaceChildren();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const start = performance.now();
        const node = await build();
        if (!node.isConnected) stage.append(node);
        void stage.offsetHeight; // style + layout
        const ms = performance.now() - start;
        const articles = node.shadowRoot.querySelectorAll('article').length;
        return { ms, articles };
      };
      const samples = { lit: [], dom: [] };
      let check = null;
      for (let i = 0; i < runs + 2; i++) {
        // Alternate the order, and drop the first two rounds (warm-up, template preparation).
        const order = i % 2 ? ['dom', 'lit'] : ['lit', 'dom'];
        for (const kind of order) {
          const r = await time(kind === 'lit' ? lit : baseline);
          if (i >= 2) samples[kind].push(r.ms);
          check ??= {};
          check[kind] = r.articles;
        }
      }
      stage.replaceChildren();
      const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
      return { count, top: items.length, lit: median(samples.lit), dom: median(samples.dom), check };
    },
    { runs: WARM_RUNS, total: WARM_TOTAL },
  );
  await page.close();
  if (result.check.lit !== result.count || result.check.dom !== result.count) {
    throw new Error(
      `Rendered ${result.check.lit} (Lit) and ${result.check.dom} (DOM) articles, expected ${result.count}`,
    );
  }
  return result;
}

// ------------------------------------------------------------------ run

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});

let failed = false;
try {
  await seed();
  const c = await cold(browser);
  const slow = await cold(browser, RTT);
  const hinted = await cold(browser, RTT, '/cold-preload.html');
  const w = await warm(browser);
  const coldRatio = c.lit / c.dom;
  const warmRatio = w.lit / w.dom;
  const row = (label, lit, dom, ratio, target, counts = true) => {
    const ok = ratio <= target;
    if (counts) failed ||= !ok;
    console.log(
      `  ${label.padEnd(58)} ${`${lit.toFixed(1)} ms`.padStart(9)} ${`${dom.toFixed(1)} ms`.padStart(9)} ` +
        `${`${ratio.toFixed(2)}×`.padStart(7)}  ≤ ${target}× ${ok ? 'ok' : 'OVER'}${counts ? '' : ' (shown, not a budget)'}`,
    );
  };
  console.log('\nComments on screen, against a hand-built createElement + textContent DOM (medians)\n');
  console.log(`  ${''.padEnd(58)} ${'Lit'.padStart(9)} ${'plain DOM'.padStart(9)} ${'ratio'.padStart(7)}`);
  row(
    `cold: ${COLD_TOTAL} comments (${TOP} top-level), data → DOM, ${COLD_PAGES} fresh pages`,
    c.lit,
    c.dom,
    coldRatio,
    COLD_TARGET,
  );
  row(
    `cold, as above, ${RTT} ms round trip per request (emulated)`,
    slow.lit,
    slow.dom,
    slow.lit / slow.dom,
    COLD_TARGET,
    false,
  );
  row(
    `cold, ${RTT} ms RTT, lazy comment chunks hinted by modulepreload`,
    hinted.lit,
    hinted.dom,
    hinted.lit / hinted.dom,
    COLD_TARGET,
    false,
  );
  row(
    `warm: ${w.count} comments (${w.top} top-level), style + layout, ${WARM_RUNS} runs`,
    w.lit,
    w.dom,
    warmRatio,
    WARM_TARGET,
  );
  const list = (values) => values.map((v) => v.toFixed(0)).join(' ');
  console.log(`\n  cold samples (ms), Lit: ${list(c.samples.lit)}; plain DOM: ${list(c.samples.dom)}`);
  console.log(`  cold with ${RTT} ms RTT, Lit: ${list(slow.samples.lit)}; plain DOM: ${list(slow.samples.dom)}`);
  const late = (map) =>
    [...map].map(([name, times]) => `${name} (${times} of ${COLD_PAGES} pages)`).join(', ') || 'none';
  console.log(`  scripts still arriving after the thread data: ${late(c.late)}`);
  console.log(`  the same with ${RTT} ms RTT: ${late(slow.late)}; with modulepreload: ${late(hinted.late)}`);
} finally {
  await browser.close();
  server.close();
  await close();
}
if (failed) {
  console.error('\nA render time is over its target.');
  process.exitCode = 1;
}
