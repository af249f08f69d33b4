// `npm run build`: rollup (npm ESM; the publisher files in one build with shared chunks and
// dist/cdn/chunks.json; the IIFE), declarations, the reserve-space CSS, dist/cdn/integrity.json and
// the custom-elements manifest. Plain Node so it runs the same on every machine.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { escapeCss } from './ascii.mjs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
const bin = (name) => join('node_modules', '.bin', name);

rmSync('dist', { recursive: true, force: true });
run(bin('rollup'), ['-c', '--silent']);
run(bin('tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--outDir', 'dist']);

// Publishers inline this before the script tag so every box keeps its space from the first paint.
const css = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('src', entry.name, 'reserve.css')))
  .map((entry) => `/* ${entry.name} */\n${readFileSync(join('src', entry.name, 'reserve.css'), 'utf8').trim()}\n`)
  .join('\n');
mkdirSync('dist/cdn', { recursive: true });
writeFileSync(
  'dist/cdn/news-widgets.css',
  escapeCss(`/* news-widgets: reserve each element's space before the script runs. */\n${css}`),
);

// Subresource Integrity of every publisher file, for `<script integrity="sha384-…" crossorigin>`:
// { "news-widgets.js": "sha384-…", "chunks/lit-….js": "sha384-…", … }, paths relative to dist/cdn.
const CDN = 'dist/cdn';
const files = readdirSync(CDN, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name !== 'integrity.json')
  .map((entry) => relative(CDN, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
  .sort();
const integrity = Object.fromEntries(
  files.map((file) => [
    file,
    `sha384-${createHash('sha384')
      .update(readFileSync(join(CDN, file)))
      .digest('base64')}`,
  ]),
);
writeFileSync(join(CDN, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);

run(bin('cem'), [
  'analyze',
  '--litelement',
  '--globs',
  'src/**/*.ts',
  '--exclude',
  'src/**/*.styles.ts',
  '--outdir',
  'dist',
  '--quiet',
]);
console.log('built dist/ and dist/cdn/');
