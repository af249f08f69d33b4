/**
 * The desk's "Bị báo cáo" queue (bearer token, under `/api/moderation`): approved comments readers
 * reported, with reasons and counts; the editor keeps the comment (reports cleared) or removes it
 * (rejected). Both are logged in the moderation log.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { PAGE } from '../../src/core/contract.ts';
import { actor, type Env } from '../http/context.ts';
import { CommentId, Cursor, Limit, parse, readJson } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';
import { NoData } from './reactions.ts';

export function reportRoutes({ storage, caches, moderator }: RouteDeps) {
  const r = new Hono<Env>();
  r.use('*', moderator);

  r.get('/reported', async (c) => {
    const q = parse(
      v.object({ cursor: Cursor, limit: Limit(PAGE.moderation.default, PAGE.moderation.max) }),
      c.req.query(),
    );
    const [page, count] = await Promise.all([storage.reports.queue(q.limit, q.cursor), storage.reports.openCount()]);
    return c.json({ items: page.items, count, nextCursor: page.nextCursor });
  });

  for (const action of ['keep', 'remove'] as const) {
    r.post(`/comments/:id/${action}`, async (c) => {
      const id = parse(CommentId, c.req.param('id'));
      parse(NoData, await readJson(c));
      const done = await storage.reports.resolve(id, action, actor(c));
      // Kept: a hidden comment shows again; removed: it goes. Either way readers' pages change.
      caches.changed();
      return c.json({ id: done.id, status: done.status, reports: 0, hidden: false });
    });
  }

  return r;
}
