/** SQLite: threads, comments and the idempotency keys of comment posts. */
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
import type { SqliteDb } from './db.ts';

const withReplies = (r: CommentDbRow) => ({
  ...toComment(r),
  replies: [] as CommentRow[],
  repliesCursor: null as string | null,
});

export class SqliteComments implements CommentStore {
  constructor(private readonly d: SqliteDb) {}

  /** Explicit state and publication date of a thread (its article may not exist). */
  threadState(id: string): { closed: number | null; published_at: number | null } {
    return this.d
      .s(
        `SELECT t.closed, a.published_at FROM (SELECT ? AS id) q
         LEFT JOIN threads t ON t.id = q.id LEFT JOIN articles a ON a.id = q.id`,
      )
      .get(id) as { closed: number | null; published_at: number | null };
  }

  approvedCount(thread: string): number {
    return (
      this.d
        .s("SELECT COUNT(*) AS n FROM comments WHERE thread_id = ? AND status = 'approved' AND hidden = 0")
        .get(thread) as {
        n: number;
      }
    ).n;
  }

  async threadInfos(ids: string[], autoCloseDays: number) {
    const now = this.d.now();
    return ids.map((id) => {
      const t = this.threadState(id);
      return { id, closed: isClosed(t.closed, t.published_at, autoCloseDays, now), count: this.approvedCount(id) };
    });
  }

