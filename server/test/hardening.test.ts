/**
 * Issue 12, the hostile review: each finding reproduced through the real app, on this pass's
 * database (SQLite or PostgreSQL). The findings that need a real process (memory, start-up,
 * Node's own errors, file modes) are in hardening-process.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx, comment, TOKEN } from './helpers.ts';
import { IDEMPOTENCY_KEY_TTL_MS } from '../domain.ts';
import { ResponseCache, utf8 } from '../http/cache.ts';
import { ingest } from '../ingest.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const T = 'an-ninh-nong-thon-moi-2026';
const P = `/api/threads/${T}/comments`;

// ------------------------------------------------------------------ 4. writes need a real client

test('finding 4: a cross-site text/plain no-cors post is refused (403 forbidden_origin) and stores nothing', async () => {
  const c = await makeCtx({ allowedOrigins: ['https://tinhnha.example'] }, { seed: true });
  // What `fetch(api, {method: 'POST', mode: 'no-cors', body: JSON.stringify(…)})` from another site sends.
  const r = await c.req(P, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' },
    body: JSON.stringify(comment()),
  });
  assert.equal(r.status, 403);
  assert.equal((await r.json()).error.code, 'forbidden_origin');
  // The same page sending JSON (a preflight the browser would have refused) is refused too.
  const j = await c.json(P, comment(), { headers: { origin: 'https://evil.example' } });
  assert.equal(j.status, 403);
  // A sandboxed frame or a file: page sends "Origin: null".
  assert.equal((await c.json(P, comment(), { headers: { origin: 'null' } })).status, 403);
  assert.equal(await c.storage.comments.countAll(), 0);
});

test('finding 4: only application/json bodies are accepted (415 otherwise), from no origin, our own or an allowed one', async () => {
  const c = await makeCtx({ allowedOrigins: ['https://tinhnha.example'] }, { seed: true });
  for (const type of [
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ]) {
    const r = await c.req(P, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(comment()) });
    assert.equal(r.status, 415, type);
    const e = (await r.json()).error;
    assert.equal(e.code, 'unsupported_media_type');
  }
  const noType = await c.req(P, { method: 'POST', body: JSON.stringify(comment()) });
  assert.equal(noType.status, 415);
  assert.equal(await c.storage.comments.countAll(), 0);

  // No Origin (a server or an app), the API's own origin, an allowed site: stored.
  assert.equal((await c.json(P, comment())).status, 202);
  assert.equal((await c.json(P, comment(), { headers: { origin: 'http://localhost' } })).status, 202);
  const allowed = await c.json(P, comment(), {
    headers: { origin: 'https://tinhnha.example', 'content-type': 'application/json; charset=utf-8' },
  });
  assert.equal(allowed.status, 202);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://tinhnha.example');
  // The API's own host whatever the scheme (behind a TLS proxy the server sees http); another port is another site.
  assert.equal((await c.json(P, comment(), { headers: { origin: 'https://localhost' } })).status, 202);
  assert.equal((await c.json(P, comment(), { headers: { origin: 'http://localhost:8081' } })).status, 403);
  assert.equal(await c.storage.comments.countAll(), 4);
  // Behind a proxy (TRUST_PROXY) the host is the one the reader asked for.
  const proxied = await makeCtx({ trustProxy: true }, { seed: true });
  const site = { origin: 'https://www.tinhnha.example', 'x-forwarded-host': 'www.tinhnha.example' };
  assert.equal((await proxied.json(P, comment(), { headers: site })).status, 202);
  const other = { origin: 'https://evil.example', 'x-forwarded-host': 'www.tinhnha.example' };
  assert.equal((await proxied.json(P, comment(), { headers: other })).status, 403);
  // The view beacon stays text/plain (sendBeacon), from any page.
  const beacon = await c.req('/api/views', {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://other.example' },
    body: JSON.stringify({ url: 'https://tinhnha.example/x' }),
  });
  assert.equal(beacon.status, 204);
});

// ------------------------------------------------------------------ 7. text

/** The finding's class: direction tricks, C1 controls, invisible-only text, staff look-alikes. */
const REFUSED: [field: 'name' | 'body', value: string, code: string][] = [
  ['name', 'Lan\u202Enaig', 'invalid_text'], // right-to-left override
  ['name', '\u202DNam', 'invalid_text'], // left-to-right override
  ['body', 'xem tại \u202Bgpj.exe\u202C', 'invalid_text'], // embedding + pop
  ['name', 'Hà\u2067 Nội', 'invalid_text'], // unbalanced isolate
  ['body', '\u2066trích dẫn\u2069', 'invalid_text'], // balanced isolates too
  ['name', '\u200B\u200B\u200B', 'invalid_text'], // zero-width spaces only
  ['body', '\u200B \u200C\u200D\u2060\uFEFF', 'invalid_text'], // zero-width only, mixed
  ['name', '\u3164\u3164', 'invalid_text'], // Hangul filler
  ['body', '\u2800\u2800\u2800', 'invalid_text'], // blank braille
  ['name', '\u115F\u1160 \uFFA0', 'invalid_text'], // Hangul choseong/jungseong/half-width fillers
  ['name', 'Minh\u0085', 'invalid_text'], // C1: next line
  ['body', 'Nội dung\u009B31m đỏ', 'invalid_text'], // C1: control sequence introducer
  ['name', 'Ban biên tập (Admin) ✔', 'reserved_name'],
  ['name', 'QUAN TRI VIEN', 'reserved_name'],
  ['name', 'Moderator', 'reserved_name'],
];

