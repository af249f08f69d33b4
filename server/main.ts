/**
 * `npm run serve`: the reference API server in the foreground.
 * Serves the demo page at /, the moderation desk at /moderation, the bundles under /cdn/ and
 * the API under /api/. Storage: the SQLite file in DATA_DIR, or PostgreSQL with DATABASE_URL
 * (any number of such processes behind a load balancer). SIGTERM/SIGINT shut it down gracefully.
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv, storageOptions, type Config } from './config.ts';
import type { ChangeFeed, RateLimitStore } from './domain.ts';
import { createApp } from './app.ts';
import { FeedPoller } from './feeds-poller.ts';
import { IntegrationRecorder } from './integration-recorder.ts';
import { seedDemo } from './seed.ts';
import { openStorage } from './storage/index.ts';
import { ViewBuffer } from './views-buffer.ts';

const env = configFromEnv();
mkdirSync(env.dataDir, { recursive: true });

// Moderator token: MODERATOR_TOKEN, else the one generated on first start (kept in DATA_DIR).
const tokenFile = join(env.dataDir, 'moderator-token');
let newToken = false;
let token = env.moderatorToken;
if (!token) {
  if (existsSync(tokenFile)) token = readFileSync(tokenFile, 'utf8').trim();
  if (!token) {
    token = randomBytes(24).toString('base64url');
    writeFileSync(tokenFile, token + '\n', { mode: 0o600 });
    newToken = true;
  }
}
const config: Config = { ...env, moderatorToken: token };

const storage = await openStorage(storageOptions(config));
// Of several processes starting on an empty database, exactly one seeds it.
if ((await storage.articles.count()) === 0 && !(await storage.meta.get('seeded'))) {
  // A site with its own feeds gets no demo articles unless SEED_DEMO asks for them.
  const seed = !/^(0|off|false|no)$/i.test(process.env.SEED_DEMO ?? (config.feeds.length ? '0' : ''));
  if ((await storage.meta.claim('seeded', '1')) && seed) {
    const n = await seedDemo(storage, config.rootDir, config.now());
    console.log(`Seeded ${n} sample articles from the demo feed.`);
  }
}

// Shared rate limits and cache invalidation: Redis when configured, else the storage's own.
let rateLimits: RateLimitStore | undefined;
let changes: ChangeFeed | undefined;
if (config.redisUrl) {
  const { RedisShared } = await import('./limits/redis.ts');
  const redis = new RedisShared(config.redisUrl, config.now, config.redisPrefix);
  rateLimits = redis;
  changes = redis;
}

const views = new ViewBuffer(storage.views, {
  intervalMs: config.viewFlushMs,
  dedupeMs: config.viewDedupeMs,
  log: (m) => console.error(m),
});
const recorder = new IntegrationRecorder(storage.integration, {
  intervalMs: config.viewFlushMs,
  now: config.now,
  log: (m) => console.error(m),
});
const app = createApp({ config, storage, rateLimits, changes, views, recorder });

// The publisher's feeds (FEEDS): polled now and every FEED_INTERVAL; a failing feed is logged, never fatal.
const feeds = new FeedPoller(storage, {
  feeds: config.feeds,
  intervalMs: config.feedIntervalMs,
  timeoutMs: config.feedTimeoutMs,
  maxBytes: config.feedMaxBytes,
  now: config.now,
  log: (m) => console.error(m),
  changed: () => (changes ?? storage.changes)?.publish(),
});
feeds.start();
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const base = `http://localhost:${info.port}`;
  const lines = [
    `news-widgets server listening on ${base}`,
    `  Demo article:     ${base}/`,
    `  Moderation desk:  ${base}/moderation`,
    `  API:              ${base}/api/`,
    `  Data:             ${storage.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.dataDir}`,
  ];
  if (newToken)
    lines.push(`  Moderator token:  ${token}   (generated now and saved in ${tokenFile}; it is not shown again)`);
  else if (!env.moderatorToken) lines.push(`  Moderator token:  in ${tokenFile}`);
  // One write: whoever watches for "listening on" gets the whole banner with it.
  console.log(lines.join('\n'));
});

/** Writes the last view batch, then closes the shared connections. */
async function closeAll() {
  await feeds.stop().catch(() => {});
  await views.close().catch(() => {});
  await recorder.close().catch(() => {});
  await (rateLimits as { close?: () => Promise<void> } | undefined)?.close?.().catch(() => {});
  await storage.close().catch(() => {});
}

server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(
    e.code === 'EADDRINUSE' ? `Port ${config.port} is in use: set PORT to another port.` : `Server error: ${e.message}`,
  );
  void closeAll().finally(() => process.exit(1));
});

const prune = setInterval(() => {
  void storage.views.prune().catch(() => {});
  // Beacon counters are shown for 24 hours; a week is kept.
  void storage.integration.prune(config.now() - 7 * 24 * 3600_000).catch(() => {});
}, 10 * 60_000);
prune.unref();

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  clearInterval(prune);
  const force = setTimeout(() => void closeAll().finally(() => process.exit(0)), 5000);
  force.unref();
  server.close(() => void closeAll().finally(() => process.exit(0)));
  (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
