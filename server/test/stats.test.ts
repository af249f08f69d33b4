/**
 * The desk's charts (`GET /api/moderation/stats`) from seeded data with known answers: views per
 * hour and per day, comments received and approved, decision times (median and 90th percentile
 * interpolated between ranks), the most commented threads; on SQLite and PostgreSQL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModerationStats } from '../../src/core/contract.ts';
import { statsWindow } from '../routes/moderation-stats.ts';
import { comment, makeCtx, T0, type TestCtx } from './helpers.ts';

const H = 3600_000;
const D = 24 * H;
const MIN = 60_000;

const ARTICLES = [
  { id: 'a-gia-lua', url: 'https://baotinh.example/a.html', title: 'Giá lúa tăng' },
  { id: 'b-bao', url: 'https://baotinh.example/b.html', title: 'Bão số 9' },
  { id: 'c-le-hoi', url: 'https://baotinh.example/c.html', title: 'Lễ hội' },
];

async function post(c: TestCtx, thread: string, at: number): Promise<string> {
  c.clock.now = at;
  const r = await c.json(`/api/threads/${thread}/comments`, comment());
  assert.equal(r.status, 202);
  return (await r.json()).id;
}

async function act(c: TestCtx, id: string, action: 'approve' | 'reject' | 'edit', at: number) {
  c.clock.now = at;
  const r = await c.mod(`/api/moderation/comments/${id}/${action}`, action === 'edit' ? { body: 'Đã sửa' } : {});
  assert.equal(r.status, 200);
}

/** Views, comments and decisions at known times before T0 (2026-11-29T12:00Z). */
async function seed(c: TestCtx) {
  await c.storage.articles.upsert(ARTICLES);
  await c.storage.views.addBuckets([
    { articleId: 'a-gia-lua', hourMs: T0, count: 5 },
    { articleId: 'a-gia-lua', hourMs: T0 - H, count: 3 },
    { articleId: 'b-bao', hourMs: T0 - 2 * H, count: 10 },
    // 11-28T18:00Z: the 28th in UTC, already the 29th in Hà Nội (UTC+7).
    { articleId: 'b-bao', hourMs: T0 - 18 * H, count: 4 },
    { articleId: 'c-le-hoi', hourMs: T0 - 2 * D, count: 100 },
    { articleId: 'c-le-hoi', hourMs: T0 - 31 * D, count: 1000 },
  ]);
  // Decisions 1 h, 2 h, 10 min and 30 min after posting in the last 24 hours, one of 5 min three days ago.
  const c0 = await post(c, 'c-le-hoi', T0 - 3 * D);
  await act(c, c0, 'approve', T0 - 3 * D + 5 * MIN);
  const c1 = await post(c, 'a-gia-lua', T0 - 10 * H);
  const c2 = await post(c, 'a-gia-lua', T0 - 10 * H);
  await act(c, c1, 'approve', T0 - 9 * H);
  await act(c, c2, 'reject', T0 - 8 * H);
  const c3 = await post(c, 'a-gia-lua', T0 - 5 * H);
  await act(c, c3, 'approve', T0 - 5 * H + 10 * MIN);
  const c4 = await post(c, 'b-bao', T0 - 4 * H);
  await act(c, c4, 'approve', T0 - 4 * H + 30 * MIN);
  await post(c, 'c-khong-bai', T0 - H);
  // Neither an edit nor a second decision is a first decision.
  await act(c, c1, 'edit', T0 - 30 * MIN);
  await act(c, c3, 'reject', T0 - 10 * MIN);
  c.clock.now = T0 + 20 * MIN;
}

const stats = async (c: TestCtx, q: string) => {
  const r = await c.mod(`/api/moderation/stats?${q}`);
  assert.equal(r.status, 200);
  return (await r.json()) as ModerationStats;
};

const at = (s: ModerationStats, iso: string) => s.buckets.indexOf(iso);

test('stats, last 24 hours: hourly views of the top articles, comments, decision times, most commented', async () => {
  const c = await makeCtx();
  await seed(c);
  const s = await stats(c, 'range=24h');
  assert.equal(s.range, '24h');
  assert.equal(s.bucket, 'hour');
  assert.equal(s.from, '2026-11-28T13:00:00.000Z');
  assert.equal(s.to, '2026-11-29T13:00:00.000Z');
  assert.equal(s.buckets.length, 24);
  assert.equal(s.buckets[23], '2026-11-29T12:00:00.000Z');
  // c-le-hoi's views are older than 24 hours.
  assert.deepEqual(
    s.views.map((v) => [v.id, v.title, v.url, v.total]),
    [
      ['b-bao', 'Bão số 9', 'https://baotinh.example/b.html', 14],
      ['a-gia-lua', 'Giá lúa tăng', 'https://baotinh.example/a.html', 8],
    ],
  );
  const b = s.views[0]!.counts;
  assert.equal(b.length, 24);
  assert.equal(b[at(s, '2026-11-29T10:00:00.000Z')], 10);
  assert.equal(b[at(s, '2026-11-28T18:00:00.000Z')], 4);
  assert.equal(
    b.reduce((x, y) => x + y),
    14,
  );
  assert.deepEqual([s.views[1]!.counts[22], s.views[1]!.counts[23]], [3, 5]);

  const received = new Array(24).fill(0);
  const approved = new Array(24).fill(0);
  received[at(s, '2026-11-29T02:00:00.000Z')] = 2;
  approved[at(s, '2026-11-29T02:00:00.000Z')] = 1; // c1 approved, c2 rejected
  received[at(s, '2026-11-29T07:00:00.000Z')] = 1; // c3, approved then rejected
  received[at(s, '2026-11-29T08:00:00.000Z')] = 1;
  approved[at(s, '2026-11-29T08:00:00.000Z')] = 1; // c4
  received[at(s, '2026-11-29T11:00:00.000Z')] = 1; // pending
  assert.deepEqual(s.comments, { received, approved });

  // 10 min, 30 min, 1 h, 2 h: median halfway between 30 min and 1 h; p90 at rank 2.7.
  assert.deepEqual(s.decisions, { count: 4, medianMs: 45 * MIN, p90Ms: H + 0.7 * H });

  assert.deepEqual(s.mostCommented, [
    { thread: 'a-gia-lua', title: 'Giá lúa tăng', url: 'https://baotinh.example/a.html', comments: 3, approved: 1 },
    { thread: 'b-bao', title: 'Bão số 9', url: 'https://baotinh.example/b.html', comments: 1, approved: 1 },
    { thread: 'c-khong-bai', title: null, url: null, comments: 1, approved: 0 },
  ]);
});

