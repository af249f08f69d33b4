// `npm run bench` part 1: the bytes a publisher's page downloads. For each publisher file it
// prints min, min+gzip and min+brotli of the file plus every chunk it imports statically (what
// the browser must fetch before the element works); lazily imported chunks are listed apart.
// Budgets are asserted here, never in the tests.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { minifyCssTemplates } from '../scripts/minify-css-templates.mjs';

const CDN = 'dist/cdn';
const KB = 1024;
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

if (!existsSync(CDN)) {
  console.error('dist/cdn is missing: run `npm run build` first.');
  process.exit(1);
}

/** The file and every chunk reachable through static `import … from` / `import "…"`. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)) {
    staticClosure(resolve(dirname(file), match[1]), seen);
  }
  return seen;
}

function lazyChunks(files) {
  const lazy = new Set();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
      const target = resolve(dirname(file), match[1]);
      if (!files.has(target)) lazy.add(target);
    }
  }
  return lazy;
}

function measure(files) {
  const buffer = Buffer.concat([...files].map((file) => readFileSync(file)));
  return { min: buffer.length, gzip: gzip(buffer), brotli: brotli(buffer) };
}

const rows = [];
for (const name of readdirSync(CDN)
  .filter((file) => file.endsWith('.js'))
  .sort()) {
  const files = staticClosure(resolve(CDN, name));
  const size = measure(files);
  const lazy = [...lazyChunks(files)].map((file) => `${file.split('/').pop()} ${kb(measure(new Set([file])).gzip)}`);
  rows.push({ file: name, chunks: files.size - 1, ...size, lazy: lazy.join(', ') || '-' });
}
const css = readFileSync(join(CDN, 'news-widgets.css'));
rows.push({ file: 'news-widgets.css', chunks: 0, min: css.length, gzip: gzip(css), brotli: brotli(css), lazy: '-' });

/**
 * related + most-read + share as one page would bundle them (Lit counted once): the entry and
 * every chunk it imports statically; chunks it imports lazily are returned apart.
 */
async function together(entries) {
  const source = entries.map((entry) => `export * from './${entry}';`).join('\n');
  const bundle = await rollup({
    input: 'virtual:together',
    plugins: [
      {
        name: 'together',
        resolveId: (id) => (id === 'virtual:together' ? id : null),
        load: (id) => (id === 'virtual:together' ? source : null),
      },
      nodeResolve({ exportConditions: ['production', 'browser', 'module', 'import', 'default'], browser: true }),
      minifyCssTemplates(),
      esbuild({ tsconfig: './tsconfig.json', target: 'es2021', minify: true, legalComments: 'none' }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'esm' });
  const chunks = new Map(output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  const loaded = new Set();
  const visit = (chunk) => {
    if (loaded.has(chunk)) return;
    loaded.add(chunk);
    chunk.imports.forEach((name) => visit(chunks.get(name)));
  };
  visit(entry);
  const size = (list) => {
    const buffer = Buffer.from(list.map((chunk) => chunk.code).join(''));
    return { min: buffer.length, gzip: gzip(buffer), brotli: brotli(buffer) };
  };
  const lazy = [...chunks.values()].filter((chunk) => !loaded.has(chunk));
  return {
    eager: size([...loaded]),
    lazy: lazy.map((chunk) => `${chunk.name} ${kb(size([chunk]).gzip)}`).join(', ') || '-',
  };
}

const trio = await together(['src/related/index.ts', 'src/most-read/index.ts', 'src/share/index.ts']);
const readingTrio = trio.eager;
rows.push({ file: 'related+most-read+share (one bundle)', chunks: 0, ...readingTrio, lazy: trio.lazy });

console.log('\nPublisher files (static imports included; 1 KB = 1024 bytes)\n');
console.log(
  ['file'.padEnd(38), 'min'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10), '  loaded lazily (gzip)'].join(
    '',
  ),
);
for (const row of rows) {
  console.log(
    [
      row.file.padEnd(38),
      kb(row.min).padStart(10),
      kb(row.gzip).padStart(10),
      kb(row.brotli).padStart(10),
      `  ${row.lazy}`,
    ].join(''),
  );
}

const byName = Object.fromEntries(rows.map((row) => [row.file, row]));
const budgets = [
  ['news-share.js (share only, Lit included)', byName['news-share.js'].gzip, 9 * KB],
  ['related + most-read + share together', readingTrio.gzip, 15 * KB],
  ['news-comments.js alone (Lit included)', byName['news-comments.js'].gzip, 14 * KB],
];
console.log('\nBudgets (gzip)\n');
let failed = false;
for (const [label, actual, budget] of budgets) {
  const ok = actual <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${label.padEnd(44)} ${kb(actual).padStart(9)} of ${kb(budget)}`);
}
console.log('\nFor scale: Shariff share buttons are 23 KB gzip of JavaScript + 15 KB CSS + a 77 KB icon font.');
if (failed) {
  console.error('\nA bundle is over its budget.');
  process.exitCode = 1;
}