  async create(input: NewComment) {
    const now = this.d.now();
    return this.d.tx(() => {
      if (input.idempotencyKey) {
        // An expired key is forgotten: the post is a new one.
        this.d
          .s('DELETE FROM idempotency WHERE thread_id = ? AND key = ? AND created_at <= ?')
          .run(input.thread, input.idempotencyKey, now - IDEMPOTENCY_KEY_TTL_MS);
        const prior = this.d
          .s(
            `SELECT i.comment_id, i.body_hash, c.status FROM idempotency i JOIN comments c ON c.id = i.comment_id
             WHERE i.thread_id = ? AND i.key = ?`,
          )
          .get(input.thread, input.idempotencyKey) as
          { comment_id: string; body_hash: string | null; status: Status } | undefined;
        if (prior) {
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
      const t = this.threadState(input.thread);
      if (isClosed(t.closed, t.published_at, input.autoCloseDays, now)) throw new DomainError('thread_closed');
      let rootId: string | null = null;
      if (input.parentId) {
        const p = this.d.s('SELECT id, root_id, thread_id, status FROM comments WHERE id = ?').get(input.parentId) as
          { id: string; root_id: string | null; thread_id: string; status: Status } | undefined;
        if (!p || p.thread_id !== input.thread || p.status === 'rejected')
          throw new DomainError('invalid_parent', 'No such parent comment in this thread.', 'parentId');
        rootId = p.root_id ?? p.id;
      }
      this.d
        .s('INSERT INTO threads(id, closed, created_at) VALUES (?, NULL, ?) ON CONFLICT(id) DO NOTHING')
        .run(input.thread, now);
      const id = newId('c');
      this.d
        .s(
          `INSERT INTO comments (id, thread_id, parent_id, root_id, name, email, body, status, created_at, updated_at,
             author_hash, body_hash, held_by, no_diacritics, silent)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.thread,
          input.parentId ?? null,
          rootId,
          input.name,
          input.email ?? null,
          input.body,
          input.status,
          now,
          now,
          ...deskColumns(input.desk),
        );
      if (input.idempotencyKey) {
        this.d
          .s('INSERT INTO idempotency(thread_id, key, comment_id, created_at, body_hash) VALUES (?, ?, ?, ?, ?)')
          .run(input.thread, input.idempotencyKey, id, now, input.bodyHash ?? null);
      }
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
      sort === 'popular' ? this.popularTop(thread, limit, cursor) : this.timeTop(thread, sort, limit, cursor);
    if (page.items.length) {
      // The first replies of each comment, one more than shown to know whether there are more.
      const byId = new Map(page.items.map((i) => [i.id, i]));
      const replies = this.d
        .s(
          `SELECT * FROM (
             SELECT c.*, ROW_NUMBER() OVER (PARTITION BY root_id ORDER BY seq) AS rn FROM comments c
             WHERE root_id IN (SELECT value FROM json_each(?)) AND status = 'approved' AND hidden = 0
           ) WHERE rn <= ? ORDER BY seq ASC`,
        )
        .all(JSON.stringify([...byId.keys()]), repliesPerComment + 1) as CommentDbRow[];
      attachReplies(byId, replies, repliesPerComment);
    }
    return page;
  }

  async replies(rootId: string, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const root = this.d
      .s("SELECT 1 FROM comments WHERE id = ? AND parent_id IS NULL AND status = 'approved' AND hidden = 0")
      .get(rootId);
    if (!root) return undefined;
    const rows = this.d
      .s(
        `SELECT * FROM comments WHERE root_id = ? AND status = 'approved' AND hidden = 0 AND (? IS NULL OR seq > ?)
         ORDER BY seq ASC LIMIT ?`,
      )
      .all(rootId, after ?? null, after ?? null, limit + 1) as CommentDbRow[];
    return paginate(rows, limit, toComment, (r) => r.seq);
  }

  /** Top-level comments, newest or oldest first. */
  private timeTop(thread: string, sort: 'newest' | 'oldest', limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const dir = sort === 'newest' ? 'DESC' : 'ASC';
    const cmp = sort === 'newest' ? '<' : '>';
    const rows = this.d
      .s(
        `SELECT * FROM comments WHERE thread_id = ? AND status = 'approved' AND hidden = 0 AND parent_id IS NULL
         AND (? IS NULL OR seq ${cmp} ?) ORDER BY seq ${dir} LIMIT ?`,
      )
      .all(thread, after ?? null, after ?? null, limit + 1) as CommentDbRow[];
    return paginate(rows, limit, withReplies, (r) => r.seq);
  }

  /** Top-level comments by likes as of the first page, then newest first (see `storage/reactions.ts`). */
  private popularTop(thread: string, limit: number, cursor?: string) {
    const [pin, likes, seq] = decodePopularCursor(cursor) ?? [null, null, null];
    const rows = this.d
      .s(
        `WITH pin AS (SELECT COALESCE(?, (SELECT MAX(seq) FROM like_events WHERE thread_id = ?), 0) AS seq),
         later AS (SELECT comment_id, SUM(delta) AS delta FROM like_events
                   WHERE thread_id = ? AND seq > (SELECT seq FROM pin) GROUP BY comment_id),
         ranked AS (SELECT c.*, c.likes - COALESCE(l.delta, 0) AS ranked, (SELECT seq FROM pin) AS pin
                    FROM comments c LEFT JOIN later l ON l.comment_id = c.id
                    WHERE c.thread_id = ? AND c.status = 'approved' AND c.hidden = 0 AND c.parent_id IS NULL)
         SELECT * FROM ranked WHERE (? IS NULL OR ranked < ? OR (ranked = ? AND seq < ?))
         ORDER BY ranked DESC, seq DESC LIMIT ?`,
      )
      .all(pin, thread, thread, thread, likes, likes, likes, seq, limit + 1) as RankedDbRow[];
    return paginate(rows, limit, withReplies, popularKey);
  }

  async statuses(ids: string[]) {
    const out: Record<string, Status | 'unknown'> = {};
    for (const id of ids) {
      const r = this.d.s(`SELECT ${READER_STATUS} AS status FROM comments WHERE id = ?`).get(id) as
        { status: Status } | undefined;
      out[id] = r?.status ?? 'unknown';
    }
    return out;
  }

  async get(id: string) {
    const r = this.d.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow | undefined;
    return r && toComment(r);
  }

  async countAll() {
    return (this.d.s('SELECT COUNT(*) AS n FROM comments').get() as { n: number }).n;
  }

  async pruneIdempotency() {
    return this.d.s('DELETE FROM idempotency WHERE created_at <= ?').run(this.d.now() - IDEMPOTENCY_KEY_TTL_MS).changes;
  }
}
