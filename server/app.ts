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
import { rateLimit, requireToken, type Env } from './http/context.ts';
import { errorBody, errorHandler } from './http/errors.ts';
import { articleRoutes } from './routes/articles.ts';
import { commentRoutes } from './routes/comments.ts';
import type { RouteDeps } from './routes/deps.ts';
import { deskRoutes } from './routes/desk.ts';
import { healthRoutes } from './routes/health.ts';
import { moderationRoutes } from './routes/moderation.ts';
import { pageRoutes } from './routes/pages.ts';
import { viewRoutes } from './routes/views.ts';
import { ViewBuffer } from './views-buffer.ts';

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
  log?: (msg: string) => void;
}

export function createApp({ config, storage, rateLimits, views, changes, log = (m) => console.error(m) }: AppDeps) {
  const app = new Hono<Env>();
  changes ??= storage.changes;
  const threads = new ResponseCache(2000);
  const mostRead = new ResponseCache(500);
  changes?.subscribe(() => threads.clear());
  const deps: RouteDeps = {
    config,
    storage,
    views:
      views ?? new ViewBuffer(storage.views, { intervalMs: config.viewFlushMs, dedupeMs: config.viewDedupeMs, log }),
    caches: {
      threads,
      mostRead,
      changed: () => {
        threads.clear();
        changes?.publish();
      },
    },
    limit: (perMinute, what) => rateLimit(rateLimits ?? storage.rateLimits, config, perMinute, what),
    moderator: requireToken(config.moderatorToken),
    log,
  };

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
  app.route('/api/moderation', moderationRoutes(deps));
  app.route('/api/moderation', deskRoutes(deps));
  app.all('/api/*', (c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));
  app.route('/', pageRoutes(config));

  return app;
}
