/** PostgreSQL: threads, comments and the idempotency keys of comment posts. */
import { DomainError, type CommentRow, type CommentStore, type NewComment, type Status } from '../../domain.ts';
import { decodeCursor, isClosed, isNum, newId, paginate, toComment, type CommentDbRow } from '../common.ts';
import { deskColumns, READER_STATUS } from '../desk-common.ts';
import type { PgDb } from './db.ts';

export class PgComments implements CommentStore {
  constructor(private readonly d: PgDb) {}

  /** State and approved count of threads, in the order asked, in one query. */
  async threadInfos(ids: string[], autoCloseDays: number) {
    const now = this.d.now();
    const rows = await this.d.rows<{ id: string; closed: number | null; published_at: number | null; n: number }>(
      `SELECT q.id, t.closed, a.published_at,
         (SELECT COUNT(*) FROM comments c WHERE c.thread_id = q.id AND c.status = 'approved') AS n
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
        // ours to commit or roll back, then replays the stored comment.
        const claimed = await sql.query(
          `INSERT INTO idempotency (thread_id, key, comment_id, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (thread_id, key) DO NOTHING`,
          [input.thread, input.idempotencyKey, id, now],
        );
        if (claimed.rowCount === 0) {
          const prior = (await this.d.one<{ comment_id: string; status: Status }>(
            `SELECT i.comment_id, c.status FROM idempotency i JOIN comments c ON c.id = i.comment_id
             WHERE i.thread_id = $1 AND i.key = $2`,
            [input.thread, input.idempotencyKey],
            sql,
          ))!;
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

  async threadPage(thread: string, sort: 'newest' | 'oldest', limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const dir = sort === 'newest' ? 'DESC' : 'ASC';
    const cmp = sort === 'newest' ? '<' : '>';
    const rows = await this.d.rows<CommentDbRow>(
      `SELECT * FROM comments WHERE thread_id = $1 AND status = 'approved' AND parent_id IS NULL
       AND ($2::bigint IS NULL OR seq ${cmp} $2) ORDER BY seq ${dir} LIMIT $3`,
      [thread, after ?? null, limit + 1],
    );
    const page = paginate(
      rows,
      limit,
      (r) => ({ ...toComment(r), replies: [] as CommentRow[] }),
      (r) => r.seq,
    );
    if (page.items.length) {
      const byId = new Map(page.items.map((i) => [i.id, i]));
      const replies = await this.d.rows<CommentDbRow>(
        `SELECT * FROM comments WHERE root_id = ANY($1) AND status = 'approved' ORDER BY seq ASC`,
        [[...byId.keys()]],
      );
      for (const r of replies) byId.get(r.root_id!)?.replies.push(toComment(r));
    }
    return page;
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
}
