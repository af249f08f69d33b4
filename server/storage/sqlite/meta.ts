/** SQLite: the `meta` key/value table (seeded flag, daily salts). */
import type { MetaStore } from '../../domain.ts';
import type { SqliteDb } from './db.ts';

export class SqliteMeta implements MetaStore {
  constructor(private readonly d: SqliteDb) {}

  read(key: string): string | undefined {
    return (this.d.s('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  write(key: string, value: string): void {
    this.d
      .s('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  async get(key: string) {
    return this.read(key);
  }

  async set(key: string, value: string) {
    this.write(key, value);
  }

  async claim(key: string, value: string) {
    return (
      this.d.s('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(key, value).changes === 1
    );
  }
}
