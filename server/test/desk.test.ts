/** The desk's rules, bans, bulk actions and search (routes/desk.ts, rules/*), on both databases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx, comment, type TestCtx } from './helpers.ts';

const T = 'an-ninh-nong-thon-moi-2026';
const DAY = 24 * 3600_000;

/** Posts as a reader at `ip`; answers the id and the status the reader got. */
async function post(c: TestCtx, body: string, opts: { thread?: string; ip?: string; email?: string } = {}) {
  const r = await c.json(`/api/threads/${opts.thread ?? T}/comments`, comment({ body, email: opts.email }), {
    ip: opts.ip,
  });
  assert.equal(r.status, 202, body);
  return (await r.json()) as { id: string; status: string };
}

async function rule(c: TestCtx, input: unknown, id?: number) {
  const r = await c.mod(id ? `/api/moderation/rules/${id}` : '/api/moderation/rules', input);
  assert.ok(r.status === 201 || r.status === 200, `${r.status} ${JSON.stringify(await r.clone().json())}`);
  return (await r.json()) as { id: number; kind: string; action: string; enabled: boolean };
}

const row = async (c: TestCtx, id: string) => (await c.storage.comments.get(id))!;
const desk = async (c: TestCtx, query: string) => (await c.mod(`/api/moderation/comments?${query}`)).json();
const readerBodies = async (c: TestCtx, thread = T) =>
  ((await (await c.req(`/api/threads/${thread}/comments?limit=100`)).json()).items as { body: string }[]).map(
    (i) => i.body,
  );

const BANNED = [
  { word: 'cặc', folded: true },
  { word: 'đồ ngu', folded: true },
  { word: 'lừa đảo', folded: false },
];

/** Comments that look like the banned words but are innocent: none may be held. */
const INNOCENT = [
  'Các bạn đọc kỹ bài viết nhé.', // các ≠ cặc (other diacritics)
  'Cặp vợ chồng này thật đáng khen.', // cặp
  'Cắc cớ gì mà phải cãi nhau.', // cắc
  'Ông Nguyễn Văn Cặcc… à không, Nguyễn Văn Cắc.', // a word containing the banned word
  'Đồ ăn ở đây ngon, người ngủ ngon.', // "đồ" and "ngu…" apart, "ngủ" ≠ "ngu"
  'Anh ấy là người ngay thẳng, không ngu ngơ chút nào.', // "ngu" alone is not "đồ ngu"
  'Bai viet rat hay, cam on tac gia.', // no diacritics, no banned word
  'Chiêu trò lừa gạt, đảo ngược sự thật.', // "lừa" and "đảo" not adjacent
];

test('word rule: holds Vietnamese words with and without diacritics, on syllable boundaries, never look-alikes', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const r = await rule(c, { kind: 'words', action: 'hold', config: { words: BANNED } });
  assert.equal(r.enabled, true);

  for (const body of INNOCENT) {
    const x = await post(c, body);
    assert.equal(x.status, 'approved', body);
    assert.equal((await row(c, x.id)).status, 'approved', body);
  }
  const held: Record<string, string> = {
    'Thằng này CẶC thật.': 'cặc',
    'Nói cặc gì vậy': 'cặc',
    'noi cac gi vay': 'cặc', // typed without any diacritics: the entry allows it (its folded flag)
    'Đồ   NGU!!!': 'đồ ngu',
    'do ngu': 'đồ ngu',
    'Toàn bọn lừa-đảo': 'lừa đảo',
  };
  for (const [body, word] of Object.entries(held)) {
    const x = await post(c, body);
    assert.equal(x.status, 'pending', body);
    const q = await desk(c, 'state=held&limit=200');
    const item = q.items.find((i: { id: string }) => i.id === x.id);
    assert.ok(item, body);
    assert.deepEqual(item.heldBy, [{ kind: 'words', action: 'hold', ruleId: r.id, detail: word }]);
  }
  // Without the folded flag, the bare spelling is someone else's words.
  const bare = await post(c, 'Bon lua dao');
  assert.equal(bare.status, 'approved');
  // Readers see the innocent ones and the bare one, never a held one.
  const seen = await readerBodies(c);
  assert.equal(seen.length, INNOCENT.length + 1);
  for (const body of Object.keys(held)) assert.ok(!seen.includes(body), body);
});

