/**
 * The real reference server inside the browser tests' dev server: every request under
 * `/__api/<name>/…` goes to the server's own app (routes, validation, storage on an in-memory
 * SQLite database), one app per `<name>`, so each test gets a fresh database by choosing a new
 * name. In front of it sits a fault layer a test can program with
 *   POST   /__api/<name>/__fault  {"kind":"network"|"status"|"delay", "status"?, "ms"?, "times"?, "method"?, "path"?}
 *   DELETE /__api/<name>/__fault
 * `network` destroys the socket (the browser sees a network error while online), `status`
 * answers that status with a JSON error (and `Retry-After: 1` for 429), `delay` waits `ms`
 * first. `times` limits how many matching requests a fault applies to (default: all);
 * `method` and `path` (a substring of the API path) narrow which requests match.
 * The moderator token of these apps is `test-moderator-token`. Desk accounts:
 *   POST   /__api/<name>/__editor  {"name"}  → {"name", "secret"}
 * creates an editor on that app's database with the server's own account code (as
 * `npm run editor -- add` does). The app's session cookie (`Path=/api/moderation`) is rewritten to
 * the prefix the browser sees (`Path=/__api/<name>/moderation`), as a reverse proxy mounting the
 * API elsewhere would (nginx: proxy_cookie_path).
 * Two seeding hooks call the server's own code on that app's storage, for data no API writes:
 *   POST /__api/<name>/__import  (body: a Disqus or WordPress export) runs `npm run import`'s import
 *   POST /__api/<name>/__views   [{"articleId", "hourMs", "count"}] adds views to hourly buckets
 * Live streams (text/event-stream) are passed through unbuffered.
 *   POST   /__api/<name>/__config  {"feeds"?, "siteOrigins"?, "allowedOrigins"?}
 * sets the server configuration of that app; it must come before the app's first request.
 */
import { Readable } from 'node:stream';
import { register } from 'tsx/esm/api';

register();
const { createTestApp, addTestEditor } = await import('../../server/testing.ts');

const PREFIX = '/__api/';
const apps = new Map();
const faults = new Map();
const configs = new Map();

const appFor = (name) => {
  // TRUST_PROXY: a test may post as several readers (X-Forwarded-For), each with its own rate limit.
  if (!apps.has(name)) apps.set(name, createTestApp({ trustProxy: true, ...configs.get(name) }));
  return apps.get(name);
};

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function takeFault(name, method, path) {
  const list = faults.get(name) ?? [];
  const fault = list.find(
    (f) => (!f.method || f.method === method) && (!f.path || path.includes(f.path)) && f.times !== 0,
  );
  if (fault && typeof fault.times === 'number') fault.times -= 1;
  return fault;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

export async function apiMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const [name, ...rest] = ctx.path.slice(PREFIX.length).split('/');
  const path = '/' + rest.join('/');
  if (!/^[\w-]{1,80}$/.test(name)) {
    ctx.status = 400;
    return;
  }

  if (path === '/__fault') {
    if (ctx.method === 'DELETE') faults.delete(name);
    else faults.set(name, [...(faults.get(name) ?? []), JSON.parse((await readBody(ctx.req)).toString() || '{}')]);
    ctx.status = 204;
    return;
  }

  if (ctx.method === 'POST' && (path === '/__import' || path === '/__views')) {
    const { storage } = await appFor(name);
    const body = (await readBody(ctx.req)).toString('utf8');
    ctx.type = 'application/json';
    if (path === '/__views') {
      await storage.views.addBuckets(JSON.parse(body));
      ctx.body = '{}';
    } else {
      const { importExport } = await import('../../server/import/index.ts');
      ctx.body = JSON.stringify(await importExport(storage, body));
    }
    return;
  }

  if (path === '/__editor' && ctx.method === 'POST') {
    const { storage } = await appFor(name);
    const editor = JSON.parse((await readBody(ctx.req)).toString() || '{}').name;
    ctx.type = 'application/json';
    try {
      ctx.body = JSON.stringify({ name: editor, secret: await addTestEditor(storage, editor) });
    } catch (error) {
      ctx.status = 400;
      ctx.body = JSON.stringify({ error: { code: 'invalid_input', message: String(error?.message ?? error) } });
    }
    return;
  }

  if (path === '/__config' && ctx.method === 'POST') {
    const given = JSON.parse((await readBody(ctx.req)).toString() || '{}');
    const keys = ['feeds', 'siteOrigins', 'allowedOrigins'].filter((key) => Array.isArray(given[key]));
    configs.set(name, Object.fromEntries(keys.map((key) => [key, given[key].map(String)])));
    ctx.status = apps.has(name) ? 409 : 204;
    return;
  }

  const fault = takeFault(name, ctx.method, path);
  if (fault?.kind === 'network') {
    ctx.req.socket.destroy();
    ctx.respond = false;
    return;
  }
  if (fault?.kind === 'delay') await sleep(fault.ms ?? 1000);
  if (fault?.kind === 'status') {
    ctx.status = fault.status ?? 503;
    ctx.type = 'application/json';
    if (ctx.status === 429) ctx.set('retry-after', '1');
    ctx.body = JSON.stringify({ error: { code: 'fault', message: `Injected ${ctx.status}` } });
    return;
  }

  const { app } = await appFor(name);
  const search = ctx.querystring ? `?${ctx.querystring}` : '';
  const hasBody = !['GET', 'HEAD'].includes(ctx.method);
  const request = new Request(`http://${ctx.host}/api${path}${search}`, {
    method: ctx.method,
    headers: Object.entries(ctx.req.headers).filter(([, value]) => typeof value === 'string'),
    body: hasBody ? await readBody(ctx.req) : undefined,
  });
  const response = await app.fetch(request, { incoming: ctx.req });
  ctx.status = response.status;
  response.headers.forEach((value, key) => {
    if (key !== 'content-length' && key !== 'content-encoding' && key !== 'set-cookie') ctx.set(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length)
    ctx.set(
      'set-cookie',
      cookies.map((cookie) => cookie.replace(/; Path=\/api(?=[/;]|$)/i, `; Path=${PREFIX}${name}`)),
    );
  // Live streams (SSE) go through as they come; the browser closing one cancels it in the app.
  if (response.body && response.headers.get('content-type')?.startsWith('text/event-stream')) {
    ctx.compress = false;
    ctx.body = Readable.fromWeb(response.body);
    return;
  }
  ctx.body = Buffer.from(await response.arrayBuffer());
}
