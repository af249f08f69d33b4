/**
 * PostgreSQL: the live event log. Several processes append at once, and an identity column alone
 * would let id 11 commit before id 10: a client that saw 11 would then never get 10. Appends are
 * therefore serialized by a transaction-scoped advisory lock, taken before the id is drawn and
 * released at commit, so ids become visible in order.
 */
import type { LiveEvent, LiveEventStore } from '../../domain.ts';
import type { PgDb } from './db.ts';

/** Arbitrary, fixed: the advisory lock that orders live event appends across processes. */
const APPEND_LOCK = 0x6e770002;

export class PgLiveEvents implements LiveEventStore {
  constructor(private readonly d: PgDb) {}

  async append(topic: string, type: string, data: unknown): Promise<number> {
    return this.d.tx(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const row = await this.d.one<{ seq: number }>(
        'INSERT INTO live_events (topic, type, data, at) VALUES ($1, $2, $3, $4) RETURNING seq',
        [topic, type, JSON.stringify(data), this.d.now()],
        sql,
      );
      return row!.seq;
    });
  }

  async since(topic: string, afterId: number, limit: number): Promise<LiveEvent[]> {
    return this.d.rows<LiveEvent>(
      'SELECT seq AS id, topic, type, data FROM live_events WHERE topic = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [topic, afterId, limit],
    );
  }

  async head(): Promise<number> {
    // Under the append lock's rule every id up to the newest committed one is visible already.
    const row = await this.d.one<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM live_events');
    return row?.seq ?? 0;
  }

  async prune(beforeMs: number): Promise<void> {
    // The newest event always stays: MAX(seq) is where new clients start, and must not go back.
    await this.d.pool.query('DELETE FROM live_events WHERE at < $1 AND seq < (SELECT MAX(seq) FROM live_events)', [
      beforeMs,
    ]);
  }
}
