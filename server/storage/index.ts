/**
 * Opens the configured storage: PostgreSQL for a `postgres://` URL, else the embedded SQLite file.
 * The PostgreSQL driver is loaded only when used.
 */
import type { Storage } from '../domain.ts';
import { SqliteStorage } from './sqlite/index.ts';

export interface StorageOptions {
  /** `postgres://…` selects PostgreSQL; empty selects SQLite. */
  databaseUrl?: string;
  /** SQLite file (or ':memory:') when no database URL is given. */
  sqliteFile: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  /** PostgreSQL connections per process. */
  poolSize?: number;
  now?: () => number;
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//i.test(url);

export async function openStorage(opts: StorageOptions): Promise<Storage> {
  if (opts.databaseUrl && !isPostgresUrl(opts.databaseUrl))
    throw new Error('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file).');
  if (isPostgresUrl(opts.databaseUrl)) {
    const { PostgresStorage } = await import('./postgres/index.ts');
    return PostgresStorage.open({ url: opts.databaseUrl, poolSize: opts.poolSize, now: opts.now });
  }
  return new SqliteStorage({ file: opts.sqliteFile, synchronous: opts.sqliteSynchronous, now: opts.now });
}
