/**
 * `npm run serve`: the reference API server in the foreground.
 * Serves the demo page at /, the moderation desk at /moderation, the bundles under /cdn/ and
 * the API under /api/. Storage: the SQLite file in DATA_DIR, or PostgreSQL with DATABASE_URL
 * (any number of such processes behind a load balancer). SIGTERM/SIGINT shut it down gracefully.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv, storageOptions, weakTokenReason, type Config } from './config.ts';
import type { ChangeFeed, RateLimitStore } from './domain.ts';
import { createApp, liveHub } from './app.ts';
import { dataDirFailure, EX_CONFIG } from './data-dir.ts';
import { addEditor, DEMO_EDITOR } from './editor-accounts.ts';
import { listen } from './http/node-server.ts';
import { FeedPoller } from './feeds-poller.ts';
import { IntegrationRecorder } from './integration-recorder.ts';
import { seedDemo } from './seed.ts';
import { openStorage } from './storage/index.ts';
import { ViewBuffer } from './views-buffer.ts';

/** A setting the server cannot run with: one line on stderr, no stack, exit code 78 (EX_CONFIG). */
function refuseToStart(message: string): never {
  console.error(message);
  process.exit(EX_CONFIG);
}

let env: ReturnType<typeof configFromEnv>;
try {
  env = configFromEnv();
} catch (e) {
  refuseToStart(e instanceof Error ? e.message : String(e));
}

/**
 * DATA_DIR, the moderator token and the storage. A DATA_DIR the server cannot use ends the
 * process with one line and exit code 78 (see data-dir.ts).
 */
async function prepare() {
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
  const weakFileToken = env.moderatorToken ? undefined : weakTokenReason(token);
  if (weakFileToken) refuseToStart(`The moderator token in ${tokenFile} ${weakFileToken}. The server did not start.`);
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
  return { config, storage, token, tokenFile, newToken };
}

// Until the storage is open, a DATA_DIR the server cannot use (not writable, full, read-only
// database…) ends it with one line and exit code 78, not a stack trace (data-dir.ts); that also
// holds for an error thrown outside prepare()'s promise (a driver's event, say).
const onStartError = (e: unknown) => {
  const line = dataDirFailure(e, env.dataDir);
  console.error(line ?? e);
  process.exit(line ? EX_CONFIG : 1);
};
process.on('uncaughtException', onStartError);
const { config, storage, token, tokenFile, newToken } = await prepare().catch(onStartError);
process.off('uncaughtException', onStartError);

// The demo's editor: on the first start of a fresh SQLite data folder (with the demo seed), one
// account to sign in to the desk with, its secret printed once. PostgreSQL sites add their own.
let demoSecret: string | undefined;
const seedOn = !/^(0|off|false|no)$/i.test(process.env.SEED_DEMO ?? '');
if (storage.dialect === 'sqlite' && seedOn && (await storage.editors.list()).length === 0) {
  if (await storage.meta.claim('demo-editor', '1')) demoSecret = await addEditor(storage, DEMO_EDITOR);
}
const noEditors = !demoSecret && (await storage.editors.list()).length === 0;

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
// The live streams (SSE), ended first on shutdown: browsers reconnect and resume elsewhere.
const live = liveHub({ config, storage, changes });
const recorder = new IntegrationRecorder(storage.integration, {
  intervalMs: config.viewFlushMs,
  now: config.now,
  log: (m) => console.error(m),
});
const app = createApp({ config, storage, rateLimits, changes, views, live, recorder });

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
  if (demoSecret)
    lines.push(
      `  Desk sign-in:     name "${DEMO_EDITOR}", secret ${demoSecret}   (shown once; npm run editor -- reset ${DEMO_EDITOR} for a new one)`,
    );
  else if (noEditors) lines.push('  Desk sign-in:     no editors yet: npm run editor -- add <name>');
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
  void storage.comments.pruneIdempotency().catch(() => {});
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
  live.close();
  const force = setTimeout(() => void closeAll().finally(() => process.exit(0)), 5000);
  force.unref();
  server.close(() => void closeAll().finally(() => process.exit(0)));
  (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
