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
  // 2: the desk's rules, bans and search (see the SQLite schema)
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
