/**
 * Storage: the ONE module that talks to the database, in plain SQL.
 * SQLite (better-sqlite3, WAL, foreign keys on) is the embedded default.
 * SQLite-only features (FTS5 + bm25 for related articles) stay in this file;
 * a PostgreSQL driver will implement the same `Store` methods.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NewsItem } from '../src/core/feeds.ts';
import { indexText, tagToken, terms } from './vi.ts';

export type Status = 'pending' | 'approved' | 'rejected';

/** An article as readers' lists show it: the kit's list item, with the publisher's own id. */
export interface Article extends NewsItem {
  id: string;
}

/** What `POST /api/articles` and ingest write. */
export interface ArticleInput extends Omit<Article, 'views'> {
  /** Editor pins: ids of articles shown first in this article's related list. */
  pinned?: string[];
}

export interface CommentRow {
  id: string;
  thread: string;
  parentId: string | null;
  rootId: string | null;
  name: string;
  email: string | null;
  body: string;
  bodyHtml: string | null;
  originalBody: string | null;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface ThreadInfo {
  id: string;
  closed: boolean;
  count: number;
}

export interface LogEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  commentId: string | null;
  thread: string | null;
  before: unknown;
  after: unknown;
}

export class StoreError extends Error {
  constructor(
    public code: string,
    message: string,
    public status: 400 | 403 | 404 | 409 = 400,
    public field?: string,
  ) {
    super(message);
  }
}

