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
 * The moderator token of these apps is `test-moderator-token`.
 *   POST   /__api/<name>/__config  {"feeds"?, "siteOrigins"?, "allowedOrigins"?}
 * sets the server configuration of that app; it must come before the app's first request.
 */
import { register } from 'tsx/esm/api';

register();
const { createTestApp } = await import('../../server/testing.ts');

const PREFIX = '/__api/';
const apps = new Map();
const faults = new Map();
const configs = new Map();

const appFor = (name) => {
  if (!apps.has(name)) apps.set(name, createTestApp(configs.get(name)));
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
    if (key !== 'content-length' && key !== 'content-encoding') ctx.set(key, value);
  });
  ctx.body = Buffer.from(await response.arrayBuffer());
}
