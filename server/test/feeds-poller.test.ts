/**
 * The feeds poller (FEEDS, FEED_INTERVAL) against a feed served by a local node:http server:
 * 200 with ETag, 304 on If-None-Match, a 500, a malformed feed, a time-out and an oversized
 * answer: each recorded, none fatal. Then the real server process with a failing feed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, duration } from '../config.ts';
import { FeedPoller } from '../feeds-poller.ts';
import { openTestStorage, serverDbEnv } from './db.ts';
import { T0 } from './helpers.ts';
import { startServer } from './process.ts';

const rss = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Báo Tỉnh</title><link>https://bao.example/</link>
${Array.from(
  { length: n },
  (_, i) => `<item><guid isPermaLink="false">bai-${i + 1}</guid><title>Bài số ${i + 1} về lúa gạo</title>
  <link>https://bao.example/kinh-te/bai-${i + 1}.html</link><pubDate>Sat, 28 Nov 2026 08:00:00 +0700</pubDate></item>`,
).join('\n')}
</channel></rss>`;

type Mode = 'ok' | 'error' | 'malformed' | 'slow' | 'huge';

/** A feed server whose answer the test switches; it records each request's conditional headers. */
async function feedServer() {
  const state = { mode: 'ok' as Mode, items: 2, etag: '"v1"', requests: [] as IncomingMessage['headers'][] };
  const server: Server = createServer((req, res) => {
    state.requests.push(req.headers);
    if (state.mode === 'error') return void res.writeHead(500).end('boom');
    if (state.mode === 'slow') return void setTimeout(() => res.writeHead(200).end(rss(1)), 2000).unref();
    if (state.mode === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return void res.end('<rss><channel><item><title>Cut off');
    }
    if (state.mode === 'huge') {
      // No Content-Length: the cap applies while reading.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss>' + ' '.repeat(64 * 1024));
      return void res.end('</rss>');
    }
    if (req.headers['if-none-match'] === state.etag) return void res.writeHead(304, { etag: state.etag }).end();
    res.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag: state.etag,
      'last-modified': 'Sat, 28 Nov 2026 01:00:00 GMT',
    });
    res.end(rss(state.items));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/rss.xml`;
  return { state, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('FEED_INTERVAL: seconds or a number with a unit', () => {
  assert.equal(duration(undefined, 600_000), 600_000);
  assert.equal(duration('600', 1), 600_000);
  assert.equal(duration('10m', 1), 600_000);
  assert.equal(duration('1h', 1), 3_600_000);
  assert.equal(duration('1.5s', 1), 1500);
  assert.equal(duration('250ms', 1), 250);
  assert.throws(() => duration('ten minutes', 1, 'FEED_INTERVAL'), /FEED_INTERVAL/);
  assert.equal(configFromEnv({ FEED_INTERVAL: '90' }).feedIntervalMs, 90_000);
  assert.equal(configFromEnv({}).feedIntervalMs, 600_000);
});

test('FEEDS are http(s) URLs; SITE_ORIGINS defaults to ALLOWED_ORIGINS, spelled as browsers do', () => {
  const c = configFromEnv({ FEEDS: ' https://bao.example/rss.xml, http://bao.example/the-thao.atom ,' });
  assert.deepEqual(c.feeds, ['https://bao.example/rss.xml', 'http://bao.example/the-thao.atom']);
  assert.throws(() => configFromEnv({ FEEDS: 'bao.example/rss.xml' }), /Invalid FEEDS entry: bao\.example\/rss\.xml/);
  assert.throws(() => configFromEnv({ FEEDS: 'file:///etc/passwd' }), /Invalid FEEDS entry/);
  assert.deepEqual(configFromEnv({ ALLOWED_ORIGINS: 'https://Bao.example:443/' }).siteOrigins, ['https://bao.example']);
  assert.deepEqual(
    configFromEnv({ ALLOWED_ORIGINS: 'https://a.example', SITE_ORIGINS: 'https://www.a.example' }).siteOrigins,
    ['https://www.a.example'],
  );
  assert.deepEqual(configFromEnv({}).siteOrigins, []);
});

test('poller: 200 with ETag, 304, 500, malformed, time-out, too large: each recorded, then recovers', async () => {
  const feed = await feedServer();
  const clock = { now: T0 };
  const storage = await openTestStorage(() => clock.now);
  const logs: string[] = [];
  const poller = new FeedPoller(storage, {
    feeds: [feed.url],
    intervalMs: 600_000,
    timeoutMs: 500,
    maxBytes: 16 * 1024,
    now: () => clock.now,
    log: (m) => logs.push(m),
  });
  const state = async () => (await storage.integration.feeds([feed.url]))[0]!;
  /** The next poll: the clock moved past the feed's next poll time. */
  const pollNext = async () => {
    clock.now = (await state()).nextPollAt;
    await poller.pollDue();
    return state();
  };
  try {
    await poller.pollDue();
    let s = await state();
    assert.deepEqual([s.status, s.itemCount, s.etag, s.lastPollAt], ['ok', 2, '"v1"', T0]);
    assert.equal(s.nextPollAt, T0 + 600_000);
    assert.equal(await storage.articles.count(), 2);
    assert.equal((await storage.articles.get('bai-1'))!.title, 'Bài số 1 về lúa gạo');
    // Not due yet: nothing is fetched.
    await poller.pollDue();
    assert.equal(feed.state.requests.length, 1);

    s = await pollNext();
    assert.equal(s.status, 'not_modified');
    assert.equal(feed.state.requests[1]!['if-none-match'], '"v1"');
    assert.equal(feed.state.requests[1]!['if-modified-since'], 'Sat, 28 Nov 2026 01:00:00 GMT');

    feed.state.mode = 'error';
    s = await pollNext();
    assert.deepEqual([s.status, s.message, s.failures], ['http_error', 'HTTP 500 Internal Server Error', 1]);
    // Backoff: the next try waits the interval; after two failures in a row, twice the interval.
    assert.equal(s.nextPollAt, clock.now + 600_000);

    feed.state.mode = 'malformed';
    s = await pollNext();
    assert.equal(s.status, 'parse_error');
    assert.match(s.message!, /XML|well-formed/i);
    assert.equal(s.nextPollAt, clock.now + 1_200_000);

    feed.state.mode = 'slow';
    s = await pollNext();
    assert.equal(s.status, 'timeout');

    feed.state.mode = 'huge';
    s = await pollNext();
    assert.equal(s.status, 'too_large');
    assert.equal(s.failures, 4);
    // The articles of the last good poll are still there; the last good item count is kept.
    assert.equal(await storage.articles.count(), 2);
    assert.equal(s.itemCount, 2);

    // The feed recovers: a new version with a third item.
    feed.state.mode = 'ok';
    feed.state.etag = '"v2"';
    feed.state.items = 3;
    s = await pollNext();
    assert.deepEqual([s.status, s.itemCount, s.failures, s.etag, s.message], ['ok', 3, 0, '"v2"', null]);
    assert.equal(await storage.articles.count(), 3);
    assert.equal(logs.length, 4, logs.join('\n'));
    assert.ok(logs.every((l) => l.startsWith(`[feeds] ${feed.url}: `)));
  } finally {
    await poller.stop();
    await storage.close();
    await feed.close();
  }
});

test('poller: of two processes on one database, one polls a due feed', async () => {
  const feed = await feedServer();
  const storage = await openTestStorage(() => T0);
  const make = () =>
    new FeedPoller(storage, { feeds: [feed.url], intervalMs: 600_000, timeoutMs: 2000, maxBytes: 1e6, now: () => T0 });
  const [a, b] = [make(), make()];
  try {
    await Promise.all([a.pollDue(), b.pollDue()]);
    assert.equal(feed.state.requests.length, 1);
    assert.equal((await storage.integration.feeds([feed.url]))[0]!.status, 'ok');
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await storage.close();
    await feed.close();
  }
});

test('a feed item whose URL an article created from a beacon has updates that article', async () => {
  const feed = await feedServer();
  const storage = await openTestStorage(() => T0);
  await storage.articles.upsert([
    {
      id: '12345',
      url: 'https://bao.example/kinh-te/bai-1.html',
      title: 'https://bao.example/kinh-te/bai-1.html',
      publisherId: '12345',
    },
  ]);
  const poller = new FeedPoller(storage, {
    feeds: [feed.url],
    intervalMs: 600_000,
    timeoutMs: 2000,
    maxBytes: 1e6,
    now: () => T0,
  });
  try {
    await poller.pollDue();
    assert.equal((await storage.integration.feeds([feed.url]))[0]!.status, 'ok');
    assert.equal(await storage.articles.count(), 2);
    assert.equal((await storage.articles.get('12345'))!.title, 'Bài số 1 về lúa gạo');
    assert.equal(await storage.articles.get('bai-1'), undefined);
  } finally {
    await poller.stop();
    await storage.close();
    await feed.close();
  }
});

test(
  'the server polls FEEDS at start; a failing feed is recorded and the server keeps serving',
  { timeout: 90_000 },
  async () => {
    const feed = await feedServer();
    const dataDir = mkdtempSync(join(tmpdir(), 'nw-feeds-'));
    const server = await startServer({
      ...(await serverDbEnv()),
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      MODERATOR_TOKEN: 'feeds-test-token-0123456789',
      FEEDS: `${feed.url}, http://127.0.0.1:1/unreachable.xml`,
      FEED_INTERVAL: '10m',
      FEED_TIMEOUT: '2s',
    });
    try {
      const get = async () =>
        (
          await fetch(`${server.base}/api/moderation/integration`, {
            headers: { authorization: 'Bearer feeds-test-token-0123456789' },
          })
        ).json();
      let body = await get();
      for (let i = 0; i < 200 && body.feeds.some((f: { status: string | null }) => f.status === null); i++) {
        await new Promise((r) => setTimeout(r, 50));
        body = await get();
      }
      const [good, unreachable] = body.feeds;
      assert.deepEqual([good.url, good.status, good.itemCount], [feed.url, 'ok', 2]);
      assert.equal(unreachable.status, 'network_error');
      assert.ok(unreachable.message);
      assert.equal(body.config.feedIntervalSeconds, 600);
      assert.equal((await fetch(`${server.base}/api/health`)).status, 200);
      const related = await fetch(
        `${server.base}/api/related?url=${encodeURIComponent('https://bao.example/kinh-te/bai-1.html')}`,
      );
      assert.equal(related.status, 200);
      assert.match(server.output(), /\[feeds\] http:\/\/127\.0\.0\.1:1\/unreachable\.xml: network_error/);
      server.child.kill('SIGTERM');
      assert.equal((await server.exited).code, 0);
    } finally {
      server.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      await feed.close();
    }
  },
);
