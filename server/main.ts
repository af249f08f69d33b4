/**
 * `npm run serve`: the reference API server in the foreground.
 * Serves the demo page at /, the moderation desk at /moderation, the bundles under /cdn/ and
 * the API under /api/. SIGTERM/SIGINT shut it down gracefully.
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv, type Config } from './config.ts';
import { Store } from './db.ts';
import { createApp } from './app.ts';
import { seedDemo } from './seed.ts';

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

const store = new Store({ file: join(config.dataDir, 'news-widgets.sqlite'), now: config.now });
const firstStart = store.countArticles() === 0 && !store.getMeta('seeded');
if (firstStart && !/^(0|off|false|no)$/i.test(process.env.SEED_DEMO ?? '')) {
  const n = await seedDemo(store, config.rootDir, config.now());
  console.log(`Seeded ${n} sample articles from the demo feed.`);
}
store.setMeta('seeded', '1');

const app = createApp({ config, store });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const base = `http://localhost:${info.port}`;
  console.log(`news-widgets server listening on ${base}`);
  console.log(`  Demo article:     ${base}/`);
  console.log(`  Moderation desk:  ${base}/moderation`);
  console.log(`  API:              ${base}/api/`);
  console.log(`  Data:             ${config.dataDir}`);
  if (newToken)
    console.log(`  Moderator token:  ${token}   (generated now and saved in ${tokenFile}; it is not shown again)`);
  else if (!env.moderatorToken) console.log(`  Moderator token:  in ${tokenFile}`);
});

server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(
    e.code === 'EADDRINUSE' ? `Port ${config.port} is in use: set PORT to another port.` : `Server error: ${e.message}`,
  );
  store.close();
  process.exit(1);
});

const prune = setInterval(() => store.pruneViews(), 10 * 60_000);
prune.unref();

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  clearInterval(prune);
  const force = setTimeout(() => {
    store.close();
    process.exit(0);
  }, 5000);
  force.unref();
  server.close(() => {
    store.close();
    process.exit(0);
  });
  (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
