// `npm run check:cycles`: fails when modules under src/ import each other in a cycle, static or
// dynamic (a lazy chunk that imports its importer back is a cycle too). Type-only imports are
// erased by the compiler and do not count.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve('src');
const IMPORT_RE =
  /(?:^|[;\s])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

const files = readdirSync(ROOT, { recursive: true })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(ROOT, name));

const graph = new Map();
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const targets = new Set();
  for (const [, typeOnly, staticPath, dynamicPath] of source.matchAll(IMPORT_RE)) {
    if (typeOnly) continue;
    const path = staticPath ?? dynamicPath;
    targets.add(resolve(dirname(file), path).replace(/\.js$/, '.ts'));
  }
  graph.set(
    file,
    [...targets].filter((target) => graph.has(target) || files.includes(target)),
  );
}

const cycles = [];
const state = new Map(); // file -> 'visiting' | 'done'
const stack = [];
function visit(file) {
  state.set(file, 'visiting');
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of files) if (!state.has(file)) visit(file);

if (cycles.length) {
  console.error(`Import cycles in src/ (${cycles.length}):`);
  for (const cycle of cycles) console.error('  ' + cycle.map((file) => relative(ROOT, file)).join(' → '));
  process.exit(1);
}
console.log(`No import cycles among ${files.length} modules in src/.`);
