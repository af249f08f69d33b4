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
  /** Live streams (SSE): open at once in this process, all clients together (then 503). */
  liveMaxConnections: number;
  /** Live streams open at once per client network (then 429). */
  liveMaxPerClient: number;
  /** A heartbeat comment on every live stream this often (ms). */
  liveHeartbeatMs: number;
  /** Live events are kept this many hours for clients that resume with Last-Event-ID. */
  liveKeepHours: number;
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

/** A setting the server cannot run with; `main.ts` prints its message on one line and exits 78 (EX_CONFIG). */
export class ConfigError extends Error {}

/** Bearer tokens shorter than this, or with fewer distinct characters, are refused at start. */
export const MIN_TOKEN_LENGTH = 24;
const MIN_TOKEN_DISTINCT = 10;

/** Why a moderator token is too weak to guard the desk, or undefined when it is acceptable. */
export function weakTokenReason(token: string): string | undefined {
  if (/[^\x21-\x7e]/.test(token)) return 'must be printable ASCII without spaces (it travels in an HTTP header)';
  if (token.length < MIN_TOKEN_LENGTH)
    return `is ${token.length} characters long: use at least ${MIN_TOKEN_LENGTH} random characters`;
  if (new Set(token).size < MIN_TOKEN_DISTINCT)
    return `uses only ${new Set(token).size} different characters: use random characters`;
  return undefined;
}

export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Omit<Config, 'moderatorToken'> & { moderatorToken?: string } {
  const weak = env.MODERATOR_TOKEN ? weakTokenReason(env.MODERATOR_TOKEN) : undefined;
  if (weak)
    throw new ConfigError(`MODERATOR_TOKEN ${weak} (for example: openssl rand -base64 32). The server did not start.`);
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
    viewDedupeMs: 30 * 60_000,
    mostReadCacheMs: 60_000,
    threadCacheMs: int(env.THREAD_CACHE_MS, 2000),
    viewFlushMs: int(env.VIEW_FLUSH_MS, 1000),
    databaseUrl: env.DATABASE_URL ?? '',
    redisUrl: env.REDIS_URL ?? '',
    redisPrefix: env.REDIS_PREFIX || 'news-widgets:',
    poolSize: Math.max(1, int(env.PG_POOL_SIZE, 10)),
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL',
    liveMaxConnections: int(env.LIVE_MAX_CONNECTIONS, 10_000),
    liveMaxPerClient: int(env.LIVE_MAX_PER_CLIENT, 20),
    liveHeartbeatMs: Math.max(1000, int(env.LIVE_HEARTBEAT_MS, 20_000)),
    liveKeepHours: int(env.LIVE_KEEP_HOURS, 6),
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
