/** Server configuration from environment variables, with sane defaults. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Bearer token for /api/moderation/* and POST /api/articles. */
  moderatorToken: string;
  /** Exact origins allowed for cross-origin API calls (no credentials). */
  allowedOrigins: string[];
  /** Use the left-most X-Forwarded-For as the client address. */
  trustProxy: boolean;
  /** New comments are pending until an editor approves them. */
  premoderation: boolean;
  /** Threads close automatically this many days after the article's publishedAt (0 = never). */
  autoCloseDays: number;
  commentsPerMinute: number;
  viewsPerMinute: number;
  /** Likes and unlikes per client per minute. */
  likesPerMinute: number;
  /** Reports ("Báo vi phạm") per client per minute. */
  reportsPerMinute: number;
  /** A comment with this many open reports is hidden from readers until an editor decides (0 = never). */
  reportHideThreshold: number;
  /** Same reader counts once per article per this many ms. */
  viewDedupeMs: number;
  mostReadCacheMs: number;
  /** Reader pages of a thread are cached this long (cleared at once by moderation actions). */
  threadCacheMs: number;
  /** How often buffered view beacons are written (one transaction per batch). */
  viewFlushMs: number;
  /** `postgres://…` selects PostgreSQL; empty: the SQLite file in dataDir. */
  databaseUrl: string;
  /** `redis://…`: rate limits and cache invalidation through Redis instead of the database. */
  redisUrl: string;
  /** Namespace of Redis keys and channels (several sites or test runs on one Redis). */
  redisPrefix: string;
  /** PostgreSQL connections per process. */
  poolSize: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Project root (for /cdn, /demo, pages). */
  rootDir: string;
  /** Clock (injectable in tests). */
  now: () => number;
}

export const ROOT_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));

function int(v: string | undefined, def: number): number {
  if (v == null || v === '') return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Invalid number: ${v}`);
  return Math.floor(n);
}

function bool(v: string | undefined, def: boolean): boolean {
  if (v == null || v === '') return def;
  return /^(1|on|true|yes)$/i.test(v.trim());
}

export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Omit<Config, 'moderatorToken'> & { moderatorToken?: string } {
  return {
    port: int(env.PORT, 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    moderatorToken: env.MODERATOR_TOKEN || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: bool(env.TRUST_PROXY, false),
    premoderation: bool(env.PREMODERATION, true),
    autoCloseDays: int(env.COMMENTS_CLOSE_AFTER_DAYS, 30),
    commentsPerMinute: int(env.RATE_LIMIT_COMMENTS, 5),
    viewsPerMinute: int(env.RATE_LIMIT_VIEWS, 120),
    likesPerMinute: int(env.RATE_LIMIT_LIKES, 30),
    reportsPerMinute: int(env.RATE_LIMIT_REPORTS, 5),
    reportHideThreshold: int(env.REPORT_HIDE_THRESHOLD, 0),
    viewDedupeMs: 30 * 60_000,
    mostReadCacheMs: 60_000,
    threadCacheMs: int(env.THREAD_CACHE_MS, 2000),
    viewFlushMs: int(env.VIEW_FLUSH_MS, 1000),
    databaseUrl: env.DATABASE_URL ?? '',
    redisUrl: env.REDIS_URL ?? '',
    redisPrefix: env.REDIS_PREFIX || 'news-widgets:',
    poolSize: Math.max(1, int(env.PG_POOL_SIZE, 10)),
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL',
    rootDir: ROOT_DIR,
    now: Date.now,
  };
}

/** Which storage the configuration selects: PostgreSQL for DATABASE_URL, else DATA_DIR's SQLite file. */
export function storageOptions(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'sqliteSynchronous' | 'poolSize'> & { now?: () => number },
) {
  return {
    databaseUrl: config.databaseUrl,
    sqliteFile: join(config.dataDir, 'news-widgets.sqlite'),
    sqliteSynchronous: config.sqliteSynchronous,
    poolSize: config.poolSize,
    now: config.now,
  };
}
