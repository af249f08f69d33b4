/**
 * Which database the suite runs on: `TEST_DB=postgres` (set by `run.ts` for the second pass, with
 * TEST_DATABASE_URL pointing at the run's fresh database) or SQLite. Every test context gets its
 * own empty store: an in-memory SQLite database, or a fresh PostgreSQL schema.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Storage } from '../domain.ts';
import { PostgresStorage } from '../storage/postgres/index.ts';
import { SqliteStorage } from '../storage/sqlite/index.ts';

export const TEST_DB: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

function baseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  // Never a silent fallback: a PostgreSQL pass without a database is a failure.
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (npm run test:server sets it)');
  return url;
}

/** A URL whose connections use `schema` (created here, empty) as their search_path. */
export async function freshDatabaseUrl(): Promise<string> {
  const base = baseUrl();
  // The run's prefix lets run.ts drop them all when it could not create a database of its own.
  const schema = `${process.env.TEST_SCHEMA_PREFIX ?? 't_'}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.href;
}

/** An empty, migrated store for one test context. */
export async function openTestStorage(now: () => number): Promise<Storage> {
  if (TEST_DB === 'sqlite') return new SqliteStorage({ file: ':memory:', now });
  return PostgresStorage.open({
    url: await freshDatabaseUrl(),
    poolSize: 4,
    allowExitOnIdle: true,
    changeFeed: false,
    now,
  });
}

/** Environment for a spawned server process on this pass's database (SQLite: its DATA_DIR file). */
export async function serverDbEnv(): Promise<Record<string, string>> {
  return TEST_DB === 'postgres' ? { DATABASE_URL: await freshDatabaseUrl() } : { DATABASE_URL: '' };
}
