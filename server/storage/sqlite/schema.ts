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
  // 2: the hash of an idempotent post's body (a replay with another body is refused), and the
  // creation time index that pruning keys older than 24 h uses.
  `
  ALTER TABLE idempotency ADD COLUMN body_hash TEXT;
  CREATE INDEX idempotency_created ON idempotency(created_at);
  `,
  // 3: where imported comments came from (a second import of the same file is a no-op), and
  // indexes for the desk's stats (comments by date, first decisions per comment)
  `
  CREATE TABLE comment_sources (
    source TEXT NOT NULL,          -- the other system and site, e.g. 'disqus:baotinh', 'wordpress:https://bao.example'
    source_id TEXT NOT NULL,       -- the comment's id there
    comment_id TEXT NOT NULL UNIQUE REFERENCES comments(id),
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (source, source_id)
  );
  CREATE INDEX comments_created ON comments(created_at);
  CREATE INDEX moderation_log_comment ON moderation_log(comment_id, at);
  `,
  // 4: editor accounts and their desk sessions (secrets and session ids stored only as hashes)
  `
  CREATE TABLE editors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE, -- lower-cased NFC name: names are unique case-insensitively
    secret_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    disabled_at INTEGER,
    last_sign_in_at INTEGER
  );

  CREATE TABLE editor_sessions (
    id_hash TEXT PRIMARY KEY,
    editor_id INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX editor_sessions_editor ON editor_sessions(editor_id);
  CREATE INDEX editor_sessions_expiry ON editor_sessions(expires_at);
  `,
  // 5: the live event log (SSE): AUTOINCREMENT so ids never go back, even after every row is pruned.
  `
  CREATE TABLE live_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    topic TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX live_events_topic ON live_events(topic, seq);
  CREATE INDEX live_events_at ON live_events(at);
  `,
  // 6: the publisher's own article ids; feed polling state; beacon outcomes; origins refused by CORS
  `
  ALTER TABLE articles ADD COLUMN publisher_id TEXT;
  CREATE INDEX articles_publisher ON articles(publisher_id);

  CREATE TABLE feed_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_poll_at INTEGER,
    status TEXT,
    message TEXT,
    item_count INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE beacon_stats (
    hour INTEGER NOT NULL,
    reason TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (hour, reason)
  );

  CREATE TABLE cors_refusals (
    origin TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
  );
  CREATE INDEX cors_refusals_last ON cors_refusals(last_seen);
  `,
  // 7: readers' reactions: likes (one per reader per comment, the count kept on the comment, every
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
  // 8: the desk's rules, bans and search. Comments keep their author's hash (bans), their text's hash
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