test('finding 7: direction controls, C1 controls, invisible-only text and staff look-alike names are refused (15 cases)', async () => {
  const c = await makeCtx({}, { seed: true });
  for (const [field, value, code] of REFUSED) {
    const r = await c.json(P, comment({ [field]: value }));
    assert.equal(r.status, 400, JSON.stringify(value));
    const e = (await r.json()).error;
    assert.equal(e.code, code, JSON.stringify(value));
    assert.equal(e.field, field, JSON.stringify(value));
    assert.ok(e.message.length > 10);
  }
  assert.equal(await c.storage.comments.countAll(), 0);
});

test('finding 7: more staff look-alikes are refused; ordinary Vietnamese names pass; text is stored NFC', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const staff = [
    'Admin',
    'ban bien tap',
    'Ban Biên Tập',
    'Quản trị',
    'Biên tập viên',
    'bien tap vien',
    'Biên tập',
    'Tòa soạn',
    '★ ADMIN ★',
    'A d m i n',
    'Adm1n',
    'Ａｄｍｉｎ', // full width
    '\u0410dmin', // Cyrillic А
    // A staff word anywhere in the name is refused: readers cannot tell a decorated name from an editor.
    'Nguyễn Văn Admin',
  ];
  for (const name of staff) {
    const r = await c.json(P, comment({ name }));
    assert.equal(r.status, 400, name);
    assert.equal((await r.json()).error.code, 'reserved_name', name);
  }
  const innocent = [
    'Bạn đọc Hà Tĩnh',
    'Trần Thị Quản',
    'Lê Quân Trí',
    'Nguyễn Văn An',
    'Đỗ Thị Biên',
    'Ban Mai',
    'B.T.V.',
    'Phạm Minh Đức',
    'Mai Admire',
    'María José',
    '李小龍',
    '👍 Hùng',
  ];
  for (const name of innocent) {
    const r = await c.json(P, comment({ name }));
    assert.equal(r.status, 202, `${name}: ${await r.clone().text()}`);
  }
  // Decomposed input ("e" + combining circumflex + dot below) is stored composed.
  const r = await c.json(P, comment({ name: 'Nguye\u0302\u0303n', body: 'Tie\u0302\u0301ng Vie\u0323\u0302t' }));
  assert.equal(r.status, 202);
  const page = await (await c.req(`${P}?limit=100`)).json();
  const mine = page.items.find((i: { name: string }) => i.name.startsWith('Nguy') && i.name.length === 6);
  assert.equal(mine.name, 'Nguyễn');
  assert.equal(mine.body, 'Tiếng Việt');
});

