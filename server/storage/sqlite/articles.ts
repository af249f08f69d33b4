/** SQLite: the `articles` table (and its full-text index, kept in step in the same transaction). */
import { DomainError, type Article, type ArticleInput, type ArticleStore } from '../../domain.ts';
import { articleColumns, decodeCursor, isNumPair, paginate, toArticle, type ArticleDbRow } from '../common.ts';
import type { SqliteDb } from './db.ts';
import { SqliteFullText } from './fts.ts';

export class SqliteArticles implements ArticleStore {
  private fts: SqliteFullText;

  constructor(private readonly d: SqliteDb) {
    this.fts = new SqliteFullText(d);
  }

  async count(): Promise<number> {
    return (this.d.s('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  async upsert(items: ArticleInput[]): Promise<string[]> {
    const now = this.d.now();
    return this.d.tx(() =>
      items.map((a) => {
        const clash = this.d.s('SELECT id FROM articles WHERE url = ? AND id <> ?').get(a.url, a.id) as
          { id: string } | undefined;
        if (clash) throw new DomainError('url_conflict', `Another article (${clash.id}) already has this url.`, 'url');
        const { pk } = this.d
          .s(
            `INSERT INTO articles (id, url, title, summary, image, published_at, section, tags, pinned, created_at, updated_at, publisher_id)
             VALUES (@id, @url, @title, @summary, @image, @published, @section, @tags, @pinned, @now, @now, @publisherId)
             ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title, summary = excluded.summary,
               image = excluded.image, published_at = excluded.published_at, section = excluded.section,
               tags = excluded.tags, pinned = CASE WHEN @pinnedGiven THEN excluded.pinned ELSE articles.pinned END,
               updated_at = excluded.updated_at, publisher_id = COALESCE(excluded.publisher_id, articles.publisher_id)
             RETURNING pk`,
          )
          .get({
            id: a.id,
            url: a.url,
            title: a.title,
            summary: a.summary ?? null,
            image: a.image ?? null,
            section: a.section ?? null,
            ...articleColumns(a),
            pinnedGiven: a.pinned ? 1 : 0,
            publisherId: a.publisherId ?? null,
            now,
          }) as { pk: number };
        this.fts.index(pk, a);
        return a.id;
      }),
    );
  }

  private row(where: 'id' | 'url', value: string): ArticleDbRow | undefined {
    return this.d.s(`SELECT * FROM articles WHERE ${where} = ?`).get(value) as ArticleDbRow | undefined;
  }

  async get(id: string): Promise<Article | undefined> {
    const r = this.row('id', id);
    return r && toArticle(r);
  }

  async getByUrl(url: string): Promise<Article | undefined> {
    const r = this.row('url', url);
    return r && toArticle(r);
  }

  async firstKnownUrl(urls: string[]): Promise<string | undefined> {
    return urls.find((u) => this.d.s('SELECT 1 FROM articles WHERE url = ?').get(u));
  }

  async list(limit: number, cursor?: string) {
    const c = decodeCursor(cursor, isNumPair);
    const rows = (
      c
        ? this.d
            .s(
              `SELECT * FROM articles WHERE (COALESCE(published_at, 0), pk) < (?, ?)
               ORDER BY COALESCE(published_at, 0) DESC, pk DESC LIMIT ?`,
            )
            .all(c[0], c[1], limit + 1)
        : this.d.s('SELECT * FROM articles ORDER BY COALESCE(published_at, 0) DESC, pk DESC LIMIT ?').all(limit + 1)
    ) as ArticleDbRow[];
    return paginate(rows, limit, toArticle, (r) => [r.published_at ?? 0, r.pk]);
  }

  async search(query: string, limit: number): Promise<Article[]> {
    return this.fts.search(query, limit);
  }

  async related(by: { id: string } | { url: string }, limit: number): Promise<Article[] | undefined> {
    const src = 'id' in by ? this.row('id', by.id) : this.row('url', by.url);
    if (!src) return undefined;
    const out: ArticleDbRow[] = [];
    const seen = new Set<number>([src.pk]);
    for (const pid of JSON.parse(src.pinned) as string[]) {
      const p = this.row('id', pid);
      if (p && !seen.has(p.pk)) {
        seen.add(p.pk);
        out.push(p);
      }
    }
    if (out.length < limit) out.push(...this.fts.ranked(src, seen));
    return out.slice(0, limit).map(toArticle);
  }

  async resolve(ref: { id?: string; urls: string[] }): Promise<{ id: string; url: string } | undefined> {
    const pick = (where: string, value: string) =>
      this.d.s(`SELECT id, url FROM articles WHERE ${where} = ? ORDER BY pk LIMIT 1`).get(value) as
        { id: string; url: string } | undefined;
    if (ref.id) {
      const hit = pick('id', ref.id) ?? pick('publisher_id', ref.id);
      if (hit) return hit;
    }
    for (const url of ref.urls) {
      const hit = pick('url', url);
      if (hit) return hit;
    }
    return undefined;
  }

  async relatedByTitle(title: string, limit: number): Promise<Article[]> {
    const src = { pk: 0, title, summary: null, tags: '[]' } as ArticleDbRow;
    return this.fts.ranked(src, new Set()).slice(0, limit).map(toArticle);
  }
}
