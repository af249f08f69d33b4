import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx, comment } from './helpers.ts';
import { CSP } from '../app.ts';
import { TEST_DB } from './db.ts';

test('unknown routes: JSON 404; errors never leak stack traces', async () => {
  const c = await makeCtx();
  for (const path of ['/api/nope', '/api/threads', '/nope', '/api/moderation']) {
    const r = await c.req(path);
    assert.equal(r.status, path === '/api/moderation' ? 401 : 404, path);
    assert.match(r.headers.get('content-type')!, /^application\/json/);
    assert.ok((await r.json()).error.code);
  }
  // Force an internal error: the store is closed.
  await c.storage.close();
  const r = await c.req('/api/articles');
  assert.equal(r.status, 500);
  const text = await r.text();
  assert.deepEqual(JSON.parse(text), { error: { code: 'internal', message: 'Internal server error.' } });
  assert.doesNotMatch(text, /at |\.ts|stack/);
});

test('bodies over 16 KB get 413 and write nothing', async () => {
  const c = await makeCtx();
  const big = JSON.stringify(comment({ body: 'x'.repeat(17 * 1024) }));
  const r = await c.json('/api/threads/t/comments', big);
  assert.equal(r.status, 413);
  assert.equal((await r.json()).error.code, 'payload_too_large');
  // Without a Content-Length (streamed) too.
  const stream = new ReadableStream({
    start(ctrl) {
      ctrl.enqueue(new TextEncoder().encode(big));
      ctrl.close();
    },
  });
  const r2 = await c.req('/api/threads/t/comments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  assert.equal(r2.status, 413);
  // And through CORS for an allowed origin.
  const x = await makeCtx({ allowedOrigins: ['https://tinhnha.example'] });
  const r3 = await x.json('/api/threads/t/comments', big, { headers: { origin: 'https://tinhnha.example' } });
  assert.equal(r3.status, 413);
  assert.equal(r3.headers.get('access-control-allow-origin'), 'https://tinhnha.example');
  assert.equal(await x.storage.comments.countAll(), 0);
  assert.equal(await c.storage.comments.countAll(), 0);
});

test('CORS answers only ALLOWED_ORIGINS, without credentials', async () => {
  const c = await makeCtx({ allowedOrigins: ['https://tinhnha.example'] });
  const ok = await c.req('/api/most-read', { headers: { origin: 'https://tinhnha.example' } });
  assert.equal(ok.headers.get('access-control-allow-origin'), 'https://tinhnha.example');
  assert.equal(ok.headers.get('access-control-allow-credentials'), null);
  const pre = await c.req('/api/threads/t/comments', {
    method: 'OPTIONS',
    headers: {
      origin: 'https://tinhnha.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,idempotency-key',
    },
  });
  assert.equal(pre.status, 204);
  assert.match(pre.headers.get('access-control-allow-headers')!, /Idempotency-Key/i);
  const no = await c.req('/api/most-read', { headers: { origin: 'https://evil.example' } });
  assert.equal(no.headers.get('access-control-allow-origin'), null);
  const none = await makeCtx();
  assert.equal(
    (await none.req('/api/most-read', { headers: { origin: 'https://tinhnha.example' } })).headers.get(
      'access-control-allow-origin',
    ),
    null,
  );
});

test('served pages carry the strict CSP with Trusted Types, nosniff, frame-ancestors', async () => {
  const c = await makeCtx();
  for (const path of ['/', '/moderation']) {
    const r = await c.req(path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type')!, /^text\/html/);
    assert.equal(r.headers.get('content-security-policy'), CSP);
    assert.match(CSP, /require-trusted-types-for 'script'/);
    assert.match(CSP, /frame-ancestors 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  }
  const api = await c.req('/api/most-read');
  assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  const svg = await c.req('/demo/img/placeholder-1.svg');
  assert.equal(svg.status, 200);
  assert.match(svg.headers.get('content-type')!, /image\/svg\+xml/);
  assert.equal((await c.req('/demo/../package.json')).status, 404);
  assert.equal((await c.req('/cdn/%2e%2e/package.json')).status, 404);
});

test('GET /api/health: 200 with the database and current migrations; 503 when the database is gone', async () => {
  const c = await makeCtx();
  const r = await c.req('/api/health');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const body = await r.json();
  assert.equal(body.status, 'ok');
  assert.equal(body.database, TEST_DB);
  assert.ok(body.migrations.applied >= 1);
  assert.equal(body.migrations.applied, body.migrations.latest);
  await c.storage.close();
  const down = await c.req('/api/health');
  assert.equal(down.status, 503);
  assert.deepEqual(await down.json(), { status: 'database_unreachable' });
});
