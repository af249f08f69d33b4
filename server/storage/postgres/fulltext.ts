/**
 * PostgreSQL full-text for search and related articles: the same terms and the same bm25 as
 * SQLite's FTS5 (storage/sqlite/fts.ts), computed in SQL over the `article_terms` postings.
 * Both dialects thus share what the ranking knows (diacritic folding with đ→d, syllable bigrams,
 * stop words, field weights, recency); PostgreSQL's own tsvector ranking has no IDF, which the
 * topic clusters need (a place name shared by a flood story and a football club).
 */
import { articleTerms, rankByRecency, relatedQueries, toArticle, type ArticleDbRow } from '../common.ts';
import { terms } from '../../vi.ts';
import type { Article } from '../../domain.ts';
import type { PgDb, Sql } from './db.ts';

/**
 * bm25 as FTS5 computes it: per term, IDF × weighted frequency saturation, where the frequency is
 * Σ field weight × tf over the searched fields (title 3, summary 1, tags 2) and the document length
 * is all its terms. $1 terms, $2 the first field of the group (0 folded, 3 exact), $3 an article to
 * leave out (or 0), $4 the limit.
 */
const BM25 = `
  WITH q AS (SELECT DISTINCT unnest($1::text[]) AS term),
  hits AS (
    SELECT t.article_pk, t.term, SUM(t.tf * w.weight) AS tfw
    FROM article_terms t JOIN q ON q.term = t.term
    JOIN (VALUES (0, 3.0), (1, 1.0), (2, 2.0)) AS w(field, weight) ON w.field = t.field - $2
    GROUP BY t.article_pk, t.term),
  df AS (SELECT term, COUNT(*) AS n FROM hits GROUP BY term),
  stats AS (SELECT COUNT(*)::float8 AS total, GREATEST(AVG(term_count), 1)::float8 AS avglen FROM articles)
  SELECT a.*, SUM(
      GREATEST(ln((s.total - df.n + 0.5) / (df.n + 0.5)), 1e-6)
      * (h.tfw * 2.2) / (h.tfw + 1.2 * (0.25 + 0.75 * a.term_count / s.avglen))
    )::float8 AS score
  FROM hits h JOIN df ON df.term = h.term JOIN articles a ON a.pk = h.article_pk CROSS JOIN stats s
  WHERE a.pk <> $3
  GROUP BY a.pk
  ORDER BY score DESC, a.pk DESC
  LIMIT $4`;

export class PgFullText {
  constructor(private readonly d: PgDb) {}

  /** Replaces the article's postings (inside the caller's transaction). */
  async index(sql: Sql, pk: number, a: { title: string; summary?: string; tags?: string[] }): Promise<void> {
    const fields = articleTerms(a);
    const termCol: string[] = [];
    const fieldCol: number[] = [];
    const tfCol: number[] = [];
    fields.forEach((list, field) => {
      const tf = new Map<string, number>();
      for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        termCol.push(t);
        fieldCol.push(field);
        tfCol.push(n);
      }
    });
    await sql.query('DELETE FROM article_terms WHERE article_pk = $1', [pk]);
    await sql.query(
      `INSERT INTO article_terms (term, field, article_pk, tf)
       SELECT term, field, $4, tf FROM unnest($1::text[], $2::smallint[], $3::int[]) AS t(term, field, tf)`,
      [termCol, fieldCol, tfCol, pk],
    );
    await sql.query('UPDATE articles SET term_count = $2 WHERE pk = $1', [
      pk,
      fields.reduce((n, list) => n + list.length, 0),
    ]);
  }

  async search(query: string, limit: number): Promise<Article[]> {
    const ts = [...new Set(terms(query))];
    if (!ts.length) return [];
    return (await this.d.rows<ArticleDbRow>(BM25, [ts, 0, 0, limit])).map(toArticle);
  }

  /** Candidates ranked by bm25 (per query of `relatedQueries`) × recency, the source and `exclude` left out. */
  async ranked(src: ArticleDbRow, exclude: Set<number>): Promise<ArticleDbRow[]> {
    const scores = new Map<number, { r: ArticleDbRow; score: number }>();
    const results = await Promise.all(
      relatedQueries(src).map(async (q) => ({
        q,
        rows: await this.d.rows<ArticleDbRow & { score: number }>(BM25, [q.terms, q.exact ? 3 : 0, src.pk, 60]),
      })),
    );
    for (const { q, rows } of results) {
      for (const r of rows) {
        if (exclude.has(r.pk)) continue;
        const e = scores.get(r.pk) ?? { r, score: 0 };
        e.score += r.score * q.weight;
        scores.set(r.pk, e);
      }
    }
    return rankByRecency([...scores.values()], this.d.now());
  }
}
