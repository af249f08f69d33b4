/** SQLite: feed polling state, hourly beacon outcomes and the origins refused by CORS. */
import type { BeaconOutcome } from '../../../src/core/contract.ts';
import type { FeedState, IntegrationStore } from '../../domain.ts';
import { HOUR } from '../common.ts';
import { FEED_STATE_COLUMNS, feedStateValues, toFeedState, type FeedStateDbRow } from '../common-integration.ts';
import type { SqliteDb } from './db.ts';

export class SqliteIntegration implements IntegrationStore {
  constructor(private readonly d: SqliteDb) {}

  async claimFeed(url: string, now: number, leaseMs: number): Promise<FeedState | undefined> {
    const row = this.d
      .s(
        `INSERT INTO feed_state (url, next_poll_at) VALUES (?, ?)
         ON CONFLICT(url) DO UPDATE SET next_poll_at = excluded.next_poll_at WHERE feed_state.next_poll_at <= ?
         RETURNING *`,
      )
      .get(url, now + leaseMs, now) as FeedStateDbRow | undefined;
    return row && toFeedState(row);
  }

  async saveFeed(state: FeedState): Promise<void> {
    this.d
      .s(
        `INSERT OR REPLACE INTO feed_state (${FEED_STATE_COLUMNS.join(', ')})
         VALUES (${FEED_STATE_COLUMNS.map(() => '?').join(', ')})`,
      )
      .run(...feedStateValues(state));
  }

  async feeds(urls: string[]): Promise<FeedState[]> {
    if (!urls.length) return [];
    const rows = this.d
      .s(`SELECT * FROM feed_state WHERE url IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(urls)) as FeedStateDbRow[];
    return rows.map(toFeedState);
  }

  async addBeaconCounts(rows: { hourMs: number; reason: BeaconOutcome; count: number }[]): Promise<void> {
    const add = this.d.s(
      `INSERT INTO beacon_stats (hour, reason, count) VALUES (?, ?, ?)
       ON CONFLICT(hour, reason) DO UPDATE SET count = count + excluded.count`,
    );
    this.d.tx(() => {
      for (const r of rows) add.run(Math.floor(r.hourMs / HOUR), r.reason, r.count);
    });
  }

  async beaconCounts(sinceMs: number) {
    const rows = this.d
      .s('SELECT reason, SUM(count) AS n FROM beacon_stats WHERE hour >= ? GROUP BY reason')
      .all(Math.floor(sinceMs / HOUR)) as { reason: BeaconOutcome; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
  }

  async addCorsRefusals(rows: { origin: string; count: number; at: number }[], keep: number): Promise<void> {
    const add = this.d.s(
      `INSERT INTO cors_refusals (origin, count, first_seen, last_seen) VALUES (?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET count = count + excluded.count, last_seen = MAX(last_seen, excluded.last_seen)`,
    );
    this.d.tx(() => {
      for (const r of rows) add.run(r.origin, r.count, r.at, r.at);
      this.d
        .s(
          'DELETE FROM cors_refusals WHERE origin NOT IN (SELECT origin FROM cors_refusals ORDER BY last_seen DESC LIMIT ?)',
        )
        .run(keep);
    });
  }

  async corsRefusals(limit: number) {
    const rows = this.d
      .s('SELECT origin, count, first_seen, last_seen FROM cors_refusals ORDER BY last_seen DESC, origin LIMIT ?')
      .all(limit) as { origin: string; count: number; first_seen: number; last_seen: number }[];
    return rows.map((r) => ({ origin: r.origin, count: r.count, firstSeen: r.first_seen, lastSeen: r.last_seen }));
  }

  async prune(beforeMs: number): Promise<void> {
    this.d.s('DELETE FROM beacon_stats WHERE hour < ?').run(Math.floor(beforeMs / HOUR));
  }
}
