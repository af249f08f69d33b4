/**
 * The publisher's real path (issue 9): beacons for the publisher's own ids and for pages the
 * server has not seen, refusals with their reasons, related by title, CORS refusals, and the
 * desk's integration API that reports them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx } from './helpers.ts';
import { configFromEnv, type Config } from '../config.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const SITE = 'https://bao.example';
const URL1 = `${SITE}/thoi-su/a-1.html`;

async function ctx(over: Partial<Config> = {}) {
  const c = await makeCtx({ mostReadCacheMs: 0, siteOrigins: [SITE], allowedOrigins: [SITE], ...over });
  await c.mod('/api/articles', [{ id: 'a-1', url: URL1, title: 'Tin một', publishedAt: '2026-11-20T00:00:00Z' }]);
  const beacon = (body: unknown, opts: { ip?: string; ua?: string } = {}) =>
    c.req('/api/views', {
      method: 'POST',
      ip: opts.ip,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': opts.ua ?? UA },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const mostRead = async () => {
    await c.flushViews();
    const body = await (await c.req('/api/most-read?window=day')).json();
    return body.items.map((i: { id: string; views: number }) => [i.id, i.views]);
  };
  const integration = async () => {
    const r = await c.mod('/api/moderation/integration');
    assert.equal(r.status, 200);
    return r.json();
  };
  return { ...c, beacon, mostRead, integration };
}

test('beacons: publisher id, URL only, a new page of the site, another site, a bot; each outcome recorded', async () => {
  const c = await ctx();
  // The publisher's CMS id is not the server's id: matched as the publisher's id, then by URL.
  await c.storage.articles.upsert([
    { id: 'a-9', url: `${SITE}/kinh-te/a-9.html`, title: 'Tin chín', publisherId: '12345' },
  ]);
  assert.equal((await c.beacon({ articleId: '12345' })).status, 204);
  assert.equal((await c.beacon({ url: URL1, articleId: '99999' }, { ip: '198.51.100.1' })).status, 204);
  // URL only, another reader.
  assert.equal((await c.beacon({ url: URL1 }, { ip: '198.51.100.2' })).status, 204);
  // A page of the site the server has not seen: created with the beacon's id and title, and counted.
  const fresh = `${SITE}/xa-hoi/bai-moi.html`;
  assert.equal(
    (await c.beacon({ url: fresh + '?utm_source=fb#top', articleId: '777', title: '  Bài   mới toanh ' })).status,
    204,
  );
  const created = await (await c.req('/api/articles/777')).json();
  assert.deepEqual([created.url, created.title], [fresh, 'Bài mới toanh']);
  // Its publisher's id finds it later even without a URL.
  assert.deepEqual(await c.storage.articles.resolve({ id: '777', urls: [] }), { id: '777', url: fresh });
  // A URL of another site is refused, with its reason.
  const other = await c.beacon({ url: 'https://other.example/x.html', articleId: 'a-1' }, { ip: '198.51.100.3' });
  assert.equal(other.status, 403);
  assert.equal((await other.json()).error.code, 'unknown_site');
  // A bot is answered 204 and not counted.
  assert.equal((await c.beacon({ url: URL1 }, { ua: 'Googlebot/2.1 (+http://www.google.com/bot.html)' })).status, 204);
  assert.equal((await c.beacon({ url: URL1 }, { ua: '' })).status, 204);
  // Bad input.
  assert.equal((await c.beacon('{')).status, 400);
  assert.equal((await c.beacon({ url: 'ftp://bao.example/x' })).status, 400);
  // A known article's id only, from the first reader again: a duplicate.
  assert.equal((await c.beacon({ articleId: 'a-9' })).status, 204);

  assert.deepEqual(await c.mostRead(), [
    ['a-1', 2],
    ['777', 1],
    ['a-9', 1],
  ]);
  const { beacons } = await c.integration();
  assert.deepEqual(beacons, {
    counted: 4,
    duplicate: 1,
    bot: 2,
    unknown_site: 1,
    unknown_article: 0,
    rate_limited: 0,
    invalid: 2,
    overloaded: 0,
  });
});

test('beacons without SITE_ORIGINS: known articles count, unknown URLs are recorded, not created', async () => {
  const c = await ctx({ siteOrigins: [], allowedOrigins: [] });
  await c.beacon({ url: URL1 });
  await c.beacon({ url: 'https://anywhere.example/new.html', title: 'Không tạo' });
  assert.deepEqual(await c.mostRead(), [['a-1', 1]]);
  assert.equal(await c.storage.articles.count(), 1);
  const { beacons, config } = await c.integration();
  assert.equal(beacons.counted, 1);
  assert.equal(beacons.unknown_article, 1);
  assert.deepEqual(config.siteOrigins, []);
});

test('rigging: one network is one reader per window; VIEWS_PER_NETWORK_HOUR=1 stretches the window to an hour', async () => {
  const c = await ctx();
  for (let i = 0; i < 60; i++) await c.beacon({ url: URL1 }, { ua: `${UA} fake/${i}`, ip: '192.0.2.9' });
  assert.deepEqual(await c.mostRead(), [['a-1', 1]]);
  c.clock.now += 29 * 60_000;
  await c.beacon({ url: URL1 }, { ip: '192.0.2.9' });
  assert.deepEqual(await c.mostRead(), [['a-1', 1]]);
  c.clock.now += 2 * 60_000;
  await c.beacon({ url: URL1 }, { ip: '192.0.2.9' });
  assert.deepEqual(await c.mostRead(), [['a-1', 2]]);
  const { beacons } = await c.integration();
  assert.deepEqual([beacons.counted, beacons.duplicate], [2, 60]);
  // Another network still counts.
  await c.beacon({ url: URL1 }, { ip: '192.0.2.10' });
  assert.deepEqual(await c.mostRead(), [['a-1', 3]]);

  assert.equal(configFromEnv({}).viewDedupeMs, 30 * 60_000);
  assert.equal(configFromEnv({ VIEWS_PER_NETWORK_HOUR: '4' }).viewDedupeMs, 30 * 60_000);
  assert.equal(configFromEnv({ VIEWS_PER_NETWORK_HOUR: '0' }).viewDedupeMs, 30 * 60_000);
  const capped = await ctx({ viewDedupeMs: configFromEnv({ VIEWS_PER_NETWORK_HOUR: '1' }).viewDedupeMs });
  await capped.beacon({ url: URL1 });
  capped.clock.now += 31 * 60_000;
  await capped.beacon({ url: URL1 });
  assert.deepEqual(await capped.mostRead(), [['a-1', 1]]);
  capped.clock.now += 30 * 60_000;
  await capped.beacon({ url: URL1 });
  assert.deepEqual(await capped.mostRead(), [['a-1', 2]]);
});

test('rate-limited beacons are recorded', async () => {
  const c = await ctx({ viewsPerMinute: 2 });
  for (let i = 0; i < 4; i++) await c.beacon({ url: URL1 });
  const { beacons } = await c.integration();
  assert.equal(beacons.rate_limited, 2);
  assert.equal(beacons.counted + beacons.duplicate, 2);
});

test('related for a page the server has not seen: ranked by its title', async () => {
  const c = await makeCtx({}, { seed: true });
  const unknown = 'https://tinhnha.example/an-ninh-trat-tu/bai-chua-co.html';
  const miss = await c.req(`/api/related?url=${encodeURIComponent(unknown)}`);
  assert.equal(miss.status, 404);
  const r = await c.req(
    `/api/related?url=${encodeURIComponent(unknown)}&limit=3&title=${encodeURIComponent('An ninh trật tự ở nông thôn mới')}`,
  );
  assert.equal(r.status, 200);
  const body = await r.json();
  assert.equal(body.items.length, 3);
  // The demo article about security in new rural communes ranks first.
  assert.equal(body.items[0].id, 'an-ninh-nong-thon-moi-2026');
  // A title with nothing in common: an empty list, not an error.
  const none = await c.req(`/api/related?url=${encodeURIComponent(unknown)}&title=${encodeURIComponent('zzqx wvvy')}`);
  assert.deepEqual((await none.json()).items, []);
  assert.equal((await c.req(`/api/related?url=${encodeURIComponent(unknown)}&title=${'x'.repeat(3000)}`)).status, 400);
});

test('CORS refusals are recorded per origin (not the server itself, not allowed origins), bounded', async () => {
  const c = await ctx();
  const call = (origin: string, method = 'GET') =>
    c.req(method === 'GET' ? '/api/most-read' : '/api/views', {
      method,
      headers: { origin, host: 'api.bao.example', 'user-agent': UA, 'content-type': 'text/plain' },
      body: method === 'GET' ? undefined : JSON.stringify({ url: URL1 }),
    });
  await call('https://evil.example');
  await call('https://evil.example', 'POST');
  await call('http://localhost:3000');
  await call(SITE); // allowed
  await call('https://api.bao.example', 'POST'); // the server's own origin (same-origin POST)
  const { refusedOrigins } = await c.integration();
  assert.deepEqual(refusedOrigins.map((o: { origin: string; count: number }) => [o.origin, o.count]).sort(), [
    ['http://localhost:3000', 1],
    ['https://evil.example', 2],
  ]);
  assert.ok(refusedOrigins.every((o: { lastSeen: string }) => o.lastSeen === new Date(c.clock.now).toISOString()));
  for (let i = 0; i < 150; i++) await call(`https://x${i}.example`);
  assert.equal((await c.integration()).refusedOrigins.length, 100);
});

test('integration API: moderator only; feeds listed from FEEDS before their first poll', async () => {
  const c = await ctx({ feeds: ['https://bao.example/rss.xml'], feedIntervalMs: 600_000 });
  const anon = await c.req('/api/moderation/integration');
  assert.equal(anon.status, 401);
  const wrong = await c.req('/api/moderation/integration', { headers: { authorization: 'Bearer nope' } });
  assert.equal(wrong.status, 401);
  const body = await c.integration();
  assert.deepEqual(body.feeds, [
    {
      url: 'https://bao.example/rss.xml',
      lastPollAt: null,
      status: null,
      message: null,
      itemCount: null,
      nextPollAt: null,
    },
  ]);
  assert.deepEqual(body.config, {
    feeds: 1,
    feedIntervalSeconds: 600,
    siteOrigins: [SITE],
    allowedOrigins: [SITE],
  });
  assert.equal(body.generatedAt, new Date(c.clock.now).toISOString());
});