test('a rejecting rule: the reader gets 202 pending, status polls say pending, readers never see it; the desk shows why', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const r = await rule(c, { kind: 'words', action: 'reject', config: { words: [{ word: 'cờ bạc', folded: true }] } });
  const x = await post(c, 'Vào đây chơi co bac online');
  assert.equal(x.status, 'pending');
  assert.deepEqual(await (await c.req(`/api/comments/status?ids=${x.id}`)).json(), { [x.id]: 'pending' });
  assert.deepEqual(await readerBodies(c), []);
  assert.equal((await row(c, x.id)).status, 'rejected');
  const q = await desk(c, 'state=rejected');
  assert.deepEqual(q.items[0].heldBy, [{ kind: 'words', action: 'reject', ruleId: r.id, detail: 'cờ bạc' }]);
  // A replay of the same post (same idempotency key) answers the same.
  const again = await c.json(`/api/threads/${T}/comments`, comment({ body: 'Vào đây chơi co bac' }), {
    headers: { 'idempotency-key': 'k1' },
  });
  const replay = await c.json(`/api/threads/${T}/comments`, comment({ body: 'Vào đây chơi co bac' }), {
    headers: { 'idempotency-key': 'k1' },
  });
  assert.deepEqual(await replay.json(), await again.json());
  // An editor can still approve it: then readers see it.
  await c.mod('/api/moderation/bulk', { ids: [x.id], action: 'approve' });
  assert.deepEqual(await readerBodies(c), ['Vào đây chơi co bac online']);
  // From then on the reader's status follows the editors' decisions (the silence is over).
  await c.mod(`/api/moderation/comments/${x.id}/reject`, {});
  assert.deepEqual(await (await c.req(`/api/comments/status?ids=${x.id}`)).json(), { [x.id]: 'rejected' });
  const y = await post(c, 'Lại co bac nữa');
  await c.mod(`/api/moderation/comments/${y.id}/approve`, {});
  await c.mod(`/api/moderation/comments/${y.id}/reject`, {});
  assert.deepEqual(await (await c.req(`/api/comments/status?ids=${y.id}`)).json(), { [y.id]: 'rejected' });
});

test('links, all-capitals, the same text on several threads and Vietnamese without diacritics', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const links = await rule(c, { kind: 'links', action: 'hold', config: { max: 1 } });
  const caps = await rule(c, { kind: 'caps', action: 'hold', config: { minLetters: 12, ratio: 0.8 } });
  const dup = await rule(c, {
    kind: 'duplicate',
    action: 'reject',
    config: { threads: 3, windowMinutes: 60, minLength: 20 },
  });
  const bare = await rule(c, { kind: 'no_diacritics', action: 'hold', config: {} });
  const reasons = async (id: string) =>
    ((await row(c, id)).status === 'approved'
      ? null
      : (await desk(c, 'state=pending&limit=200')).items
          .concat((await desk(c, 'state=rejected&limit=200')).items)
          .find((i: { id: string }) => i.id === id)
          .heldBy.map((h: { ruleId: number }) => h.ruleId)) as number[] | null;

  // Links: more than one.
  assert.equal((await post(c, 'Nguồn: https://vnexpress.net/a')).status, 'approved');
  const l = await post(c, 'Xem https://a.example/x và www.spam.vn, cả khuyenmai.com nữa');
  assert.deepEqual(await reasons(l.id), [links.id]);

  // Capitals: a shout, but not a short acronym or a sentence with a few capitals.
  assert.equal((await post(c, 'UBND TP.HCM đã họp về việc này')).status, 'approved');
  assert.equal((await post(c, 'TUYỆT VỜI')).status, 'approved'); // under 12 letters
  const s = await post(c, 'ĐỀ NGHỊ XỬ LÝ NGHIÊM NGAY!!!');
  assert.deepEqual(await reasons(s.id), [caps.id]);

  // The same text on 3 threads within an hour: the third is rejected (silently); short texts never count.
  const spam = 'Kiếm tiền online mỗi ngày, liên hệ ngay hôm nay';
  assert.equal((await post(c, spam, { thread: 'bai-1' })).status, 'approved');
  c.clock.now += 60_000;
  assert.equal(
    (await post(c, 'KIẾM tiền online mỗi ngày — liên hệ ngay hôm nay!!', { thread: 'bai-2' })).status,
    'approved',
  );
  c.clock.now += 60_000;
  const third = await post(c, spam, { thread: 'bai-3' });
  assert.equal(third.status, 'pending');
  assert.equal((await row(c, third.id)).status, 'rejected');
  assert.ok((await reasons(third.id))!.includes(dup.id));
  for (const t of ['bai-1', 'bai-2', 'bai-4'])
    assert.equal((await post(c, 'Hay quá', { thread: t })).status, 'approved');
  c.clock.now += 2 * 3600_000; // outside the window
  assert.equal((await post(c, spam, { thread: 'bai-5' })).status, 'approved');

  // Without diacritics: marked in the queue and held by the rule; accented text never.
  const b = await post(c, 'Toi thay bai viet nay rat hay va bo ich');
  assert.deepEqual(await reasons(b.id), [bare.id]);
  const q = await desk(c, 'state=held&limit=200');
  assert.equal(q.items.find((i: { id: string }) => i.id === b.id).noDiacritics, true);
  const ok = await post(c, 'Tôi thấy bài viết này rất hay và bổ ích');
  assert.equal(ok.status, 'approved');
  const all = await desk(c, 'state=approved&limit=200');
  assert.equal(all.items.find((i: { id: string }) => i.id === ok.id).noDiacritics, false);
});

