/** PostgreSQL: the `articles` table (and its postings, kept in step in the same transaction). */
import { DomainError, type Article, type ArticleInput, type ArticleStore } from '../../domain.ts';
import { articleColumns, decodeCursor, isNumPair, paginate, toArticle, type ArticleDbRow } from '../common.ts';
import type { PgDb } from './db.ts';
import { PgFullText } from './fulltext.ts';

export class PgArticles implements ArticleStore {
  private fts: PgFullText;

  constructor(private readonly d: PgDb) {
    this.fts = new PgFullText(d);
  }

  async count(): Promise<number> {
    return (await this.d.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n;
  }

  async upsert(items: ArticleInput[]): Promise<string[]> {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const ids: string[] = [];
      for (const a of items) {
        const clash = await this.d.one<{ id: string }>(
          'SELECT id FROM articles WHERE url = $1 AND id <> $2',
          [a.url, a.id],
          sql,
        );
        if (clash) throw new DomainError('url_conflict', `Another article (${clash.id}) already has this url.`, 'url');
        const col = articleColumns(a);
        const { pk } = (await this.d.one<{ pk: number }>(
          `INSERT INTO articles (id, url, title, summary, image, published_at, section, tags, pinned, created_at, updated_at, publisher_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $12)
           ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, summary = excluded.summary,
             image = excluded.image, published_at = excluded.published_at, section = excluded.section,
             tags = excluded.tags, pinned = CASE WHEN $11 THEN excluded.pinned ELSE articles.pinned END,
             updated_at = excluded.updated_at, publisher_id = COALESCE(excluded.publisher_id, articles.publisher_id)
           RETURNING pk`,
          [
            a.id,
            a.url,
            a.title,
            a.summary ?? null,
            a.image ?? null,
            col.published,
            a.section ?? null,
            col.tags,
            col.pinned,
            now,
            !!a.pinned,
            a.publisherId ?? null,
          ],
          sql,
        ))!;
        await this.fts.index(sql, pk, a);
        ids.push(a.id);
      }
      return ids;
    });
  }

  private row(where: 'id' | 'url', value: string) {
    return this.d.one<ArticleDbRow>(`SELECT * FROM articles WHERE ${where} = $1`, [value]);
  }

  async get(id: string): Promise<Article | undefined> {
    const r = await this.row('id', id);
    return r && toArticle(r);
  }

  async getByUrl(url: string): Promise<Article | undefined> {
    const r = await this.row('url', url);
    return r && toArticle(r);
  }

  async firstKnownUrl(urls: string[]): Promise<string | undefined> {
    const known = new Set(
      (await this.d.rows<{ url: string }>('SELECT url FROM articles WHERE url = ANY($1)', [urls])).map((r) => r.url),
    );
    return urls.find((u) => known.has(u));
  }

  async list(limit: number, cursor?: string) {
    const c = decodeCursor(cursor, isNumPair);
    const rows = await this.d.rows<ArticleDbRow>(
      `SELECT * FROM articles WHERE ($1::bigint IS NULL OR (COALESCE(published_at, 0), pk) < ($1, $2))
       ORDER BY COALESCE(published_at, 0) DESC, pk DESC LIMIT $3`,
      [c?.[0] ?? null, c?.[1] ?? null, limit + 1],
    );
    return paginate(rows, limit, toArticle, (r) => [r.published_at ?? 0, r.pk]);
  }

  async search(query: string, limit: number): Promise<Article[]> {
    return this.fts.search(query, limit);
  }

  async related(by: { id: string } | { url: string }, limit: number): Promise<Article[] | undefined> {
    const src = await ('id' in by ? this.row('id', by.id) : this.row('url', by.url));
    if (!src) return undefined;
    const pinnedIds = JSON.parse(src.pinned) as string[];
    const pinnedRows = await this.d.rows<ArticleDbRow>('SELECT * FROM articles WHERE id = ANY($1)', [pinnedIds]);
    const out: ArticleDbRow[] = [];
    const seen = new Set<number>([src.pk]);
    for (const pid of pinnedIds) {
      const p = pinnedRows.find((r) => r.id === pid);
      if (p && !seen.has(p.pk)) {
        seen.add(p.pk);
        out.push(p);
      }
    }
    if (out.length < limit) out.push(...(await this.fts.ranked(src, seen)));
    return out.slice(0, limit).map(toArticle);
  }

  async resolve(ref: { id?: string; urls: string[] }): Promise<{ id: string; url: string } | undefined> {
    // One query; the order says which match wins: server id, publisher id, then the urls in order.
    const row = await this.d.one<{ id: string; url: string }>(
      `SELECT id, url FROM articles
       WHERE id = $1 OR publisher_id = $1 OR url = ANY($2)
       ORDER BY CASE WHEN id = $1 THEN -2 WHEN publisher_id = $1 THEN -1 ELSE array_position($2, url) END, pk
       LIMIT 1`,
      [ref.id ?? null, ref.urls],
    );
    return row;
  }

  async relatedByTitle(title: string, limit: number): Promise<Article[]> {
    const src = { pk: 0, title, summary: null, tags: '[]' } as ArticleDbRow;
    return (await this.fts.ranked(src, new Set())).slice(0, limit).map(toArticle);
  }
}
