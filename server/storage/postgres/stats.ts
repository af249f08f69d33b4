/** PostgreSQL: the desk's charts (views per bucket, comments per bucket, decision times, most commented). */
import type { StatsStore, StatsWindow } from '../../domain.ts';
import { HOUR } from '../common.ts';
import { DECISIONS, endHour, firstHour, perBucket } from '../common-stats.ts';
import type { PgDb } from './db.ts';

export class PgStats implements StatsStore {
  constructor(private readonly d: PgDb) {}

  async topViews(w: StatsWindow, limit: number) {
    const rows = await this.d.rows<{ id: string; title: string; url: string; total: number; b: number; n: number }>(
      `WITH top AS (
         SELECT article_pk, SUM(count) AS total FROM views_hourly WHERE hour >= $1 AND hour < $2
         GROUP BY article_pk ORDER BY total DESC, article_pk DESC LIMIT $5)
       SELECT a.id, a.title, a.url, t.total, (v.hour * ${HOUR} - $3) / $4 AS b, SUM(v.count) AS n
       FROM top t JOIN articles a ON a.pk = t.article_pk
       JOIN views_hourly v ON v.article_pk = t.article_pk AND v.hour >= $1 AND v.hour < $2
       GROUP BY a.pk, a.id, a.title, a.url, t.total, b ORDER BY t.total DESC, a.pk DESC`,
      [firstHour(w, HOUR), endHour(w, HOUR), w.from, w.bucketMs, limit],
    );
    const byId = new Map<
      string,
      { id: string; title: string; url: string; total: number; rows: { b: number; n: number }[] }
    >();
    for (const r of rows) {
      const a = byId.get(r.id) ?? { id: r.id, title: r.title, url: r.url, total: r.total, rows: [] };
      a.rows.push({ b: r.b, n: r.n });
      byId.set(r.id, a);
    }
    return [...byId.values()].map(({ rows: own, ...a }) => ({ ...a, counts: perBucket(w, own) }));
  }

  async comments(w: StatsWindow) {
    const rows = await this.d.rows<{ b: number; n: number; approved: number }>(
      `SELECT (created_at - $1) / $2 AS b, COUNT(*) AS n, COUNT(*) FILTER (WHERE status = 'approved') AS approved
       FROM comments WHERE created_at >= $1 AND created_at < $3 GROUP BY b`,
      [w.from, w.bucketMs, w.to],
    );
    return {
      received: perBucket(w, rows),
      approved: perBucket(
        w,
        rows.map((r) => ({ b: r.b, n: r.approved })),
      ),
    };
  }

  async decisionTimes(w: StatsWindow) {
    const r = await this.d.one<{ count: number; median: number | null; p90: number | null }>(
      `WITH first AS (
         SELECT l.comment_id, MIN(l.at) AS at FROM moderation_log l
         WHERE l.action = ANY($3::text[]) AND l.comment_id IN (
           SELECT comment_id FROM moderation_log WHERE action = ANY($3::text[]) AND at >= $1 AND at < $2)
         GROUP BY l.comment_id),
       d AS (SELECT GREATEST(0, f.at - c.created_at) AS ms FROM first f JOIN comments c ON c.id = f.comment_id
             WHERE f.at >= $1 AND f.at < $2)
       SELECT COUNT(*) AS count, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ms) AS p90 FROM d`,
      [w.from, w.to, DECISIONS],
    );
    return r?.count
      ? { count: r.count, medianMs: Math.round(r.median!), p90Ms: Math.round(r.p90!) }
      : { count: 0, medianMs: null, p90Ms: null };
  }

  async mostCommented(w: StatsWindow, limit: number) {
    return this.d.rows<{
      thread: string;
      title: string | null;
      url: string | null;
      comments: number;
      approved: number;
    }>(
      `SELECT c.thread, a.title, a.url, c.comments, c.approved FROM (
         SELECT thread_id AS thread, COUNT(*) AS comments, COUNT(*) FILTER (WHERE status = 'approved') AS approved
         FROM comments WHERE created_at >= $1 AND created_at < $2 GROUP BY thread_id) c
       LEFT JOIN articles a ON a.id = c.thread ORDER BY c.comments DESC, c.thread LIMIT $3`,
      [w.from, w.to, limit],
    );
  }
}