test('a rule change applies to new comments only, and is logged (create, update, delete)', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const before = await post(c, 'Bọn lừa đảo');
  const r = await rule(c, { kind: 'words', action: 'hold', config: { words: [{ word: 'lừa đảo', folded: false }] } });
  assert.equal((await row(c, before.id)).status, 'approved'); // not re-judged
  const held = await post(c, 'Bọn lừa đảo lại đến');
  assert.equal(held.status, 'pending');
  await rule(
    c,
    { kind: 'words', action: 'hold', enabled: false, config: { words: [{ word: 'lừa đảo', folded: false }] } },
    r.id,
  );
  assert.equal((await row(c, held.id)).status, 'pending'); // stays held
  assert.equal((await post(c, 'Bọn lừa đảo lần ba')).status, 'approved');
  assert.equal((await c.mod(`/api/moderation/rules/${r.id}/delete`, {})).status, 200);
  assert.equal((await c.mod(`/api/moderation/rules/${r.id}/delete`, {})).status, 404);
  assert.deepEqual((await (await c.mod('/api/moderation/rules')).json()).items, []);

  const log = (await (await c.mod('/api/moderation/log?limit=3')).json()).items;
  assert.deepEqual(
    log.map((e: { action: string }) => e.action),
    ['rule.delete', 'rule.update', 'rule.create'],
  );
  assert.equal(log[2].actor, 'Biên tập viên A (token)');
  assert.equal(log[2].before, null);
  assert.deepEqual(log[2].after, {
    id: r.id,
    kind: 'words',
    action: 'hold',
    enabled: true,
    config: { words: [{ word: 'lừa đảo', folded: false }] },
  });
  assert.equal(log[1].before.enabled, true);
  assert.equal(log[1].after.enabled, false);
  assert.equal(log[0].after, null);
});

