/**
 * Writes need a real client: a reader's `POST` (comments, and the report and like routes) must be
 * `application/json`, which a web page of another site cannot send without a CORS preflight, and
 * its `Origin`, when a browser sends one, must be the API's own or one the site allows. A
 * cross-site `fetch(…, {mode: 'no-cors'})` with `text/plain` therefore stores nothing. Requests
 * without `Origin` (servers, scripts, apps) pass: they cannot ride on a visitor's browser.
 * The view beacon does not use this guard: `sendBeacon` sends `text/plain` by design.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { Env } from './context.ts';
import { errorBody } from './errors.ts';

type GuardConfig = Pick<Config, 'allowedOrigins' | 'trustProxy'> & { siteOrigins?: string[] };

/**
 * The host this API answers on: the request's Host (as the proxy saw it, X-Forwarded-Host, with
 * TRUST_PROXY). The scheme is not compared: behind a TLS proxy the server sees http while the
 * page is https, and a page on the same host is not another site.
 */
function ownHost(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return (forwarded || new URL(c.req.url).host).toLowerCase();
}

/** True when a browser page at `origin` may write through this API. */
export function originAllowed(c: Context, origin: string, config: GuardConfig): boolean {
  if (config.allowedOrigins.includes(origin) || (config.siteOrigins ?? []).includes(origin)) return true;
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) && url.host === ownHost(c, config.trustProxy);
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and anything unparsable
  }
}

/** The media type of a Content-Type header, lower case, without parameters. */
const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/** Guards a reader's write route: `403 forbidden_origin`, else `415 unsupported_media_type`, else the route. */
export function writeGuard(config: GuardConfig): MiddlewareHandler<Env> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(c, origin, config)) {
      return c.json(errorBody('forbidden_origin', 'Writes from this site are not allowed.'), 403);
    }
    if (mediaType(c.req.header('content-type')) !== 'application/json') {
      return c.json(
        errorBody('unsupported_media_type', 'Send the body as Content-Type: application/json.', 'Content-Type'),
        415,
      );
    }
    await next();
    return undefined;
  };
}
