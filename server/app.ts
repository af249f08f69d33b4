/**
 * The HTTP app (hono): one module per resource under `routes/`, mounted with `app.route()`, over
 * the `Storage` interface. Built from a config and a storage so tests can run it in-process with
 * `app.request()` (see `testing.ts`). See docs/api.md for the contract.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from './config.ts';
import type { ChangeFeed, RateLimitStore, Storage } from './domain.ts';
import { ResponseCache } from './http/cache.ts';
import { EditorAuth } from './auth/editor-auth.ts';
import { rateLimit, type Env } from './http/context.ts';
import { errorBody, errorHandler } from './http/errors.ts';
import { articleRoutes } from './routes/articles.ts';
import { commentRoutes } from './routes/comments.ts';
import type { RouteDeps } from './routes/deps.ts';
import { deskRoutes } from './routes/desk.ts';
import { healthRoutes } from './routes/health.ts';
import { integrationRoutes } from './routes/integration.ts';
import { IntegrationRecorder } from './integration-recorder.ts';
import { moderationRoutes } from './routes/moderation.ts';
import { moderationStatsRoutes } from './routes/moderation-stats.ts';
import { pageRoutes } from './routes/pages.ts';
import { sessionRoutes } from './routes/session.ts';
import { reactionRoutes } from './routes/reactions.ts';
import { reportRoutes } from './routes/reports.ts';
import { viewRoutes } from './routes/views.ts';
import { ViewBuffer } from './views-buffer.ts';
import { LiveHub } from './live/hub.ts';
import { LocalChangeFeed } from './live/local-feed.ts';
import { LivePublisher } from './live/publish.ts';
import { LiveTickets } from './live/tickets.ts';
import { readerComment } from './routes/comments.ts';
import { deskEventRoutes, threadEventRoutes } from './routes/events.ts';

export { CSP } from './routes/pages.ts';
export { errorBody } from './http/errors.ts';
export { tokenMatches } from './http/context.ts';

export { MAX_BODY_BYTES } from './http/body.ts';

export interface AppDeps {
  config: Config;
  storage: Storage;
  /** Where rate limits are counted: the storage's own by default; Redis when REDIS_URL is set. */
  rateLimits?: RateLimitStore;
  /** The view-beacon buffer; by default one flushing every `config.viewFlushMs`. The caller flushes it on shutdown. */
  views?: ViewBuffer;
  /** Tells the other processes that reader-visible data changed: the storage's feed by default, Redis with REDIS_URL. */
  changes?: ChangeFeed;
  /** The live streams (SSE); the caller closes it on shutdown (see `liveHub()`). */
  live?: LiveHub;
  /** Counts for the integration panel; by default one writing every `config.viewFlushMs`. The caller closes it on shutdown. */
  recorder?: IntegrationRecorder;
  log?: (msg: string) => void;
}

/** The process's live hub, fed by the same change feed as the caches (in process on SQLite). */
export function liveHub({ config, storage, changes, log }: Pick<AppDeps, 'config' | 'storage' | 'changes' | 'log'>) {
  return new LiveHub(storage.events, changes ?? storage.changes ?? new LocalChangeFeed(), {
    maxConnections: config.liveMaxConnections,
    maxPerClient: config.liveMaxPerClient,
    heartbeatMs: config.liveHeartbeatMs,
    keepMs: config.liveKeepHours * 3600_000,
    now: config.now,
    log,
  });
}

export function createApp({
  config,
  storage,
  rateLimits,
  views,
  changes,
  live,
  recorder,
  log = (m) => console.error(m),
}: AppDeps) {
  const app = new Hono<Env>();
  live ??= liveHub({ config, storage, changes, log });
  changes ??= storage.changes;
  // Bounded by entries and bytes: a page of 100 long comments with their replies is about 1 MB.
  const threads = new ResponseCache(2000, 32 * 1024 * 1024);
  const mostRead = new ResponseCache(500, 8 * 1024 * 1024);
  changes?.subscribe(() => threads.clear());
  views ??= new ViewBuffer(storage.views, { intervalMs: config.viewFlushMs, dedupeMs: config.viewDedupeMs, log });
  recorder ??= new IntegrationRecorder(storage.integration, { intervalMs: config.viewFlushMs, now: config.now, log });
  const beaconOutcomes = recorder;
  views.onWritten((counted, duplicates) => {
    beaconOutcomes.beacon('counted', counted);
    beaconOutcomes.beacon('duplicate', duplicates);
  });
  const auth = new EditorAuth(config, storage, rateLimits ?? storage.rateLimits);
  const deps: RouteDeps = {
    config,
    storage,
    views,
    caches: {
      threads,
      mostRead,
      changed: () => {
        threads.clear();
        changes?.publish();
      },
    },
    limit: (perMinute, what) => rateLimit(rateLimits ?? storage.rateLimits, config, perMinute, what),
    moderator: auth.guard,
    bearer: auth.bearer,
    live: new LivePublisher(
      live,
      storage,
      // As the thread page shapes it: a new top-level comment has no replies to page yet.
      (row) =>
        row.parentId !== null ? readerComment(row, true) : { ...readerComment(row, false), repliesCursor: null },
      config.autoCloseDays,
      log,
    ),
    log,
    counters: rateLimits ?? storage.rateLimits,
    recorder,
  };
  const liveDeps = { ...deps, hub: live, tickets: new LiveTickets(config.moderatorToken, config.now) };

  app.onError(errorHandler(log));
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));

  const corsMw = cors({
    origin: (origin) => (config.allowedOrigins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization', 'X-Moderator-Name'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
    credentials: false,
  });
  // One middleware for every request. Headers are set before the handler runs (touching c.res
  // afterwards would make @hono/node-server build a full Response each time), and CORS runs only
  // where it applies (it builds full Request/Response objects). Bodies are limited where they are
  // read (http/body.ts).
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!c.req.path.startsWith('/api/')) return next();
    c.header('Cache-Control', 'no-store'); // routes that may be cached set their own
    const origin = c.req.header('origin');
    // A page on another origin that CORS refuses: counted for the desk's integration panel.
    if (origin && !config.allowedOrigins.includes(origin) && !sameOrigin(origin, c.req.header('host')))
      deps.recorder.corsRefused(origin);
    if (config.allowedOrigins.length) {
      c.header('Vary', 'Origin');
      if (c.req.header('origin')) return corsMw(c, next);
    }
    return next();
  });

  app.route('/api', healthRoutes(deps));
  app.route('/api', articleRoutes(deps));
  app.route('/api', viewRoutes(deps));
  app.route('/api', commentRoutes(deps));
  app.route('/api/moderation/session', sessionRoutes(auth));
  app.route('/api', reactionRoutes(deps));
  app.route('/api', threadEventRoutes(liveDeps));
  app.route('/api/moderation', deskEventRoutes(liveDeps)); // before the desk's token guard: a ticket opens it
  app.route('/api/moderation', moderationRoutes(deps));
  app.route('/api/moderation', reportRoutes(deps));
  app.route('/api/moderation', moderationStatsRoutes(deps));
  app.route('/api/moderation/integration', integrationRoutes(deps));
  app.route('/api/moderation', deskRoutes(deps));
  app.all('/api/*', (c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));
  app.route('/', pageRoutes(config));

  return app;
}

/** Whether `origin` is this server's own (the browser sends Origin on same-origin POSTs too). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
