/** What every route module gets from `createApp`. */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { RateLimitStore, Storage } from '../domain.ts';
import type { Env } from '../http/context.ts';
import type { ResponseCache } from '../http/cache.ts';
import type { IntegrationRecorder } from '../integration-recorder.ts';
import type { ViewBuffer } from '../views-buffer.ts';
import type { LivePublisher } from '../live/publish.ts';

export interface RouteDeps {
  config: Config;
  storage: Storage;
  views: ViewBuffer;
  /** Reader answers cached in memory; `changed()` is called after every write readers can see. */
  caches: { threads: ResponseCache; mostRead: ResponseCache; changed(): void };
  /** Rate limit per client (0 = off), counted in the shared store. */
  limit: (perMinute: number, what: string) => MiddlewareHandler<Env>;
  /**
   * The one guard of every desk route (`/api/moderation/...`): lets a signed-in editor (session
   * cookie) or the Bearer token through, else 401; `actor(c)` then names who it was.
   */
  moderator: MiddlewareHandler<Env>;
  /** The Bearer token only, throttled like the desk's (scripts: `POST /api/articles`). */
  bearer: MiddlewareHandler<Env>;
  /** Tells the live streams (SSE) what readers and the desk should hear of at once. */
  live: LivePublisher;
  log: (msg: string) => void;
  /** Shared fixed-window counters (the rate limits' store), for caps that are not per-minute limits. */
  counters: RateLimitStore;
  /** Beacon outcomes and CORS refusals for the desk's integration panel. */
  recorder: IntegrationRecorder;
}
