/**
 * The desk's rules, bans, bulk actions and filtered, searchable queue, under `/api/moderation`
 * (the same guard as every desk route). Every change is logged in the moderation log.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { DESK_LIMITS, PAGE, QUEUE_STATES } from '../../src/core/contract.ts';
import type { Env } from '../http/context.ts';
import { actor } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { CommentId, Cursor, Limit, Text, ThreadId, cleanText, parse, readJson } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';
import { queueItemJson } from './moderation.ts';

const int = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(`${what} must be a number.`),
    v.integer(`${what} must be a whole number.`),
    v.minValue(min, `${what} must be at least ${min}.`),
    v.maxValue(max, `${what} must be at most ${max}.`),
  );

const ruleBase = {
  action: v.picklist(['hold', 'reject'], 'action must be hold or reject.'),
  enabled: v.optional(v.boolean('enabled must be true or false.'), true),
};

/** A rule as the desk sends it: its kind decides the shape of `config`. */
const RuleIn = v.variant(
  'kind',
  [
    v.object({
      kind: v.literal('words'),
      ...ruleBase,
      config: v.object({
        words: v.pipe(
          v.array(
            v.object({
              word: v.pipe(
                Text(1, DESK_LIMITS.ruleWord, 'word'),
                v.check((w) => /[\p{L}\p{N}]/u.test(w), 'A word needs a letter.'),
              ),
              folded: v.optional(v.boolean('folded must be true or false.'), false),
            }),
            'words must be a list.',
          ),
          v.minLength(1, 'A word list needs a word.'),
          v.maxLength(DESK_LIMITS.ruleWords, `At most ${DESK_LIMITS.ruleWords} words.`),
        ),
      }),
    }),
    v.object({ kind: v.literal('links'), ...ruleBase, config: v.object({ max: int(0, 50, 'max') }) }),
    v.object({
      kind: v.literal('duplicate'),
      ...ruleBase,
      config: v.object({
        threads: int(2, 50, 'threads'),
        windowMinutes: int(1, 7 * 24 * 60, 'windowMinutes'),
        minLength: v.optional(int(1, 2000, 'minLength'), 20),
      }),
    }),
    v.object({
      kind: v.literal('caps'),
      ...ruleBase,
      config: v.object({
        minLetters: int(1, 2000, 'minLetters'),
        ratio: v.pipe(
          v.number('ratio must be a number.'),
          v.minValue(0.5, 'ratio must be at least 0.5.'),
          v.maxValue(1, 'ratio must be at most 1.'),
        ),
      }),
    }),
    v.object({ kind: v.literal('no_diacritics'), ...ruleBase, config: v.optional(v.object({}), {}) }),
  ],
  'kind must be words, links, duplicate, caps or no_diacritics.',
);

const RuleId = v.pipe(v.string(), v.regex(/^\d{1,12}$/, 'Invalid id.'), v.transform(Number));

const BanIn = v.object({
  commentId: CommentId,
  /** Days; null or absent: for good. */
  days: v.optional(v.nullable(int(1, DESK_LIMITS.banDays, 'days')), null),
  email: v.optional(v.boolean('email must be true or false.'), false),
  reason: v.optional(v.pipe(Text(0, DESK_LIMITS.banReason, 'reason'))),
});

const BulkIn = v.object({
  ids: v.pipe(
    v.array(CommentId, 'ids must be a list of comment ids.'),
    v.minLength(1, 'ids is required.'),
    v.maxLength(DESK_LIMITS.bulkIds, `At most ${DESK_LIMITS.bulkIds} ids.`),
    v.transform((ids) => [...new Set(ids)]),
  ),
  action: v.picklist(['approve', 'reject'], 'action must be approve or reject.'),
});

const Page = { cursor: Cursor, limit: Limit(PAGE.moderation.default, PAGE.moderation.max) };

const QueueQuery = v.object({
  state: v.optional(v.picklist(QUEUE_STATES, `state must be one of ${QUEUE_STATES.join(', ')}.`), 'pending'),
  thread: v.optional(v.pipe(v.string(), v.transform(cleanText), v.union([v.literal(''), ThreadId]))),
  q: v.optional(
    v.pipe(
      v.string(),
      v.transform(cleanText),
      v.maxLength(DESK_LIMITS.search, `q must be at most ${DESK_LIMITS.search} characters.`),
    ),
  ),
  ...Page,
});

export function deskRoutes({ storage, caches, moderator }: RouteDeps) {
  const r = new Hono<Env>();
  r.use('*', moderator);
  const body = async <T extends v.GenericSchema>(schema: T, c: Parameters<typeof readJson>[0]) =>
    parse(schema, (await readJson(c)) ?? fail('invalid_input', 'A JSON body is required.'));

  // ---------------------------------------------------------------- the filtered queue, bulk

  r.get('/comments', async (c) => {
    const q = parse(QueueQuery, c.req.query());
    const page = await storage.desk.queue(
      { state: q.state, thread: q.thread || undefined, q: q.q || undefined },
      q.limit,
      q.cursor,
    );
    return c.json({
      items: page.items.map((i) => ({ ...queueItemJson(i), heldBy: i.heldBy, noDiacritics: i.noDiacritics })),
      // The "Bị báo cáo" tab's count beside the states' (routes/reports.ts).
      counts: { ...page.counts, reported: await storage.reports.openCount() },
      nextCursor: page.nextCursor,
    });
  });

  r.post('/bulk', async (c) => {
    const input = await body(BulkIn, c);
    const results = await storage.desk.bulk(input.ids, input.action, actor(c));
    if (results.some((x) => x.ok)) caches.changed();
    return c.json({ results });
  });

  // ---------------------------------------------------------------- rules

  r.get('/rules', async (c) => {
    const q = parse(v.object(Page), c.req.query());
    return c.json(await storage.desk.rules(q.limit, q.cursor));
  });
  r.post('/rules', async (c) => {
    const input = await body(RuleIn, c);
    return c.json(await storage.desk.saveRule(null, input, actor(c)), 201);
  });
  r.post('/rules/:id', async (c) => {
    const id = parse(RuleId, c.req.param('id'));
    const input = await body(RuleIn, c);
    return c.json((await storage.desk.saveRule(id, input, actor(c))) ?? fail('not_found', 'No such rule.'));
  });
  r.post('/rules/:id/delete', async (c) => {
    const id = parse(RuleId, c.req.param('id'));
    if (!(await storage.desk.deleteRule(id, actor(c)))) fail('not_found', 'No such rule.');
    return c.json({ id, deleted: true });
  });

  // ---------------------------------------------------------------- bans

  r.get('/bans', async (c) => {
    const q = parse(
      v.object({ state: v.optional(v.picklist(['active', 'all'], 'state must be active or all.'), 'active'), ...Page }),
      c.req.query(),
    );
    return c.json(await storage.desk.bans(q.state === 'active', q.limit, q.cursor));
  });
  r.post('/bans', async (c) => {
    const input = await body(BanIn, c);
    const ban = await storage.desk.ban(
      { commentId: input.commentId, days: input.days, email: input.email, reason: input.reason || undefined },
      actor(c),
    );
    if (!ban) fail('not_found', 'No such comment.');
    if (ban === 'no_author')
      fail('invalid_input', 'This comment was posted before authors were recorded and has no e-mail.', 'commentId');
    return c.json(ban, 201);
  });
  r.post('/bans/:id/lift', async (c) => {
    const id = parse(RuleId, c.req.param('id'));
    return c.json((await storage.desk.liftBan(id, actor(c))) ?? fail('not_found', 'No such ban.'));
  });

  return r;
}
