import { createApp } from '../app.ts';
import type { Storage } from '../domain.ts';
import { ViewBuffer } from '../views-buffer.ts';
import { openTestStorage } from './db.ts';
import { configFromEnv, type Config } from '../config.ts';
import { seedDemo } from '../seed.ts';

export const TOKEN = 'test-token-0123456789-abcdefgh';
export const T0 = Date.parse('2026-11-29T12:00:00Z');

export interface TestCtx {
  app: ReturnType<typeof createApp>;
  storage: Storage;
  /** Writes the buffered view beacons now (the server does it every second). */
  flushViews: () => Promise<number>;
  clock: { now: number };
  config: Config;
  /** Request as a client at `ip` (default 203.0.113.1). */
  req: (path: string, init?: RequestInit & { ip?: string }) => Promise<Response>;
  json: (path: string, body: unknown, init?: RequestInit & { ip?: string }) => Promise<Response>;
  mod: (path: string, body?: unknown, method?: string) => Promise<Response>;
}

export async function makeCtx(over: Partial<Config> = {}, opts: { seed?: boolean } = {}): Promise<TestCtx> {
  const clock = { now: T0 };
  const now = () => clock.now;
  const storage = await openTestStorage(now);
  const config: Config = {
    ...configFromEnv({}),
    moderatorToken: TOKEN,
    commentsPerMinute: 1000,
    viewsPerMinute: 1000,
    now,
    ...over,
  };
  if (opts.seed) await seedDemo(storage, config.rootDir, clock.now);
  const views = new ViewBuffer(storage.views, { intervalMs: 0, dedupeMs: config.viewDedupeMs });
  const app = createApp({ config, storage, views, log: () => {} });
  const req = (path: string, init: RequestInit & { ip?: string } = {}) => {
    const { ip = '203.0.113.1', ...rest } = init;
    return Promise.resolve(app.request(path, rest, { incoming: { socket: { remoteAddress: ip } } }));
  };
  const json = (path: string, body: unknown, init: RequestInit & { ip?: string } = {}) =>
    req(path, {
      method: 'POST',
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const mod = (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
    req(path, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'x-moderator-name': encodeURIComponent('Biên tập viên A'),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { app, storage, flushViews: () => views.flush(), clock, config, req, json, mod };
}

export const comment = (over: Record<string, unknown> = {}) => ({
  name: 'Nguyễn Văn An',
  body: 'Bài viết rất hay.',
  ...over,
});
