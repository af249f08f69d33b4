/** PostgreSQL: threads, comments and the idempotency keys of comment posts. */
import {
  DomainError,
  IDEMPOTENCY_KEY_TTL_MS,
  type CommentRow,
  type CommentStore,
  type NewComment,
  type Status,
} from '../../domain.ts';
import {
  attachReplies,
  decodeCursor,
  isClosed,
  isNum,
  newId,
  paginate,
  REPLIES_PER_COMMENT,
  toComment,
  type CommentDbRow,
} from '../common.ts';
import type { CommentSort } from '../../../src/core/contract.ts';
import { decodePopularCursor, popularKey, type RankedDbRow } from '../reactions.ts';
import { deskColumns, READER_STATUS } from '../desk-common.ts';
import type { PgDb } from './db.ts';

const withReplies = (r: CommentDbRow) => ({
  ...toComment(r),
  replies: [] as CommentRow[],
  repliesCursor: null as string | null,
});

export class PgComments implements CommentStore {
  constructor(private readonly d: PgDb) {}

  /** State and approved count of threads, in the order asked, in one query. */
  async threadInfos(ids: string[], autoCloseDays: number) {
    const now = this.d.now();
    const rows = await this.d.rows<{ id: string; closed: number | null; published_at: number | null; n: number }>(
      `SELECT q.id, t.closed, a.published_at,
         (SELECT COUNT(*) FROM comments c WHERE c.thread_id = q.id AND c.status = 'approved' AND c.hidden = 0) AS n
       FROM unnest($1::text[]) WITH ORDINALITY AS q(id, ord)
       LEFT JOIN threads t ON t.id = q.id LEFT JOIN articles a ON a.id = q.id
       ORDER BY q.ord`,
      [ids],
    );
    return rows.map((t) => ({ id: t.id, closed: isClosed(t.closed, t.published_at, autoCloseDays, now), count: t.n }));
  }

