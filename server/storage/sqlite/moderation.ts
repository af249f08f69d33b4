/** SQLite: the moderation queue, moderation actions and their log. */
import { DomainError, type LogEntry, type ModerationStore, type Page, type Status } from '../../domain.ts';
import {
  decodeCursor,
  isNum,
  paginate,
  checkNotHandled,
  moderationChange,
  pick,
  toComment,
  toLogEntry,
  toQueueItem,
  type CommentDbRow,
  type LogDbRow,
  type QueueDbRow,
} from '../common.ts';
import type { SqliteDb } from './db.ts';
import type { SqliteComments } from './comments.ts';

export class SqliteModeration implements ModerationStore {
  constructor(
    private readonly d: SqliteDb,
    private readonly comments: SqliteComments,
  ) {}

  async queue(status: Status, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    // Pending: oldest first (a queue). Approved/rejected: most recent first.
    const dir = status === 'pending' ? 'ASC' : 'DESC';
    const cmp = status === 'pending' ? '>' : '<';
    const rows = this.d
      .s(
        `SELECT c.*, a.title AS article_title, a.url AS article_url, p.name AS parent_name, p.body AS parent_body
         FROM comments c LEFT JOIN articles a ON a.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
         WHERE c.status = ? AND (? IS NULL OR c.seq ${cmp} ?) ORDER BY c.seq ${dir} LIMIT ?`,
      )
      .all(status, after ?? null, after ?? null, limit + 1) as QueueDbRow[];
    const counts: Record<Status, number> = { pending: 0, approved: 0, rejected: 0 };
    for (const r of this.d.s('SELECT status, COUNT(*) AS n FROM comments GROUP BY status').all() as {
      status: Status;
      n: number;
    }[])
      counts[r.status] = r.n;
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
    return this.d.tx(() => {
      const before = this.d.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow | undefined;
      if (!before) throw new DomainError('comment_not_found');
      checkNotHandled(before.status, action, expected, edit);
      const change = moderationChange(before, action, edit);
      this.d
        .s(
          'UPDATE comments SET body = ?, body_html = ?, original_body = ?, status = ?, silent = 0, updated_at = ? WHERE id = ?',
        )
        .run(change.body, change.bodyHtml, change.original, change.status, now, id);
      const after = this.d.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow;
      this.write(actor, change.logAction, id, before.thread_id, pick(before), pick(after));
      return { ...toComment(after), previousStatus: before.status };
    });
  }

  async setThreadClosed(thread: string, closed: boolean, actor: string) {
    const now = this.d.now();
    return this.d.tx(() => {
      const before = this.d.s('SELECT closed FROM threads WHERE id = ?').get(thread) as
        { closed: number | null } | undefined;
      this.d
        .s(
          'INSERT INTO threads(id, closed, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET closed = excluded.closed',
        )
        .run(thread, closed ? 1 : 0, now);
      const was = before?.closed ?? null;
      this.write(actor, closed ? 'close' : 'reopen', null, thread, { closed: was }, { closed: closed ? 1 : 0 });
      return { id: thread, closed, count: this.comments.approvedCount(thread), changed: was !== (closed ? 1 : 0) };
    });
  }

  /** One line of the moderation log (inside the caller's transaction). */
  write(
    actor: string,
    action: string,
    commentId: string | null,
    thread: string | null,
    before: unknown,
    after: unknown,
  ) {
    this.d
      .s(
        'INSERT INTO moderation_log(at, actor, action, comment_id, thread_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(this.d.now(), actor, action, commentId, thread, JSON.stringify(before), JSON.stringify(after));
  }

  async history(limit: number, cursor?: string): Promise<Page<LogEntry>> {
    const before = decodeCursor(cursor, isNum);
    const rows = this.d
      .s('SELECT * FROM moderation_log WHERE (? IS NULL OR seq < ?) ORDER BY seq DESC LIMIT ?')
      .all(before ?? null, before ?? null, limit + 1) as LogDbRow[];
    return paginate(rows, limit, toLogEntry, (r) => r.seq);
  }
}
