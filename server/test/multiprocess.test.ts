/**
 * Several server processes on one PostgreSQL database, as behind a load balancer: what one process
 * accepts, the others see; rate limits and idempotency keys hold across processes; a kill -9 of one
 * process loses no accepted comment. Shared state in PostgreSQL on the PostgreSQL pass, in Redis
 * (REDIS_URL) on the SQLite pass, so both shared stores are tested on every run.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { printedSecret, runEditorCli, startServer, type Running } from './process.ts';
import { freshDatabaseUrl, TEST_DB } from './db.ts';
import { openStorage } from '../storage/index.ts';
import { json, readSse } from './sse.ts';

const TOKEN = 'multi-process-token-12345';
const T = 'an-ninh-nong-thon-moi-2026';
const SHARED = TEST_DB === 'postgres' ? 'PostgreSQL' : 'Redis';
const REDIS_URL = process.env.REDIS_URL_TEST || 'redis://127.0.0.1:6379';

let dataDir: string;
let env: Record<string, string>;
let servers: Running[] = [];

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nw-multi-'));
  env = {
    DATABASE_URL: await freshDatabaseUrl(),
    REDIS_URL: SHARED === 'Redis' ? REDIS_URL : '',
    REDIS_PREFIX: `nw-test-${randomBytes(4).toString('hex')}:`,
    DATA_DIR: dataDir,
    MODERATOR_TOKEN: TOKEN,
    TRUST_PROXY: '1',
    // Long enough that only cross-process invalidation can explain a fresh answer.
    THREAD_CACHE_MS: '60000',
    VIEW_FLUSH_MS: '100',
  };
  // Started at once: migrations and the demo seed must happen exactly once.
  servers = await Promise.all([startServer(env), startServer(env), startServer(env)]);
});

after(async () => {
  for (const s of servers) if (s.child.exitCode === null && !s.child.killed) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (s: Running, client: string, body: string, key?: string) =>
  fetch(`${s.base}/api/threads/${T}/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': client,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify({ name: 'Độc giả', body }),
  });
const mod = (s: Running, path: string, method = 'GET') =>
  fetch(`${s.base}/api/moderation${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: method === 'POST' ? '{}' : undefined,
  });
const readerBodies = async (s: Running) =>
  ((await (await fetch(`${s.base}/api/threads/${T}/comments?limit=100`)).json()).items as { body: string }[]).map(
    (i) => i.body,
  );

async function allQueued(s: Running, status = 'pending'): Promise<{ id: string; body: string }[]> {
  const rows: { id: string; body: string }[] = [];
  let cursor = '';
  do {
    const r = await (await mod(s, `/queue?status=${status}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
    rows.push(...r.items);
    cursor = r.nextCursor ?? '';
  } while (cursor);
  return rows;
}

test(`3 processes, shared state in ${SHARED}: started at once, the demo is seeded once; healthy; 413 over 16 KB`, async () => {
  const articles = await (await fetch(`${servers[2]!.base}/api/articles?limit=100`)).json();
  assert.equal(articles.items.length, 30);
  assert.equal(servers.filter((s) => /Seeded 30 sample articles/.test(s.output())).length, 1);
  // Bodies are read from Node's request with the limit: 413 with or without a Content-Length.
  const big = JSON.stringify({ name: 'x', body: 'x'.repeat(17 * 1024) });
  for (const body of [big, new Blob([big]).stream()]) {
    const r = await fetch(`${servers[0]!.base}/api/threads/${T}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(r.status, 413);
    assert.equal((await r.json()).error.code, 'payload_too_large');
  }
  for (const s of servers) {
    const h = await fetch(`${s.base}/api/health`);
    assert.equal(h.status, 200);
    assert.equal((await h.json()).database, 'postgres');
  }
});

test(`3 processes (${SHARED}): posted via A, approved via B, read via C at once (C's cache is invalidated)`, async () => {
  const [a, b, c] = servers as [Running, Running, Running];
  assert.deepEqual(await readerBodies(c), []); // C caches the empty page for a minute
  const r = await post(a, '192.0.2.1', 'Qua tiến trình A');
  assert.equal(r.status, 202);
  const { id } = await r.json();
  assert.equal((await mod(b, `/comments/${id}/approve`, 'POST')).status, 200);
  const end = Date.now() + 3000;
  let bodies = await readerBodies(c);
  while (!bodies.includes('Qua tiến trình A') && Date.now() < end) {
    await new Promise((res) => setTimeout(res, 50));
    bodies = await readerBodies(c);
  }
  assert.deepEqual(bodies, ['Qua tiến trình A']);
});

test(`3 processes (${SHARED}): live: posted via A, approved via B, heard at once by readers and desks on A and C`, async () => {
  const [a, b, c] = servers as [Running, Running, Running];
  const thread = (s: Running) => readSse(fetch(`${s.base}/api/threads/${T}/events`));
  const desk = (s: Running) =>
    readSse(fetch(`${s.base}/api/moderation/events`, { headers: { authorization: `Bearer ${TOKEN}` } }));
  const streams = await Promise.all([thread(a), thread(c), desk(a), desk(c)]);
  const [readerA, readerC, deskA, deskC] = streams;
  try {
    for (const s of streams) await s.waitFor((e) => e.event === 'ready');
    const r = await post(a, '192.0.2.2', 'Trực tiếp qua ba tiến trình');
    const { id } = await r.json();
    for (const d of [deskA, deskC]) await d.waitFor((e) => e.event === 'queued' && json(e).id === id, 5000, 'queued');
    assert.equal((await mod(b, `/comments/${id}/approve`, 'POST')).status, 200);
    for (const reader of [readerA, readerC]) {
      const ev = await reader.waitFor((e) => e.event === 'comment', 5000, 'comment');
      assert.equal(json<{ comment: { body: string } }>(ev).comment.body, 'Trực tiếp qua ba tiến trình');
    }
    for (const d of [deskA, deskC]) await d.waitFor((e) => e.event === 'handled' && json(e).id === id, 5000, 'handled');
    // Each event once, with the same id in every process.
    assert.equal(readerA.events.filter((e) => e.event === 'comment').length, 1);
    assert.equal(readerC.events.filter((e) => e.event === 'comment').length, 1);
    assert.equal(readerA.events.at(-1)!.id, readerC.events.at(-1)!.id);
  } finally {
    await Promise.all(streams.map((s) => s.close()));
  }
});

test(`3 processes (${SHARED}): 10 posts from one client over the three → exactly 5 accepted, 5 × 429`, async () => {
  const statuses = await Promise.all(
    Array.from({ length: 10 }, (_, i) => post(servers[i % 3]!, '198.51.100.7', `Giới hạn ${i}`).then((r) => r.status)),
  );
  assert.equal(statuses.filter((s) => s === 202).length, 5, String(statuses));
  assert.equal(statuses.filter((s) => s === 429).length, 5, String(statuses));
});

test(`3 processes (${SHARED}): one Idempotency-Key sent to all three at once stores one comment`, async () => {
  const key = randomUUID();
  const answers = await Promise.all(
    servers.map((s, i) =>
      post(s, `203.0.113.${50 + i}`, 'Một lần thôi', key).then(async (r) => [r.status, (await r.json()).id]),
    ),
  );
  assert.deepEqual(
    answers.map(([s]) => s),
    [202, 202, 202],
  );
  assert.equal(new Set(answers.map(([, id]) => id)).size, 1);
  const stored = (await allQueued(servers[0]!)).filter((r) => r.body === 'Một lần thôi');
  assert.equal(stored.length, 1);
});

test(`3 processes (${SHARED}): a reader's beacons through all three count once; most-read agrees everywhere`, async () => {
  const beacon = (s: Running, client: string) =>
    fetch(`${s.base}/api/views`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36',
        'x-forwarded-for': client,
      },
      body: JSON.stringify({ url: 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html' }),
    });
  const views = async () => {
    const storage = await openStorage({ databaseUrl: env.DATABASE_URL, sqliteFile: '' });
    try {
      return (await storage.views.mostRead(1, 50)).find((a) => a.id === T)?.views ?? 0;
    } finally {
      await storage.close();
    }
  };
  const before = await views();
  const sent = await Promise.all([
    ...servers.map((s) => beacon(s, '198.51.100.20')), // one reader, three processes
    ...servers.map((s, i) => beacon(s, `198.51.100.${30 + i}`)), // three more readers
  ]);
  assert.deepEqual(
    sent.map((r) => r.status),
    [204, 204, 204, 204, 204, 204],
  );
  const end = Date.now() + 5000;
  while ((await views()) < before + 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300)); // a further batch would show a double count
  assert.equal(await views(), before + 4);
  const lists = await Promise.all(
    servers.map(async (s) =>
      JSON.stringify((await (await fetch(`${s.base}/api/most-read?window=hour&limit=50`)).json()).items),
    ),
  );
  assert.equal(new Set(lists).size, 1, 'the same most-read from every process');
  assert.ok(lists[0]!.includes(`"views":${before + 4}`));
});

test(`3 processes (${SHARED}): kill -9 of one during 200 concurrent posts: every accepted comment exactly once`, async () => {
  const victim = servers[1]!;
  const sent: { key: string; body: string; client: string }[] = Array.from({ length: 200 }, (_, i) => ({
    key: randomUUID(),
    body: `Bình luận đồng thời số ${i}`,
    client: `10.9.${i >> 8}.${i & 255}`,
  }));
  const accepted = new Map<string, string>(); // key → id
  let killed = false;
  let next = 0;
  const worker = async () => {
    while (next < sent.length) {
      const i = next++;
      const m = sent[i]!;
      const s = servers[i % 3]!;
      if (i === 60) {
        victim.child.kill('SIGKILL');
        killed = true;
      }
      try {
        const r = await post(s, m.client, m.body, m.key);
        assert.equal(r.status, 202);
        accepted.set(m.key, (await r.json()).id);
      } catch (e) {
        if (!(killed && s === victim)) throw e; // only the killed process may drop connections
      }
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  assert.equal((await victim.exited).signal, 'SIGKILL');
  assert.ok(accepted.size >= 130, `accepted ${accepted.size}`);
  servers[1] = await startServer(env);

  const rows = (await allQueued(servers[1]!)).filter((r) => r.body.startsWith('Bình luận đồng thời'));
  const ids = new Map(rows.map((r) => [r.id, r.body]));
  assert.equal(ids.size, rows.length, 'no duplicate ids');
  assert.equal(new Set(rows.map((r) => r.body)).size, rows.length, 'no comment stored twice');
  for (const [key, id] of accepted) assert.ok(ids.has(id), `accepted ${key} → ${id} missing after kill -9`);
  // Replaying every post (through any process) stores nothing twice and answers the accepted ids.
  for (const [i, m] of sent.entries()) {
    const r = await post(servers[(i + 1) % 3]!, m.client + '0', m.body, m.key);
    assert.equal(r.status, 202);
    const { id } = await r.json();
    if (accepted.has(m.key)) assert.equal(id, accepted.get(m.key));
  }
  const after = (await allQueued(servers[2]!)).filter((r) => r.body.startsWith('Bình luận đồng thời'));
  assert.equal(after.length, sent.length, 'each post stored exactly once');
});

test(`desk sessions and the wrong-credential throttle hold across processes (${SHARED})`, async () => {
  const added = await runEditorCli(env, 'add', 'Hà Phương');
  assert.equal(added.code, 0, added.stderr);
  const signIn = await fetch(`${servers[0]!.base}/api/moderation/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.200' },
    body: JSON.stringify({ name: 'Hà Phương', secret: printedSecret(added.stdout) }),
  });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  for (const s of servers) {
    const who = await (await fetch(`${s.base}/api/moderation/session`, { headers: { cookie } })).json();
    assert.deepEqual(who, { signedIn: true, name: 'Hà Phương' }, s.base);
  }
  // Wrong tokens from one client, spread over the processes: the shared count throttles it everywhere.
  const guess = (s: Running, i: number) =>
    fetch(`${s.base}/api/moderation/queue`, {
      headers: { authorization: `Bearer guess-${i}`, 'x-forwarded-for': '198.51.100.201' },
    });
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await guess(servers[i % servers.length]!, i)).status);
  assert.deepEqual(statuses, [...Array<number>(10).fill(401), 429, 429]);
});
