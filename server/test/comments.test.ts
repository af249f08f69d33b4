import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx, comment, TOKEN } from './helpers.ts';

const T = 'an-ninh-nong-thon-moi-2026';
const P = `/api/threads/${T}/comments`;

test('a new comment is pending, invisible to readers, and its status is pending', async () => {
  const c = await makeCtx({}, { seed: true });
  const r = await c.json(P, comment());
  assert.equal(r.status, 202);
  const { id, status } = await r.json();
  assert.equal(status, 'pending');
  const list = await (await c.req(P)).json();
  assert.deepEqual(list.items, []);
  assert.deepEqual(list.thread, { id: T, closed: false, count: 0 });
  assert.equal(list.nextCursor, null);
  const st = await (await c.req(`/api/comments/status?ids=${id},c_nope`)).json();
  assert.deepEqual(st, { [id]: 'pending', c_nope: 'unknown' });
});

test('approved comments and nested replies come back in the contract shape', async () => {
  const c = await makeCtx({}, { seed: true });
  const post = async (body: Record<string, unknown>) => (await (await c.json(P, comment(body))).json()).id as string;
  const a = await post({ body: 'Bình luận A' });
  c.clock.now += 1000;
  const b = await post({ body: 'Bình luận B' });
  for (const id of [a, b]) assert.equal((await c.mod(`/api/moderation/comments/${id}/approve`, {})).status, 200);
  const r1 = await post({ body: 'Trả lời A', parentId: a });
  await c.mod(`/api/moderation/comments/${r1}/approve`, {});
  const r2 = await post({ body: 'Trả lời của trả lời', parentId: r1 });
  await c.mod(`/api/moderation/comments/${r2}/approve`, {});
  const pendingReply = await post({ body: 'Chưa duyệt', parentId: a });

  const res = await c.req(P);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/json');
  const page = await res.json();
  assert.equal(page.thread.count, 4);
  assert.deepEqual(
    page.items.map((i: { body: string }) => i.body),
    ['Bình luận B', 'Bình luận A'],
  );
  const itemA = page.items[1];
  assert.deepEqual(Object.keys(itemA), ['id', 'name', 'body', 'createdAt', 'likes', 'replies', 'repliesCursor']);
  assert.equal(itemA.repliesCursor, null); // all its replies are here
  assert.deepEqual(
    itemA.replies.map((x: { id: string; parentId: string; body: string }) => [x.id, x.parentId, x.body]),
    [
      [r1, a, 'Trả lời A'],
      [r2, r1, 'Trả lời của trả lời'],
    ],
  );
  assert.ok(!JSON.stringify(page).includes(pendingReply));
  assert.ok(!JSON.stringify(page).includes('email'));
  const oldest = await (await c.req(`${P}?sort=oldest`)).json();
  assert.deepEqual(
    oldest.items.map((i: { body: string }) => i.body),
    ['Bình luận A', 'Bình luận B'],
  );
  assert.deepEqual(await (await c.req(`/api/counts?threads=${T},khac`)).json(), { [T]: 4, khac: 0 });
});

test('pagination: limit counts top-level comments; the cursor continues', async () => {
  const c = await makeCtx({}, { seed: true });
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const id = (await (await c.json(P, comment({ body: `#${i}` }))).json()).id;
    await c.mod(`/api/moderation/comments/${id}/approve`, {});
    ids.push(id);
  }
  const p1 = await (await c.req(`${P}?limit=2`)).json();
  assert.deepEqual(
    p1.items.map((i: { body: string }) => i.body),
    ['#4', '#3'],
  );
  const p2 = await (await c.req(`${P}?limit=2&cursor=${p1.nextCursor}`)).json();
  assert.deepEqual(
    p2.items.map((i: { body: string }) => i.body),
    ['#2', '#1'],
  );
  const p3 = await (await c.req(`${P}?limit=2&cursor=${p2.nextCursor}`)).json();
  assert.deepEqual(
    p3.items.map((i: { body: string }) => i.body),
    ['#0'],
  );
  assert.equal(p3.nextCursor, null);
  const bad = await c.req(`${P}?cursor=%21%21`);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'cursor');
  for (const q of ['limit=0', 'limit=101', 'limit=abc', 'sort=best'])
    assert.equal((await c.req(`${P}?${q}`)).status, 400, q);
});