// ------------------------------------------------------------------ 9. rate limits per network

test('finding 9: IPv6 addresses of one /64 share one rate limit; IPv4 addresses are separate clients', async () => {
  const c = await makeCtx({ commentsPerMinute: 5 }, { seed: true });
  for (let i = 1; i <= 5; i++) {
    const r = await c.json(P, comment(), { ip: `2001:db8:aa:bb::${i}` });
    assert.equal(r.status, 202);
  }
  // Another address of the same /64 (a phone rotates its privacy address): the same client.
  for (const ip of ['2001:db8:aa:bb:1234:5678:9abc:def0', '2001:0db8:00aa:00bb::ff', '[2001:db8:aa:bb::7]']) {
    const r = await c.json(P, comment(), { ip });
    assert.equal(r.status, 429, ip);
    assert.equal((await r.json()).error.code, 'rate_limited');
  }
  // The next /64 is another household.
  assert.equal((await c.json(P, comment(), { ip: '2001:db8:aa:bc::1' })).status, 202);
  // IPv4: each address is its own network (127.0.0.2…6 each get their own five).
  for (let host = 2; host <= 6; host++) {
    assert.equal((await c.json(P, comment(), { ip: `127.0.0.${host}` })).status, 202);
  }
  // IPv4-mapped IPv6 is the IPv4 client.
  for (let i = 0; i < 4; i++) assert.equal((await c.json(P, comment(), { ip: '127.0.0.2' })).status, 202);
  assert.equal((await c.json(P, comment(), { ip: '::ffff:127.0.0.2' })).status, 429);
  assert.equal(await c.storage.comments.countAll(), 5 + 1 + 5 + 4);
});

// ------------------------------------------------------------------ 10. idempotency

test('finding 10: the same Idempotency-Key with another body is 422 idempotency_mismatch and stores nothing', async () => {
  const c = await makeCtx({}, { seed: true });
  const h = { headers: { 'idempotency-key': 'k-0001' } };
  const first = await c.json(P, comment(), h);
  assert.equal(first.status, 202);
  const { id } = await first.json();
  // A retry of the same post (trimming and NFC make no difference) replays.
  const retry = await c.json(P, comment({ body: '  Bài viết rất hay.\n' }), h);
  assert.equal(retry.status, 202);
  assert.equal((await retry.json()).id, id);
  for (const change of [{ body: 'Nội dung khác' }, { name: 'Người khác' }, { email: 'a@b.example' }]) {
    const r = await c.json(P, comment(change), h);
    assert.equal(r.status, 422, JSON.stringify(change));
    const e = (await r.json()).error;
    assert.equal(e.code, 'idempotency_mismatch');
    assert.equal(e.field, 'Idempotency-Key');
  }
  assert.equal(await c.storage.comments.countAll(), 1);
  const queue = await (await c.mod('/api/moderation/queue?status=pending')).json();
  assert.deepEqual(
    queue.items.map((i: { body: string }) => i.body),
    ['Bài viết rất hay.'],
  );
});

test('finding 10: keys expire after 24 h and are pruned', async () => {
  const c = await makeCtx({}, { seed: true });
  const h = { headers: { 'idempotency-key': 'k-0002' } };
  const { id } = await (await c.json(P, comment(), h)).json();
  assert.equal(await c.storage.comments.pruneIdempotency(), 0);
  c.clock.now += IDEMPOTENCY_KEY_TTL_MS - 1000;
  assert.equal(await c.storage.comments.pruneIdempotency(), 0);
  assert.equal((await (await c.json(P, comment(), h)).json()).id, id);
  c.clock.now += 2000;
  // Expired: the key is forgotten, even before pruning ran; a new post under it is a new comment.
  const again = await c.json(P, comment({ body: 'Một ngày sau' }), h);
  assert.equal(again.status, 202);
  assert.notEqual((await again.json()).id, id);
  assert.equal(await c.storage.comments.countAll(), 2);
  c.clock.now += IDEMPOTENCY_KEY_TTL_MS + 1;
  await c.json(P, comment(), { headers: { 'idempotency-key': 'k-0003' } });
  assert.equal(await c.storage.comments.pruneIdempotency(), 1); // k-0002's second use; k-0003 is fresh
});

