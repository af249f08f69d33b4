/**
 * SQLite full-text: FTS5 with bm25(), for search and related articles. The index holds, per
 * article, the terms of `articleTerms()` (folded and exact fields), kept in step with `articles`.
 */
import { articleTerms, rankByRecency, relatedQueries, toArticle, type ArticleDbRow } from '../common.ts';
import { terms } from '../../vi.ts';
import type { Article, ArticleInput } from '../../domain.ts';
import type { SqliteDb } from './db.ts';

/** bm25 column weights: title 3, summary 1, tags 2 (folded columns, then exact ones). */
const BM25 = 'bm25(articles_fts, 3.0, 1.0, 2.0, 3.0, 1.0, 2.0)';
const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

export class SqliteFullText {
  constructor(private readonly d: SqliteDb) {}

  /** Replaces the article's index row (inside the caller's transaction). */
  index(pk: number, a: ArticleInput): void {
    this.d.s('DELETE FROM articles_fts WHERE rowid = ?').run(pk);
    this.d
      .s(
        'INSERT INTO articles_fts(rowid, title, summary, tags, title_x, summary_x, tags_x) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(pk, ...articleTerms(a).map((t) => t.join(' ')));
  }

  search(query: string, limit: number): Article[] {
    const ts = [...new Set(terms(query))];
    if (!ts.length) return [];
    const rows = this.d
      .s(
        `SELECT a.* FROM articles_fts f JOIN articles a ON a.pk = f.rowid
         WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0, 2.0, 0, 0, 0) LIMIT ?`,
      )
      .all(`{title summary tags} : (${ts.map(quote).join(' OR ')})`, limit) as ArticleDbRow[];
    return rows.map(toArticle);
  }

  /** Candidates ranked by bm25 (per query of `relatedQueries`) × recency, the source and `exclude` left out. */
  ranked(src: ArticleDbRow, exclude: Set<number>): ArticleDbRow[] {
    const scores = new Map<number, { r: ArticleDbRow; score: number }>();
    for (const q of relatedQueries(src)) {
      const cols = q.exact ? '{title_x summary_x tags_x}' : '{title summary tags}';
      const rows = this.d
        .s(
          `SELECT a.*, ${BM25} AS rank FROM articles_fts f JOIN articles a ON a.pk = f.rowid
           WHERE articles_fts MATCH ? AND f.rowid <> ? ORDER BY rank LIMIT 60`,
        )
        .all(`${cols} : (${q.terms.map(quote).join(' OR ')})`, src.pk) as (ArticleDbRow & { rank: number })[];
      for (const r of rows) {
        if (exclude.has(r.pk)) continue;
        const e = scores.get(r.pk) ?? { r, score: 0 };
        e.score += -r.rank * q.weight; // bm25() is negative: more negative is better
        scores.set(r.pk, e);
      }
    }
    return rankByRecency([...scores.values()], this.d.now());
  }
}
