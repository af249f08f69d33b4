/**
 * Live streams (SSE): the wire format, what readers and the desk hear, resuming with
 * Last-Event-ID (in process, and across a restart of the real server on the same database),
 * connection caps, heartbeats, one-time desk tickets, and two editors on one comment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comment, makeCtx, TOKEN, type TestCtx } from './helpers.ts';
import { serverDbEnv } from './db.ts';
import { startServer, type Running } from './process.ts';
import { json, readSse } from './sse.ts';

const T = 'bai-viet/live-1';

async function postComment(c: TestCtx, body: string, thread = T, ip = '203.0.113.9'): Promise<string> {
  const r = await c.json(`/api/threads/${thread}/comments`, comment({ body }), { ip });
  assert.equal(r.status, 202);
  return ((await r.json()) as { id: string }).id;
}

const approve = (c: TestCtx, id: string, body: Record<string, unknown> = {}) =>
  c.mod(`/api/moderation/comments/${id}/approve`, body);

const threadStream = (c: TestCtx, headers: Record<string, string> = {}, query = '', ip = '198.51.100.7') =>
  readSse(c.req(`/api/threads/${T}/events${query}`, { headers, ip }));

test('thread stream: SSE headers, retry, a ready event with the starting id, then comment and count events', async () => {
  const c = await makeCtx();
  const before = await postComment(c, 'Có trước khi mở luồng.');
  await approve(c, before);
  const s = await threadStream(c);
  try {
    assert.equal(s.status, 200);
    assert.match(s.headers.get('content-type')!, /^text\/event-stream/);
    assert.equal(s.headers.get('cache-control'), 'no-store');
    const ready = await s.waitFor((e) => e.event === 'ready');
    assert.ok(Number(ready.id) > 0, 'ready carries the newest id of the log');
    assert.equal(s.retry, 3000);
    // Pending comments are not the readers' business; an approval is.
    const id = await postComment(c, 'Bình luận mới, chờ duyệt.');
    assert.equal((await approve(c, id)).status, 200);
    const ev = await s.waitFor((e) => e.event === 'comment');
    assert.ok(Number(ev.id) > Number(ready.id));
    const data = json<{ id: string; count: number; comment: Record<string, unknown> }>(ev);
    assert.equal(data.id, id);
    assert.equal(data.count, 2);
    // The comment as the thread API shapes it: no email, no status.
    const page = await (await c.req(`/api/threads/${T}/comments`)).json();
    const { replies, ...shown } = page.items.find((i: { id: string }) => i.id === id);
    assert.deepEqual(data.comment, shown);
    assert.deepEqual(replies, []);
    // An approved comment rejected afterwards: the count goes down.
    assert.equal((await c.mod(`/api/moderation/comments/${id}/reject`, {})).status, 200);
    const count = await s.waitFor((e) => e.event === 'count');
    assert.deepEqual(json(count), { count: 1 });
    assert.ok(Number(count.id) > Number(ev.id));
    // Nothing of other threads, nothing twice.
    const other = await postComment(c, 'Ở bài khác.', 'bai-khac');
    await approve(c, other);
    assert.deepEqual(
      s.events.map((e) => e.event),
      ['ready', 'comment', 'count'],
    );
  } finally {
    await s.close();
  }
});

test('resume: Last-Event-ID or ?lastEventId= gets exactly the events after it; bad ids are 400 JSON', async () => {
  const c = await makeCtx();
  const first = await threadStream(c);
  const ready = await first.waitFor((e) => e.event === 'ready');
  await first.close();
  const ids: string[] = [];
  for (const body of ['Một', 'Hai', 'Ba']) {
    const id = await postComment(c, body);
    await approve(c, id);
    ids.push(id);
  }
  for (const [headers, query] of [
    [{ 'last-event-id': ready.id! }, ''],
    [{}, `?lastEventId=${ready.id}`],
  ] as const) {
    const s = await threadStream(c, headers, query);
    await s.waitFor((e) => e.event === 'comment' && json(e).id === ids[2]);
    const comments = s.events.filter((e) => e.event === 'comment');
    assert.deepEqual(
      comments.map((e) => json(e).id),
      ids,
    );
    // The middle of the log: only what came after.
    const s2 = await threadStream(c, { 'last-event-id': comments[0]!.id! });
    await s2.waitFor((e) => e.event === 'comment' && json(e).id === ids[2]);
    assert.deepEqual(
      s2.events.filter((e) => e.event === 'comment').map((e) => json(e).id),
      ids.slice(1),
    );
    await Promise.all([s.close(), s2.close()]);
  }
  // An id beyond the log (another database) starts at the newest event, so the next one arrives.
  const future = await threadStream(c, { 'last-event-id': '999999999' });
  assert.equal((await future.waitFor((e) => e.event === 'ready')).id, String(await c.storage.events.head()));
  const id4 = await postComment(c, 'Bốn');
  await approve(c, id4);
  await future.waitFor((e) => e.event === 'comment' && json(e).id === id4);
  await future.close();
  const bad = await c.req(`/api/threads/${T}/events?lastEventId=abc`);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, 'invalid_input');
});

test('caps: per client network (429) and in total (503) answer JSON before streaming; closing frees a place', async () => {
  const c = await makeCtx({ liveMaxPerClient: 2, liveMaxConnections: 4 });
  const a1 = await threadStream(c, {}, '', '192.0.2.10');
  // Another address of the same IPv6 /64 is the same client; another IPv4 address is not.
  const v6a = await threadStream(c, {}, '', '2001:db8:1:2::1');
  const v6b = await threadStream(c, {}, '', '2001:db8:1:2::ffff');
  const v6c = await c.req(`/api/threads/${T}/events`, { ip: '2001:db8:1:2::abcd' });
  assert.equal(v6c.status, 429);
  assert.match(v6c.headers.get('content-type')!, /application\/json/);
  assert.equal((await v6c.json()).error.code, 'rate_limited');
  assert.ok(Number(v6c.headers.get('retry-after')) > 0);
  // Four open in total: a fifth is refused with 503.
  const fourth = await threadStream(c, {}, '', '192.0.2.98');
  assert.equal(fourth.status, 200);
  const full = await c.req(`/api/threads/${T}/events`, { ip: '192.0.2.99' });
  assert.equal(full.status, 503);
  assert.equal((await full.json()).error.code, 'unavailable');
  // The desk's stream counts too.
  const desk = await c.req('/api/moderation/events', { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(desk.status, 503);
  await v6a.close();
  const again = await threadStream(c, {}, '', '2001:db8:1:2::abcd');
  assert.equal(again.status, 200);
  await Promise.all([a1.close(), v6b.close(), fourth.close(), again.close()]);
});

test('heartbeat: a comment line on an idle stream every LIVE_HEARTBEAT_MS', async () => {
  const c = await makeCtx({ liveHeartbeatMs: 200 });
  const s = await threadStream(c);
  try {
    const deadline = Date.now() + 5000;
    while (s.comments.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(s.comments.length >= 2, `heartbeats: ${s.comments.length}`);
    assert.equal(s.comments[0], 'heartbeat');
    assert.deepEqual(
      s.events.map((e) => e.event),
      ['ready'],
    );
  } finally {
    await s.close();
  }
});

test('desk stream: token or one-time ticket; queued and handled events', async () => {
  const c = await makeCtx();
  assert.equal((await c.req('/api/moderation/events')).status, 401);
  assert.equal((await c.req('/api/moderation/events/ticket', { method: 'POST' })).status, 401);
  const { ticket, expiresIn } = await (await c.mod('/api/moderation/events/ticket', {})).json();
  assert.equal(expiresIn, 60);
  const desk = await readSse(c.req(`/api/moderation/events?ticket=${encodeURIComponent(ticket)}`));
  try {
    assert.equal(desk.status, 200);
    // Taken once: the same ticket opens nothing more, and a forged one nothing at all.
    const reuse = await c.req(`/api/moderation/events?ticket=${encodeURIComponent(ticket)}`);
    assert.equal(reuse.status, 401);
    assert.equal((await reuse.json()).error.code, 'unauthorized');
    assert.equal((await c.req(`/api/moderation/events?ticket=${ticket.slice(0, -2)}xx`)).status, 401);
    const id = await postComment(c, 'Chờ duyệt đây.');
    const queued = await desk.waitFor((e) => e.event === 'queued');
    assert.deepEqual(json(queued), { id, thread: T, queue: 'pending' });
    await approve(c, id);
    const handled = await desk.waitFor((e) => e.event === 'handled');
    assert.deepEqual(json(handled), { id, thread: T, status: 'approved', by: 'Biên tập viên A (token)' });
  } finally {
    await desk.close();
  }
  // The bearer token works as for every desk route.
  const direct = await readSse(c.req('/api/moderation/events', { headers: { authorization: `Bearer ${TOKEN}` } }));
  assert.equal(direct.status, 200);
  await direct.close();
});

test('two editors on one comment: the second gets 409 already_moderated, and nothing changes', async () => {
  const c = await makeCtx();
  const id = await postComment(c, 'Hai biên tập viên cùng xem.');
  // Both desks showed it pending; A approves, then B rejects what it saw as pending.
  assert.equal((await approve(c, id, { expectedStatus: 'pending' })).status, 200);
  const r = await c.mod(`/api/moderation/comments/${id}/reject`, { expectedStatus: 'pending' });
  assert.equal(r.status, 409);
  const err = (await r.json()).error;
  assert.equal(err.code, 'already_moderated');
  assert.match(err.message, /đã được xử lý/);
  // Without expectedStatus, the same action twice is refused too.
  assert.equal((await approve(c, id)).status, 409);
  assert.equal(
    (await c.mod(`/api/moderation/comments/${id}/edit`, { body: 'Sửa', expectedStatus: 'pending' })).status,
    409,
  );
  const statuses = await (await c.req(`/api/comments/status?ids=${id}`)).json();
  assert.equal(statuses[id], 'approved');
  const log = await (await c.mod('/api/moderation/log')).json();
  assert.equal(log.items.filter((e: { commentId: string }) => e.commentId === id).length, 1);
  // Racing at once: exactly one wins.
  const id2 = await postComment(c, 'Cùng lúc.');
  const answers = await Promise.all([
    approve(c, id2, { expectedStatus: 'pending' }),
    c.mod(`/api/moderation/comments/${id2}/reject`, { expectedStatus: 'pending' }),
  ]);
  assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
  assert.equal((await c.mod(`/api/moderation/comments/${id2}/approve`, { expectedStatus: 'bogus' })).status, 400);
});

// ------------------------------------------------------------------ the real server, restarted

test('restart: a reader resuming with Last-Event-ID after the server restarts gets every event once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-live-'));
  const env = { ...(await serverDbEnv()), DATA_DIR: dataDir, MODERATOR_TOKEN: TOKEN, SEED_DEMO: 'off' };
  let server: Running | undefined;
  const post = async (s: Running, body: string) => {
    const r = await fetch(`${s.base}/api/threads/${T}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(comment({ body })),
    });
    const { id } = (await r.json()) as { id: string };
    const a = await fetch(`${s.base}/api/moderation/comments/${id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(a.status, 200);
    return id;
  };
  const open = (s: Running, lastId?: string) =>
    readSse(fetch(`${s.base}/api/threads/${T}/events`, { headers: lastId ? { 'last-event-id': lastId } : {} }));
  try {
    server = await startServer(env);
    const early = await open(server); // leaves after the first event
    const stay = await open(server); // stays until the server shuts down
    const a = await post(server, 'A');
    const firstEvent = await early.waitFor((e) => e.event === 'comment');
    await early.close();
    const b = await post(server, 'B');
    const c = await post(server, 'C');
    await stay.waitFor((e) => e.event === 'comment' && json(e).id === c);
    // Shutdown ends the open stream cleanly, and the process exits 0.
    server.child.kill('SIGTERM');
    await stay.ended;
    assert.equal((await server.exited).code, 0);
    const stayLast = stay.events.at(-1)!.id!;

    server = await startServer(env);
    const d = await post(server, 'D');
    const resumedEarly = await open(server, firstEvent.id);
    const resumedStay = await open(server, stayLast);
    await resumedEarly.waitFor((e) => e.event === 'comment' && json(e).id === d);
    await resumedStay.waitFor((e) => e.event === 'comment' && json(e).id === d);
    const got = (s: typeof resumedEarly) => s.events.filter((e) => e.event === 'comment').map((e) => json(e).id);
    assert.deepEqual(got(resumedEarly), [b, c, d]);
    assert.deepEqual(got(resumedStay), [d]);
    assert.deepEqual(
      stay.events.filter((e) => e.event === 'comment').map((e) => json(e).id),
      [a, b, c],
    );
    // Ids keep growing across the restart.
    const ids = [...stay.events, ...resumedStay.events].filter((e) => e.event === 'comment').map((e) => Number(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((x, y) => x - y),
    );
    assert.equal(new Set(ids).size, ids.length);
    await Promise.all([resumedEarly.close(), resumedStay.close()]);
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('thread stream: CORS as the other reader GETs (allowed origins only, no credentials)', async () => {
  const c = await makeCtx({ allowedOrigins: ['https://bao.example'] });
  const ok = await threadStream(c, { origin: 'https://bao.example' });
  const other = await threadStream(c, { origin: 'https://evil.example' });
  try {
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://bao.example');
    assert.equal(ok.headers.get('access-control-allow-credentials'), null);
    assert.match(ok.headers.get('content-type')!, /^text\/event-stream/);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  } finally {
    await Promise.all([ok.close(), other.close()]);
  }
});
