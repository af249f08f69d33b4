/** SQLite: threads, comments and the idempotency keys of comment posts. */
import { DomainError, type CommentRow, type CommentStore, type NewComment, type Status } from '../../domain.ts';
import { decodeCursor, isClosed, isNum, newId, paginate, toComment, type CommentDbRow } from '../common.ts';
import { deskColumns, READER_STATUS } from '../desk-common.ts';
import type { SqliteDb } from './db.ts';

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
      this.d.s("SELECT COUNT(*) AS n FROM comments WHERE thread_id = ? AND status = 'approved'").get(thread) as {
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
        const prior = this.d
          .s(
            `SELECT i.comment_id, c.status FROM idempotency i JOIN comments c ON c.id = i.comment_id
             WHERE i.thread_id = ? AND i.key = ?`,
          )
          .get(input.thread, input.idempotencyKey) as { comment_id: string; status: Status } | undefined;
        if (prior) return { id: prior.comment_id, status: prior.status, replay: true };
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
          .s('INSERT INTO idempotency(thread_id, key, comment_id, created_at) VALUES (?, ?, ?, ?)')
          .run(input.thread, input.idempotencyKey, id, now);
      }
      return { id, status: input.status, replay: false };
    });
  }

  async threadPage(thread: string, sort: 'newest' | 'oldest', limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const dir = sort === 'newest' ? 'DESC' : 'ASC';
    const cmp = sort === 'newest' ? '<' : '>';
    const rows = this.d
      .s(
        `SELECT * FROM comments WHERE thread_id = ? AND status = 'approved' AND parent_id IS NULL
         AND (? IS NULL OR seq ${cmp} ?) ORDER BY seq ${dir} LIMIT ?`,
      )
      .all(thread, after ?? null, after ?? null, limit + 1) as CommentDbRow[];
    const page = paginate(
      rows,
      limit,
      (r) => ({ ...toComment(r), replies: [] as CommentRow[] }),
      (r) => r.seq,
    );
    if (page.items.length) {
      const byId = new Map(page.items.map((i) => [i.id, i]));
      const replies = this.d
        .s(
          `SELECT * FROM comments WHERE root_id IN (SELECT value FROM json_each(?)) AND status = 'approved' ORDER BY seq ASC`,
        )
        .all(JSON.stringify([...byId.keys()])) as CommentDbRow[];
      for (const r of replies) byId.get(r.root_id!)?.replies.push(toComment(r));
    }
    return page;
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
}