test('rules: bad input is a 400 with the field, writes nothing; rules page with a cursor', async () => {
  const c = await makeCtx({}, { seed: true });
  for (const bad of [
    {},
    { kind: 'regex', action: 'hold', config: {} },
    { kind: 'words', action: 'delete', config: { words: [{ word: 'x', folded: true }] } },
    { kind: 'words', action: 'hold', config: { words: [] } },
    { kind: 'words', action: 'hold', config: { words: [{ word: '  ', folded: true }] } },
    { kind: 'words', action: 'hold', config: { words: [{ word: '!!!' }] } },
    { kind: 'links', action: 'hold', config: { max: -1 } },
    { kind: 'links', action: 'hold', config: { max: 1.5 } },
    { kind: 'caps', action: 'hold', config: { minLetters: 10, ratio: 0.2 } },
    { kind: 'duplicate', action: 'hold', config: { threads: 1, windowMinutes: 10 } },
  ]) {
    const r = await c.mod('/api/moderation/rules', bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
    assert.equal((await r.json()).error.code, 'invalid_input');
  }
  assert.equal(
    (await c.mod('/api/moderation/rules/999', { kind: 'links', action: 'hold', config: { max: 1 } })).status,
    404,
  );
  assert.deepEqual((await (await c.mod('/api/moderation/rules')).json()).items, []);
  for (let i = 0; i < 3; i++) await rule(c, { kind: 'links', action: 'hold', config: { max: i } });
  const p1 = await (await c.mod('/api/moderation/rules?limit=2')).json();
  const p2 = await (await c.mod(`/api/moderation/rules?limit=2&cursor=${p1.nextCursor}`)).json();
  assert.deepEqual(
    [...p1.items, ...p2.items].map((x: { config: { max: number } }) => x.config.max),
    [0, 1, 2],
  );
  assert.equal(p2.nextCursor, null);
});

test('ban: the next comment is 202 and never shown, on any day and thread; by e-mail too; lifting works; logged', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const first = await post(c, 'Bình luận gây rối', { ip: '198.51.100.7', email: 'Roi@Bao.vn' });
  const other = await post(c, 'Ý kiến của người khác', { ip: '198.51.100.8' });
  const r = await c.mod('/api/moderation/bans', { commentId: first.id, days: 7, email: true, reason: 'Spam' });
  assert.equal(r.status, 201);
  const ban = await r.json();
  assert.equal(ban.active, true);
  assert.equal(ban.email, 'roi@bao.vn');
  assert.equal(ban.client, true);
  assert.equal(ban.expiresAt, new Date(c.clock.now + 7 * DAY).toISOString());
  assert.ok(!('authorHash' in ban));
  assert.equal((await row(c, other.id)).status, 'approved'); // another reader's comment is untouched

  c.clock.now += 2 * DAY; // another day: a daily salt would have changed, the author hash does not
  const next = await post(c, 'Lại là tôi đây', { ip: '198.51.100.7', thread: 'bai-khac' });
  assert.equal(next.status, 'pending');
  assert.deepEqual(await (await c.req(`/api/comments/status?ids=${next.id}`)).json(), { [next.id]: 'pending' });
  assert.equal((await row(c, next.id)).status, 'rejected');
  assert.deepEqual(await readerBodies(c, 'bai-khac'), []);
  // The same e-mail from another network is banned too; another reader is not.
  assert.equal(
    (await row(c, (await post(c, 'Đổi mạng', { ip: '192.0.2.9', email: 'roi@bao.vn' })).id)).status,
    'rejected',
  );
  assert.equal((await post(c, 'Tôi vẫn bình luận được', { ip: '198.51.100.8' })).status, 'approved');
  // IPv6: the whole /64 is one client.
  const v6 = await post(c, 'Từ IPv6', { ip: '2001:db8:1:2::10' });
  await c.mod('/api/moderation/bans', { commentId: v6.id });
  assert.equal(
    (await row(c, (await post(c, 'Địa chỉ khác cùng /64', { ip: '2001:db8:1:2::99' })).id)).status,
    'rejected',
  );

  const list = await (await c.mod('/api/moderation/bans?limit=1')).json();
  assert.equal(list.items.length, 1);
  const rest = await (await c.mod(`/api/moderation/bans?limit=1&cursor=${list.nextCursor}`)).json();
  assert.deepEqual(
    [...list.items, ...rest.items].map((b: { commentId: string }) => b.commentId),
    [v6.id, first.id],
  );

  const lift = await c.mod(`/api/moderation/bans/${ban.id}/lift`, {});
  assert.equal(lift.status, 200);
  assert.equal((await lift.json()).active, false);
  assert.equal((await post(c, 'Đã được gỡ cấm', { ip: '198.51.100.7' })).status, 'approved');
  const active = await (await c.mod('/api/moderation/bans')).json();
  assert.deepEqual(
    active.items.map((b: { id: number }) => b.id),
    [list.items[0].id],
  );
  const all = await (await c.mod('/api/moderation/bans?state=all')).json();
  assert.equal(all.items.length, 2);

  const log = (await (await c.mod('/api/moderation/log?limit=3')).json()).items;
  assert.deepEqual(
    log.map((e: { action: string }) => e.action),
    ['unban', 'ban', 'ban'],
  );
  assert.equal(log[2].commentId, first.id);
  assert.equal(log[2].after.email, 'roi@bao.vn');
  assert.ok(!/author_?hash/i.test(JSON.stringify(log))); // the log never holds the client hash

  // Bad input and unknown ids.
  assert.equal((await c.mod('/api/moderation/bans', { commentId: 'c_missing' })).status, 404);
  assert.equal((await c.mod('/api/moderation/bans', { commentId: first.id, days: 0 })).status, 400);
  assert.equal((await c.mod('/api/moderation/bans', { commentId: first.id, days: 'x' })).status, 400);
  assert.equal((await c.mod('/api/moderation/bans/999/lift', {})).status, 404);
});