  async create(input: NewComment) {
    const now = this.d.now();
    const id = newId('c');
    return this.d.tx(async (sql) => {
      if (input.idempotencyKey) {
        // Claim the key first: a concurrent post with the same key (any process) waits here for
        // ours to commit or roll back, then replays the stored comment. An expired key is taken
        // over (the post is a new one).
        const claimed = await sql.query(
          `INSERT INTO idempotency (thread_id, key, comment_id, created_at, body_hash) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (thread_id, key) DO UPDATE
             SET comment_id = EXCLUDED.comment_id, created_at = EXCLUDED.created_at, body_hash = EXCLUDED.body_hash
             WHERE idempotency.created_at <= $6`,
          [input.thread, input.idempotencyKey, id, now, input.bodyHash ?? null, now - IDEMPOTENCY_KEY_TTL_MS],
        );
        if (claimed.rowCount === 0) {
          const prior = (await this.d.one<{ comment_id: string; body_hash: string | null; status: Status }>(
            `SELECT i.comment_id, i.body_hash, c.status FROM idempotency i JOIN comments c ON c.id = i.comment_id
             WHERE i.thread_id = $1 AND i.key = $2`,
            [input.thread, input.idempotencyKey],
            sql,
          ))!;
          // Keys stored before hashes were kept (body_hash NULL) replay as before.
          if (prior.body_hash && input.bodyHash && prior.body_hash !== input.bodyHash)
            throw new DomainError(
              'idempotency_mismatch',
              'Idempotency-Key reused with another body',
              'Idempotency-Key',
            );
          return { id: prior.comment_id, status: prior.status, replay: true };
        }
      }
      // One round trip for the thread's state and the parent, one for both inserts: a post is a
      // short transaction however busy the database.
      const t = (await this.d.one<{
        closed: number | null;
        published_at: number | null;
        parent_id: string | null;
        parent_root: string | null;
        parent_thread: string | null;
        parent_status: Status | null;
      }>(
        `SELECT t.closed, a.published_at,
           p.id AS parent_id, p.root_id AS parent_root, p.thread_id AS parent_thread, p.status AS parent_status
         FROM (SELECT $1::text AS id) q LEFT JOIN threads t ON t.id = q.id LEFT JOIN articles a ON a.id = q.id
         LEFT JOIN comments p ON p.id = $2`,
        [input.thread, input.parentId ?? null],
        sql,
      ))!;
      if (isClosed(t.closed, t.published_at, input.autoCloseDays, now)) throw new DomainError('thread_closed');
      let rootId: string | null = null;
      if (input.parentId) {
        if (!t.parent_id || t.parent_thread !== input.thread || t.parent_status === 'rejected')
          throw new DomainError('invalid_parent', 'No such parent comment in this thread.', 'parentId');
        rootId = t.parent_root ?? t.parent_id;
      }
      await sql.query(
        `WITH thread AS (INSERT INTO threads (id, closed, created_at) VALUES ($2, NULL, $9) ON CONFLICT (id) DO NOTHING)
         INSERT INTO comments (id, thread_id, parent_id, root_id, name, email, body, status, created_at, updated_at,
           author_hash, body_hash, held_by, no_diacritics, silent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          input.thread,
          input.parentId ?? null,
          rootId,
          input.name,
          input.email ?? null,
          input.body,
          input.status,
          now,
          ...deskColumns(input.desk),
        ],
      );
      return { id, status: input.status, replay: false };
    });
  }

  async threadPage(
    thread: string,
    sort: CommentSort,
    limit: number,
    cursor?: string,
    repliesPerComment = REPLIES_PER_COMMENT,
  ) {
    const page =
      sort === 'popular'
        ? await this.popularTop(thread, limit, cursor)
        : await this.timeTop(thread, sort, limit, cursor);
    if (page.items.length) {
      // The first replies of each comment, one more than shown to know whether there are more.
      const byId = new Map(page.items.map((i) => [i.id, i]));
      const replies = await this.d.rows<CommentDbRow>(
        `SELECT * FROM (
           SELECT c.*, ROW_NUMBER() OVER (PARTITION BY root_id ORDER BY seq) AS rn FROM comments c
           WHERE root_id = ANY($1) AND status = 'approved' AND hidden = 0
         ) r WHERE rn <= $2 ORDER BY seq ASC`,
        [[...byId.keys()], repliesPerComment + 1],
      );
      attachReplies(byId, replies, repliesPerComment);
    }
    return page;
  }

  async replies(rootId: string, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const root = await this.d.one<{ id: string }>(
      "SELECT id FROM comments WHERE id = $1 AND parent_id IS NULL AND status = 'approved' AND hidden = 0",
      [rootId],
    );
    if (!root) return undefined;
    const rows = await this.d.rows<CommentDbRow>(
      `SELECT * FROM comments WHERE root_id = $1 AND status = 'approved' AND hidden = 0 AND ($2::bigint IS NULL OR seq > $2)
       ORDER BY seq ASC LIMIT $3`,
      [rootId, after ?? null, limit + 1],
    );
    return paginate(rows, limit, toComment, (r) => r.seq);
  }

  /** Top-level comments, newest or oldest first. */
  private async timeTop(thread: string, sort: 'newest' | 'oldest', limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const dir = sort === 'newest' ? 'DESC' : 'ASC';
    const cmp = sort === 'newest' ? '<' : '>';
    const rows = await this.d.rows<CommentDbRow>(
      `SELECT * FROM comments WHERE thread_id = $1 AND status = 'approved' AND hidden = 0 AND parent_id IS NULL
       AND ($2::bigint IS NULL OR seq ${cmp} $2) ORDER BY seq ${dir} LIMIT $3`,
      [thread, after ?? null, limit + 1],
    );
    return paginate(rows, limit, withReplies, (r) => r.seq);
  }

  /**
   * Top-level comments by likes as of the first page, then newest first (see `storage/reactions.ts`).
   * One statement: the pin and the counts come from the same snapshot.
   */
  private async popularTop(thread: string, limit: number, cursor?: string) {
    const [pin, likes, seq] = decodePopularCursor(cursor) ?? [null, null, null];
    const rows = await this.d.rows<RankedDbRow>(
      `WITH pin AS (SELECT COALESCE($1::bigint, (SELECT MAX(seq) FROM like_events WHERE thread_id = $2), 0) AS seq),
       later AS (SELECT comment_id, SUM(delta) AS delta FROM like_events
                 WHERE thread_id = $2 AND seq > (SELECT seq FROM pin) GROUP BY comment_id),
       ranked AS (SELECT c.*, c.likes - COALESCE(l.delta, 0) AS ranked, (SELECT seq FROM pin) AS pin
                  FROM comments c LEFT JOIN later l ON l.comment_id = c.id
                  WHERE c.thread_id = $2 AND c.status = 'approved' AND c.hidden = 0 AND c.parent_id IS NULL)
       SELECT * FROM ranked WHERE ($3::bigint IS NULL OR (ranked, seq) < ($3, $4::bigint))
       ORDER BY ranked DESC, seq DESC LIMIT $5`,
      [pin, thread, likes, seq, limit + 1],
    );
    return paginate(rows, limit, withReplies, popularKey);
  }

  async statuses(ids: string[]) {
    const rows = await this.d.rows<{ id: string; status: Status }>(
      `SELECT id, ${READER_STATUS} AS status FROM comments WHERE id = ANY($1)`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r.status]));
    return Object.fromEntries(ids.map((id) => [id, found.get(id) ?? 'unknown'])) as Record<string, Status | 'unknown'>;
  }

  async get(id: string) {
    const r = await this.d.one<CommentDbRow>('SELECT * FROM comments WHERE id = $1', [id]);
    return r && toComment(r);
  }

  async countAll() {
    return (await this.d.one<{ n: number }>('SELECT COUNT(*) AS n FROM comments'))!.n;
  }

  async pruneIdempotency() {
    const r = await this.d.pool.query('DELETE FROM idempotency WHERE created_at <= $1', [
      this.d.now() - IDEMPOTENCY_KEY_TTL_MS,
    ]);
    return r.rowCount ?? 0;
  }
}
