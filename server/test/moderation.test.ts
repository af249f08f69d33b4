import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx, comment, TOKEN } from './helpers.ts';

const T = 'an-ninh-nong-thon-moi-2026';
const P = `/api/threads/${T}/comments`;

async function post(c: Awaited<ReturnType<typeof makeCtx>>, body: Record<string, unknown> = {}, thread = T) {
  const r = await c.json(`/api/threads/${thread}/comments`, comment(body));
  assert.equal(r.status, 202);
  return (await r.json()).id as string;
}

test('every /api/moderation route needs the bearer token: 401 and nothing changes', async () => {
  const c = await makeCtx({}, { seed: true });
  const id = await post(c);
  const routes: [string, string][] = [
    ['GET', '/api/moderation/queue'],
    ['GET', '/api/moderation/log'],
    ['POST', `/api/moderation/comments/${id}/approve`],
    ['POST', `/api/moderation/comments/${id}/reject`],
    ['POST', `/api/moderation/comments/${id}/edit`],
    ['POST', `/api/moderation/threads/${T}/close`],
    ['POST', `/api/moderation/threads/${T}/reopen`],
    ['POST', '/api/articles'],
  ];
  // Each credential from its own network: wrong ones are throttled after a few (editors.test.ts).
  for (const [i, auth] of [
    undefined,
    'Bearer wrong',
    `Bearer ${TOKEN}x`,
    `Basic ${TOKEN}`,
    `Bearer ${TOKEN.slice(0, -1)}`,
    'Bearer ',
  ].entries()) {
    for (const [method, path] of routes) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (auth) headers.authorization = auth;
      const r = await c.req(path, {
        ip: `198.51.100.${i + 1}`,
        method,
        headers,
        body:
          method === 'POST'
            ? JSON.stringify({ body: 'sửa', id: 'x', url: 'https://a.example/', title: 't' })
            : undefined,
      });
      assert.equal(r.status, 401, `${auth} ${method} ${path}`);
      assert.equal((await r.json()).error.code, 'unauthorized');
    }
  }
  assert.equal((await c.storage.comments.get(id))!.status, 'pending');
  assert.equal((await c.storage.comments.get(id))!.body, 'Bài viết rất hay.');
  assert.equal((await c.storage.comments.threadInfos([T], 30))[0]!.closed, false);
  assert.equal((await c.storage.moderation.history(10)).items.filter((e) => e.actor !== 'seed').length, 0);
  assert.equal(await c.storage.articles.count(), 30);
});

test('queue: pending oldest first, with article title, thread context and counts per state', async () => {
  const c = await makeCtx({}, { seed: true });
  const a = await post(c, { body: 'Thứ nhất' });
  c.clock.now += 1000;
  const b = await post(c, { body: 'Thứ hai', email: 'b@bao.vn' });
  c.clock.now += 1000;
  const x = await post(c, { body: 'Thứ ba' }, 'thread-khong-co-bai');
  await c.mod(`/api/moderation/comments/${a}/approve`, {});
  const reply = await post(c, { body: 'Trả lời', parentId: a });
  await c.mod(`/api/moderation/comments/${x}/reject`, {});

  const q = await (await c.mod('/api/moderation/queue')).json();
  assert.deepEqual(q.counts, { pending: 2, approved: 1, rejected: 1, reported: 0 });
  assert.deepEqual(
    q.items.map((i: { id: string }) => i.id),
    [b, reply],
  );
  const ib = q.items[0];
  for (const k of [
    'id',
    'thread',
    'articleTitle',
    'parentId',
    'name',
    'email',
    'body',
    'bodyHtml',
    'status',
    'createdAt',
  ])
    assert.ok(k in ib, k);
  assert.equal(ib.articleTitle, 'Giữ vững an ninh trật tự ở các xã nông thôn mới');
  assert.equal(ib.email, 'b@bao.vn');
  assert.equal(q.items[1].parentId, a);
  assert.deepEqual(q.items[1].parent, { name: 'Nguyễn Văn An', body: 'Thứ nhất' });
  const rej = await (await c.mod('/api/moderation/queue?status=rejected')).json();
  assert.deepEqual(
    rej.items.map((i: { id: string; articleTitle: null }) => [i.id, i.articleTitle]),
    [[x, null]],
  );
  assert.equal((await c.mod('/api/moderation/queue?status=spam')).status, 400);
  const p1 = await (await c.mod('/api/moderation/queue?limit=1')).json();
  const p2 = await (await c.mod(`/api/moderation/queue?limit=1&cursor=${p1.nextCursor}`)).json();
  assert.deepEqual([p1.items[0].id, p2.items[0].id, p2.nextCursor], [b, reply, null]);
});

