/** `GET /api/health` for load balancers: 200 when the database answers and its migrations are current, else 503. */
import { Hono } from 'hono';
import type { Env } from '../http/context.ts';
import type { RouteDeps } from './deps.ts';

export function healthRoutes({ storage, views, log }: RouteDeps) {
  const r = new Hono<Env>();
  r.get('/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      const h = await storage.health();
      return c.json(
        {
          status: h.ok ? 'ok' : 'migrations_pending',
          database: h.dialect,
          migrations: h.migrations,
          viewsPending: views.size,
        },
        h.ok ? 200 : 503,
      );
    } catch (e) {
      log(`[health] database unreachable: ${e instanceof Error ? e.message : String(e)}`);
      return c.json({ status: 'database_unreachable' }, 503);
    }
  });
  return r;
}
