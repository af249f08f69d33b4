import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCtx } from './helpers.ts';
import { IMMUTABLE } from '../routes/cdn.ts';

/** A project root of its own: package.json at 9.8.7, a few files in dist/cdn and one secret beside it. */
function projectRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'nw-cdn-'));
  mkdirSync(join(root, 'dist', 'cdn', 'chunks'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'news-widgets', version: '9.8.7' }));
  writeFileSync(join(root, 'dist', 'cdn', 'news-share.js'), 'import "./chunks/lit-abc.js";\n');
  writeFileSync(join(root, 'dist', 'cdn', 'chunks', 'lit-abc.js'), 'export const lit = 1;\n');
  writeFileSync(join(root, 'dist', 'cdn', 'news-widgets.css'), 'news-share:not(:defined){display:block}\n');
  writeFileSync(join(root, 'dist', 'cdn', 'integrity.json'), '{}\n');
  writeFileSync(join(root, 'dist', 'secret.txt'), 'not for the CDN');
  return root;
}

const crossOrigin = (r: Response) => {
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  assert.equal(r.headers.get('cross-origin-resource-policy'), 'cross-origin');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
};

test('/cdn/<version>/…: immutable for a year, CORS *, CORP cross-origin, the right types', async (t) => {
  const root = projectRoot();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const c = await makeCtx({ rootDir: root });
  const cases: [string, RegExp, string][] = [
    ['/cdn/9.8.7/news-share.js', /^text\/javascript; charset=utf-8$/, 'import "./chunks/lit-abc.js";\n'],
    ['/cdn/9.8.7/chunks/lit-abc.js', /^text\/javascript; charset=utf-8$/, 'export const lit = 1;\n'],
    ['/cdn/9.8.7/news-widgets.css', /^text\/css; charset=utf-8$/, 'news-share:not(:defined){display:block}\n'],
    ['/cdn/9.8.7/integrity.json', /^application\/json/, '{}\n'],
  ];
  for (const [path, type, body] of cases) {
    const r = await c.req(path, { headers: { origin: 'https://baotinh.example' } });
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('cache-control'), IMMUTABLE, path);
    assert.equal(IMMUTABLE, 'public, max-age=31536000, immutable');
    assert.match(r.headers.get('content-type')!, type, path);
    crossOrigin(r);
    assert.equal(await r.text(), body, path);
  }
  // Another version is not this build: refused, never served under a year-long cache.
  const old = await c.req('/cdn/9.8.6/news-share.js');
  assert.equal(old.status, 404);
  assert.equal(old.headers.get('cache-control'), null);
});

test('/cdn/…: no-cache with an ETag; If-None-Match answers 304; a changed file gets a new ETag', async (t) => {
  const root = projectRoot();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const c = await makeCtx({ rootDir: root });
  const first = await c.req('/cdn/news-share.js');
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  assert.match(first.headers.get('content-type')!, /^text\/javascript; charset=utf-8$/);
  crossOrigin(first);
  const etag = first.headers.get('etag')!;
  assert.match(etag, /^"[\w-]{16,}"$/);

  const again = await c.req('/cdn/news-share.js', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('etag'), etag);
  crossOrigin(again);
  // A list of tags, and the weak form a proxy may send, match too.
  assert.equal((await c.req('/cdn/news-share.js', { headers: { 'if-none-match': `"other", W/${etag}` } })).status, 304);
  // The versioned path names the same bytes: the same ETag.
  assert.equal((await c.req('/cdn/9.8.7/news-share.js')).headers.get('etag'), etag);

  writeFileSync(join(root, 'dist', 'cdn', 'news-share.js'), 'import "./chunks/lit-abc.js"; // rebuilt\n');
  const changed = await c.req('/cdn/news-share.js', { headers: { 'if-none-match': etag } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.get('etag'), etag);
  assert.equal(await changed.text(), 'import "./chunks/lit-abc.js"; // rebuilt\n');

  const head = await c.req('/cdn/news-widgets.css', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('cache-control'), 'no-cache');
});

test('/cdn/: nothing outside dist/cdn, however the path is spelt', async (t) => {
  const root = projectRoot();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const c = await makeCtx({ rootDir: root });
  for (const path of [
    '/cdn/%2e%2e/secret.txt',
    '/cdn/9.8.7/%2e%2e/secret.txt',
    '/cdn/chunks/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/cdn/..%2fsecret.txt',
    '/cdn/9.8.7/..%2f..%2fpackage.json',
    '/cdn/%5c..%5csecret.txt',
    '/cdn/chunks%2f..%2f..%2fsecret.txt',
    '/cdn/%00news-share.js',
    '/cdn/chunks',
    '/cdn/',
    '/cdn/9.8.7/',
    '/cdn/%E0%A4%A.js',
  ]) {
    const r = await c.req(path);
    assert.equal(r.status, 404, path);
    assert.doesNotMatch(await r.text(), /not for the CDN|9\.8\.7"/, path);
  }
});