test('stats, 7 and 30 days: daily buckets, in UTC or at the desk’s UTC offset', async () => {
  const c = await makeCtx();
  await seed(c);
  const week = await stats(c, 'range=7d');
  assert.equal(week.bucket, 'day');
  assert.deepEqual([week.from, week.to], ['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z']);
  assert.deepEqual(
    week.views.map((v) => [v.id, v.counts]),
    [
      ['c-le-hoi', [0, 0, 0, 0, 100, 0, 0]],
      ['b-bao', [0, 0, 0, 0, 0, 4, 10]],
      ['a-gia-lua', [0, 0, 0, 0, 0, 0, 8]],
    ],
  );
  assert.deepEqual(week.comments, { received: [0, 0, 0, 1, 0, 0, 5], approved: [0, 0, 0, 1, 0, 0, 2] });
  // 5 min, 10 min, 30 min, 1 h, 2 h.
  assert.deepEqual(week.decisions, { count: 5, medianMs: 30 * MIN, p90Ms: H + 0.6 * H });
  assert.deepEqual(
    week.mostCommented.map((m) => [m.thread, m.comments]),
    [
      ['a-gia-lua', 3],
      ['b-bao', 1],
      ['c-khong-bai', 1],
      ['c-le-hoi', 1],
    ],
  );

  // Hà Nội (UTC+7): it is the evening of the 29th; 18:00Z on the 28th was already the 29th there.
  const hanoi = await stats(c, 'range=7d&utcOffset=420');
  assert.deepEqual([hanoi.from, hanoi.to], ['2026-11-22T17:00:00.000Z', '2026-11-29T17:00:00.000Z']);
  assert.deepEqual(hanoi.views.find((v) => v.id === 'b-bao')!.counts, [0, 0, 0, 0, 0, 0, 14]);

  const month = await stats(c, 'range=30d');
  assert.equal(month.buckets.length, 30);
  assert.equal(month.buckets[0], '2026-10-31T00:00:00.000Z');
  // The views of 31 days ago are outside.
  assert.equal(month.views.find((v) => v.id === 'c-le-hoi')!.total, 100);
});

test('stats: empty database, bad parameters, editors only', async () => {
  const c = await makeCtx();
  const empty = await stats(c, 'range=30d');
  assert.deepEqual(empty.views, []);
  assert.deepEqual(empty.mostCommented, []);
  assert.deepEqual(empty.decisions, { count: 0, medianMs: null, p90Ms: null });
  assert.equal(empty.comments.received.length, 30);
  assert.equal((await stats(c, '')).range, '7d');
  for (const [q, field] of [
    ['range=1y', 'range'],
    ['range=24h&utcOffset=900', 'utcOffset'],
    ['utcOffset=abc', 'utcOffset'],
  ]) {
    const r = await c.mod(`/api/moderation/stats?${q}`);
    assert.equal(r.status, 400, q);
    const body = await r.json();
    assert.equal(body.error.code, 'invalid_input');
    assert.equal(body.error.field, field);
  }
  const anon = await c.req('/api/moderation/stats?range=24h');
  assert.equal(anon.status, 401);
  assert.equal((await anon.json()).error.code, 'unauthorized');
});

test('stats windows', () => {
  const now = Date.parse('2026-11-29T12:34:00Z');
  assert.deepEqual(statsWindow('24h', now), {
    from: Date.parse('2026-11-28T13:00:00Z'),
    to: Date.parse('2026-11-29T13:00:00Z'),
    bucketMs: H,
    buckets: 24,
  });
  // Just after local midnight in Hà Nội, the local day is already the 30th.
  const w = statsWindow('7d', Date.parse('2026-11-29T17:30:00Z'), 420);
  assert.equal(new Date(w.to).toISOString(), '2026-11-30T17:00:00.000Z');
  assert.equal(w.to - w.from, 7 * D);
  const west = statsWindow('30d', now, -300);
  assert.equal(new Date(west.to).toISOString(), '2026-11-30T05:00:00.000Z');
});
