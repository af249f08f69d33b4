/** SQLite: readers' reports ("Báo vi phạm") and the desk's "Bị báo cáo" queue. */
import type { ReportReason } from '../../../src/core/contract.ts';
import { DomainError, type ReportStore } from '../../domain.ts';
import { decodeCursor, isNum, paginate, toComment, type CommentDbRow } from '../common.ts';
import { reportState, reportedKey, toReported, type ReportedDbRow } from '../reactions.ts';
import type { SqliteDb } from './db.ts';
import type { SqliteModeration } from './moderation.ts';

export class SqliteReports implements ReportStore {
  constructor(
    private readonly d: SqliteDb,
    private readonly moderation: SqliteModeration,
  ) {}

  async report(
    commentId: string,
    reader: string,
    report: { reason: ReportReason; text?: string },
    hideThreshold: number,
  ) {
    const now = this.d.now();
    return this.d.tx(() => {
      const c = this.d.s('SELECT * FROM comments WHERE id = ?').get(commentId) as CommentDbRow | undefined;
      if (!c) throw new DomainError('comment_not_found');
      if (c.status !== 'approved') throw new DomainError('not_approved');
      const filed =
        this.d
          .s(
            `INSERT INTO reports(comment_id, reader, reason, text, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(comment_id, reader) DO NOTHING`,
          )
          .run(commentId, reader, report.reason, report.text || null, now).changes === 1;
      if (!filed) return { filed, reports: c.reports, hidden: c.hidden === 1, hiddenNow: false, thread: c.thread_id };
      const reports = c.reports + 1;
      const hiddenNow = c.hidden === 0 && hideThreshold > 0 && reports >= hideThreshold;
      this.d
        .s('UPDATE comments SET reports = ?, hidden = ? WHERE id = ?')
        .run(reports, hiddenNow ? 1 : c.hidden, commentId);
      if (hiddenNow)
        this.moderation.write('readers', 'hide', commentId, c.thread_id, { hidden: 0 }, { hidden: 1, reports });
      return { filed, reports, hidden: hiddenNow || c.hidden === 1, hiddenNow, thread: c.thread_id };
    });
  }

  async queue(limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const rows = this.d
      .s(
        `SELECT c.*, a.title AS article_title, a.url AS article_url, f.first_seq, f.first_at
         FROM (SELECT comment_id, MIN(seq) AS first_seq, MIN(created_at) AS first_at FROM reports
               WHERE resolved_at IS NULL GROUP BY comment_id) f
         JOIN comments c ON c.id = f.comment_id LEFT JOIN articles a ON a.id = c.thread_id
         WHERE c.status = 'approved' AND (? IS NULL OR f.first_seq > ?) ORDER BY f.first_seq LIMIT ?`,
      )
      .all(after ?? null, after ?? null, limit + 1) as ReportedDbRow[];
    const ids = JSON.stringify(rows.slice(0, limit).map((r) => r.id));
    const reasons = this.d
      .s(
        `SELECT comment_id, reason, COUNT(*) AS n FROM reports
         WHERE resolved_at IS NULL AND comment_id IN (SELECT value FROM json_each(?)) GROUP BY comment_id, reason`,
      )
      .all(ids) as { comment_id: string; reason: ReportReason; n: number }[];
    const notes = this.d
      .s(
        `SELECT comment_id, text FROM reports WHERE resolved_at IS NULL AND text IS NOT NULL
         AND comment_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC`,
      )
      .all(ids) as { comment_id: string; text: string }[];
    return paginate(rows, limit, (r) => toReported(r, reasons, notes), reportedKey);
  }

  async openCount() {
    return (
      this.d
        .s(
          `SELECT COUNT(DISTINCT r.comment_id) AS n FROM reports r JOIN comments c ON c.id = r.comment_id
           WHERE r.resolved_at IS NULL AND c.status = 'approved'`,
        )
        .get() as { n: number }
    ).n;
  }

  async resolve(id: string, action: 'keep' | 'remove', actor: string) {
    const now = this.d.now();
    return this.d.tx(() => {
      const before = this.d.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow | undefined;
      if (!before) throw new DomainError('comment_not_found');
      this.d.s('UPDATE reports SET resolved_at = ? WHERE comment_id = ? AND resolved_at IS NULL').run(now, id);
      const status = action === 'remove' ? 'rejected' : before.status;
      const after = this.d
        .s('UPDATE comments SET status = ?, reports = 0, hidden = 0, updated_at = ? WHERE id = ? RETURNING *')
        .get(status, now, id) as CommentDbRow;
      this.moderation.write(actor, action, id, before.thread_id, reportState(before), reportState(after));
      return toComment(after);
    });
  }
}
