/** The moderation desk's API (bearer token): queue, approve/reject/edit, close/reopen threads, log. */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { PAGE } from '../../src/core/contract.ts';
import type { QueueItem } from '../domain.ts';
import type { Env } from '../http/context.ts';
import { actor } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { CommentId, Cursor, EditIn, Limit, parse, readJson } from '../http/validate.ts';
import { htmlToText, sanitizeHtml } from '../sanitize.ts';
import { threadParam } from './comments.ts';
import type { RouteDeps } from './deps.ts';

/** Parses an optional edit; bodyHtml is sanitized before it is stored. */
async function readEdit(c: Context, required: boolean) {
  const e = parse(EditIn, await readJson(c)) ?? {};
  if (required && e.body === undefined && e.bodyHtml === undefined)
    fail('invalid_input', 'body or bodyHtml is required.', 'body');
  let bodyHtml: string | null | undefined = e.bodyHtml;
  if (typeof bodyHtml === 'string') {
    bodyHtml = bodyHtml.trim() === '' ? null : sanitizeHtml(bodyHtml.normalize('NFC'));
    if (bodyHtml !== null && htmlToText(bodyHtml) === '')
      fail('invalid_input', 'bodyHtml has no text left after sanitizing.', 'bodyHtml');
  }
  return { edit: { body: e.body, bodyHtml }, expected: e.expectedStatus };
}

/** A queue item as the desk reads it (the queue and the desk's filtered list). */
export function queueItemJson(i: QueueItem) {
  return {
    id: i.id,
    thread: i.thread,
    articleTitle: i.articleTitle,
    articleUrl: i.articleUrl,
    parentId: i.parentId,
    parent: i.parent,
    name: i.name,
    email: i.email,
    body: i.body,
    bodyHtml: i.bodyHtml,
    originalBody: i.originalBody,
    status: i.status,
    createdAt: i.createdAt,
  };
}

export function moderationRoutes({ config, storage, caches, moderator, live }: RouteDeps) {
  const r = new Hono<Env>();
  r.use('*', moderator);
  // Any moderation write changes what readers see.
  r.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'POST' && c.res.status < 400) caches.changed();
  });

  r.get('/queue', async (c) => {
    const q = parse(
      v.object({
        status: v.optional(
          v.picklist(['pending', 'approved', 'rejected'], 'status must be pending, approved or rejected.'),
          'pending',
        ),
        cursor: Cursor,
        limit: Limit(PAGE.moderation.default, PAGE.moderation.max),
      }),
      c.req.query(),
    );
    const page = await storage.moderation.queue(q.status, q.limit, q.cursor);
    return c.json({
      items: page.items.map(queueItemJson),
      // The "Bị báo cáo" tab's count beside the statuses' (routes/reports.ts).
      counts: { ...page.counts, reported: await storage.reports.openCount() },
      nextCursor: page.nextCursor,
    });
  });

  const answer = (x: { id: string; status: string; body: string; bodyHtml: string | null }) => ({
    id: x.id,
    status: x.status,
    body: x.body,
    bodyHtml: x.bodyHtml,
  });
  // The status the editor saw travels as `expectedStatus`: of two editors acting on one comment,
  // the second gets 409 `already_moderated`. Readers and the other desks hear of the change live.
  for (const action of ['approve', 'reject', 'edit'] as const) {
    r.post(`/comments/:id/${action}`, async (c) => {
      const id = parse(CommentId, c.req.param('id'));
      const { edit, expected } = await readEdit(c, action === 'edit'); // a reject's body is validated, its edit ignored
      const by = actor(c);
      const row = await storage.moderation.moderate(id, action, action === 'reject' ? {} : edit, by, expected);
      await live.moderated(row, by);
      return c.json(answer(row));
    });
  }

  for (const [path, closed] of [
    ['close', true],
    ['reopen', false],
  ] as const) {
    r.post(`/threads/:thread{.+}/${path}`, async (c) => {
      const t = await storage.moderation.setThreadClosed(threadParam(c), closed, actor(c));
      return c.json({ id: t.id, closed: t.closed, count: t.count });
    });
  }
  r.get('/threads/:thread{.+}', async (c) => {
    const [t] = await storage.comments.threadInfos([threadParam(c)], config.autoCloseDays);
    return c.json(t);
  });
  r.get('/log', async (c) => {
    const q = parse(
      v.object({ cursor: Cursor, limit: Limit(PAGE.moderation.default, PAGE.moderation.max) }),
      c.req.query(),
    );
    return c.json(await storage.moderation.history(q.limit, q.cursor));
  });

  return r;
}
