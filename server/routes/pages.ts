/** Pages and files: the demo article, the moderation desk, the bundles (/cdn/, see cdn.ts) and demo assets. */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Env } from '../http/context.ts';
import { cdnRoutes } from './cdn.ts';

export const CSP =
  "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types news-widgets lit-html dompurify 'allow-duplicates'";

/** For HTML answers: the strict CSP with Trusted Types. */
const pageHeaders = (c: Context) => {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Frame-Options', 'SAMEORIGIN');
};

export function pageRoutes(config: Config) {
  const r = new Hono<Env>();
  const page = (file: string, fallback: string) => (c: Context) => {
    const path = join(config.rootDir, file);
    const html = existsSync(path) ? readFileSync(path, 'utf8') : fallback;
    c.header('Cache-Control', 'no-cache');
    pageHeaders(c);
    return c.html(html);
  };
  r.get(
    '/',
    page(
      'demo/index.html',
      '<!doctype html><meta charset="utf-8"><title>news-widgets</title><p>demo/index.html is missing.</p>',
    ),
  );
  r.get(
    '/moderation',
    page(
      'server/public/moderation.html',
      '<!doctype html><meta charset="utf-8"><title>Moderation</title><p>Desk page missing.</p>',
    ),
  );
  r.get('/favicon.ico', (c) => c.body(null, 204));
  const staticHeaders = (path: string, c: Context) => {
    c.header('Cache-Control', 'no-cache');
    if (path.endsWith('.html')) pageHeaders(c);
    if (path.endsWith('.xml')) c.header('Content-Type', 'application/xml; charset=UTF-8');
  };
  /** serveStatic, created on first use (dist/ may be built after the server starts). */
  const lazyStatic = (root: string): MiddlewareHandler => {
    let mw: MiddlewareHandler | undefined;
    return async (c, next) => {
      if (!existsSync(root)) return next();
      mw ??= serveStatic({ root, onFound: staticHeaders });
      return mw(c, next);
    };
  };
  r.route('/cdn', cdnRoutes(config));
  r.use('/demo/*', lazyStatic(config.rootDir));
  return r;
}
