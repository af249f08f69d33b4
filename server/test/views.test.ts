import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx, TOKEN } from './helpers.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const URL1 = 'https://bao.example/thoi-su/a-1.html';

async function ctx(over = {}) {
  const c = await makeCtx(over);
  await c.req('/api/articles', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      { id: 'a-1', url: URL1, title: 'Tin một', section: 'Thời sự', publishedAt: '2026-11-20T00:00:00Z' },
      {
        id: 'a-2',
        url: 'https://bao.example/the-thao/a-2.html',
        title: 'Tin hai',
        section: 'Thể thao',
        publishedAt: '2026-11-21T00:00:00Z',
      },
      {
        id: 'a-3',
        url: 'https://bao.example/the-thao/a-3.html',
        title: 'Tin ba',
        section: 'Thể thao',
        publishedAt: '2026-11-22T00:00:00Z',
      },
    ]),
  });
  /** The beacon: a text/plain JSON string, as navigator.sendBeacon sends it. */
  const beacon = (body: unknown, opts: { ip?: string; ua?: string } = {}) =>
    c.req('/api/views', {
      method: 'POST',
      ip: opts.ip,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': opts.ua ?? UA },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const mostRead = async (q = '') => {
    await c.flushViews();
    return (await (await c.req(`/api/most-read${q}`)).json()).items.map((i: { id: string; views: number }) => [
      i.id,
      i.views,
    ]);
  };
  return { ...c, beacon, mostRead };
}

test('beacon (text/plain) counts once per reader per article per 30 minutes; 204', async () => {
  const c = await ctx({ mostReadCacheMs: 0 });
  const r = await c.beacon({ url: URL1 });
  assert.equal(r.status, 204);
  assert.equal(r.headers.get('set-cookie'), null);
  await c.beacon({ url: URL1 });
  await c.beacon({ url: URL1 + '#comments' });
  await c.beacon({ url: URL1, articleId: 'a-1' });
  assert.deepEqual(await c.mostRead(), [['a-1', 1]]);
  // Another reader (another network) counts; another user agent from the same network does not.
  await c.beacon({ url: URL1 }, { ip: '203.0.113.2' });
  await c.beacon({ url: URL1 }, { ua: UA + ' Edg/140' });
  assert.deepEqual(await c.mostRead(), [['a-1', 2]]);
  // 29 minutes later: still the same view. 31 minutes: a new one.
  c.clock.now += 29 * 60_000;
  await c.beacon({ url: URL1 });
  assert.deepEqual(await c.mostRead(), [['a-1', 2]]);
  c.clock.now += 2 * 60_000;
  await c.beacon({ articleId: 'a-1' });
  assert.deepEqual(await c.mostRead(), [['a-1', 3]]);
});

test('bots and unknown articles are not counted; bad beacons get 400', async () => {
  const c = await ctx({ mostReadCacheMs: 0 });
  for (const ua of [
    'Googlebot/2.1 (+http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0)',
    'facebookexternalhit/1.1',
    'curl/8.5.0',
    'Mozilla/5.0 HeadlessChrome/140.0',
    '',
  ]) {
    assert.equal((await c.beacon({ url: URL1 }, { ua })).status, 204);
  }
  assert.equal((await c.beacon({ url: 'https://bao.example/khong-co.html' })).status, 204);
  assert.deepEqual(await c.mostRead(), []);
  for (const bad of [
    '{',
    '{}',
    '[]',
    JSON.stringify({ url: 'javascript:alert(1)' }),
    JSON.stringify({ articleId: 'có dấu' }),
  ]) {
    const r = await c.beacon(bad);
    assert.equal(r.status, 400, bad);
    assert.ok((await r.json()).error.code);
  }
  assert.deepEqual(await c.mostRead(), []);
});

test('most-read: windows over hourly buckets, section filter, limit, generatedAt, 60 s cache', async () => {
  const c = await ctx();
  const t0 = c.clock.now;
  const view = (id: string, n: number, agoMs: number) =>
    c.storage.views.addBuckets([{ articleId: id, hourMs: t0 - agoMs, count: n }]);
  await view('a-1', 5, 0);
  await view('a-2', 3, 0);
  await view('a-2', 10, 3 * 3600e3);
  await view('a-3', 50, 3 * 86400e3);
  await view('a-1', 100, 20 * 86400e3);
  assert.deepEqual(await c.mostRead('?window=hour'), [
    ['a-1', 5],
    ['a-2', 3],
  ]);
  assert.deepEqual(await c.mostRead('?window=day'), [
    ['a-2', 13],
    ['a-1', 5],
  ]);
  assert.deepEqual(await c.mostRead('?window=week'), [
    ['a-3', 50],
    ['a-2', 13],
    ['a-1', 5],
  ]);
  assert.deepEqual(await c.mostRead('?window=month'), [
    ['a-1', 105],
    ['a-3', 50],
    ['a-2', 13],
  ]);
  assert.deepEqual(await c.mostRead('?window=month&section=' + encodeURIComponent('Thể thao') + '&limit=1'), [
    ['a-3', 50],
  ]);
  const res = await c.req('/api/most-read?window=week');
  const body = await res.json();
  assert.equal(body.generatedAt, new Date(t0).toISOString());
  assert.match(res.headers.get('cache-control')!, /max-age=60/);
  assert.deepEqual(Object.keys(body.items[0]).sort(), ['id', 'publishedAt', 'section', 'title', 'url', 'views']);
  // Cached for 60 s: new views show after the cache expires.
  await view('a-2', 100, 0);
  assert.deepEqual((await c.mostRead('?window=week'))[0], ['a-3', 50]);
  c.clock.now += 61_000;
  assert.deepEqual((await c.mostRead('?window=week'))[0], ['a-2', 113]);
  for (const q of ['?window=year', '?limit=0', '?limit=51', '?section=' + 'x'.repeat(101)])
    assert.equal((await c.req('/api/most-read' + q)).status, 400, q);
});

test('views are rate-limited per client: 429 with Retry-After', async () => {
  const c = await ctx({ viewsPerMinute: 3 });
  for (let i = 0; i < 3; i++) assert.equal((await c.beacon({ url: URL1 })).status, 204);
  const r = await c.beacon({ url: URL1 });
  assert.equal(r.status, 429);
  assert.ok(Number(r.headers.get('retry-after')) > 0);
  assert.equal((await c.beacon({ url: URL1 }, { ip: '198.51.100.1' })).status, 204);
});

test('rigging: 60 beacons from one address with 60 made-up user agents count as 1 view', async () => {
  const c = await ctx({ mostReadCacheMs: 0 });
  for (let i = 0; i < 60; i++) {
    const ua = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + i}.0.${i} Safari/537.36`;
    assert.equal((await c.beacon({ url: URL1 }, { ua, ip: '198.51.100.7' })).status, 204);
  }
  // An IPv6 client's addresses in one /64 are one network too.
  for (let i = 1; i <= 20; i++)
    await c.beacon({ url: URL1 }, { ua: `${UA} r${i}`, ip: `2001:db8:1:2::${i.toString(16)}` });
  assert.deepEqual(await c.mostRead(), [['a-1', 2]]);
});
