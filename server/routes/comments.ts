/** Readers' comments: a thread's approved comments, posting (pre-moderated), statuses and counts. */
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { LIMITS, PAGE, type CommentData } from '../../src/core/contract.ts';
import { TEXT_PROBLEM_CODE, nameProblem, textProblem, type TextProblem } from '../../src/core/text-rules.ts';
import type { CommentRow } from '../domain.ts';
import type { Env } from '../http/context.ts';
import { utf8 } from '../http/cache.ts';
import { fail } from '../http/errors.ts';
import { writeGuard } from '../http/write-guard.ts';
import {
  CommentId,
  CommentPost,
  Cursor,
  Limit,
  ThreadId,
  ThreadPageQuery,
  csv,
  parse,
  readJson,
} from '../http/validate.ts';
import { commentScreening } from '../rules/screen.ts';
import type { RouteDeps } from './deps.ts';

export const threadParam = (c: Context) => parse(ThreadId, c.req.param('thread'));

/** A comment as readers get it: no email, no status; replies carry their parentId. */
export function readerComment(x: CommentRow, reply: boolean): CommentData {
  const o: CommentData = { id: x.id } as CommentData;
  if (reply && x.parentId) o.parentId = x.parentId;
  o.name = x.name;
  o.body = x.body;
  if (x.bodyHtml) o.bodyHtml = x.bodyHtml;
  o.createdAt = x.createdAt;
  o.likes = x.likes;
  return o;
}

const TEXT_MESSAGES: Record<TextProblem, string> = {
  direction_control: 'must not contain text-direction controls (U+202A–U+202E, U+2066–U+2069).',
  control_character: 'must not contain control characters.',
  invisible: 'must contain visible characters.',
  staff_name: 'must not imitate the newsroom (Ban biên tập, Admin, Quản trị…).',
};

/** A `text-rules.ts` refusal as a field error: `invalid_text` or `reserved_name`. */
function refuseText(field: 'name' | 'body', problem: TextProblem | undefined): void {
  if (problem) fail(TEXT_PROBLEM_CODE[problem], `${field} ${TEXT_MESSAGES[problem]}`, field);
}

/** The post as stored (after trimming and NFC), hashed: what an Idempotency-Key promises not to change. */
const postHash = (p: { name: string; email?: string; body: string; parentId?: string }) =>
  createHash('sha256')
    .update(JSON.stringify([p.name, p.email || '', p.body, p.parentId ?? '']))
    .digest('base64url');

export function commentRoutes({ config, storage, caches, limit, live }: RouteDeps) {
  const r = new Hono<Env>();
  const screening = commentScreening(config, storage);

  /**
   * Reader pages of a thread, cached briefly in memory. Writes readers can see clear the cache at
   * once, in every process (see `caches.changed`).
   */
  /** A page from the database, cached as bytes under its normalised parameters. */
  const loadPage = async (
    c: Context,
    thread: string,
    q: v.InferOutput<typeof ThreadPageQuery>,
    key: string,
    t: number,
  ) => {
    const [[info], page] = await Promise.all([
      storage.comments.threadInfos([thread], config.autoCloseDays),
      storage.comments.threadPage(thread, q.sort, q.limit, q.cursor, PAGE.replies.default),
    ]);
    const body = utf8(
      JSON.stringify({
        thread: { id: info!.id, closed: info!.closed, count: info!.count },
        items: page.items.map((i) => ({
          ...readerComment(i, false),
          replies: i.replies.map((rep) => readerComment(rep, true)),
          repliesCursor: i.repliesCursor,
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
    // Keyed by the validated parameters only: other query parameters cannot make new entries.
    const thread = threadParam(c);
    const q = parse(ThreadPageQuery, c.req.query());
    const key = JSON.stringify([thread, q.sort, q.limit, q.cursor ?? null]);
    const t = config.now();
    const hit = caches.threads.get(key, t);
    return hit ? c.body(hit.body) : loadPage(c, thread, q, key, t);
  });

  // Writes need a real client (JSON, an allowed Origin): write-guard.ts.
  const realClient = writeGuard(config);
  r.post('/threads/:thread{.+}/comments', realClient, limit(config.commentsPerMinute, 'comments'), async (c) => {
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
    refuseText('name', nameProblem(body.name));
    refuseText('body', textProblem(body.body));
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
      bodyHash: key === undefined ? undefined : postHash(body),
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
    if (!created.replay) await live.created({ ...created, thread });
    return c.json({ id: created.id, status }, 202);
  });

  /** The next replies of a top-level comment (a thread page shows its first PAGE.replies.default). */
  r.get('/comments/:id/replies', async (c) => {
    const id = parse(CommentId, c.req.param('id'));
    const q = parse(v.object({ limit: Limit(PAGE.replies.default, PAGE.replies.max), cursor: Cursor }), c.req.query());
    const page = await storage.comments.replies(id, q.limit, q.cursor);
    if (!page) fail('not_found', 'No such comment.', 'id');
    c.header('Cache-Control', 'no-cache');
    return c.json({ items: page.items.map((rep) => readerComment(rep, true)), nextCursor: page.nextCursor });
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
