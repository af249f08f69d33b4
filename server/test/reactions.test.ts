/**
 * Readers' reactions through the real app, on SQLite and PostgreSQL: "Thích" (one like per reader
 * per comment, counts on the comment), the "popular" order ("Quan tâm nhất") and its snapshot
 * cursor, "Báo vi phạm" (one report per reader, rate limit, hiding at REPORT_HIDE_THRESHOLD) and
 * the desk's "Bị báo cáo" queue with keep/remove in the moderation log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Config } from '../config.ts';
import { makeCtx, comment, type TestCtx } from './helpers.ts';

const T = 'an-ninh-nong-thon-moi-2026';
const P = `/api/threads/${T}/comments`;

interface Item {
  id: string;
  body: string;
  likes: number;
  replies: { id: string; body: string; likes: number }[];
}
interface Page {
  thread: { count: number };
  items: Item[];
  nextCursor: string | null;
}

async function ctx(over: Partial<Config> = {}) {
  return makeCtx({ likesPerMinute: 1000, reportsPerMinute: 1000, ...over }, { seed: true });
}

/** Posts and approves a comment (a second apart, so `seq` and time agree); answers its id. */
async function approved(c: TestCtx, body: string, parentId?: string): Promise<string> {
  c.clock.now += 1000;
  const { id } = (await (await c.json(P, comment({ body, parentId }))).json()) as { id: string };
  assert.equal((await c.mod(`/api/moderation/comments/${id}/approve`, {})).status, 200);
  return id;
}

const like = (c: TestCtx, id: string, ip = '203.0.113.1', what: 'like' | 'unlike' = 'like') =>
  c.json(`/api/comments/${id}/${what}`, {}, { ip });

async function page(c: TestCtx, query: string): Promise<Page> {
  const r = await c.req(`${P}?${query}`);
  assert.equal(r.status, 200, await r.clone().text());
  return (await r.json()) as Page;
}

test('like and unlike: the answer carries the count; one like per reader; unlike removes exactly that like', async () => {
  const c = await ctx();
  const a = await approved(c, 'Bình luận A');
  let r = await like(c, a);
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { id: a, likes: 1, liked: true });
  // The same reader again: no second like.
  assert.deepEqual(await (await like(c, a)).json(), { id: a, likes: 1, liked: true });
  // Another network: another reader. An IPv6 reader counts once for its whole /64.
  assert.deepEqual(await (await like(c, a, '198.51.100.7')).json(), { id: a, likes: 2, liked: true });
  assert.deepEqual(await (await like(c, a, '2001:db8:1:2::10')).json(), { id: a, likes: 3, liked: true });
  assert.deepEqual(await (await like(c, a, '2001:db8:1:2:ffff::1')).json(), { id: a, likes: 3, liked: true });
  // A reader who never liked cannot take someone else's like away.
  assert.deepEqual(await (await like(c, a, '192.0.2.99', 'unlike')).json(), { id: a, likes: 3, liked: false });
  r = await like(c, a, '198.51.100.7', 'unlike');
  assert.deepEqual(await r.json(), { id: a, likes: 2, liked: false });
  assert.deepEqual(await (await like(c, a, '198.51.100.7', 'unlike')).json(), { id: a, likes: 2, liked: false });
  // The first reader's like is still there: unliking now removes it.
  assert.deepEqual(await (await like(c, a, '203.0.113.1', 'unlike')).json(), { id: a, likes: 1, liked: false });

  // The thread shows each comment's count, replies included, in the contract's shape.
  const reply = await approved(c, 'Trả lời A', a);
  await like(c, reply);
  c.clock.now += 10_000; // past the thread cache
  const p = await page(c, 'sort=newest');
  assert.deepEqual(Object.keys(p.items[0]!), ['id', 'name', 'body', 'createdAt', 'likes', 'replies', 'repliesCursor']);
  assert.equal(p.items[0]!.likes, 1);
  assert.equal(p.items[0]!.replies[0]!.likes, 1);
});

