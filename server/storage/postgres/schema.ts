/**
 * PostgreSQL schema, one migration per entry, applied at start under an advisory lock (several
 * processes starting at once: one migrates, the others wait and find it done). Timestamps are
 * BIGINT milliseconds, as in SQLite, so both dialects share row mapping and the injectable clock.
 */
import type { PgDb } from './db.ts';

export const MIGRATIONS: string[] = [
  // 1: initial schema
  `
  CREATE TABLE articles (
    pk BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT,
    image TEXT,
    published_at BIGINT,
    section TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    pinned TEXT NOT NULL DEFAULT '[]',
    term_count INTEGER NOT NULL DEFAULT 0,   -- index terms over all fields: bm25's document length
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX articles_published ON articles ((COALESCE(published_at, 0)), pk);
  CREATE INDEX articles_section ON articles (section);

  -- The full-text index as postings: the terms of storage/common.ts articleTerms() per field
  -- (0-2 folded title/summary/tags, 3-5 the same with diacritics) with their frequency.
  CREATE TABLE article_terms (
    term TEXT NOT NULL,
    field SMALLINT NOT NULL,
    article_pk BIGINT NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    tf INTEGER NOT NULL,
    PRIMARY KEY (term, field, article_pk)
  );
  CREATE INDEX article_terms_article ON article_terms (article_pk);

  CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    closed SMALLINT,               -- NULL: automatic (closes N days after publishedAt); 0 open; 1 closed
    created_at BIGINT NOT NULL
  );

  CREATE TABLE comments (
    seq BIGSERIAL PRIMARY KEY,
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
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX comments_thread_top ON comments (thread_id, status, parent_id, seq);
  CREATE INDEX comments_root ON comments (root_id, status, seq);
  CREATE INDEX comments_status ON comments (status, seq);

  CREATE TABLE idempotency (
    thread_id TEXT NOT NULL,
    key TEXT NOT NULL,
    comment_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (thread_id, key)
  );

  CREATE TABLE moderation_log (
    seq BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    comment_id TEXT,
    thread_id TEXT,
    before TEXT,
    after TEXT
  );

  CREATE TABLE views_hourly (
    article_pk BIGINT NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    hour BIGINT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (article_pk, hour)
  );
  CREATE INDEX views_hour ON views_hourly (hour);

  CREATE TABLE view_dedupe (
    key TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX view_dedupe_expiry ON view_dedupe (expires_at);

  -- Rate-limit windows: short-lived counters, not worth WAL (a database crash resets them).
  CREATE UNLOGGED TABLE rate_limits (
    key TEXT PRIMARY KEY,
    reset_at BIGINT NOT NULL,
    count INTEGER NOT NULL
  );

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
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (source, source_id)
  );
  CREATE INDEX comments_created ON comments (created_at);
  CREATE INDEX moderation_log_comment ON moderation_log (comment_id, at);
  `,
  // 4: editor accounts and their desk sessions (secrets and session ids stored only as hashes)
  `
  CREATE TABLE editors (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE, -- lower-cased NFC name: names are unique case-insensitively
    secret_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT,
    last_sign_in_at BIGINT
  );

  CREATE TABLE editor_sessions (
    id_hash TEXT PRIMARY KEY,
    editor_id BIGINT NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX editor_sessions_editor ON editor_sessions (editor_id);
  CREATE INDEX editor_sessions_expiry ON editor_sessions (expires_at);
  `,
  // 5: the live event log (SSE); appends are serialized (live-events.ts) so ids commit in order.
  `
  CREATE TABLE live_events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX live_events_topic ON live_events(topic, seq);
  CREATE INDEX live_events_at ON live_events(at);
  `,
  // 6: the publisher's own article ids; feed polling state; beacon outcomes; origins refused by CORS
  `
  ALTER TABLE articles ADD COLUMN publisher_id TEXT;
  CREATE INDEX articles_publisher ON articles (publisher_id);

  CREATE TABLE feed_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_poll_at BIGINT,
    status TEXT,
    message TEXT,
    item_count INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll_at BIGINT NOT NULL DEFAULT 0
  );

  CREATE TABLE beacon_stats (
    hour BIGINT NOT NULL,
    reason TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (hour, reason)
  );

  CREATE TABLE cors_refusals (
    origin TEXT PRIMARY KEY,
    count BIGINT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL
  );
  CREATE INDEX cors_refusals_last ON cors_refusals (last_seen);
  `,
  // 7: readers' reactions: likes (one per reader per comment, the count kept on the comment, every
  // change logged for the "popular" order's snapshot cursor) and reports (one per reader per comment)
  `
  ALTER TABLE comments ADD COLUMN likes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE comments ADD COLUMN reports INTEGER NOT NULL DEFAULT 0; -- open reports
  ALTER TABLE comments ADD COLUMN hidden SMALLINT NOT NULL DEFAULT 0; -- 1: past REPORT_HIDE_THRESHOLD, until an editor decides

  CREATE TABLE likes (
    comment_id TEXT NOT NULL REFERENCES comments(id),
    reader TEXT NOT NULL,               -- daily-salted hash of the reader
    created_at BIGINT NOT NULL,
    PRIMARY KEY (comment_id, reader)
  );

  CREATE TABLE like_events (
    seq BIGSERIAL PRIMARY KEY,
    thread_id TEXT NOT NULL,
    comment_id TEXT NOT NULL,
    delta SMALLINT NOT NULL,            -- +1 like, -1 unlike
    at BIGINT NOT NULL
  );
  CREATE INDEX like_events_thread ON like_events (thread_id, seq);

  CREATE TABLE reports (
    seq BIGSERIAL PRIMARY KEY,
    comment_id TEXT NOT NULL REFERENCES comments(id),
    reader TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('spam','abuse','off_topic','other')),
    text TEXT,
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,                 -- an editor kept or removed the comment
    UNIQUE (comment_id, reader)
  );
  CREATE INDEX reports_open ON reports (resolved_at, comment_id, seq);
  `,
  // 8: the desk's rules, bans and search (see the SQLite schema)
  `
  ALTER TABLE comments ADD COLUMN author_hash TEXT;
  ALTER TABLE comments ADD COLUMN body_hash TEXT;
  ALTER TABLE comments ADD COLUMN held_by TEXT;
  ALTER TABLE comments ADD COLUMN no_diacritics SMALLINT NOT NULL DEFAULT 0;
  ALTER TABLE comments ADD COLUMN silent SMALLINT NOT NULL DEFAULT 0;
  CREATE INDEX comments_body_hash ON comments (body_hash, created_at);

  CREATE TABLE moderation_rules (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('hold','reject')),
    enabled SMALLINT NOT NULL DEFAULT 1,
    config TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );

  CREATE TABLE bans (
    id BIGSERIAL PRIMARY KEY,
    author_hash TEXT,
    email TEXT,
    comment_id TEXT,
    name TEXT,
    reason TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    lifted_at BIGINT,
    lifted_by TEXT
  );
  CREATE INDEX bans_author ON bans (author_hash);
  CREATE INDEX bans_email ON bans (email);
  `,
];

/** Arbitrary, fixed: the advisory lock that serializes migrations across processes. */
const MIGRATION_LOCK = 0x6e770001;

/** Applies pending migrations, each in its own transaction, under the advisory lock. */
export async function migrate(db: PgDb): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const applied = await appliedMigrations(client);
    for (let v = applied; v < MIGRATIONS.length; v++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[v]!);
        await client.query('INSERT INTO schema_migrations(version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

export async function appliedMigrations(sql: {
  query(q: string): Promise<{ rows: { v: number | null }[] }>;
}): Promise<number> {
  return (await sql.query('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0;
}