test('a ban for N days ends by itself; a ban for good does not', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const a = await post(c, 'Người A', { ip: '198.51.100.1' });
  const b = await post(c, 'Người B', { ip: '198.51.100.2' });
  await c.mod('/api/moderation/bans', { commentId: a.id, days: 1 });
  await c.mod('/api/moderation/bans', { commentId: b.id, days: null });
  c.clock.now += DAY + 1000;
  assert.equal((await post(c, 'A quay lại', { ip: '198.51.100.1' })).status, 'approved');
  c.clock.now += 3650 * DAY;
  assert.equal((await row(c, (await post(c, 'B quay lại', { ip: '198.51.100.2' })).id)).status, 'rejected');
});

test('bulk: 50 comments approved at once appear for readers, the log has 50 entries; per-item results', async () => {
  const c = await makeCtx({}, { seed: true });
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) ids.push((await post(c, `Bình luận số ${i + 1}`)).id);
  const r = await c.mod('/api/moderation/bulk', { ids: [...ids, 'c_missing'], action: 'approve' });
  assert.equal(r.status, 200);
  const { results } = await r.json();
  assert.equal(results.length, 51);
  assert.deepEqual(results[0], { id: ids[0], ok: true, status: 'approved' });
  assert.deepEqual(results[50], { id: 'c_missing', ok: false, error: 'not_found' });
  assert.equal((await readerBodies(c)).length, 50);
  const log = await (await c.mod('/api/moderation/log?limit=60')).json();
  const approvals = log.items.filter(
    (e: { action: string; actor: string }) => e.action === 'approve' && e.actor !== 'seed',
  );
  assert.equal(approvals.length, 50);
  assert.deepEqual(new Set(approvals.map((e: { commentId: string }) => e.commentId)), new Set(ids));
  assert.equal(approvals[0].actor, 'Biên tập viên A (token)');

  // Reject some back; bad input writes nothing.
  const back = await (await c.mod('/api/moderation/bulk', { ids: ids.slice(0, 5), action: 'reject' })).json();
  assert.ok(back.results.every((x: { status: string }) => x.status === 'rejected'));
  assert.equal((await readerBodies(c)).length, 45);
  for (const bad of [
    { ids: [], action: 'approve' },
    { ids: ids.slice(0, 2), action: 'delete' },
    { ids: ['bad id'], action: 'approve' },
    { ids: Array.from({ length: 201 }, (_, i) => `c_${i}`), action: 'approve' },
    { action: 'approve' },
  ]) {
    assert.equal((await c.mod('/api/moderation/bulk', bad)).status, 400, JSON.stringify(bad).slice(0, 60));
  }
  assert.equal((await readerBodies(c)).length, 45);
});