test('only approved comments can be liked: pending and rejected answer 409, unknown 404, bad input 400', async () => {
  const c = await ctx();
  const { id: pending } = (await (await c.json(P, comment())).json()) as { id: string };
  let r = await like(c, pending);
  assert.equal(r.status, 409);
  assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'not_approved');
  const rejected = await approved(c, 'Sẽ bị gỡ');
  await c.mod(`/api/moderation/comments/${rejected}/reject`, {});
  r = await like(c, rejected, '203.0.113.1', 'unlike');
  assert.equal(r.status, 409);
  r = await like(c, 'c_khong_co');
  assert.equal(r.status, 404);
  assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'not_found');
  r = await like(c, 'bad%20id');
  assert.equal(r.status, 400);
  const a = await approved(c, 'A');
  r = await c.json(`/api/comments/${a}/like`, '[1, 2]');
  assert.equal(r.status, 400);
  r = await c.json(`/api/comments/${a}/like`, '{nope');
  assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'invalid_json');
  // Nothing was written by any refusal.
  assert.equal((await c.storage.comments.get(a))!.likes, 0);
  assert.equal((await c.storage.comments.get(pending))!.likes, 0);
});

test('likes are rate-limited per client: 429 with Retry-After, nothing written', async () => {
  const c = await ctx({ likesPerMinute: 2 });
  const a = await approved(c, 'A');
  assert.equal((await like(c, a)).status, 200);
  assert.equal((await like(c, a, '203.0.113.1', 'unlike')).status, 200);
  const r = await like(c, a);
  assert.equal(r.status, 429);
  assert.ok(Number(r.headers.get('retry-after')) >= 1);
  assert.equal((await c.storage.comments.get(a))!.likes, 0);
  // Another client is not limited by the first one's likes.
  assert.equal((await like(c, a, '198.51.100.1')).status, 200);
});

test('sort=popular: top-level comments by likes, ties newest first, replies under their parent; cached per sort', async () => {
  const c = await ctx();
  const a = await approved(c, 'A');
  const b = await approved(c, 'B');
  const d = await approved(c, 'D');
  const e = await approved(c, 'E');
  const replyToA = await approved(c, 'Trả lời A', a);
  for (const ip of ['198.51.100.1', '198.51.100.2']) await like(c, b, ip);
  await like(c, d, '198.51.100.1');
  await like(c, a, '198.51.100.1');
  // Many likes on a reply do not lift its parent, nor list it on its own.
  for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await like(c, replyToA, ip);

  const newest = await page(c, 'sort=newest');
  const popular = await page(c, 'sort=popular');
  // Both asked within the cache's lifetime: each sort has its own cached answer.
  assert.deepEqual(
    newest.items.map((i) => i.body),
    ['E', 'D', 'B', 'A'],
  );
  assert.deepEqual(
    popular.items.map((i) => [i.body, i.likes]),
    [
      ['B', 2],
      ['D', 1],
      ['A', 1],
      ['E', 0],
    ],
  );
  assert.deepEqual(
    popular.items[2]!.replies.map((x) => [x.body, x.likes]),
    [['Trả lời A', 3]],
  );
  assert.equal((await page(c, 'sort=popular')).items[0]!.body, 'B');
  assert.equal((await c.req(`${P}?sort=best`)).status, 400);
  void e;
});

