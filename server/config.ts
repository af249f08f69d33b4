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
  /**
   * Same reader (client network) counts once per article per this many ms: 30 minutes, or longer
   * when VIEWS_PER_NETWORK_HOUR caps the views one network adds to one article in an hour.
   */
  viewDedupeMs: number;
  /** Most-read answers are cached this long in each process (and by browsers and CDNs, `max-age`). */
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
  /** The publisher's feeds (RSS, Atom, JSON Feed), polled for articles (FEEDS). */
  feeds: string[];
  /** How often each feed is polled, in ms (FEED_INTERVAL: `600`, `600s`, `10m`, `1h`). */
  feedIntervalMs: number;
  /** A feed request gives up after this many ms (FEED_TIMEOUT, same syntax). */
  feedTimeoutMs: number;
  /** A feed larger than this many bytes is refused (FEED_MAX_BYTES). */
  feedMaxBytes: number;
  /** Origins whose pages are the publisher's articles: beacons for other URLs are refused (SITE_ORIGINS). */
  siteOrigins: string[];
}

export const ROOT_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));

function int(v: string | undefined, def: number): number {
  if (v == null || v === '') return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Invalid number: ${v}`);
  return Math.floor(n);
}

/** A duration: plain seconds (`600`) or with a unit (`500ms`, `30s`, `10m`, `1h`); in ms. */
export function duration(v: string | undefined, defMs: number, name = 'duration'): number {
  if (v == null || v.trim() === '') return defMs;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(v.trim());
  if (!m) throw new Error(`Invalid ${name}: ${v} (use seconds, or a number with ms, s, m or h: 600, 10m)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
}

/** The reader window: 30 minutes, longer when one network may add fewer than 2 views an hour (0: no cap). */
export function viewWindowMs(viewsPerNetworkHour: number): number {
  const window = 30 * 60_000;
  return viewsPerNetworkHour > 0 ? Math.max(window, Math.ceil(3_600_000 / viewsPerNetworkHour)) : window;
}

/** A comma list of origins, as `scheme://host[:port]` without a trailing slash. */
const origins = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);

/** FEEDS: a comma list of http(s) URLs; anything else is a configuration error, said at start. */
function feedUrls(v: string | undefined): string[] {
  const urls = (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
      throw new Error(`Invalid FEEDS entry: ${url} (each feed is an http(s) URL)`);
  }
  return urls;
}

/** An origin as browsers and `URL.origin` spell it (lower-case host, default port dropped). */
const originOf = (s: string) => (URL.canParse(s) ? new URL(s).origin : s);

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
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    trustProxy: bool(env.TRUST_PROXY, false),
    premoderation: bool(env.PREMODERATION, true),
    autoCloseDays: int(env.COMMENTS_CLOSE_AFTER_DAYS, 30),
    commentsPerMinute: int(env.RATE_LIMIT_COMMENTS, 5),
    viewsPerMinute: int(env.RATE_LIMIT_VIEWS, 120),
    likesPerMinute: int(env.RATE_LIMIT_LIKES, 30),
    reportsPerMinute: int(env.RATE_LIMIT_REPORTS, 5),
    reportHideThreshold: int(env.REPORT_HIDE_THRESHOLD, 0),
    viewDedupeMs: viewWindowMs(int(env.VIEWS_PER_NETWORK_HOUR, 2)),
    mostReadCacheMs: int(env.MOST_READ_CACHE_MS, 60_000),
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
    feeds: feedUrls(env.FEEDS),
    feedIntervalMs: Math.max(1000, duration(env.FEED_INTERVAL, 10 * 60_000, 'FEED_INTERVAL')),
    feedTimeoutMs: Math.max(100, duration(env.FEED_TIMEOUT, 15_000, 'FEED_TIMEOUT')),
    feedMaxBytes: int(env.FEED_MAX_BYTES, 5 * 1024 * 1024),
    siteOrigins: (env.SITE_ORIGINS ? origins(env.SITE_ORIGINS) : origins(env.ALLOWED_ORIGINS)).map(originOf),
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
