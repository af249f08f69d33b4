// `npm run bench` part 2: the time to render a 1,000-comment thread in <news-comment-list>
// (from dist/cdn/news-comments.js, items given as a property), beside a plain-DOM baseline that
// builds the same nodes by hand into a shadow root with the same styles, in the same page and
// run. Both include style and layout (a forced reflow). Prints the medians and the ratio
// (target ≤ 2×). Usage: node bench/render.mjs [runs=41]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(process.cwd());
// BENCH_CDN_DIR: another build of dist/cdn (e.g. an esbuild output), served at /dist/cdn/.
const CDN_DIR = resolve(process.env.BENCH_CDN_DIR ?? 'dist/cdn');
const ENTRY = 'dist/cdn/news-comments.js';
const RUNS = Number(process.argv[2]) || 41; // the machine is noisy: many rounds keep the median steady
const TOTAL = 1000;

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

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:16px/1.45 system-ui,sans-serif;width:760px}</style>
<script type="module">
import '/${ENTRY}';
window.__ready = customElements.whenDefined('news-comment-list');
</script></head><body><main id="stage"></main></body></html>`;

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/' || path === '/bench.html') {
    res.writeHead(200, { 'content-type': TYPES['.html'] });
    return res.end(PAGE);
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
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/bench.html`);
  await page.evaluate(() => window.__ready);
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
      // The list's styles arrive with its view chunk: the baseline takes the sheets the Lit list
      // has adopted (the first round renders the Lit list first).
      let sheets = null;

      // The baseline: the same nodes the default rendering makes, built by hand.
      const rtf = new Intl.RelativeTimeFormat('vi', { numeric: 'auto' });
      const dtf = new Intl.DateTimeFormat('vi', { dateStyle: 'medium', timeStyle: 'short' });
      const timeText = (iso, now) => {
        const t = Date.parse(iso);
        const d = t - now;
        const a = Math.abs(d);
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
      };
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
      const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
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
      return { count, top: items.length, lit: median(samples.lit), dom: median(samples.dom), check };
    },
    { runs: RUNS, total: TOTAL },
  );
  if (result.check.lit !== result.count || result.check.dom !== result.count) {
    throw new Error(
      `Rendered ${result.check.lit} (Lit) and ${result.check.dom} (DOM) articles, expected ${result.count}`,
    );
  }
  const ratio = result.lit / result.dom;
  console.log(
    `\nRender a ${result.count}-comment thread (${result.top} top-level), median of ${RUNS} runs, style + layout included:`,
  );
  console.log(`  <news-comment-list>  ${result.lit.toFixed(1)} ms`);
  console.log(`  plain-DOM baseline   ${result.dom.toFixed(1)} ms`);
  console.log(`  ratio                ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER'}`);
} finally {
  await browser.close();
  server.close();
}
