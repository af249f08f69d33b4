/** PostgreSQL: the moderation queue, moderation actions and their log. */
import { DomainError, type ModerationStore, type Status } from '../../domain.ts';
import {
  decodeCursor,
  isNum,
  checkNotHandled,
  moderationChange,
  paginate,
  pick,
  toComment,
  toLogEntry,
  toQueueItem,
  type CommentDbRow,
  type LogDbRow,
  type QueueDbRow,
} from '../common.ts';
import type { PgDb, Sql } from './db.ts';

export class PgModeration implements ModerationStore {
  constructor(private readonly d: PgDb) {}

  async queue(status: Status, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    // Pending: oldest first (a queue). Approved/rejected: most recent first.
    const dir = status === 'pending' ? 'ASC' : 'DESC';
    const cmp = status === 'pending' ? '>' : '<';
    const [rows, countRows] = await Promise.all([
      this.d.rows<QueueDbRow>(
        `SELECT c.*, a.title AS article_title, a.url AS article_url, p.name AS parent_name, p.body AS parent_body
         FROM comments c LEFT JOIN articles a ON a.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
         WHERE c.status = $1 AND ($2::bigint IS NULL OR c.seq ${cmp} $2) ORDER BY c.seq ${dir} LIMIT $3`,
        [status, after ?? null, limit + 1],
      ),
      this.d.rows<{ status: Status; n: number }>('SELECT status, COUNT(*) AS n FROM comments GROUP BY status'),
    ]);
    const counts: Record<Status, number> = { pending: 0, approved: 0, rejected: 0 };
    for (const r of countRows) counts[r.status] = r.n;
    return { ...paginate(rows, limit, toQueueItem, (r) => r.seq), counts };
  }

  async moderate(
    id: string,
    action: 'approve' | 'reject' | 'edit',
    edit: { body?: string; bodyHtml?: string | null },
    actor: string,
    expected?: Status,
  ) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const before = await this.d.one<CommentDbRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [id], sql);
      if (!before) throw new DomainError('comment_not_found');
      checkNotHandled(before.status, action, expected, edit);
      const change = moderationChange(before, action, edit);
      const after = (await this.d.one<CommentDbRow>(
        `UPDATE comments SET body = $1, body_html = $2, original_body = $3, status = $4, silent = 0, updated_at = $5
         WHERE id = $6 RETURNING *`,
        [change.body, change.bodyHtml, change.original, change.status, now, id],
        sql,
      ))!;
      await this.write(sql, actor, change.logAction, id, before.thread_id, pick(before), pick(after));
      return { ...toComment(after), previousStatus: before.status };
    });
  }

  async setThreadClosed(thread: string, closed: boolean, actor: string) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const before = await this.d.one<{ closed: number | null }>(
        'SELECT closed FROM threads WHERE id = $1 FOR UPDATE',
        [thread],
        sql,
      );
      await sql.query(
        'INSERT INTO threads (id, closed, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET closed = excluded.closed',
        [thread, closed ? 1 : 0, now],
      );
      const was = before?.closed ?? null;
      await this.write(
        sql,
        actor,
        closed ? 'close' : 'reopen',
        null,
        thread,
        { closed: was },
        { closed: closed ? 1 : 0 },
      );
      const { n } = (await this.d.one<{ n: number }>(
        "SELECT COUNT(*) AS n FROM comments WHERE thread_id = $1 AND status = 'approved' AND hidden = 0",
        [thread],
        sql,
      ))!;
      return { id: thread, closed, count: n, changed: was !== (closed ? 1 : 0) };
    });
  }

  /** One line of the moderation log, on the caller's transaction. */
  async write(
    sql: Sql,
    actor: string,
    action: string,
    commentId: string | null,
    thread: string | null,
    before: unknown,
    after: unknown,
  ) {
    await sql.query(
      'INSERT INTO moderation_log (at, actor, action, comment_id, thread_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [this.d.now(), actor, action, commentId, thread, JSON.stringify(before), JSON.stringify(after)],
    );
  }

  async history(limit: number, cursor?: string) {
    const before = decodeCursor(cursor, isNum);
    const rows = await this.d.rows<LogDbRow>(
      'SELECT * FROM moderation_log WHERE ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2',
      [before ?? null, limit + 1],
    );
    return paginate(rows, limit, toLogEntry, (r) => r.seq);
  }
}
