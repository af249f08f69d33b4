/** Per-request helpers shared by the routes: the client's address, the moderator token, rate limits. */
import type { Context, MiddlewareHandler } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import type { RateLimitStore } from '../domain.ts';
import { clientNetwork } from './client-network.ts';
import { errorBody } from './errors.ts';

export type Env = {
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
  /** `actor`: who the desk guard let through, for the log (`auth/editor-auth.ts`). */
  Variables: { actor?: string };
};

/** The client: socket address, or the left-most X-Forwarded-For with TRUST_PROXY. */
export function clientAddress(c: Context<Env>, config: Pick<Config, 'trustProxy'>): string {
  if (config.trustProxy) {
    const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return first;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time token check (both sides hashed to equal length first). */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** @deprecated Not throttled: routes use `RouteDeps.moderator` (desk) or `RouteDeps.bearer` (scripts). */
export function requireToken(token: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!m || !tokenMatches(m[1], token)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthorized', 'A valid moderator token is required.'), 401);
    }
    await next();
    return undefined;
  };
}

/**
 * Who the log names for this desk request: the signed-in editor, or the token's user, as the one
 * desk guard (`RouteDeps.moderator`) established it. Never a name the desk sends for a session.
 */
export function actor(c: Context<Env>): string {
  return c.get('actor') || 'moderator';
}

/**
 * Fixed-window rate limit per client network (an IPv4 address, an IPv6 /64: see
 * `client-network.ts`), counted in `store` (shared by all processes when it is
 * PostgreSQL or Redis). Answers 429 with Retry-After and the draft-6 RateLimit headers.
 */
export function rateLimit(
  store: RateLimitStore,
  config: Pick<Config, 'trustProxy' | 'now'>,
  perMinute: number,
  what: string,
): MiddlewareHandler<Env> {
  if (perMinute <= 0) return async (_c, next) => next();
  return async (c, next) => {
    const { count, resetAt } = await store.hit(`${what}:${clientNetwork(clientAddress(c, config))}`, 60_000);
    const secs = Math.max(1, Math.ceil((resetAt - config.now()) / 1000));
    c.header('RateLimit-Policy', `${perMinute};w=60`);
    c.header('RateLimit-Limit', String(perMinute));
    c.header('RateLimit-Remaining', String(Math.max(0, perMinute - count)));
    c.header('RateLimit-Reset', String(secs));
    if (count > perMinute) {
      c.header('Retry-After', String(secs));
      return c.json(errorBody('rate_limited', `Too many requests. Try again in ${secs} s.`), 429);
    }
    await next();
    return undefined;
  };
}
