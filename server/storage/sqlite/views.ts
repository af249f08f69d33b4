/** SQLite: hourly view buckets, reader dedupe and the daily salt; most read. */
import { randomBytes } from 'node:crypto';
import type { Article, ViewBeacon, ViewStore } from '../../domain.ts';
import { HOUR, toArticle, type ArticleDbRow } from '../common.ts';
import type { SqliteDb } from './db.ts';
import { SqliteMeta } from './meta.ts';

export class SqliteViews implements ViewStore {
  constructor(
    private readonly d: SqliteDb,
    private readonly meta: SqliteMeta,
  ) {}

  async dailySalt(day: string): Promise<string> {
    const key = `salt:${day}`;
    return this.d.tx(() => {
      const salt = this.meta.read(key);
      if (salt) return salt;
      this.d.s("DELETE FROM meta WHERE key LIKE 'salt:%' AND key <> ?").run(key);
      const fresh = randomBytes(16).toString('hex');
      this.meta.write(key, fresh);
      return fresh;
    });
  }

  async recordBatch(beacons: ViewBeacon[], dedupeMs: number): Promise<number> {
    if (!beacons.length) return 0;
    return this.d.tx(() => {
      const buckets = new Map<string, { pk: number; hour: number; n: number }>();
      // Most beacons of a batch are for a few hot articles: resolve each reference once.
      const resolved = new Map<string, { pk: number } | undefined>();
      let counted = 0;
      for (const b of beacons) {
        const refKey = 'id' in b.ref ? `i${b.ref.id}` : `u${b.ref.urls[0]}`;
        if (!resolved.has(refKey)) resolved.set(refKey, this.articlePk(b.ref));
        const art = resolved.get(refKey);
        if (!art) continue;
        // The same reader counts once per article per window (earlier beacons of this batch included).
        const key = `${b.visitor}:${art.pk}`;
        // One statement: a new or expired key is (re)written and returned; a live one is left alone.
        const fresh = this.d
          .s(
            `INSERT INTO view_dedupe(key, expires_at) VALUES (?, ?)
             ON CONFLICT(key) DO UPDATE SET expires_at = excluded.expires_at WHERE view_dedupe.expires_at <= ?
             RETURNING 1`,
          )
          .get(key, b.at + dedupeMs, b.at);
        if (!fresh) continue;
        const hour = Math.floor(b.at / HOUR);
        const bucket = buckets.get(`${art.pk}:${hour}`) ?? { pk: art.pk, hour, n: 0 };
        bucket.n++;
        buckets.set(`${art.pk}:${hour}`, bucket);
        counted++;
      }
      for (const { pk, hour, n } of buckets.values()) {
        this.d
          .s(
            `INSERT INTO views_hourly(article_pk, hour, count) VALUES (?, ?, ?)
             ON CONFLICT(article_pk, hour) DO UPDATE SET count = count + excluded.count`,
          )
          .run(pk, hour, n);
      }
      return counted;
    });
  }

  private articlePk(ref: ViewBeacon['ref']): { pk: number } | undefined {
    if ('id' in ref) return this.d.s('SELECT pk FROM articles WHERE id = ?').get(ref.id) as { pk: number } | undefined;
    for (const url of ref.urls) {
      const r = this.d.s('SELECT pk FROM articles WHERE url = ?').get(url) as { pk: number } | undefined;
      if (r) return r;
    }
    return undefined;
  }

  async addBuckets(rows: { articleId: string; hourMs: number; count: number }[]): Promise<void> {
    const add = this.d.s(
      `INSERT INTO views_hourly(article_pk, hour, count) SELECT pk, ?, ? FROM articles WHERE id = ?
       ON CONFLICT(article_pk, hour) DO UPDATE SET count = count + excluded.count`,
    );
    this.d.tx(() => {
      for (const r of rows) add.run(Math.floor(r.hourMs / HOUR), r.count, r.articleId);
    });
  }

  async mostRead(windowHours: number, limit: number, section?: string): Promise<Article[]> {
    const from = Math.floor(this.d.now() / HOUR) - windowHours + 1;
    const rows = this.d
      .s(
        `SELECT a.*, v.views FROM (SELECT article_pk, SUM(count) AS views FROM views_hourly WHERE hour >= ? GROUP BY article_pk) v
         JOIN articles a ON a.pk = v.article_pk WHERE (? IS NULL OR a.section = ?)
         ORDER BY v.views DESC, COALESCE(a.published_at, 0) DESC, a.pk DESC LIMIT ?`,
      )
      .all(from, section ?? null, section ?? null, limit) as ArticleDbRow[];
    return rows.map(toArticle);
  }

  async prune(): Promise<void> {
    this.d.s('DELETE FROM view_dedupe WHERE expires_at <= ?').run(this.d.now());
  }
}
