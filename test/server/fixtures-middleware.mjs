/**
 * Test-only HTTP behaviours the browser tests ask for by URL, so that every failure mode is a
 * real response from a real server:
 *   /__fixture/status/404                 → that status with a JSON error
 *   /__fixture/delay/3000?then=/path      → waits, then serves /path
 *   /__fixture/body?type=…&body=…         → the given body with the given content-type
 *   /__fixture/count?key=k                → how many requests /__fixture/counted?key=k received
 *   /__fixture/counted?key=k&then=/path   → counts, then serves /path
 *   /__fixture/csp?page=/path             → serves /path with the strict CSP + Trusted Types
 * Files under /test/fixtures/feeds/ are served as raw bytes: the dev server would otherwise
 * re-encode Latin-1 feeds as UTF-8 and hide the very bug those fixtures exist to catch.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const counts = new Map();
export const STRICT_CSP =
  "default-src 'self'; require-trusted-types-for 'script'; trusted-types news-widgets lit-html dompurify 'allow-duplicates'";

const RAW_TYPES = { xml: 'application/xml', json: 'application/json' };

async function serveRaw(ctx, pathname) {
  const file = resolve(process.cwd(), `.${decodeURIComponent(pathname)}`);
  if (!file.startsWith(resolve(process.cwd(), 'test/fixtures/feeds'))) {
    ctx.status = 400;
    return;
  }
  try {
    ctx.body = await readFile(file);
    ctx.type = RAW_TYPES[file.split('.').pop()] ?? 'application/octet-stream';
  } catch {
    ctx.status = 404;
  }
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

export async function fixturesMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (url.pathname.startsWith('/test/fixtures/feeds/')) return serveRaw(ctx, url.pathname);
  if (!url.pathname.startsWith('/__fixture/')) return next();
  const [, , kind, arg] = url.pathname.split('/');
  const forward = async (path) => {
    ctx.url = path;
    return next();
  };
  switch (kind) {
    case 'status':
      ctx.status = Number(arg) || 500;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ error: { code: 'fixture', message: `Status ${ctx.status}` } });
      return;
    case 'delay':
      await sleep(Math.min(Number(arg) || 0, 30000));
      if (url.searchParams.get('then')) return forward(url.searchParams.get('then'));
      ctx.type = 'application/json';
      ctx.body = '{"items":[]}';
      return;
    case 'body':
      ctx.type = url.searchParams.get('type') ?? 'text/plain';
      ctx.body = url.searchParams.get('body') ?? '';
      return;
    case 'counted': {
      const key = url.searchParams.get('key') ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (url.searchParams.get('delay')) await sleep(Math.min(Number(url.searchParams.get('delay')), 10000));
      return forward(url.searchParams.get('then') ?? '/');
    }
    case 'count':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ count: counts.get(url.searchParams.get('key') ?? '') ?? 0 });
      return;
    case 'csp': {
      const page = url.searchParams.get('page') ?? '';
      const file = resolve(process.cwd(), `.${page.startsWith('/') ? page : `/${page}`}`);
      if (!file.startsWith(process.cwd())) {
        ctx.status = 400;
        return;
      }
      ctx.type = 'text/html';
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.body = await readFile(file, 'utf8');
      return;
    }
    default:
      ctx.status = 404;
  }
}