// ------------------------------------------------------------------ 1. caches and reply pages

test('finding 1: thread pages are cached under their validated parameters, not the raw URL', async () => {
  const c = await makeCtx({ premoderation: false, threadCacheMs: 60_000 }, { seed: true });
  assert.equal((await c.json(P, comment())).status, 202);
  const first = await (await c.req(`${P}?limit=100`)).json();
  assert.equal(first.thread.count, 1);
  // A comment written behind the cache's back (no invalidation): a cached answer does not show it.
  await c.storage.comments.create({ thread: T, name: 'B', body: 'Sau', status: 'approved', autoCloseDays: 0 });
  for (const url of [`${P}?limit=100&x=1`, `${P}?x=2&limit=100&sort=newest`, `${P}?limit=100&utm_source=a`]) {
    assert.equal((await (await c.req(url)).json()).thread.count, 1, `${url} made a new cache entry`);
  }
  // Other validated parameters are other pages.
  assert.equal((await (await c.req(`${P}?limit=99`)).json()).thread.count, 2);
  // Invalid parameters are refused before the cache.
  assert.equal((await c.req(`${P}?limit=1000`)).status, 400);
});

test('finding 1: the response cache is bounded by bytes as well as entries, least recently used first out', () => {
  const cache = new ResponseCache(1000, 1024 * 1024);
  const body = utf8('x'.repeat(50_000));
  for (let i = 0; i < 100; i++) cache.set(`k${i}`, body, Number.MAX_SAFE_INTEGER);
  assert.ok(cache.size.bytes <= 1024 * 1024, `${cache.size.bytes} bytes held`);
  assert.ok(cache.size.entries <= 20);
  assert.ok(cache.get('k99', 0));
  assert.equal(cache.get('k0', 0), undefined);
  // Expired entries are not answered, and are dropped.
  cache.set('old', body, 10);
  assert.equal(cache.get('old', 11), undefined);
  assert.equal(cache.get('old', 0), undefined);
});

test('finding 1: a thread page carries at most 10 replies per comment; the rest come by GET /comments/{id}/replies', async () => {
  const c = await makeCtx({ premoderation: false }, { seed: true });
  const post = async (over: Record<string, unknown>) => (await (await c.json(P, comment(over))).json()).id as string;
  const root = await post({ body: 'Gốc' });
  const replies: string[] = [];
  for (let i = 0; i < 25; i++) {
    c.clock.now += 1000;
    // Every fifth one answers the previous reply (a nested reply is still in its root's list).
    replies.push(await post({ body: `Trả lời ${i}`, parentId: i % 5 === 4 ? replies[i - 1] : root }));
  }
  const page = await (await c.req(P)).json();
  assert.equal(page.thread.count, 26);
  const [item] = page.items;
  assert.deepEqual(
    item.replies.map((r: { id: string }) => r.id),
    replies.slice(0, 10),
  );
  assert.equal(typeof item.repliesCursor, 'string');

  const next = await c.req(`/api/comments/${root}/replies?cursor=${encodeURIComponent(item.repliesCursor)}`);
  assert.equal(next.status, 200);
  const p2 = await next.json();
  assert.deepEqual(
    p2.items.map((r: { id: string }) => r.id),
    replies.slice(10, 20),
  );
  assert.deepEqual(Object.keys(p2.items[4]), ['id', 'parentId', 'name', 'body', 'createdAt', 'likes']);
  assert.equal(p2.items[4].parentId, replies[13]);
  const p3 = await (
    await c.req(`/api/comments/${root}/replies?limit=100&cursor=${encodeURIComponent(p2.nextCursor)}`)
  ).json();
  assert.deepEqual(
    p3.items.map((r: { id: string }) => r.id),
    replies.slice(20),
  );
  assert.equal(p3.nextCursor, null);
  // A reply is not a top-level comment; unknown ids and bad cursors are refused.
  assert.equal((await c.req(`/api/comments/${replies[0]}/replies`)).status, 404);
  assert.equal((await c.req('/api/comments/c_nope/replies')).status, 404);
  assert.equal((await c.req(`/api/comments/${root}/replies?cursor=zzz`)).status, 400);
  assert.equal((await c.req(`/api/comments/${root}/replies?limit=101`)).status, 400);
});

