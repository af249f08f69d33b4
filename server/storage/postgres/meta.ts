/** PostgreSQL: the `meta` key/value table (seeded flag, daily salts). */
import type { MetaStore } from '../../domain.ts';
import type { PgDb } from './db.ts';

export class PgMeta implements MetaStore {
  constructor(private readonly d: PgDb) {}

  async get(key: string) {
    return (await this.d.one<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))?.value;
  }

  async set(key: string, value: string) {
    await this.d.pool.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  async claim(key: string, value: string) {
    const r = await this.d.pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      value,
    ]);
    return r.rowCount === 1;
  }
}
