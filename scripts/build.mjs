// `npm run build`: rollup (npm ESM; the publisher files in one build with shared chunks and
// dist/cdn/chunks.json; the IIFE), declarations, the reserve-space CSS and
// the custom-elements manifest. Plain Node so it runs the same on every machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

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
  `/* news-widgets: reserve each element's space before the script runs. */\n${css}`,
);

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