const MIGRATIONS: string[] = [
  // 1: initial schema
  `
  CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT,
    image TEXT,
    published_at INTEGER,
    section TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    pinned TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX articles_published ON articles(published_at, pk);
  -- FTS5 (SQLite-only). title/summary/tags hold folded terms (no diacritics, đ→d) for search;
  -- title_x/summary_x/tags_x hold the same terms with diacritics, for article-to-article ranking.
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, summary, tags, title_x, summary_x, tags_x,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");

  CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    closed INTEGER,               -- NULL: automatic (closes N days after publishedAt); 0 open; 1 closed
    created_at INTEGER NOT NULL
  );

  CREATE TABLE comments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES threads(id),
    parent_id TEXT REFERENCES comments(id),
    root_id TEXT REFERENCES comments(id),
    name TEXT NOT NULL,
    email TEXT,
    body TEXT NOT NULL,
    body_html TEXT,
    original_body TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX comments_thread_top ON comments(thread_id, status, parent_id, seq);
  CREATE INDEX comments_root ON comments(root_id, status, seq);
  CREATE INDEX comments_status ON comments(status, seq);

  CREATE TABLE idempotency (
    thread_id TEXT NOT NULL,
    key TEXT NOT NULL,
    comment_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (thread_id, key)
  );

  CREATE TABLE moderation_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    comment_id TEXT,
    thread_id TEXT,
    before TEXT,
    after TEXT
  );

  CREATE TABLE views_hourly (
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    hour INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (article_pk, hour)
  );
  CREATE INDEX views_hour ON views_hourly(hour);

  CREATE TABLE view_dedupe (
    key TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX view_dedupe_expiry ON view_dedupe(expires_at);

  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
];

const HOUR = 3600_000;
/** Related ranking: weight of summary-term matches, of folded (diacritic-free) matches, and the recency floor. */
const WEAK = 0.5;
const FOLD = 0.25;
const FLOOR = 0.5;
const DAY = 24 * HOUR;

export interface StoreOptions {
  /** Path of the SQLite file, or ':memory:'. */
  file: string;
  now?: () => number;
}

interface ArticleDbRow {
  pk: number;
  id: string;
  url: string;
  title: string;
  summary: string | null;
  image: string | null;
  published_at: number | null;
  section: string | null;
  tags: string;
  pinned: string;
  views?: number;
}

interface CommentDbRow {
  seq: number;
  id: string;
  thread_id: string;
  parent_id: string | null;
  root_id: string | null;
  name: string;
  email: string | null;
  body: string;
  body_html: string | null;
  original_body: string | null;
  status: Status;
  created_at: number;
  updated_at: number;
}

function iso(ms: number | null | undefined): string | undefined {
  return ms == null ? undefined : new Date(ms).toISOString();
}

function toArticle(r: ArticleDbRow): Article {
  const a: Article = { id: r.id, url: r.url, title: r.title };
  if (r.image) a.image = r.image;
  if (r.summary) a.summary = r.summary;
  if (r.published_at != null) a.publishedAt = iso(r.published_at);
  if (r.section) a.section = r.section;
  const tags = JSON.parse(r.tags) as string[];
  if (tags.length) a.tags = tags;
  if (r.views != null) a.views = r.views;
  return a;
}

function toComment(r: CommentDbRow): CommentRow {
  return {
    id: r.id,
    thread: r.thread_id,
    parentId: r.parent_id,
    rootId: r.root_id,
    name: r.name,
    email: r.email,
    body: r.body,
    bodyHtml: r.body_html,
    originalBody: r.original_body,
    status: r.status,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export function newId(prefix = 'c'): string {
  return prefix + '_' + randomBytes(12).toString('base64url');
}

export function encodeCursor(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

export function decodeCursor<T>(s: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (!s) return undefined;
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (check(v)) return v;
  } catch {
    /* fallthrough */
  }
  throw new StoreError('invalid_cursor', 'The cursor is not valid.', 400, 'cursor');
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isNumPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]);

export class Store {
  readonly db: Database.Database;
  private now: () => number;
  /** Cached statements. */
  private st: Record<string, Database.Statement> = {};

  constructor(opts: StoreOptions) {
    if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });
    this.db = new Database(opts.file);
    this.now = opts.now ?? Date.now;
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a crash of this process (kill -9);
    // only an OS crash / power loss can lose the last commits. Use FULL for that too.
    this.db.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private s(sql: string): Database.Statement {
    return (this.st[sql] ??= this.db.prepare(sql));
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  /** Copies the database into a standalone file (online backup). */
  backupTo(file: string): void {
    this.db.prepare('VACUUM INTO ?').run(file);
  }

  // ---------------------------------------------------------------- meta

  getMeta(key: string): string | undefined {
    return (this.s('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.s('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  // ---------------------------------------------------------------- articles

  countArticles(): number {
    return (this.s('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  /** Upserts articles in one transaction: all or nothing. */
  upsertArticles(items: ArticleInput[]): string[] {
    const now = this.now();
    const tx = this.db.transaction((list: ArticleInput[]) => {
      const ids: string[] = [];
      for (const a of list) {
        const published = a.publishedAt ? Date.parse(a.publishedAt) : null;
        const clash = this.s('SELECT id FROM articles WHERE url = ? AND id <> ?').get(a.url, a.id) as
          { id: string } | undefined;
        if (clash)
          throw new StoreError('url_conflict', `Another article (${clash.id}) already has this url.`, 409, 'url');
        const row = this.s(
          `INSERT INTO articles (id, url, title, summary, image, published_at, section, tags, pinned, created_at, updated_at)
           VALUES (@id, @url, @title, @summary, @image, @published, @section, @tags, @pinned, @now, @now)
           ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title, summary = excluded.summary,
             image = excluded.image, published_at = excluded.published_at, section = excluded.section,
             tags = excluded.tags, pinned = CASE WHEN @pinnedGiven THEN excluded.pinned ELSE articles.pinned END,
             updated_at = excluded.updated_at
           RETURNING pk`,
        ).get({
          id: a.id,
          url: a.url,
          title: a.title,
          summary: a.summary ?? null,
          image: a.image ?? null,
          published: Number.isFinite(published) ? published : null,
          section: a.section ?? null,
          tags: JSON.stringify(a.tags ?? []),
          pinned: JSON.stringify(a.pinned ?? []),
          pinnedGiven: a.pinned ? 1 : 0,
          now,
        }) as { pk: number };
        // FTS5 (SQLite-only): folded, stop-word-free unigrams + syllable bigrams.
        this.s('DELETE FROM articles_fts WHERE rowid = ?').run(row.pk);
        const tags = a.tags ?? [];
        this.s(
          'INSERT INTO articles_fts(rowid, title, summary, tags, title_x, summary_x, tags_x) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(
          row.pk,
          indexText(a.title),
          indexText(a.summary ?? ''),
          tags
            .map((t) => tagToken(t))
            .filter(Boolean)
            .join(' '),
          indexText(a.title, false),
          indexText(a.summary ?? '', false),
          tags
            .map((t) => tagToken(t, false))
            .filter(Boolean)
            .join(' '),
        );
        ids.push(a.id);
      }
      return ids;
    });
    return tx(items);
  }

  private articleRow(where: 'id' | 'url', value: string): ArticleDbRow | undefined {
    return this.s(`SELECT * FROM articles WHERE ${where} = ?`).get(value) as ArticleDbRow | undefined;
  }

  getArticle(id: string): Article | undefined {
    const r = this.articleRow('id', id);
    return r && toArticle(r);
  }

  getArticleByUrl(url: string): Article | undefined {
    const r = this.articleRow('url', url);
    return r && toArticle(r);
  }

  listArticles(limit: number, cursor?: string): { items: Article[]; nextCursor: string | null } {
    const c = decodeCursor(cursor, isNumPair);
    const rows = (
      c
        ? this.s(
            `SELECT * FROM articles WHERE (COALESCE(published_at, 0), pk) < (?, ?)
             ORDER BY COALESCE(published_at, 0) DESC, pk DESC LIMIT ?`,
          ).all(c[0], c[1], limit + 1)
        : this.s('SELECT * FROM articles ORDER BY COALESCE(published_at, 0) DESC, pk DESC LIMIT ?').all(limit + 1)
    ) as ArticleDbRow[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toArticle),
      nextCursor: more && last ? encodeCursor([last.published_at ?? 0, last.pk]) : null,
    };
  }

  /** Full-text search over folded title/summary/tags (SQLite FTS5 + bm25). */
  search(query: string, limit: number): Article[] {
    const ts = [...new Set(terms(query))];
    if (!ts.length) return [];
    const match = `{title summary tags} : (${ts.map((t) => `"${t}"`).join(' OR ')})`;
    const rows = this.s(
      `SELECT a.* FROM articles_fts f JOIN articles a ON a.pk = f.rowid
       WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0, 2.0, 0, 0, 0) LIMIT ?`,
    ).all(match, limit) as ArticleDbRow[];
    return rows.map(toArticle);
  }

  /**
   * Related articles: editor pins first, then FTS5 bm25 over title, summary and tags
   * (title terms weigh more), times a recency decay. Never the article itself.
   */
  related(
    by: { id?: string; url?: string },
    limit: number,
    opts: { halfLifeDays?: number } = {},
  ): Article[] | undefined {
    const src = by.id ? this.articleRow('id', by.id) : by.url ? this.articleRow('url', by.url) : undefined;
    if (!src) return undefined;
    const out: Article[] = [];
    const seen = new Set<number>([src.pk]);
    for (const pid of JSON.parse(src.pinned) as string[]) {
      const p = this.articleRow('id', pid);
      if (p && !seen.has(p.pk)) {
        seen.add(p.pk);
        out.push(toArticle(p));
      }
    }
    if (out.length >= limit) return out.slice(0, limit);
    const tags = JSON.parse(src.tags) as string[];
    // Queries on the exact (diacritics kept) columns: the source's title + tags terms weigh
    // most, its summary terms less; a folded query adds a little recall for unaccented text.
    const strong = [
      ...new Set([...terms(src.title, false), ...tags.map((t) => tagToken(t, false)).filter(Boolean)]),
    ].slice(0, 40);
    const weak = [...new Set(terms(src.summary ?? '', false))].filter((t) => !strong.includes(t)).slice(0, 40);
    const folded = [...new Set([...terms(src.title), ...tags.map((t) => tagToken(t)).filter(Boolean)])].slice(0, 40);
    const now = this.now();
    const halfLife = (opts.halfLifeDays ?? 30) * DAY;
    const scores = new Map<number, { r: ArticleDbRow; score: number }>();
    for (const [qTerms, cols, weight] of [
      [strong, '{title_x summary_x tags_x}', 1],
      [weak, '{title_x summary_x tags_x}', WEAK],
      [folded, '{title summary tags}', FOLD],
    ] as const) {
      if (!qTerms.length || !weight) continue;
      const rows = this.s(
        `SELECT a.*, bm25(articles_fts, 3.0, 1.0, 2.0, 3.0, 1.0, 2.0) AS rank FROM articles_fts f JOIN articles a ON a.pk = f.rowid
         WHERE articles_fts MATCH ? AND f.rowid <> ? ORDER BY rank LIMIT 60`,
      ).all(`${cols} : (${qTerms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ')})`, src.pk) as (ArticleDbRow & {
        rank: number;
      })[];
      for (const r of rows) {
        if (seen.has(r.pk)) continue;
        const e = scores.get(r.pk) ?? { r, score: 0 };
        e.score += -r.rank * weight; // bm25() is negative: more negative is better
        scores.set(r.pk, e);
      }
    }
    const scored = [...scores.values()]
      .map(({ r, score }) => {
        const age = r.published_at == null ? halfLife * 4 : Math.max(0, now - r.published_at);
        // Recency decay: an old article keeps at least half its relevance.
        return { r, score: score * (FLOOR + (1 - FLOOR) * Math.pow(2, -age / halfLife)) };
      })
      .sort((x, y) => y.score - x.score || y.r.pk - x.r.pk);
    for (const { r } of scored) {
      if (out.length >= limit) break;
      out.push(toArticle(r));
    }
    return out;
  }

  // ---------------------------------------------------------------- views

  /** Daily salt for visitor hashing, created on first use each day; old salts are dropped. */
  dailySalt(day: string): string {
    const key = `salt:${day}`;
    let salt = this.getMeta(key);
    if (!salt) {
      salt = randomBytes(16).toString('hex');
      this.db.transaction(() => {
        this.s("DELETE FROM meta WHERE key LIKE 'salt:%' AND key <> ?").run(key);
        this.s('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run(key, salt);
      })();
      salt = this.getMeta(key)!;
    }
    return salt;
  }

  /**
   * Counts one view of an article into its hourly bucket unless the same visitor
   * (dedupeKey) viewed it within `dedupeMs`. Returns 'counted' | 'duplicate' | 'unknown'.
   */
  recordView(
    ref: { id?: string; url?: string },
    dedupeKey: string,
    dedupeMs: number,
  ): 'counted' | 'duplicate' | 'unknown' {
    const now = this.now();
    const art = (
      ref.id
        ? this.s('SELECT pk FROM articles WHERE id = ?').get(ref.id)
        : this.s('SELECT pk FROM articles WHERE url = ?').get(ref.url)
    ) as { pk: number } | undefined;
    if (!art) return 'unknown';
    const key = `${dedupeKey}:${art.pk}`;
    return this.db.transaction(() => {
      const hit = this.s('SELECT expires_at FROM view_dedupe WHERE key = ?').get(key) as
        { expires_at: number } | undefined;
      if (hit && hit.expires_at > now) return 'duplicate' as const;
      this.s(
        'INSERT INTO view_dedupe(key, expires_at) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET expires_at = excluded.expires_at',
      ).run(key, now + dedupeMs);
      this.s(
        'INSERT INTO views_hourly(article_pk, hour, count) VALUES (?, ?, 1) ON CONFLICT(article_pk, hour) DO UPDATE SET count = count + 1',
      ).run(art.pk, Math.floor(now / HOUR));
      return 'counted' as const;
    })();
  }

  /** Removes expired dedupe entries (called periodically). */
  pruneViews(): void {
    this.s('DELETE FROM view_dedupe WHERE expires_at <= ?').run(this.now());
  }

  /** Adds views directly into a bucket (seeding/imports). */
  addViews(articleId: string, hourMs: number, count: number): void {
    this.s(
      `INSERT INTO views_hourly(article_pk, hour, count) SELECT pk, ?, ? FROM articles WHERE id = ?
       ON CONFLICT(article_pk, hour) DO UPDATE SET count = count + excluded.count`,
    ).run(Math.floor(hourMs / HOUR), count, articleId);
  }

  mostRead(windowHours: number, limit: number, section?: string): Article[] {
    const from = Math.floor(this.now() / HOUR) - windowHours + 1;
    const rows = (
      section
        ? this.s(
            `SELECT a.*, v.views FROM (SELECT article_pk, SUM(count) AS views FROM views_hourly WHERE hour >= ? GROUP BY article_pk) v
             JOIN articles a ON a.pk = v.article_pk WHERE a.section = ?
             ORDER BY v.views DESC, COALESCE(a.published_at, 0) DESC, a.pk DESC LIMIT ?`,
          ).all(from, section, limit)
        : this.s(
            `SELECT a.*, v.views FROM (SELECT article_pk, SUM(count) AS views FROM views_hourly WHERE hour >= ? GROUP BY article_pk) v
             JOIN articles a ON a.pk = v.article_pk
             ORDER BY v.views DESC, COALESCE(a.published_at, 0) DESC, a.pk DESC LIMIT ?`,
          ).all(from, limit)
    ) as ArticleDbRow[];
    return rows.map(toArticle);
  }

  // ---------------------------------------------------------------- threads

  /** Thread state. `autoCloseDays` closes threads N days after the article's publishedAt (0 = never). */
  threadInfo(id: string, autoCloseDays: number): ThreadInfo {
    return this.threadInfos([id], autoCloseDays)[0]!;
  }

  threadInfos(ids: string[], autoCloseDays: number): ThreadInfo[] {
    return ids.map((id) => {
      const t = this.s(
        `SELECT t.closed, a.published_at FROM (SELECT ? AS id) q LEFT JOIN threads t ON t.id = q.id LEFT JOIN articles a ON a.id = q.id`,
      ).get(id) as { closed: number | null; published_at: number | null };
      const count = (
        this.s("SELECT COUNT(*) AS n FROM comments WHERE thread_id = ? AND status = 'approved'").get(id) as {
          n: number;
        }
      ).n;
      return { id, closed: this.isClosed(t.closed, t.published_at, autoCloseDays), count };
    });
  }

  private isClosed(closed: number | null, published: number | null, autoCloseDays: number): boolean {
    if (closed === 1) return true;
    if (closed === 0) return false;
    return autoCloseDays > 0 && published != null && this.now() > published + autoCloseDays * DAY;
  }

  setThreadClosed(thread: string, closed: boolean, actor: string): ThreadInfo & { changed: boolean } {
    const now = this.now();
    return this.db.transaction(() => {
      const before = this.s('SELECT closed FROM threads WHERE id = ?').get(thread) as
        { closed: number | null } | undefined;
      this.s(
        'INSERT INTO threads(id, closed, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET closed = excluded.closed',
      ).run(thread, closed ? 1 : 0, now);
      this.log(
        actor,
        closed ? 'close' : 'reopen',
        null,
        thread,
        { closed: before?.closed ?? null },
        { closed: closed ? 1 : 0 },
      );
      const count = (
        this.s("SELECT COUNT(*) AS n FROM comments WHERE thread_id = ? AND status = 'approved'").get(thread) as {
          n: number;
        }
      ).n;
      return { id: thread, closed, count, changed: (before?.closed ?? null) !== (closed ? 1 : 0) };
    })();
  }

  // ---------------------------------------------------------------- comments

  /**
   * Creates a comment (status `status`), idempotent per (thread, key).
   * Throws StoreError for a closed thread or a bad parent. Atomic.
   */
  createComment(input: {
    thread: string;
    name: string;
    email?: string;
    body: string;
    parentId?: string;
    idempotencyKey?: string;
    status: Status;
    autoCloseDays: number;
  }): { id: string; status: Status; replay: boolean } {
    const now = this.now();
    return this.db.transaction(() => {
      if (input.idempotencyKey) {
        const prior = this.s(
          'SELECT i.comment_id, c.status FROM idempotency i JOIN comments c ON c.id = i.comment_id WHERE i.thread_id = ? AND i.key = ?',
        ).get(input.thread, input.idempotencyKey) as { comment_id: string; status: Status } | undefined;
        if (prior) return { id: prior.comment_id, status: prior.status, replay: true };
      }
      const t = this.s(
        `SELECT t.closed, a.published_at FROM (SELECT ? AS id) q LEFT JOIN threads t ON t.id = q.id LEFT JOIN articles a ON a.id = q.id`,
      ).get(input.thread) as { closed: number | null; published_at: number | null };
      if (this.isClosed(t.closed, t.published_at, input.autoCloseDays)) {
        throw new StoreError(
          'thread_closed',
          'Bình luận đã đóng cho bài viết này. / Comments are closed for this article.',
          403,
        );
      }
      let rootId: string | null = null;
      if (input.parentId) {
        const p = this.s('SELECT id, root_id, thread_id, status FROM comments WHERE id = ?').get(input.parentId) as
          { id: string; root_id: string | null; thread_id: string; status: Status } | undefined;
        if (!p || p.thread_id !== input.thread || p.status === 'rejected') {
          throw new StoreError('invalid_parent', 'The parent comment does not exist in this thread.', 400, 'parentId');
        }
        rootId = p.root_id ?? p.id;
      }
      this.s('INSERT INTO threads(id, closed, created_at) VALUES (?, NULL, ?) ON CONFLICT(id) DO NOTHING').run(
        input.thread,
        now,
      );
      const id = newId('c');
      this.s(
        `INSERT INTO comments (id, thread_id, parent_id, root_id, name, email, body, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        input.thread,
        input.parentId ?? null,
        rootId,
        input.name,
        input.email ?? null,
        input.body,
        input.status,
        now,
        now,
      );
      if (input.idempotencyKey) {
        this.s('INSERT INTO idempotency(thread_id, key, comment_id, created_at) VALUES (?, ?, ?, ?)').run(
          input.thread,
          input.idempotencyKey,
          id,
          now,
        );
      }
      return { id, status: input.status, replay: false };
    })();
  }

  /** Approved top-level comments with all their approved descendants (flattened, oldest first). */
  threadComments(
    thread: string,
    sort: 'newest' | 'oldest',
    limit: number,
    cursor?: string,
  ): { items: (CommentRow & { replies: CommentRow[] })[]; nextCursor: string | null } {
    const after = decodeCursor(cursor, isNum);
    const dir = sort === 'newest' ? 'DESC' : 'ASC';
    const cmp = sort === 'newest' ? '<' : '>';
    const rows = (
      after != null
        ? this.s(
            `SELECT * FROM comments WHERE thread_id = ? AND status = 'approved' AND parent_id IS NULL AND seq ${cmp} ?
             ORDER BY seq ${dir} LIMIT ?`,
          ).all(thread, after, limit + 1)
        : this.s(
            `SELECT * FROM comments WHERE thread_id = ? AND status = 'approved' AND parent_id IS NULL ORDER BY seq ${dir} LIMIT ?`,
          ).all(thread, limit + 1)
    ) as CommentDbRow[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const items = page.map((r) => ({ ...toComment(r), replies: [] as CommentRow[] }));
    if (items.length) {
      const byId = new Map(items.map((i) => [i.id, i]));
      const replies = this.db
        .prepare(
          `SELECT * FROM comments WHERE root_id IN (${items.map(() => '?').join(',')}) AND status = 'approved' ORDER BY seq ASC`,
        )
        .all(...items.map((i) => i.id)) as CommentDbRow[];
      for (const r of replies) byId.get(r.root_id!)?.replies.push(toComment(r));
    }
    return { items, nextCursor: more ? encodeCursor(page[page.length - 1]!.seq) : null };
  }

  commentStatuses(ids: string[]): Record<string, Status | 'unknown'> {
    const out: Record<string, Status | 'unknown'> = {};
    for (const id of ids) {
      const r = this.s('SELECT status FROM comments WHERE id = ?').get(id) as { status: Status } | undefined;
      out[id] = r?.status ?? 'unknown';
    }
    return out;
  }

  getComment(id: string): CommentRow | undefined {
    const r = this.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow | undefined;
    return r && toComment(r);
  }

  countAllComments(): number {
    return (this.s('SELECT COUNT(*) AS n FROM comments').get() as { n: number }).n;
  }

  // ---------------------------------------------------------------- moderation

  moderationQueue(
    status: Status,
    limit: number,
    cursor?: string,
  ): {
    items: (CommentRow & {
      articleTitle: string | null;
      articleUrl: string | null;
      parent: { name: string; body: string } | null;
    })[];
    counts: Record<Status, number>;
    nextCursor: string | null;
  } {
    const after = decodeCursor(cursor, isNum);
    // Pending: oldest first (a queue). Approved/rejected: most recent first.
    const dir = status === 'pending' ? 'ASC' : 'DESC';
    const cmp = status === 'pending' ? '>' : '<';
    const rows = this.s(
      `SELECT c.*, a.title AS article_title, a.url AS article_url, p.name AS parent_name, p.body AS parent_body
       FROM comments c LEFT JOIN articles a ON a.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
       WHERE c.status = ? AND (? IS NULL OR c.seq ${cmp} ?) ORDER BY c.seq ${dir} LIMIT ?`,
    ).all(status, after ?? null, after ?? null, limit + 1) as (CommentDbRow & {
      article_title: string | null;
      article_url: string | null;
      parent_name: string | null;
      parent_body: string | null;
    })[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const counts = { pending: 0, approved: 0, rejected: 0 } as Record<Status, number>;
    for (const r of this.s('SELECT status, COUNT(*) AS n FROM comments GROUP BY status').all() as {
      status: Status;
      n: number;
    }[]) {
      counts[r.status] = r.n;
    }
    return {
      items: page.map((r) => ({
        ...toComment(r),
        articleTitle: r.article_title,
        articleUrl: r.article_url,
        parent: r.parent_id ? { name: r.parent_name ?? '', body: r.parent_body ?? '' } : null,
      })),
      counts,
      nextCursor: more ? encodeCursor(page[page.length - 1]!.seq) : null,
    };
  }

  /**
   * Moderation action on a comment: optional edit (body and/or sanitized bodyHtml), then
   * a status change. The reader's original body is kept in original_body. Logged.
   */
  moderate(
    id: string,
    action: 'approve' | 'reject' | 'edit',
    edit: { body?: string; bodyHtml?: string | null },
    actor: string,
  ): CommentRow {
    const now = this.now();
    return this.db.transaction(() => {
      const before = this.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow | undefined;
      if (!before) throw new StoreError('not_found', 'No such comment.', 404);
      const body = edit.body ?? before.body;
      const bodyHtml = edit.bodyHtml !== undefined ? edit.bodyHtml : before.body_html;
      const edited = body !== before.body || bodyHtml !== before.body_html;
      const original = edited && before.original_body == null ? before.body : before.original_body;
      const status: Status = action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : before.status;
      this.s(
        'UPDATE comments SET body = ?, body_html = ?, original_body = ?, status = ?, updated_at = ? WHERE id = ?',
      ).run(body, bodyHtml, original, status, now, id);
      const after = this.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow;
      const pick = (r: CommentDbRow) => ({ status: r.status, body: r.body, bodyHtml: r.body_html });
      this.log(
        actor,
        edited && action !== 'edit' ? `edit+${action}` : action,
        id,
        before.thread_id,
        pick(before),
        pick(after),
      );
      return toComment(after);
    })();
  }

  private log(
    actor: string,
    action: string,
    commentId: string | null,
    thread: string | null,
    before: unknown,
    after: unknown,
  ): void {
    this.s(
      'INSERT INTO moderation_log(at, actor, action, comment_id, thread_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(this.now(), actor, action, commentId, thread, JSON.stringify(before), JSON.stringify(after));
  }

  moderationLog(limit: number, cursor?: string): { items: LogEntry[]; nextCursor: string | null } {
    const before = decodeCursor(cursor, isNum);
    const rows = this.s('SELECT * FROM moderation_log WHERE (? IS NULL OR seq < ?) ORDER BY seq DESC LIMIT ?').all(
      before ?? null,
      before ?? null,
      limit + 1,
    ) as {
      seq: number;
      at: number;
      actor: string;
      action: string;
      comment_id: string | null;
      thread_id: string | null;
      before: string | null;
      after: string | null;
    }[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.seq,
        at: iso(r.at)!,
        actor: r.actor,
        action: r.action,
        commentId: r.comment_id,
        thread: r.thread_id,
        before: r.before ? JSON.parse(r.before) : null,
        after: r.after ? JSON.parse(r.after) : null,
      })),
      nextCursor: more ? encodeCursor(page[page.length - 1]!.seq) : null,
    };
  }
}
