/** The PostgreSQL pool shared by the PostgreSQL storage modules: queries, transactions, the clock. */
import pg from 'pg';

/** BIGINT (ms timestamps, counts, serials) and NUMERIC as JS numbers: every value we store fits in 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Something that runs a query: the pool, or one client inside a transaction. */
export interface Sql {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface PgOptions {
  url: string;
  /** Connections in this process's pool. */
  poolSize?: number;
  /** Let the process exit while pooled connections are idle (tests, CLIs). */
  allowExitOnIdle?: boolean;
  now?: () => number;
}

export class PgDb {
  readonly pool: pg.Pool;
  readonly now: () => number;

  constructor(readonly opts: PgOptions) {
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: opts.allowExitOnIdle ?? false,
      types,
    });
    // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
    this.pool.on('error', () => {});
    this.now = opts.now ?? Date.now;
  }

  async rows<R extends pg.QueryResultRow>(sql: string, values: unknown[] = [], on: Sql = this.pool): Promise<R[]> {
    return (await on.query<R>(sql, values)).rows;
  }

  async one<R extends pg.QueryResultRow>(sql: string, values: unknown[] = [], on: Sql = this.pool) {
    return (await on.query<R>(sql, values)).rows[0];
  }

  /** Runs `fn` in one transaction on one client: committed if it resolves, rolled back if it throws. */
  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** A unique-constraint violation (SQLSTATE 23505). */
export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';