test('thread ids: URI-encoded slashes work; bad ids are refused', async () => {
  const c = await makeCtx();
  const enc = encodeURIComponent('tin/2026:11.abc-1');
  const r = await c.json(`/api/threads/${enc}/comments`, comment());
  assert.equal(r.status, 202);
  const q = (await c.mod('/api/moderation/queue')).json();
  assert.equal((await q).items[0].thread, 'tin/2026:11.abc-1');
  const long = 'a'.repeat(201);
  for (const bad of [encodeURIComponent('có dấu'), encodeURIComponent('a b'), long, encodeURIComponent('<x>')]) {
    const res = await c.json(`/api/threads/${bad}/comments`, comment());
    assert.equal(res.status, 400, bad);
    assert.equal((await res.json()).error.code, 'invalid_input');
  }
  assert.equal(await c.storage.comments.countAll(), 1);
});

test('validation: lengths after trimming, email, parentId; every error writes nothing', async () => {
  const c = await makeCtx({}, { seed: true });
  const cases: [Record<string, unknown>, string][] = [
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(81) }, 'name'],
    [{ body: ' \n ' }, 'body'],
    [{ body: 'x'.repeat(2001) }, 'body'],
    [{ email: 'not-an-email' }, 'email'],
    [{ email: 'a'.repeat(250) + '@x.vn' }, 'email'],
    [{ name: 42 }, 'name'],
    [{ parentId: 'c_does_not_exist' }, 'parentId'],
  ];
  for (const [over, field] of cases) {
    const r = await c.json(P, comment(over));
    assert.equal(r.status, 400, JSON.stringify(over));
    const e = await r.json();
    assert.equal(e.error.field, field);
    assert.equal(typeof e.error.message, 'string');
    assert.deepEqual(Object.keys(e), ['error']);
  }
  const bad = await c.json(P, '{"name":');
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, 'invalid_json');
  assert.equal((await c.json(P, '[]')).status, 400);
  assert.equal(await c.storage.comments.countAll(), 0);
  // Exactly at the limits is fine; the stored body is trimmed; 2,000 Vietnamese characters count as 2,000.
  const ok = await c.json(
    P,
    comment({ name: '  ' + 'Ư'.repeat(80) + '  ', body: '  ' + 'ộ'.repeat(2000) + '  ', email: ' an@bao.vn ' }),
  );
  assert.equal(ok.status, 202);
  const q = await (await c.mod('/api/moderation/queue')).json();
  assert.equal(q.items[0].body, 'ộ'.repeat(2000));
  assert.equal(q.items[0].email, 'an@bao.vn');
});

test('hostile-looking names and bodies are stored as text, not refused', async () => {
  const c = await makeCtx({}, { seed: true });
  const name = '<img src=x onerror=alert(1)>';
  const body = '"><script>alert(document.cookie)</script> & DROP TABLE comments;--';
  const r = await c.json(P, comment({ name, body }));
  assert.equal(r.status, 202);
  const { id } = await r.json();
  await c.mod(`/api/moderation/comments/${id}/approve`, {});
  const page = await (await c.req(P)).json();
  assert.equal(page.items[0].name, name);
  assert.equal(page.items[0].body, body);
  assert.equal(page.items[0].bodyHtml, undefined);
});

test('honeypot: a filled "website" answers 202 and stores nothing', async () => {
  const c = await makeCtx({}, { seed: true });
  const r = await c.json(P, comment({ website: 'http://spam.example' }));
  assert.equal(r.status, 202);
  const { id, status } = await r.json();
  assert.equal(status, 'pending');
  assert.equal(await c.storage.comments.countAll(), 0);
  assert.deepEqual(await (await c.req(`/api/comments/status?ids=${id}`)).json(), { [id]: 'unknown' });
  // An empty honeypot is a normal post.
  assert.equal((await c.json(P, comment({ website: '' }))).status, 202);
  assert.equal(await c.storage.comments.countAll(), 1);
});

test('Idempotency-Key: a replay answers the same id and never creates a second comment; scoped to the thread', async () => {
  const c = await makeCtx({}, { seed: true });
  const key = '0b7a5f0e-7f1d-4c55-9d57-4b8f1b0ad001';
  const h = { headers: { 'idempotency-key': key } };
  const a = await (await c.json(P, comment(), h)).json();
  // The same post again (a retry); the same key with another body is refused (hardening.test.ts).
  const b = await c.json(P, comment(), h);
  assert.equal(b.status, 202);
  assert.deepEqual(await b.json(), a);
  assert.equal(await c.storage.comments.countAll(), 1);
  const other = await (await c.json('/api/threads/other-thread/comments', comment(), h)).json();
  assert.notEqual(other.id, a.id);
  assert.equal(await c.storage.comments.countAll(), 2);
  assert.equal((await c.json(P, comment(), { headers: { 'idempotency-key': 'x y' } })).status, 400);
  // Concurrent replays still make one comment.
  const key2 = '0b7a5f0e-7f1d-4c55-9d57-4b8f1b0ad002';
  const rs = await Promise.all(
    Array.from({ length: 10 }, () => c.json(P, comment(), { headers: { 'idempotency-key': key2 } })),
  );
  const ids = new Set(await Promise.all(rs.map(async (r) => (await r.json()).id)));
  assert.equal(ids.size, 1);
  assert.equal(await c.storage.comments.countAll(), 3);
});

