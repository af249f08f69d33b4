/**
 * Readers' reactions to approved comments: "Thích" (like, unlike) and "Báo vi phạm" (report).
 * One of each per reader per comment (a daily-salted hash, `http/reader.ts`), rate-limited per
 * client. A like clears this process's cached thread pages (the reader's next page shows it) but
 * is not broadcast to other processes: there, counts may lag by up to THREAD_CACHE_MS. The answer
 * always carries the comment's current count.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { LIMITS, REPORT_REASONS, type LikeAnswer } from '../../src/core/contract.ts';
import type { Env } from '../http/context.ts';
import { readerHasher } from '../http/reader.ts';
import { CommentId, Text, parse, readJson } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';
import { writeGuard } from '../http/write-guard.ts';

/** A request that carries no data: an empty body or a JSON object (`{}`). */
export const NoData = v.custom<Record<string, unknown> | undefined>(
  (x) => x === undefined || (typeof x === 'object' && x !== null && !Array.isArray(x)),
  'The body must be a JSON object.',
);

const ReportIn = v.object(
  {
    reason: v.picklist(REPORT_REASONS, `reason must be one of ${REPORT_REASONS.join(', ')}.`),
    text: v.optional(Text(0, LIMITS.reportText, 'text')),
  },
  'A JSON body {"reason", "text"?} is required.',
);

export function reactionRoutes({ config, storage, caches, limit, live }: RouteDeps) {
  const r = new Hono<Env>();
  const reader = readerHasher(storage, config);

  for (const [path, liked] of [
    ['like', true],
    ['unlike', false],
  ] as const) {
    r.post(`/comments/:id/${path}`, writeGuard(config), limit(config.likesPerMinute, 'likes'), async (c) => {
      const id = parse(CommentId, c.req.param('id'));
      parse(NoData, await readJson(c));
      const done = await storage.likes.set(id, await reader(c), liked);
      if (done.changed) {
        caches.threads.clear();
        // Readers with the thread open see the new count (the live stream's `likes` event).
        await live.thread(done.thread, 'likes', { commentId: id, likes: done.likes });
      }
      return c.json({ id, likes: done.likes, liked: done.liked } satisfies LikeAnswer);
    });
  }

  r.post('/comments/:id/report', writeGuard(config), limit(config.reportsPerMinute, 'reports'), async (c) => {
    const id = parse(CommentId, c.req.param('id'));
    const body = parse(ReportIn, await readJson(c));
    const done = await storage.reports.report(
      id,
      await reader(c),
      { reason: body.reason, text: body.text || undefined },
      config.reportHideThreshold,
    );
    // Hidden at the threshold: readers' cached pages must drop it now.
    if (done.hiddenNow) caches.changed();
    return c.json({ id, reported: true }, 202);
  });

  return r;
}
