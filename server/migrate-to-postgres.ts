/**
 * `npm run migrate-to-postgres -- <sqlite-file>`: copies an existing SQLite database into the empty
 * PostgreSQL database of DATABASE_URL, in one transaction: every article, thread, comment (ids,
 * sequence numbers and reply threads intact), idempotency key, moderation log entry, view bucket,
 * view dedupe entry and meta value. The full-text postings are rebuilt; the sequences continue after
 * the copied numbers. Stop the SQLite server first (or copy a backup): writes made during the copy
 * are not carried over.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Sql } from './storage/postgres/db.ts';
import { PgFullText } from './storage/postgres/fulltext.ts';
import { PostgresStorage } from './storage/postgres/index.ts';

/** Tables in dependency order, with the columns both schemas share. */
const TABLES: [table: string, columns: string[], order: string][] = [
  [
    'articles',
    [
      'pk',
      'id',
      'url',
      'title',
      'summary',
      'image',
      'published_at',
      'section',
      'tags',
      'pinned',
      'created_at',
      'updated_at',
      'publisher_id',
    ],
    'pk',
  ],
  ['threads', ['id', 'closed', 'created_at'], 'id'],
  [
    'comments',
    [
      'seq',
      'id',
      'thread_id',
      'parent_id',
      'root_id',
      'name',
      'email',
      'body',
      'body_html',
      'original_body',
      'status',
      'created_at',
      'updated_at',
      'likes',
      'reports',
      'hidden',
      'author_hash',
      'body_hash',
      'held_by',
      'no_diacritics',
      'silent',
    ],
    'seq',
  ],
  ['idempotency', ['thread_id', 'key', 'comment_id', 'created_at', 'body_hash'], 'thread_id, key'],
  ['comment_sources', ['source', 'source_id', 'comment_id', 'imported_at'], 'source, source_id'],
  ['moderation_log', ['seq', 'at', 'actor', 'action', 'comment_id', 'thread_id', 'before', 'after'], 'seq'],
  ['views_hourly', ['article_pk', 'hour', 'count'], 'article_pk, hour'],
  ['view_dedupe', ['key', 'expires_at'], 'key'],
  ['meta', ['key', 'value'], 'key'],
  // Editor accounts move with their secrets' hashes; desk sessions do not (editors sign in again).
  ['editors', ['id', 'name', 'name_key', 'secret_hash', 'created_at', 'disabled_at', 'last_sign_in_at'], 'id'],
  [
    'feed_state',
    ['url', 'etag', 'last_modified', 'last_poll_at', 'status', 'message', 'item_count', 'failures', 'next_poll_at'],
    'url',
  ],
  ['beacon_stats', ['hour', 'reason', 'count'], 'hour, reason'],
  ['cors_refusals', ['origin', 'count', 'first_seen', 'last_seen'], 'origin'],
  ['likes', ['comment_id', 'reader', 'created_at'], 'comment_id, reader'],
  ['like_events', ['seq', 'thread_id', 'comment_id', 'delta', 'at'], 'seq'],
  ['reports', ['seq', 'comment_id', 'reader', 'reason', 'text', 'created_at', 'resolved_at'], 'seq'],
  ['moderation_rules', ['id', 'kind', 'action', 'enabled', 'config', 'created_at', 'updated_at'], 'id'],
  [
    'bans',
    [
      'id',
      'author_hash',
      'email',
      'comment_id',
      'name',
      'reason',
      'created_by',
      'created_at',
      'expires_at',
      'lifted_at',
      'lifted_by',
    ],
    'id',
  ],
];

/** Serial columns whose sequences must continue after the copied values. */
const SERIALS: [table: string, column: string][] = [
  ['articles', 'pk'],
  ['comments', 'seq'],
  ['moderation_log', 'seq'],
  ['editors', 'id'],
  ['like_events', 'seq'],
  ['reports', 'seq'],
  ['moderation_rules', 'id'],
  ['bans', 'id'],
];

async function insertRows(sql: Sql, table: string, columns: string[], rows: Record<string, unknown>[]) {
  const per = Math.floor(30_000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values: unknown[] = [];
    const tuples = chunk.map((r) => `(${columns.map((c) => `$${values.push(r[c] ?? null)}`).join(', ')})`);
    await sql.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

/** Copies `sqliteFile` into the (empty) PostgreSQL database at `databaseUrl`; returns rows per table. */
export async function migrateToPostgres(sqliteFile: string, databaseUrl: string): Promise<Record<string, number>> {
  if (!existsSync(sqliteFile)) throw new Error(`No such file: ${sqliteFile}`);
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const target = await PostgresStorage.open({ url: databaseUrl, poolSize: 2, changeFeed: false });
  try {
    if ((await target.articles.count()) > 0 || (await target.comments.countAll()) > 0)
      throw new Error('The PostgreSQL database is not empty: migrate into a new database.');
    const fts = new PgFullText(target.db);
    const copied: Record<string, number> = {};
    // One read transaction on SQLite (a consistent snapshot), one write transaction on PostgreSQL.
    const read = source.transaction(() =>
      TABLES.map(([table, columns, order]) => ({
        table,
        columns,
        rows: source.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`).all() as Record<
          string,
          unknown
        >[],
      })),
    );
    const tables = read();
    await target.db.tx(async (sql) => {
      // The meta rows written by a previous start of this database (none when empty) give way.
      await sql.query('DELETE FROM meta');
      for (const { table, columns, rows } of tables) {
        await insertRows(sql, table, columns, rows);
        copied[table] = rows.length;
        if (table === 'articles') {
          for (const a of rows)
            await fts.index(sql, a.pk as number, {
              title: a.title as string,
              summary: (a.summary as string | null) ?? undefined,
              tags: JSON.parse(a.tags as string) as string[],
            });
        }
      }
      for (const [table, column] of SERIALS) {
        await sql.query(
          `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), COALESCE((SELECT MAX(${column}) FROM ${table}), 0) + 1, false)`,
        );
      }
    });
    return copied;
  } finally {
    source.close();
    await target.close();
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [file] = process.argv.slice(2).filter((a) => a !== '--');
  const url = process.env.DATABASE_URL;
  if (!file || !url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error('Usage: DATABASE_URL=postgres://… npm run migrate-to-postgres -- <sqlite-file>');
    process.exit(2);
  }
  try {
    const copied = await migrateToPostgres(file, url);
    for (const [table, n] of Object.entries(copied)) console.log(`${table.padEnd(16)} ${n} row(s)`);
    console.log('Done: the server can now run with this DATABASE_URL.');
  } catch (e) {
    console.error(`migrate-to-postgres failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
