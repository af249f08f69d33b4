// The README's publisher snippet: the one block a publisher pastes, marked in README.md with
// `<!-- publisher-snippet -->` right before its ```html fence. Its <script> and <link> tags pin
// the versioned CDN path (/cdn/<version>/…) and carry the files' Subresource Integrity, which
// change with every build:
//   node scripts/publisher-snippet.mjs           checks them against package.json and dist/cdn/integrity.json
//   node scripts/publisher-snippet.mjs --write   rewrites them (`npm run docs` does, after the build)
// Tests import `publisherSnippet()` to read the block exactly as the README shows it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SNIPPET_MARK = '<!-- publisher-snippet -->';
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BLOCK = /<!-- publisher-snippet -->\n+```html\n([\s\S]*?)\n```/;

/** The snippet's HTML, as written in README.md (the text between the fences). */
export function publisherSnippet(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')) {
  const match = BLOCK.exec(readme);
  if (!match) throw new Error(`README.md has no ${SNIPPET_MARK} followed by an html block`);
  return match[1];
}

/** The snippet with each CDN tag pinned to `version` and given the file's integrity. */
export function pinSnippet(snippet, version, integrity) {
  return snippet.replace(/<(?:script|link)\b[^>]*>/g, (tag) => {
    const url = /\b(?:src|href)="[^"]*\/cdn\/([^/"]+)\/([^"?#]+)"/.exec(tag);
    if (!url) return tag;
    const [, , file] = url;
    const hash = integrity[file];
    if (!hash) throw new Error(`dist/cdn/integrity.json has no ${file}`);
    return tag.replace(`/cdn/${url[1]}/`, `/cdn/${version}/`).replace(/\bintegrity="[^"]*"/, `integrity="${hash}"`);
  });
}

function main() {
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const integrity = JSON.parse(readFileSync(join(ROOT, 'dist', 'cdn', 'integrity.json'), 'utf8'));
  const snippet = publisherSnippet(readme);
  const pinned = pinSnippet(snippet, version, integrity);
  if (pinned === snippet) {
    console.log(`publisher-snippet: README.md pins /cdn/${version}/ with the current integrity.`);
    return;
  }
  if (process.argv.includes('--write')) {
    writeFileSync(
      readmePath,
      readme.replace(snippet, () => pinned),
    );
    console.log(`publisher-snippet: README.md updated to /cdn/${version}/ and the current integrity.`);
    return;
  }
  console.error(
    'publisher-snippet: README.md is out of date; run `npm run docs` (or `node scripts/publisher-snippet.mjs --write` after `npm run build`).',
  );
  process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