test('approve → readers see it; reject → readers never see it', async () => {
  const c = await makeCtx({}, { seed: true });
  const a = await post(c, { body: 'Được duyệt' });
  const b = await post(c, { body: 'Bị từ chối' });
  const r = await c.mod(`/api/moderation/comments/${a}/approve`, undefined, 'POST'); // no body at all
  assert.equal(r.status, 200);
  assert.equal((await r.json()).status, 'approved');
  await c.mod(`/api/moderation/comments/${b}/reject`, undefined, 'POST');
  const page = await (await c.req(P)).json();
  assert.deepEqual(
    page.items.map((i: { body: string }) => i.body),
    ['Được duyệt'],
  );
  assert.equal(page.thread.count, 1);
  assert.deepEqual(await (await c.req(`/api/comments/status?ids=${a},${b}`)).json(), {
    [a]: 'approved',
    [b]: 'rejected',
  });
  assert.equal((await c.mod('/api/moderation/comments/c_missing/approve', {})).status, 404);
  assert.equal((await c.mod('/api/moderation/comments/bad%20id/approve', {})).status, 400);
});

test('edit keeps the original, sanitizes bodyHtml, stays pending; edit-then-approve; readers see bodyHtml', async () => {
  const c = await makeCtx({}, { seed: true });
  const id = await post(c, { body: 'Bai viet hay qua' });
  const e = await c.mod(`/api/moderation/comments/${id}/edit`, {
    body: 'Bài viết hay quá!',
    bodyHtml:
      '<p onclick="x()">Bài viết <b>hay</b> quá! <a href="javascript:alert(1)">x</a> <a href="https://tinhnha.example/a">nguồn</a><script>alert(1)</script></p>',
  });
  assert.equal(e.status, 200);
  const edited = await e.json();
  assert.equal(edited.status, 'pending');
  assert.equal(
    edited.bodyHtml,
    '<p>Bài viết <b>hay</b> quá! <a>x</a> <a href="https://tinhnha.example/a" rel="nofollow ugc noopener">nguồn</a></p>',
  );
  const row = (await c.storage.comments.get(id))!;
  assert.equal(row.originalBody, 'Bai viet hay qua');
  assert.equal(row.body, 'Bài viết hay quá!');
  assert.equal((await (await c.req(P)).json()).items.length, 0);

  const ap = await c.mod(`/api/moderation/comments/${id}/approve`, { bodyHtml: '<i>Bài viết hay quá!</i>' });
  assert.equal((await ap.json()).bodyHtml, '<i>Bài viết hay quá!</i>');
  const item = (await (await c.req(P)).json()).items[0];
  assert.equal(item.body, 'Bài viết hay quá!');
  assert.equal(item.bodyHtml, '<i>Bài viết hay quá!</i>');
  assert.equal((await c.storage.comments.get(id))!.originalBody, 'Bai viet hay qua');

  // Bad edits: 400, nothing written.
  for (const bad of [
    {},
    { body: '' },
    { body: 'x'.repeat(2001) },
    { bodyHtml: '<script>only</script>' },
    { bodyHtml: 5 },
  ]) {
    const r = await c.mod(`/api/moderation/comments/${id}/edit`, bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
  }
  assert.equal((await c.storage.comments.get(id))!.bodyHtml, '<i>Bài viết hay quá!</i>');
  // Clearing the formatting: bodyHtml "" (or null) → readers see body.
  await c.mod(`/api/moderation/comments/${id}/edit`, { bodyHtml: '' });
  assert.equal((await (await c.req(P)).json()).items[0].bodyHtml, undefined);
});

test('every action is logged: who, when, before and after', async () => {
  const c = await makeCtx({}, { seed: true });
  const id = await post(c, { body: 'gốc' });
  c.clock.now += 60_000;
  await c.mod(`/api/moderation/comments/${id}/edit`, { body: 'đã sửa' });
  await c.mod(`/api/moderation/comments/${id}/approve`, {});
  await c.mod(`/api/moderation/comments/${id}/reject`, {});
  await c.mod(`/api/moderation/threads/${T}/close`, {});
  await c.mod(`/api/moderation/threads/${T}/reopen`, {});
  const log = await (await c.mod('/api/moderation/log?limit=5')).json();
  assert.deepEqual(
    log.items.map((e: { action: string }) => e.action),
    ['reopen', 'close', 'reject', 'approve', 'edit'],
  );
  const edit = log.items[4];
  assert.equal(edit.actor, 'Biên tập viên A (token)', 'a token request: the name the script gave, marked');
  assert.equal(edit.at, new Date(c.clock.now).toISOString());
  assert.equal(edit.commentId, id);
  assert.equal(edit.thread, T);
  assert.deepEqual(edit.before, { status: 'pending', body: 'gốc', bodyHtml: null });
  assert.deepEqual(edit.after, { status: 'pending', body: 'đã sửa', bodyHtml: null });
  assert.deepEqual(log.items[2].after.status, 'rejected');
  const rest = await (await c.mod(`/api/moderation/log?cursor=${log.nextCursor}`)).json();
  assert.ok(rest.items.some((e: { action: string; actor: string }) => e.actor === 'seed' && e.action === 'reopen'));
});
