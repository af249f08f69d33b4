/** SQLite: the live event log (one process per file, so ids are assigned and committed in order). */
import type { LiveEvent, LiveEventStore } from '../../domain.ts';
import type { SqliteDb } from './db.ts';

export class SqliteLiveEvents implements LiveEventStore {
  constructor(private readonly d: SqliteDb) {}

  async append(topic: string, type: string, data: unknown): Promise<number> {
    const r = this.d
      .s('INSERT INTO live_events(topic, type, data, at) VALUES (?, ?, ?, ?)')
      .run(topic, type, JSON.stringify(data), this.d.now());
    return Number(r.lastInsertRowid);
  }

  async since(topic: string, afterId: number, limit: number): Promise<LiveEvent[]> {
    return this.d
      .s('SELECT seq AS id, topic, type, data FROM live_events WHERE topic = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(topic, afterId, limit) as LiveEvent[];
  }

  async head(): Promise<number> {
    // The sequence itself, not MAX(seq): it stays put when every row has been pruned.
    const row = this.d.s("SELECT seq FROM sqlite_sequence WHERE name = 'live_events'").get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  async prune(beforeMs: number): Promise<void> {
    this.d.s('DELETE FROM live_events WHERE at < ?').run(beforeMs);
  }
}