test('sort=popular pages neither repeat nor skip when likes change between pages; a new first page ranks anew', async () => {
  const c = await ctx();
  // Eight comments with 0–3 likes: by (likes, newest) they rank c7 c3 c6 c2 c5 c1 c4 c0 (likes 3,3,2,2,1,1,0,0).
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) ids.push(await approved(c, `c${i}`));
  for (let i = 0; i < 8; i++) {
    for (let n = 0; n < Math.floor(i % 4); n++) await like(c, ids[i]!, `198.51.100.${n + 1}`);
  }
  const p1 = await page(c, 'sort=popular&limit=3');
  assert.deepEqual(
    p1.items.map((i) => i.body),
    ['c7', 'c3', 'c6'],
  );
  // Between pages: c5 (page 2) gets three more likes, enough to rank first now; c7 (page 1) loses
  // its likes; c0 (last page) gets one.
  for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await like(c, ids[5]!, ip);
  for (let n = 0; n < 3; n++) await like(c, ids[7]!, `198.51.100.${n + 1}`, 'unlike');
  await like(c, ids[0]!, '192.0.2.1');

  const p2 = await page(c, `sort=popular&limit=3&cursor=${p1.nextCursor}`);
  const p3 = await page(c, `sort=popular&limit=3&cursor=${p2.nextCursor}`);
  assert.equal(p3.nextCursor, null);
  const seen = [...p1.items, ...p2.items, ...p3.items].map((i) => i.body);
  // The order as of page 1: every comment exactly once.
  assert.deepEqual(seen, ['c7', 'c3', 'c6', 'c2', 'c5', 'c1', 'c4', 'c0']);
  // Each page shows the live counts.
  assert.equal(p2.items.find((i) => i.body === 'c5')!.likes, 4);
  assert.equal(p3.items.find((i) => i.body === 'c0')!.likes, 1);

  // A new first page ranks by the counts now.
  c.clock.now += 10_000;
  const fresh = await page(c, 'sort=popular&limit=3');
  assert.deepEqual(
    fresh.items.map((i) => i.body),
    ['c5', 'c3', 'c6'],
  );
  // A comment approved after the first page ranks by its likes as of then (0): never a repeat.
  const late = await approved(c, 'late');
  await like(c, late, '192.0.2.1');
  const q2 = await page(c, `sort=popular&limit=3&cursor=${fresh.nextCursor}`);
  const q3 = await page(c, `sort=popular&limit=3&cursor=${q2.nextCursor}`);
  const all = [...fresh.items, ...q2.items, ...q3.items].map((i) => i.body);
  assert.equal(new Set(all).size, all.length);
  assert.deepEqual([...all].sort(), ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'late'].sort());
  // Cursors belong to their order.
  assert.equal((await c.req(`${P}?sort=newest&cursor=${p1.nextCursor}`)).status, 400);
  assert.equal(
    (await c.req(`${P}?sort=popular&cursor=${(await page(c, 'sort=newest&limit=1')).nextCursor}`)).status,
    400,
  );
});

const report = (c: TestCtx, id: string, body: unknown, ip = '203.0.113.1') =>
  c.json(`/api/comments/${id}/report`, body, { ip });

test('reports: validated, one per reader per comment, rate-limited, only of approved comments', async () => {
  const c = await ctx({ reportsPerMinute: 2 });
  const a = await approved(c, 'Quảng cáo: mua ngay');
  let r = await report(c, a, { reason: 'spam' });
  assert.equal(r.status, 202);
  assert.deepEqual(await r.json(), { id: a, reported: true });
  // The same reader again (another reason): still one report.
  assert.equal((await report(c, a, { reason: 'abuse' })).status, 202);
  r = await report(c, a, { reason: 'rude' }, '198.51.100.1');
  assert.equal(r.status, 400);
  assert.equal(((await r.json()) as { error: { field: string } }).error.field, 'reason');
  r = await report(c, a, { reason: 'other', text: 'x'.repeat(501) }, '198.51.100.1');
  assert.equal(r.status, 400);
  assert.equal(((await r.json()) as { error: { field: string } }).error.field, 'text');
  // Over the limit (2 a minute from this client, refused requests included): 429, nothing filed.
  r = await report(c, a, { reason: 'other', text: 'Lạc đề' }, '198.51.100.1');
  assert.equal(r.status, 429);
  const { id: pending } = (await (await c.json(P, comment())).json()) as { id: string };
  r = await report(c, pending, { reason: 'spam' }, '198.51.100.2');
  assert.equal(r.status, 409);
  assert.equal((await report(c, 'c_khong_co', { reason: 'spam' }, '198.51.100.2')).status, 404);

  const queue = (await (await c.mod('/api/moderation/reported')).json()) as {
    items: { id: string; reports: number; reasons: Record<string, number>; notes: string[]; hidden: boolean }[];
    count: number;
  };
  assert.equal(queue.count, 1);
  assert.deepEqual(
    queue.items.map((i) => [i.id, i.reports, i.reasons, i.notes, i.hidden]),
    [[a, 1, { spam: 1 }, [], false]],
  );
  // Off by default: reported comments stay visible.
  assert.equal((await page(c, 'sort=newest')).items.length, 1);
});

