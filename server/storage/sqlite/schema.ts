/** SQLite schema, one migration per entry; `PRAGMA user_version` counts those applied. */
export const MIGRATIONS: string[] = [
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
  // 2: the desk's rules, bans and search. Comments keep their author's hash (bans), their text's hash
  // (the same text on several threads), why a rule held them, whether they lack diacritics, and
  // whether they were rejected silently (a rule or a ban: the reader keeps seeing "pending").
  `
  ALTER TABLE comments ADD COLUMN author_hash TEXT;
  ALTER TABLE comments ADD COLUMN body_hash TEXT;
  ALTER TABLE comments ADD COLUMN held_by TEXT;
  ALTER TABLE comments ADD COLUMN no_diacritics INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE comments ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX comments_body_hash ON comments(body_hash, created_at);

  CREATE TABLE moderation_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('hold','reject')),
    enabled INTEGER NOT NULL DEFAULT 1,
    config TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE bans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_hash TEXT,
    email TEXT,                   -- lower case
    comment_id TEXT,
    name TEXT,
    reason TEXT,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,           -- NULL: for good
    lifted_at INTEGER,
    lifted_by TEXT
  );
  CREATE INDEX bans_author ON bans(author_hash);
  CREATE INDEX bans_email ON bans(email);
  `,
];
