/** PostgreSQL: readers' reports ("Báo vi phạm") and the desk's "Bị báo cáo" queue. */
import type { ReportReason } from '../../../src/core/contract.ts';
import { DomainError, type ReportStore } from '../../domain.ts';
import { decodeCursor, isNum, paginate, toComment, type CommentDbRow } from '../common.ts';
import { reportState, reportedKey, toReported, type ReportedDbRow } from '../reactions.ts';
import type { PgDb } from './db.ts';
import type { PgModeration } from './moderation.ts';

export class PgReports implements ReportStore {
  constructor(
    private readonly d: PgDb,
    private readonly moderation: PgModeration,
  ) {}

  async report(
    commentId: string,
    reader: string,
    report: { reason: ReportReason; text?: string },
    hideThreshold: number,
  ) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      // Locked: concurrent reports count one after another, so the threshold hides exactly once.
      const c = await this.d.one<CommentDbRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [commentId], sql);
      if (!c) throw new DomainError('comment_not_found');
      if (c.status !== 'approved') throw new DomainError('not_approved');
      const filed =
        (
          await sql.query(
            `INSERT INTO reports (comment_id, reader, reason, text, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (comment_id, reader) DO NOTHING`,
            [commentId, reader, report.reason, report.text || null, now],
          )
        ).rowCount === 1;
      if (!filed) return { filed, reports: c.reports, hidden: c.hidden === 1, hiddenNow: false, thread: c.thread_id };
      const reports = c.reports + 1;
      const hiddenNow = c.hidden === 0 && hideThreshold > 0 && reports >= hideThreshold;
      await sql.query('UPDATE comments SET reports = $1, hidden = $2 WHERE id = $3', [
        reports,
        hiddenNow ? 1 : c.hidden,
        commentId,
      ]);
      if (hiddenNow)
        await this.moderation.write(
          sql,
          'readers',
          'hide',
          commentId,
          c.thread_id,
          { hidden: 0 },
          { hidden: 1, reports },
        );
      return { filed, reports, hidden: hiddenNow || c.hidden === 1, hiddenNow, thread: c.thread_id };
    });
  }

  async queue(limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const rows = await this.d.rows<ReportedDbRow>(
      `SELECT c.*, a.title AS article_title, a.url AS article_url, f.first_seq, f.first_at
       FROM (SELECT comment_id, MIN(seq) AS first_seq, MIN(created_at) AS first_at FROM reports
             WHERE resolved_at IS NULL GROUP BY comment_id) f
       JOIN comments c ON c.id = f.comment_id LEFT JOIN articles a ON a.id = c.thread_id
       WHERE c.status = 'approved' AND ($1::bigint IS NULL OR f.first_seq > $1) ORDER BY f.first_seq LIMIT $2`,
      [after ?? null, limit + 1],
    );
    const ids = rows.slice(0, limit).map((r) => r.id);
    const [reasons, notes] = await Promise.all([
      this.d.rows<{ comment_id: string; reason: ReportReason; n: number }>(
        `SELECT comment_id, reason, COUNT(*) AS n FROM reports
         WHERE resolved_at IS NULL AND comment_id = ANY($1) GROUP BY comment_id, reason`,
        [ids],
      ),
      this.d.rows<{ comment_id: string; text: string }>(
        `SELECT comment_id, text FROM reports WHERE resolved_at IS NULL AND text IS NOT NULL
         AND comment_id = ANY($1) ORDER BY seq DESC`,
        [ids],
      ),
    ]);
    return paginate(rows, limit, (r) => toReported(r, reasons, notes), reportedKey);
  }

  async openCount() {
    return (await this.d.one<{ n: number }>(
      `SELECT COUNT(DISTINCT r.comment_id) AS n FROM reports r JOIN comments c ON c.id = r.comment_id
       WHERE r.resolved_at IS NULL AND c.status = 'approved'`,
    ))!.n;
  }

  async resolve(id: string, action: 'keep' | 'remove', actor: string) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const before = await this.d.one<CommentDbRow>('SELECT * FROM comments WHERE id = $1 FOR UPDATE', [id], sql);
      if (!before) throw new DomainError('comment_not_found');
      await sql.query('UPDATE reports SET resolved_at = $1 WHERE comment_id = $2 AND resolved_at IS NULL', [now, id]);
      const after = (await this.d.one<CommentDbRow>(
        'UPDATE comments SET status = $1, reports = 0, hidden = 0, updated_at = $2 WHERE id = $3 RETURNING *',
        [action === 'remove' ? 'rejected' : before.status, now, id],
        sql,
      ))!;
      await this.moderation.write(sql, actor, action, id, before.thread_id, reportState(before), reportState(after));
      return toComment(after);
    });
  }
}