test('REPORT_HIDE_THRESHOLD: at N reports a comment is hidden from readers, logged, and waits in the reported queue', async () => {
  const c = await ctx({ reportHideThreshold: 2, threadCacheMs: 60_000 });
  const a = await approved(c, 'Xúc phạm người khác');
  const b = await approved(c, 'Bình thường');
  await like(c, a);
  const before = await page(c, 'sort=newest');
  assert.equal(before.thread.count, 2);
  assert.equal((await report(c, a, { reason: 'abuse', text: 'Lời lẽ thô tục' }, '198.51.100.1')).status, 202);
  assert.equal((await page(c, 'sort=newest')).items.length, 2);
  assert.equal((await report(c, a, { reason: 'abuse' }, '198.51.100.2')).status, 202);
  // Hidden at once, even from the cached page: gone from every order and from the count.
  for (const sort of ['newest', 'oldest', 'popular']) {
    const p = await page(c, `sort=${sort}`);
    assert.deepEqual(
      p.items.map((i) => i.id),
      [b],
      sort,
    );
    assert.equal(p.thread.count, 1);
  }
  assert.deepEqual(await (await c.req(`/api/counts?threads=${T}`)).json(), { [T]: 1 });
  // A hidden comment cannot be liked.
  assert.equal((await like(c, a, '198.51.100.3')).status, 409);
  const queue = (await (await c.mod('/api/moderation/reported')).json()) as {
    items: { id: string; reports: number; reasons: Record<string, number>; notes: string[]; hidden: boolean }[];
  };
  assert.deepEqual(
    queue.items.map((i) => [i.id, i.reports, i.reasons, i.notes, i.hidden]),
    [[a, 2, { abuse: 2 }, ['Lời lẽ thô tục'], true]],
  );
  const log = (await (await c.mod('/api/moderation/log')).json()) as {
    items: { action: string; commentId: string; actor: string }[];
  };
  assert.deepEqual([log.items[0]!.action, log.items[0]!.commentId, log.items[0]!.actor], ['hide', a, 'readers']);
});