// ------------------------------------------------------------------ 8. article URLs and images

test('finding 8: article url and image are parsed, normalised, http(s); a relative image stays on the article site', async () => {
  const c = await makeCtx();
  const post = (body: unknown) =>
    c.req('/api/articles', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const article = (over: Record<string, unknown>) => ({
    id: 'bai',
    url: 'https://tinhnha.example/thoi-su/bai.html',
    title: 'Bài',
    ...over,
  });
  for (const image of [
    '/\\evil.example/x.png',
    '\\\\evil.example/x.png',
    '\\/evil.example/x.png',
    '/\t/evil.example/x.png',
    'javascript:alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'ftp://tinhnha.example/a.png',
  ]) {
    const r = await post(article({ image }));
    assert.equal(r.status, 400, image);
    const e = (await r.json()).error;
    assert.deepEqual([e.code, e.field], ['invalid_input', 'image'], image);
  }
  const inArray = await post([
    article({ id: 'a1' }),
    article({ id: 'a2', url: 'https://tinhnha.example/2', image: '/\\evil.example/x.png' }),
  ]);
  assert.equal(inArray.status, 400);
  assert.equal((await inArray.json()).error.field, '1.image');
  const credentials = await post(article({ url: 'https://editor:secret@tinhnha.example/x' }));
  assert.equal(credentials.status, 400);
  assert.equal((await credentials.json()).error.field, 'url');
  assert.equal(await c.storage.articles.count(), 0);

  const stored = async (over: Record<string, unknown>) => {
    const r = await post(article(over));
    assert.equal(r.status, 200, await r.clone().text());
    return c.storage.articles.get('bai');
  };
  // The url as the parser serialises it: lower-case scheme and host, dot segments resolved, spaces encoded.
  const a = await stored({ url: 'HTTPS://TinhNha.Example/thoi-su/../thoi su/bai.html?x=1', image: '/anh/a.jpg' });
  assert.equal(a!.url, 'https://tinhnha.example/thoi%20su/bai.html?x=1');
  assert.equal(a!.image, 'https://tinhnha.example/anh/a.jpg');
  assert.equal((await stored({ image: 'anh/b.jpg' }))!.image, 'https://tinhnha.example/thoi-su/anh/b.jpg');
  assert.equal((await stored({ image: '//cdn.tinhnha.example/c.jpg' }))!.image, 'https://cdn.tinhnha.example/c.jpg');
  assert.equal((await stored({ image: 'https://img.example/ảnh.jpg' }))!.image, 'https://img.example/%E1%BA%A3nh.jpg');
});

test('finding 8: ingest keeps a feed image only when it stays on the feed site or names its host', async () => {
  const c = await makeCtx();
  const feed = join(mkdtempSync(join(tmpdir(), 'nw-feed-')), 'feed.json');
  const item = (id: string, image: string) => ({ id, url: `/${id}.html`, title: id, image });
  writeFileSync(
    feed,
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Tin',
      items: [
        item('lua', '/\\evil.example/x.png'),
        item('dep', '/anh/dep.jpg'),
        item('cdn', '//cdn.tinhnha.example/c.jpg'),
      ],
    }),
  );
  assert.equal(await ingest([feed], c.storage, () => {}, { base: 'https://tinhnha.example/rss' }), 3);
  const image = async (id: string) => (await c.storage.articles.getByUrl(`https://tinhnha.example/${id}.html`))?.image;
  assert.equal(await image('lua'), undefined);
  assert.equal(await image('dep'), 'https://tinhnha.example/anh/dep.jpg');
  assert.equal(await image('cdn'), 'https://cdn.tinhnha.example/c.jpg');
});
