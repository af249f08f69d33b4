// `npm run bench` part 1: the bytes a publisher's page downloads, from the built dist/cdn.
// Every file is one HTTP response compressed on its own, so sizes are sums of per-file gzip
// (and brotli) sizes, never of one concatenation. For each publisher file: the file plus every
// chunk it imports statically (what the browser must fetch before the element works); chunks
// imported later are listed apart. Then pages that load several files: shared chunks count once.
// Budgets are asserted here, never in the tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const CDN = resolve('dist/cdn');
const KB = 1024;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

if (!existsSync(join(CDN, 'chunks.json'))) {
  console.error('dist/cdn (with chunks.json) is missing: run `npm run build` first.');
  process.exit(1);
}

const sizes = new Map();
/** Raw, gzip -9 and brotli -11 bytes of one file. */
function sizeOf(file) {
  if (!sizes.has(file)) {
    const buffer = readFileSync(file);
    sizes.set(file, {
      min: buffer.length,
      gzip: gzipSync(buffer, { level: 9 }).length,
      brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(file);
}
/** Sums of per-file sizes, and (`joined`) the gzip size of all files as one stream, for comparison. */
const total = (files) =>
  [...files].reduce(
    (sum, file) => {
      const size = sizeOf(file);
      return { ...sum, min: sum.min + size.min, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli };
    },
    {
      min: 0,
      gzip: 0,
      brotli: 0,
      joined: gzipSync(Buffer.concat([...files].map((file) => readFileSync(file))), { level: 9 }).length,
    },
  );

const specifiers = (code, pattern) => [...code.matchAll(pattern)].map((match) => match[1]);
const STATIC = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g;
const DYNAMIC = /import\(\s*["'](\.[^"']+)["']\s*\)/g;

/** The file and every chunk reachable through static `import … from` / `import "…"`. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of specifiers(readFileSync(file, 'utf8'), STATIC)) staticClosure(resolve(dirname(file), spec), seen);
  return seen;
}

/** Chunks that files import dynamically, with their own static imports, minus what is loaded. */
function lazyChunks(files) {
  const lazy = new Map();
  const queue = [...files];
  while (queue.length) {
    const file = queue.shift();
    for (const spec of specifiers(readFileSync(file, 'utf8'), DYNAMIC)) {
      const target = resolve(dirname(file), spec);
      if (files.has(target) || lazy.has(target)) continue;
      lazy.set(target, target);
      queue.push(target);
    }
  }
  return [...lazy.keys()];
}

/** The files a page fetches up front when it has one `<script type=module>` per entry. */
const page = (...entries) => {
  const files = new Set();
  for (const entry of entries) staticClosure(join(CDN, entry), files);
  return files;
};
const short = (file) => relative(CDN, file);
const chunkLabel = (file) =>
  short(file)
    .replace(/^chunks\//, '')
    .replace(/-[\w-]{8}\.js$/, '');

// ----------------------------------------------------------------- per file
const rows = [];
const entries = readdirSync(CDN)
  .filter((file) => file.endsWith('.js'))
  .sort();
for (const name of entries) {
  const files = page(name);
  const lazy = lazyChunks(files).map((file) => `${chunkLabel(file)} ${kb(sizeOf(file).gzip)}`);
  rows.push({ label: name, requests: files.size, ...total(files), lazy: lazy.join(', ') || '-' });
}
const css = join(CDN, 'news-widgets.css');
rows.push({ label: 'news-widgets.css', requests: 1, ...total([css]), lazy: '-' });

const PAGES = {
  'related + most-read + share': ['news-related.js', 'news-most-read.js', 'news-share.js'],
  'all five widgets (5 files)': [
    'news-related.js',
    'news-most-read.js',
    'news-share.js',
    'news-comments.js',
    'news-moderation.js',
  ],
  'share + related (2 files)': ['news-share.js', 'news-related.js'],
};
const pages = Object.fromEntries(Object.entries(PAGES).map(([label, list]) => [label, page(...list)]));
for (const [label, files] of Object.entries(pages)) {
  rows.push({
    label: `page: ${label}`,
    requests: files.size,
    ...total(files),
    lazy:
      lazyChunks(files)
        .map((file) => chunkLabel(file))
        .join(', ') || '-',
  });
}

console.log('\nPublisher files: the file and the chunks it imports statically (1 KB = 1024 B). gzip and brotli');
console.log('are sums over the files, each compressed alone as it is served; "as one" is gzip of all of');
console.log('them concatenated, what one file would weigh (for comparison, not a budget).\n');
console.log(
  [
    'file or page'.padEnd(42),
    'files'.padStart(6),
    'min'.padStart(10),
    'gzip'.padStart(10),
    'brotli'.padStart(10),
    'as one'.padStart(10),
    '  loaded later (gzip)',
  ].join(''),
);
for (const row of rows) {
  console.log(
    [
      row.label.padEnd(42),
      String(row.requests).padStart(6),
      kb(row.min).padStart(10),
      kb(row.gzip).padStart(10),
      kb(row.brotli).padStart(10),
      kb(row.joined).padStart(10),
      `  ${row.lazy}`,
    ].join(''),
  );
}

// ----------------------------------------------------------------- two files, one Lit
const twoFiles = PAGES['share + related (2 files)'];
const twoPage = pages['share + related (2 files)'];
const separately = twoFiles.reduce((sum, entry) => sum + total(page(entry)).gzip, 0);
const litFiles = [...twoPage].filter((file) => /\/lit-[\w-]+\.js$/.test(file));
console.log(`\nA page with <script type=module> for ${twoFiles.join(' and ')} fetches (gzip):`);
for (const file of [...twoPage].sort()) {
  const shared = twoFiles.filter((entry) => page(entry).has(file));
  console.log(`  ${short(file).padEnd(40)} ${kb(sizeOf(file).gzip).padStart(9)}  needed by ${shared.join(', ')}`);
}
console.log(
  `  ${'total'.padEnd(40)} ${kb(total(twoPage).gzip).padStart(9)}  (${kb(separately)} if nothing were shared; ` +
    `Lit fetched ${litFiles.length}×)`,
);

// ----------------------------------------------------------------- budgets
const gzipOf = (label) => rows.find((row) => row.label === label).gzip;
const everything = pages['all five widgets (5 files)'];
const purifyUpFront = [...everything].filter((file) => /dompurify/.test(file));
const budgets = [
  ['news-share.js (with its static chunks, Lit included)', gzipOf('news-share.js'), 10 * KB],
  ['related + most-read + share on one page', gzipOf('page: related + most-read + share'), 15 * KB],
  ['news-comments.js (with its static chunks)', gzipOf('news-comments.js'), 14 * KB],
  ['all five widgets on one page, up front', gzipOf('page: all five widgets (5 files)'), 30 * KB],
  ['DOMPurify up front on the five-widget page', total(purifyUpFront).gzip, 0],
  ['copies of Lit on the share + related page', litFiles.length, 1, String],
];
console.log('\nBudgets\n');
let failed = false;
for (const [label, actual, budget, show = kb] of budgets) {
  const ok = actual <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${label.padEnd(54)} ${show(actual).padStart(9)} of ${show(budget)}`);
}
console.log('\nFor scale: Shariff share buttons are 23 KB gzip of JavaScript + 15 KB CSS + a 77 KB icon font.');
if (failed) {
  console.error('\nA bundle is over its budget.');
  process.exitCode = 1;
}
