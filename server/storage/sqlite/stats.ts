/** SQLite: the desk's charts (views per bucket, comments per bucket, decision times, most commented). */
import type { StatsStore, StatsWindow } from '../../domain.ts';
import { HOUR } from '../common.ts';
import { DECISIONS, endHour, firstHour, perBucket } from '../common-stats.ts';
import type { SqliteDb } from './db.ts';

const decided = DECISIONS.map((a) => `'${a}'`).join(', ');

/**
 * The `p` percentile of column `ms` over rows ranked `i` (0-based) of `n`, interpolated between the
 * two nearest ranks as PostgreSQL's percentile_cont does (SQLite has no percentile function).
 */
function percentile(p: number): string {
  const pos = `(${p} * (n - 1))`;
  const lo = `CAST(${pos} AS INTEGER)`;
  return `SUM(CASE WHEN i = ${lo} THEN ms * (1 - (${pos} - ${lo}))
                   WHEN i = ${lo} + 1 THEN ms * (${pos} - ${lo}) ELSE 0 END)`;
}

export class SqliteStats implements StatsStore {
  constructor(private readonly d: SqliteDb) {}

  async topViews(w: StatsWindow, limit: number) {
    const [h0, h1] = [firstHour(w, HOUR), endHour(w, HOUR)];
    const top = this.d
      .s(
        `SELECT a.pk, a.id, a.title, a.url, v.total FROM (
           SELECT article_pk, SUM(count) AS total FROM views_hourly WHERE hour >= ? AND hour < ? GROUP BY article_pk) v
         JOIN articles a ON a.pk = v.article_pk ORDER BY v.total DESC, a.pk DESC LIMIT ?`,
      )
      .all(h0, h1, limit) as { pk: number; id: string; title: string; url: string; total: number }[];
    return top.map(({ pk, ...a }) => {
      const rows = this.d
        .s(
          `SELECT CAST((hour * ${HOUR} - ?) / ? AS INTEGER) AS b, SUM(count) AS n FROM views_hourly
           WHERE article_pk = ? AND hour >= ? AND hour < ? GROUP BY b`,
        )
        .all(w.from, w.bucketMs, pk, h0, h1) as { b: number; n: number }[];
      return { ...a, counts: perBucket(w, rows) };
    });
  }

  async comments(w: StatsWindow) {
    const rows = this.d
      .s(
        `SELECT CAST((created_at - ?) / ? AS INTEGER) AS b, COUNT(*) AS n, SUM(status = 'approved') AS approved FROM comments
         WHERE created_at >= ? AND created_at < ? GROUP BY b`,
      )
      .all(w.from, w.bucketMs, w.from, w.to) as { b: number; n: number; approved: number }[];
    return {
      received: perBucket(w, rows),
      approved: perBucket(
        w,
        rows.map((r) => ({ b: r.b, n: r.approved })),
      ),
    };
  }

  async decisionTimes(w: StatsWindow) {
    const r = this.d
      .s(
        `WITH first AS (
           SELECT l.comment_id, MIN(l.at) AS at FROM moderation_log l
           WHERE l.action IN (${decided}) AND l.comment_id IN (
             SELECT comment_id FROM moderation_log WHERE action IN (${decided}) AND at >= ? AND at < ?)
           GROUP BY l.comment_id),
         d AS (SELECT MAX(0, f.at - c.created_at) AS ms FROM first f JOIN comments c ON c.id = f.comment_id
               WHERE f.at >= ? AND f.at < ?),
         ranked AS (SELECT ms, ROW_NUMBER() OVER (ORDER BY ms) - 1 AS i, COUNT(*) OVER () AS n FROM d)
         SELECT COUNT(*) AS count, ${percentile(0.5)} AS median, ${percentile(0.9)} AS p90 FROM ranked`,
      )
      .get(w.from, w.to, w.from, w.to) as { count: number; median: number | null; p90: number | null };
    return r.count
      ? { count: r.count, medianMs: Math.round(r.median!), p90Ms: Math.round(r.p90!) }
      : { count: 0, medianMs: null, p90Ms: null };
  }

  async mostCommented(w: StatsWindow, limit: number) {
    return this.d
      .s(
        `SELECT c.thread, a.title, a.url, c.comments, c.approved FROM (
           SELECT thread_id AS thread, COUNT(*) AS comments, SUM(status = 'approved') AS approved FROM comments
           WHERE created_at >= ? AND created_at < ? GROUP BY thread_id) c
         LEFT JOIN articles a ON a.id = c.thread ORDER BY c.comments DESC, c.thread LIMIT ?`,
      )
      .all(w.from, w.to, limit) as {
      thread: string;
      title: string | null;
      url: string | null;
      comments: number;
      approved: number;
    }[];
  }
}
