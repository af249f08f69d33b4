/** Readers' comments: a thread's approved comments, posting (pre-moderated), statuses and counts. */
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { LIMITS } from '../../src/core/contract.ts';
import type { CommentRow } from '../domain.ts';
import type { Env } from '../http/context.ts';
import { utf8 } from '../http/cache.ts';
import { fail } from '../http/errors.ts';
import { CommentId, CommentPost, ThreadId, ThreadPageQuery, csv, parse, readJson } from '../http/validate.ts';
import { commentScreening } from '../rules/screen.ts';
import type { RouteDeps } from './deps.ts';

export const threadParam = (c: Context) => parse(ThreadId, c.req.param('thread'));

/** A comment as readers get it: no email, no status; replies carry their parentId. */
function readerComment(x: CommentRow, reply: boolean) {
  const o: Record<string, unknown> = { id: x.id };
  if (reply) o.parentId = x.parentId;
  o.name = x.name;
  o.body = x.body;
  if (x.bodyHtml) o.bodyHtml = x.bodyHtml;
  o.createdAt = x.createdAt;
  return o;
}

export function commentRoutes({ config, storage, caches, limit }: RouteDeps) {
  const r = new Hono<Env>();
  const screening = commentScreening(config, storage);

  /**
   * Reader pages of a thread, cached briefly in memory. Writes readers can see clear the cache at
   * once, in every process (see `caches.changed`).
   */
  /** A page from the database, cached as bytes under the request URL. */
  const loadPage = async (c: Context, key: string, t: number) => {
    const thread = threadParam(c);
    const q = parse(ThreadPageQuery, c.req.query());
    const [[info], page] = await Promise.all([
      storage.comments.threadInfos([thread], config.autoCloseDays),
      storage.comments.threadPage(thread, q.sort, q.limit, q.cursor),
    ]);
    const body = utf8(
      JSON.stringify({
        thread: { id: info!.id, closed: info!.closed, count: info!.count },
        items: page.items.map((i) => ({
          ...readerComment(i, false),
          replies: i.replies.map((rep) => readerComment(rep, true)),
        })),
        nextCursor: page.nextCursor,
      }),
    );
    if (config.threadCacheMs > 0) caches.threads.set(key, body, t + config.threadCacheMs);
    return c.body(body);
  };

  /**
   * Reader pages of a thread, cached briefly in memory. Writes readers can see clear the cache at
   * once, in every process (see `caches.changed`). A hit is answered synchronously: this is the
   * hottest read.
   */
  r.get('/threads/:thread{.+}/comments', (c) => {
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Type', 'application/json');
    // Keyed by the raw URL: a hit skips parsing (only valid requests are ever cached).
    const key = c.req.url;
    const t = config.now();
    const hit = caches.threads.get(key, t);
    return hit ? c.body(hit.body) : loadPage(c, key, t);
  });

  r.post('/threads/:thread{.+}/comments', limit(config.commentsPerMinute, 'comments'), async (c) => {
    const thread = threadParam(c);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !/^[A-Za-z0-9_.:-]{1,128}$/.test(key)) {
      fail('invalid_input', 'Idempotency-Key must be 1–128 characters of [A-Za-z0-9_.:-].', 'Idempotency-Key');
    }
    const raw = await readJson(c);
    // Honeypot: a filled "website" field is a bot. Answer like a success, store nothing.
    if (raw && typeof raw === 'object' && 'website' in raw) {
      const w = (raw as { website: unknown }).website;
      if (w != null && w !== '' && w !== false) {
        const id =
          'c_' +
          createHash('sha256')
            .update(String(config.now()) + Math.random())
            .digest('base64url')
            .slice(0, 16);
        return c.json({ id, status: 'pending' }, 202);
      }
    }
    const body = parse(CommentPost, raw ?? fail('invalid_input', 'A JSON body is required.'));
    // Bans and the desk's rules, before storing (server/rules/): held → pending with the reasons;
    // rejected → stored silently, answered like any pending comment.
    const screen = await screening(c, thread, body.body, body.email || undefined);
    const created = await storage.comments.create({
      thread,
      name: body.name,
      email: body.email || undefined,
      body: body.body,
      parentId: body.parentId,
      idempotencyKey: key,
      status: screen.status ?? (config.premoderation ? 'pending' : 'approved'),
      autoCloseDays: config.autoCloseDays,
      desk: screen.marks,
    });
    if (created.status === 'approved' && !created.replay) caches.changed();
    // A replay answers what a status poll would (a silent rejection stays pending).
    const status = created.replay
      ? (await storage.comments.statuses([created.id]))[created.id]
      : screen.marks.silent
        ? 'pending'
        : created.status;
    return c.json({ id: created.id, status }, 202);
  });

  r.get('/comments/status', async (c) => {
    const q = parse(v.object({ ids: csv(LIMITS.batch, CommentId, 'ids') }), c.req.query());
    return c.json(await storage.comments.statuses(q.ids));
  });

  r.get('/counts', async (c) => {
    const q = parse(v.object({ threads: csv(LIMITS.batch, ThreadId, 'threads') }), c.req.query());
    const out: Record<string, number> = {};
    for (const t of await storage.comments.threadInfos(q.threads, config.autoCloseDays)) out[t.id] = t.count;
    c.header('Cache-Control', 'no-cache');
    return c.json(out);
  });

  return r;
}