test('search: diacritic- and case-insensitive, by thread and state, with counts and cursor paging', async () => {
  const c = await makeCtx({}, { seed: true });
  const words = ['Đường sá xuống cấp', 'duong sa xuong cap qua', 'ĐƯỜNG SÁ XUỐNG CẤP!', 'Đường   sá\nxuống cấp'];
  const hits: string[] = [];
  for (let i = 0; i < 12; i++) {
    hits.push((await post(c, `${words[i % 4]} ở xã số ${i}`, { thread: i % 2 ? T : 'bai-2' })).id);
    await post(c, `Ý kiến khác số ${i}`);
  }
  await post(c, 'Đường đi khó, sá gì', { thread: T }); // not the phrase
  for (const q of ['duong sa xuong cap', 'ĐƯỜNG SÁ', 'đường sá xuống  cấp', 'xuong cap']) {
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await desk(c, `q=${encodeURIComponent(q)}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      assert.equal(page.counts.pending, 12, q);
      cursor = page.nextCursor ?? '';
      pages++;
    } while (cursor);
    assert.deepEqual(seen, hits, q); // oldest first, no gaps, no repeats
    assert.equal(pages, 3);
  }
  // By article and state.
  const inT = await desk(c, `q=duong&thread=${T}&limit=200`);
  assert.ok(inT.items.every((i: { thread: string }) => i.thread === T));
  assert.equal(inT.items.length, 7);
  await c.mod('/api/moderation/bulk', { ids: hits.slice(0, 3), action: 'approve' });
  const approved = await desk(c, 'state=approved&q=xuong%20cap');
  assert.deepEqual(
    approved.items.map((i: { id: string }) => i.id),
    hits.slice(0, 3).reverse(), // most recent first
  );
  assert.deepEqual(approved.counts, { pending: 9, held: 0, approved: 3, rejected: 0, reported: 0 });
  // Wildcards are text.
  assert.equal((await desk(c, 'q=%25')).items.length, 0);
  assert.equal((await desk(c, 'q=_')).items.length, 0);
  for (const bad of ['state=spam', 'thread=bad%20id', `q=${'x'.repeat(201)}`, 'cursor=nope', 'limit=0'])
    assert.equal((await c.mod(`/api/moderation/comments?${bad}`)).status, 400, bad);
});

test('comments from before the desk (no author hash) can be banned only by e-mail', async () => {
  const c = await makeCtx({}, { seed: true });
  const old = await c.storage.comments.create({
    thread: T,
    name: 'Cũ',
    email: 'cu@bao.vn',
    body: 'Bình luận cũ',
    status: 'pending',
    autoCloseDays: 30,
  });
  const r = await c.mod('/api/moderation/bans', { commentId: old.id });
  assert.equal(r.status, 400);
  assert.equal((await r.json()).error.field, 'commentId');
  assert.equal((await c.mod('/api/moderation/bans', { commentId: old.id, email: true })).status, 201);
  assert.equal((await row(c, (await post(c, 'Vẫn là tôi', { email: 'CU@bao.vn' })).id)).status, 'rejected');
});

test('every desk route needs the moderator token: 401 and nothing changes', async () => {
  const c = await makeCtx({}, { seed: true });
  const x = await post(c, 'Một bình luận');
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/moderation/comments?q=binh'],
    ['GET', '/api/moderation/rules'],
    ['POST', '/api/moderation/rules', { kind: 'links', action: 'hold', config: { max: 0 } }],
    ['POST', '/api/moderation/rules/1', { kind: 'links', action: 'hold', config: { max: 0 } }],
    ['POST', '/api/moderation/rules/1/delete', {}],
    ['GET', '/api/moderation/bans'],
    ['POST', '/api/moderation/bans', { commentId: x.id }],
    ['POST', '/api/moderation/bans/1/lift', {}],
    ['POST', '/api/moderation/bulk', { ids: [x.id], action: 'approve' }],
  ];
  for (const [method, path, body] of routes) {
    const r = await c.req(path, {
      method,
      headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(r.status, 401, `${method} ${path}`);
  }
  assert.equal((await row(c, x.id)).status, 'pending');
  assert.deepEqual((await c.storage.desk.rules(10)).items, []);
  assert.deepEqual((await c.storage.desk.bans(false, 10)).items, []);
});
