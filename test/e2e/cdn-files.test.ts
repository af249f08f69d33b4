/**
 * The publisher files as built (`npm run build` first): every file of dist/cdn is ASCII-only,
 * so it decodes the same on a page in any encoding, and dist/cdn/integrity.json holds the
 * sha384 Subresource Integrity of every file, matching its bytes.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { pinSnippet, publisherSnippet } from '../../scripts/publisher-snippet.mjs';

const CDN = resolve('dist/cdn');

function cdnFiles(): string[] {
  assert.ok(existsSync(join(CDN, 'integrity.json')), 'run `npm run build` first');
  return readdirSync(CDN, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(CDN, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

describe('dist/cdn', () => {
  it('is ASCII-only: no byte above 0x7F in any file', () => {
    const files = cdnFiles();
    assert.ok(files.some((file) => file.endsWith('.iife.js')) && files.some((file) => file.endsWith('.css')));
    const offending = files.flatMap((file) => {
      const bytes = readFileSync(join(CDN, file));
      const at = bytes.findIndex((byte) => byte > 0x7f);
      return at < 0 ? [] : [`${file} at byte ${at}: …${bytes.subarray(Math.max(0, at - 30), at + 10).toString()}…`];
    });
    assert.deepEqual(offending, []);
  });

  it('still says "Tắt" and "✕" once decoded (escaped, not lost)', () => {
    const iife = readFileSync(join(CDN, 'news-widgets.iife.js'), 'latin1');
    assert.ok(/T\\u1eaft/i.test(iife), 'the iife holds "T\\u1eaft" (Tắt)');
    assert.ok(/\\u2715/.test(iife), 'the iife holds "\\u2715" (✕)');
  });

  it('integrity.json: the sha384 of every other file, and nothing else', () => {
    const integrity = JSON.parse(readFileSync(join(CDN, 'integrity.json'), 'utf8')) as Record<string, string>;
    const files = cdnFiles().filter((file) => file !== 'integrity.json');
    assert.deepEqual(Object.keys(integrity).sort(), files);
    for (const file of files) {
      const digest = createHash('sha384')
        .update(readFileSync(join(CDN, file)))
        .digest('base64');
      assert.equal(integrity[file], `sha384-${digest}`, file);
    }
  });

  it("the README's publisher snippet: versioned path, this build's integrity, crossorigin, <meta charset>", () => {
    const snippet = publisherSnippet();
    const integrity = JSON.parse(readFileSync(join(CDN, 'integrity.json'), 'utf8')) as Record<string, string>;
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(snippet, pinSnippet(snippet, version, integrity), 'run `npm run docs` to pin the README snippet');
    assert.match(snippet, /<meta charset="utf-8" \/>/);
    const tags = snippet.match(/<(?:script|link)\b[^>]*>/g) ?? [];
    const cdnTags = tags.filter((tag) => tag.includes('/cdn/'));
    assert.ok(cdnTags.some((tag) => tag.startsWith('<script')) && cdnTags.some((tag) => tag.startsWith('<link')));
    for (const tag of cdnTags) {
      assert.match(tag, new RegExp(`/cdn/${version.replaceAll('.', '\\.')}/`), tag);
      assert.match(tag, /integrity="sha384-[\w+/=]{64}"/, tag);
      assert.match(tag, /crossorigin="anonymous"/, tag);
    }
  });
});
