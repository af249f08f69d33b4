/** PostgreSQL: hourly view buckets, reader dedupe and the daily salt; most read. */
import { randomBytes } from 'node:crypto';
import type { Article, ViewBeacon, ViewStore } from '../../domain.ts';
import { HOUR, toArticle, type ArticleDbRow } from '../common.ts';
import type { PgDb } from './db.ts';

export class PgViews implements ViewStore {
  constructor(private readonly d: PgDb) {}

  async dailySalt(day: string): Promise<string> {
    const key = `salt:${day}`;
    // The first process to ask creates it; every process then reads the same one.
    return this.d.tx(async (sql) => {
      await sql.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        randomBytes(16).toString('hex'),
      ]);
      await sql.query("DELETE FROM meta WHERE key LIKE 'salt:%' AND key < $1", [key]);
      return (await this.d.one<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key], sql))!.value;
    });
  }

  async recordBatch(beacons: ViewBeacon[], dedupeMs: number): Promise<number> {
    if (!beacons.length) return 0;
    const ids = new Set<string>();
    const urls = new Set<string>();
    for (const b of beacons) {
      if ('id' in b.ref) ids.add(b.ref.id);
      else for (const u of b.ref.urls) urls.add(u);
    }
    const known = await this.d.rows<{ pk: number; id: string; url: string }>(
      'SELECT pk, id, url FROM articles WHERE id = ANY($1) OR url = ANY($2)',
      [[...ids], [...urls]],
    );
    const byId = new Map(known.map((r) => [r.id, r.pk]));
    const byUrl = new Map(known.map((r) => [r.url, r.pk]));
    // One entry per reader and article (the first beacon of the batch); sorted, so concurrent
    // batches from several processes lock dedupe rows in the same order (no deadlock).
    const entries = new Map<string, { pk: number; at: number }>();
    for (const b of beacons) {
      const pk = 'id' in b.ref ? byId.get(b.ref.id) : b.ref.urls.map((u) => byUrl.get(u)).find((p) => p != null);
      if (pk == null) continue;
      const key = `${b.visitor}:${pk}`;
      if (!entries.has(key)) entries.set(key, { pk, at: b.at });
    }
    if (!entries.size) return 0;
    const keys = [...entries.keys()].sort();
    const row = await this.d.tx(async (sql) =>
      this.d.one<{ n: number }>(
        `WITH incoming AS (
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS i(key, pk, at)),
         fresh AS (
           INSERT INTO view_dedupe (key, expires_at) SELECT key, at + $4 FROM incoming ORDER BY key
           ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
             WHERE view_dedupe.expires_at <= excluded.expires_at - $4
           RETURNING key),
         counted AS (
           INSERT INTO views_hourly (article_pk, hour, count)
           SELECT pk, at / ${HOUR}, COUNT(*) FROM incoming JOIN fresh USING (key) GROUP BY 1, 2 ORDER BY 1, 2
           ON CONFLICT (article_pk, hour) DO UPDATE SET count = views_hourly.count + excluded.count
           RETURNING 1)
         SELECT COUNT(*) AS n FROM fresh`,
        [keys, keys.map((k) => entries.get(k)!.pk), keys.map((k) => entries.get(k)!.at), dedupeMs],
        sql,
      ),
    );
    return row?.n ?? 0;
  }

  async addBuckets(rows: { articleId: string; hourMs: number; count: number }[]): Promise<void> {
    await this.d.tx((sql) =>
      sql.query(
        `INSERT INTO views_hourly (article_pk, hour, count)
         SELECT a.pk, r.hour, SUM(r.count) FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(id, hour, count)
         JOIN articles a ON a.id = r.id GROUP BY 1, 2
         ON CONFLICT (article_pk, hour) DO UPDATE SET count = views_hourly.count + excluded.count`,
        [rows.map((r) => r.articleId), rows.map((r) => Math.floor(r.hourMs / HOUR)), rows.map((r) => r.count)],
      ),
    );
  }

  async mostRead(windowHours: number, limit: number, section?: string): Promise<Article[]> {
    const from = Math.floor(this.d.now() / HOUR) - windowHours + 1;
    const rows = await this.d.rows<ArticleDbRow>(
      `SELECT a.*, v.views FROM (SELECT article_pk, SUM(count) AS views FROM views_hourly WHERE hour >= $1 GROUP BY article_pk) v
       JOIN articles a ON a.pk = v.article_pk WHERE ($2::text IS NULL OR a.section = $2)
       ORDER BY v.views DESC, COALESCE(a.published_at, 0) DESC, a.pk DESC LIMIT $3`,
      [from, section ?? null, limit],
    );
    return rows.map(toArticle);
  }

  async prune(): Promise<void> {
    await this.d.pool.query('DELETE FROM view_dedupe WHERE expires_at <= $1', [this.d.now()]);
    await this.d.pool.query('DELETE FROM rate_limits WHERE reset_at <= $1', [this.d.now()]);
  }
}
