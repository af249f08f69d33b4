/** PostgreSQL: feed polling state, hourly beacon outcomes and the origins refused by CORS. */
import type { BeaconOutcome } from '../../../src/core/contract.ts';
import type { FeedState, IntegrationStore } from '../../domain.ts';
import { HOUR } from '../common.ts';
import { FEED_STATE_COLUMNS, feedStateValues, toFeedState, type FeedStateDbRow } from '../common-integration.ts';
import type { PgDb } from './db.ts';

export class PgIntegration implements IntegrationStore {
  constructor(private readonly d: PgDb) {}

  async claimFeed(url: string, now: number, leaseMs: number): Promise<FeedState | undefined> {
    const row = await this.d.one<FeedStateDbRow>(
      `INSERT INTO feed_state (url, next_poll_at) VALUES ($1, $2)
       ON CONFLICT (url) DO UPDATE SET next_poll_at = excluded.next_poll_at WHERE feed_state.next_poll_at <= $3
       RETURNING *`,
      [url, now + leaseMs, now],
    );
    return row && toFeedState(row);
  }

  async saveFeed(state: FeedState): Promise<void> {
    const cols = FEED_STATE_COLUMNS;
    await this.d.pool.query(
      `INSERT INTO feed_state (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (url) DO UPDATE SET ${cols
         .slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}`,
      feedStateValues(state),
    );
  }

  async feeds(urls: string[]): Promise<FeedState[]> {
    if (!urls.length) return [];
    return (await this.d.rows<FeedStateDbRow>('SELECT * FROM feed_state WHERE url = ANY($1)', [urls])).map(toFeedState);
  }

  async addBeaconCounts(rows: { hourMs: number; reason: BeaconOutcome; count: number }[]): Promise<void> {
    if (!rows.length) return;
    // Sorted, so concurrent writers from several processes lock the counters in the same order.
    const sorted = [...rows].sort((a, b) => a.hourMs - b.hourMs || a.reason.localeCompare(b.reason));
    await this.d.pool.query(
      `INSERT INTO beacon_stats (hour, reason, count)
       SELECT hour, reason, SUM(count) FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS r(hour, reason, count)
       GROUP BY 1, 2 ORDER BY 1, 2
       ON CONFLICT (hour, reason) DO UPDATE SET count = beacon_stats.count + excluded.count`,
      [sorted.map((r) => Math.floor(r.hourMs / HOUR)), sorted.map((r) => r.reason), sorted.map((r) => r.count)],
    );
  }

  async beaconCounts(sinceMs: number) {
    const rows = await this.d.rows<{ reason: BeaconOutcome; n: number }>(
      'SELECT reason, SUM(count) AS n FROM beacon_stats WHERE hour >= $1 GROUP BY reason',
      [Math.floor(sinceMs / HOUR)],
    );
    return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
  }

  async addCorsRefusals(rows: { origin: string; count: number; at: number }[], keep: number): Promise<void> {
    if (!rows.length) return;
    const sorted = [...rows].sort((a, b) => a.origin.localeCompare(b.origin));
    await this.d.tx(async (sql) => {
      await sql.query(
        `INSERT INTO cors_refusals (origin, count, first_seen, last_seen)
         SELECT origin, SUM(count), MIN(at), MAX(at) FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(origin, count, at)
         GROUP BY 1 ORDER BY 1
         ON CONFLICT (origin) DO UPDATE SET count = cors_refusals.count + excluded.count,
           last_seen = GREATEST(cors_refusals.last_seen, excluded.last_seen)`,
        [sorted.map((r) => r.origin), sorted.map((r) => r.count), sorted.map((r) => r.at)],
      );
      await sql.query(
        'DELETE FROM cors_refusals WHERE origin NOT IN (SELECT origin FROM cors_refusals ORDER BY last_seen DESC LIMIT $1)',
        [keep],
      );
    });
  }

  async corsRefusals(limit: number) {
    const rows = await this.d.rows<{ origin: string; count: number; first_seen: number; last_seen: number }>(
      'SELECT origin, count, first_seen, last_seen FROM cors_refusals ORDER BY last_seen DESC, origin LIMIT $1',
      [limit],
    );
    return rows.map((r) => ({ origin: r.origin, count: r.count, firstSeen: r.first_seen, lastSeen: r.last_seen }));
  }

  async prune(beforeMs: number): Promise<void> {
    await this.d.pool.query('DELETE FROM beacon_stats WHERE hour < $1', [Math.floor(beforeMs / HOUR)]);
  }
}
