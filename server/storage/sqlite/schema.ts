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
  // 2: readers' reactions: likes (one per reader per comment, the count kept on the comment, every
  // change logged for the "popular" order's snapshot cursor) and reports (one per reader per comment)
  `
  ALTER TABLE comments ADD COLUMN likes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE comments ADD COLUMN reports INTEGER NOT NULL DEFAULT 0; -- open reports
  ALTER TABLE comments ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;  -- 1: past REPORT_HIDE_THRESHOLD, until an editor decides

  CREATE TABLE likes (
    comment_id TEXT NOT NULL REFERENCES comments(id),
    reader TEXT NOT NULL,               -- daily-salted hash of the reader
    created_at INTEGER NOT NULL,
    PRIMARY KEY (comment_id, reader)
  );

  CREATE TABLE like_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id TEXT NOT NULL,
    comment_id TEXT NOT NULL,
    delta INTEGER NOT NULL,             -- +1 like, -1 unlike
    at INTEGER NOT NULL
  );
  CREATE INDEX like_events_thread ON like_events(thread_id, seq);

  CREATE TABLE reports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id TEXT NOT NULL REFERENCES comments(id),
    reader TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('spam','abuse','off_topic','other')),
    text TEXT,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,                -- an editor kept or removed the comment
    UNIQUE (comment_id, reader)
  );
  CREATE INDEX reports_open ON reports(resolved_at, comment_id, seq);
  `,
];
