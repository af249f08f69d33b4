/** What every route module gets from `createApp`. */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { RateLimitStore, Storage } from '../domain.ts';
import type { Env } from '../http/context.ts';
import type { ResponseCache } from '../http/cache.ts';
import type { IntegrationRecorder } from '../integration-recorder.ts';
import type { ViewBuffer } from '../views-buffer.ts';

export interface RouteDeps {
  config: Config;
  storage: Storage;
  views: ViewBuffer;
  /** Reader answers cached in memory; `changed()` is called after every write readers can see. */
  caches: { threads: ResponseCache; mostRead: ResponseCache; changed(): void };
  /** Rate limit per client (0 = off), counted in the shared store. */
  limit: (perMinute: number, what: string) => MiddlewareHandler<Env>;
  /** The one guard of every desk route (`/api/moderation/...`): lets an editor through, else 401. */
  moderator: MiddlewareHandler<Env>;
  log: (msg: string) => void;
  /** Shared fixed-window counters (the rate limits' store), for caps that are not per-minute limits. */
  counters: RateLimitStore;
  /** Beacon outcomes and CORS refusals for the desk's integration panel. */
  recorder: IntegrationRecorder;
}
