// Prints `<link rel="modulepreload">` tags for publisher files, from dist/cdn/chunks.json (written
// by `npm run build`), so a page template can start fetching a widget's chunks with its HTML:
//
//   node scripts/preload-hints.mjs news-comments.js                   the chunks it imports at once
//   node scripts/preload-hints.mjs news-comments.js --lazy list-view  also a lazy chunk and its imports
//   node scripts/preload-hints.mjs news-share.js news-related.js --base https://cdn.example/nw/
//
// `--lazy` takes a source module's name (e.g. `list-view`, `form-ui`, `feeds`) as chunks.json
// lists them; `--base` is where dist/cdn is served (default `/cdn/`). Chunk names carry a content
// hash, so regenerate the tags after every build.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const [, value] = args.splice(index, 2);
  return value;
};
const lazyWanted = [];
for (let index = args.indexOf('--lazy'); index >= 0; index = args.indexOf('--lazy')) {
  lazyWanted.push(args.splice(index, 2)[1]);
}
const base = option('--base', '/cdn/').replace(/\/?$/, '/');
const entries = args;
if (!entries.length) {
  console.error('Usage: node scripts/preload-hints.mjs <entry.js>… [--lazy <module>]… [--base <url>]');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync('dist/cdn/chunks.json', 'utf8'));
const files = new Set();
for (const entry of entries) {
  const info = manifest[entry];
  if (!info) {
    console.error(`${entry} is not a publisher file (${Object.keys(manifest).join(', ')})`);
    process.exit(1);
  }
  info.static.forEach((file) => files.add(file));
  for (const wanted of lazyWanted) {
    const match = Object.entries(info.lazy).filter(
      ([module]) => module.split('/').pop().replace(/\.ts$/, '') === wanted,
    );
    match.forEach(([, chunks]) => chunks.forEach((file) => files.add(file)));
  }
}
for (const file of files) console.log(`<link rel="modulepreload" href="${base}${file}" />`);