test('closed threads: 403 thread_closed; editors close and reopen; auto-close N days after publishedAt', async () => {
  const c = await makeCtx({ autoCloseDays: 30 }, { seed: true });
  assert.equal((await c.mod(`/api/moderation/threads/${T}/close`, {})).status, 200);
  const r = await c.json(P, comment());
  assert.equal(r.status, 403);
  assert.equal((await r.json()).error.code, 'thread_closed');
  assert.equal((await (await c.req(P)).json()).thread.closed, true);
  assert.equal(await c.storage.comments.countAll(), 0);
  await c.mod(`/api/moderation/threads/${T}/reopen`, {});
  assert.equal((await c.json(P, comment())).status, 202);

  // An article published 20 days ago: open now, closed after day 30.
  await c.req('/api/articles', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'bai-cu',
      url: 'https://tinhnha.example/x/bai-cu.html',
      title: 'Bài cũ',
      publishedAt: new Date(c.clock.now - 20 * 86400e3).toISOString(),
    }),
  });
  assert.equal((await c.json('/api/threads/bai-cu/comments', comment())).status, 202);
  c.clock.now += 11 * 86400e3;
  assert.equal((await c.json('/api/threads/bai-cu/comments', comment())).status, 403);
  assert.equal((await (await c.req('/api/threads/bai-cu/comments')).json()).thread.closed, true);
  // The seeded demo article stays open (explicitly opened at seed time).
  assert.equal((await c.json(P, comment())).status, 202);
  // An editor can reopen an auto-closed thread.
  await c.mod('/api/moderation/threads/bai-cu/reopen', {});
  assert.equal((await c.json('/api/threads/bai-cu/comments', comment())).status, 202);
});

test('rate limit: 5 comments a minute per client, 429 with Retry-After; TRUST_PROXY picks X-Forwarded-For', async () => {
  const c = await makeCtx({ commentsPerMinute: 5 }, { seed: true });
  for (let i = 0; i < 5; i++) assert.equal((await c.json(P, comment(), { ip: '198.51.100.7' })).status, 202);
  const r = await c.json(P, comment(), { ip: '198.51.100.7' });
  assert.equal(r.status, 429);
  assert.ok(Number(r.headers.get('retry-after')) >= 1);
  assert.equal((await r.json()).error.code, 'rate_limited');
  assert.equal(await c.storage.comments.countAll(), 5);
  // X-Forwarded-For is ignored without TRUST_PROXY: the socket address is the client.
  const spoof = await c.json(P, comment(), { ip: '198.51.100.7', headers: { 'x-forwarded-for': '192.0.2.99' } });
  assert.equal(spoof.status, 429);
  assert.equal((await c.json(P, comment(), { ip: '198.51.100.8' })).status, 202);

  const p = await makeCtx({ commentsPerMinute: 2, trustProxy: true }, { seed: true });
  const via = (xff: string) => p.json(P, comment(), { ip: '10.0.0.1', headers: { 'x-forwarded-for': xff } });
  assert.equal((await via('192.0.2.1, 10.0.0.1')).status, 202);
  assert.equal((await via('192.0.2.1')).status, 202);
  assert.equal((await via('192.0.2.1, 10.9.9.9')).status, 429);
  assert.equal((await via('192.0.2.2, 10.0.0.1')).status, 202);
});

test('PREMODERATION=off: new comments are approved at once', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const r = await (await c.json(P, comment())).json();
  assert.equal(r.status, 'approved');
  assert.equal((await (await c.req(P)).json()).thread.count, 1);
});

test('status and counts validate their lists', async () => {
  const c = await makeCtx();
  for (const q of [
    '/api/comments/status',
    '/api/comments/status?ids=',
    '/api/comments/status?ids=a%20b',
    '/api/counts',
    `/api/counts?threads=${Array.from({ length: 51 }, (_, i) => 't' + i).join(',')}`,
  ]) {
    const r = await c.req(q);
    assert.equal(r.status, 400, q);
    assert.ok((await r.json()).error.message);
  }
});