test('the desk keeps (reports cleared, shown again) or removes (rejected) a reported comment, both logged', async () => {
  const c = await ctx({ reportHideThreshold: 2 });
  const kept = await approved(c, 'Ý kiến gây tranh cãi');
  const removed = await approved(c, 'Mua hàng giá rẻ tại ...');
  for (const ip of ['198.51.100.1', '198.51.100.2']) await report(c, kept, { reason: 'off_topic' }, ip);
  await report(c, removed, { reason: 'spam' }, '198.51.100.1');
  await report(c, removed, { reason: 'other', text: 'Quảng cáo' }, '198.51.100.3');

  // The desk's routes need the token.
  assert.equal((await c.req('/api/moderation/reported')).status, 401);
  assert.equal((await c.json(`/api/moderation/comments/${kept}/keep`, {})).status, 401);
  const queued = (await (await c.mod('/api/moderation/queue?status=pending')).json()) as {
    counts: Record<string, number>;
  };
  assert.equal(queued.counts.reported, 2);
  const q = (await (await c.mod('/api/moderation/reported?limit=1')).json()) as {
    items: { id: string; reasons: Record<string, number>; notes: string[] }[];
    nextCursor: string;
  };
  // The first reported first, then the next page.
  assert.deepEqual(
    q.items.map((i) => [i.id, i.reasons]),
    [[kept, { off_topic: 2 }]],
  );
  const q2 = (await (await c.mod(`/api/moderation/reported?limit=1&cursor=${q.nextCursor}`)).json()) as {
    items: { id: string; reasons: Record<string, number>; notes: string[] }[];
  };
  assert.deepEqual(
    q2.items.map((i) => [i.id, i.reasons, i.notes]),
    [[removed, { spam: 1, other: 1 }, ['Quảng cáo']]],
  );

  let r = await c.mod(`/api/moderation/comments/${kept}/keep`, {});
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { id: kept, status: 'approved', reports: 0, hidden: false });
  r = await c.mod(`/api/moderation/comments/${removed}/remove`, {});
  assert.deepEqual(await r.json(), { id: removed, status: 'rejected', reports: 0, hidden: false });
  assert.equal((await c.mod('/api/moderation/comments/c_khong_co/keep', {})).status, 404);

  const after = (await (await c.mod('/api/moderation/reported')).json()) as { items: unknown[]; count: number };
  assert.deepEqual([after.items, after.count], [[], 0]);
  // Kept: shown to readers again; removed: gone.
  c.clock.now += 10_000;
  assert.deepEqual(
    (await page(c, 'sort=newest')).items.map((i) => i.id),
    [kept],
  );
  const log = (await (await c.mod('/api/moderation/log')).json()) as {
    items: { action: string; commentId: string; actor: string; before: unknown; after: unknown }[];
  };
  assert.deepEqual(
    log.items.slice(0, 2).map((e) => [e.action, e.commentId, e.actor, e.before, e.after]),
    [
      [
        'remove',
        removed,
        'Biên tập viên A (token)',
        { status: 'approved', reports: 2, hidden: 1 },
        { status: 'rejected', reports: 0, hidden: 0 },
      ],
      [
        'keep',
        kept,
        'Biên tập viên A (token)',
        { status: 'approved', reports: 2, hidden: 1 },
        { status: 'approved', reports: 0, hidden: 0 },
      ],
    ],
  );
  // A reader who reported the kept comment cannot report it again (the same day); a new reader can.
  await report(c, kept, { reason: 'abuse' }, '198.51.100.1');
  await report(c, kept, { reason: 'abuse' }, '198.51.100.9');
  const again = (await (await c.mod('/api/moderation/reported')).json()) as { items: { reports: number }[] };
  assert.deepEqual(
    again.items.map((i) => i.reports),
    [1],
  );
});

test('concurrent likes: every reader counted once, the count on the comment equal to the likes stored', async () => {
  const c = await ctx();
  const a = await approved(c, 'A');
  const readers = Array.from({ length: 12 }, (_, i) => `198.51.100.${i + 1}`);
  // Each reader sends its like twice at once, and one reader likes and unlikes at once.
  const answers = await Promise.all([
    ...readers.flatMap((ip) => [like(c, a, ip), like(c, a, ip)]),
    like(c, a, '192.0.2.1'),
    like(c, a, '192.0.2.1', 'unlike'),
  ]);
  assert.ok(answers.every((r) => r.status === 200));
  const stored = (await c.storage.comments.get(a))!.likes;
  const final = (await (await like(c, a, '192.0.2.1', 'unlike')).json()) as { likes: number };
  assert.equal(final.likes, 12);
  assert.ok(stored === 12 || stored === 13, `count ${stored}`);
  c.clock.now += 10_000;
  assert.equal((await page(c, 'sort=popular')).items[0]!.likes, 12);
});
