/**
 * `npm run serve`: the reference API server in the foreground.
 * Serves the demo page at /, the moderation desk at /moderation, the bundles under /cdn/ and
 * the API under /api/. Storage: the SQLite file in DATA_DIR, or PostgreSQL with DATABASE_URL
 * (any number of such processes behind a load balancer). SIGTERM/SIGINT shut it down gracefully.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv, storageOptions, type Config } from './config.ts';
import type { ChangeFeed, RateLimitStore } from './domain.ts';
import { createApp } from './app.ts';
import { dataDirFailure, EX_CONFIG } from './data-dir.ts';
import { listen } from './http/node-server.ts';
import { seedDemo } from './seed.ts';
import { openStorage } from './storage/index.ts';
import { ViewBuffer } from './views-buffer.ts';

const env = configFromEnv();

// Until the storage is open, a DATA_DIR the server cannot use (not writable, full, read-only
// database…) ends it with one line and exit code 78, not a stack trace (data-dir.ts).
const onStartError = (e: unknown) => {
  const line = dataDirFailure(e, env.dataDir);
  console.error(line ?? e);
  process.exit(line ? EX_CONFIG : 1);
};
process.on('uncaughtException', onStartError);

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
  const seed = !/^(0|off|false|no)$/i.test(process.env.SEED_DEMO ?? '');
  if ((await storage.meta.claim('seeded', '1')) && seed) {
    const n = await seedDemo(storage, config.rootDir, config.now());
    console.log(`Seeded ${n} sample articles from the demo feed.`);
  }
}
process.off('uncaughtException', onStartError);

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
const app = createApp({ config, storage, rateLimits, changes, views });
const server = listen(app.fetch, { port: config.port, host: config.host }, (port) => {
  const base = `http://localhost:${port}`;
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
  await views.close().catch(() => {});
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
  void storage.comments.pruneIdempotency().catch(() => {});
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
