/**
 * PostgreSQL rate-limit counters, shared by every process on the database: one atomic upsert per
 * hit, so of ten concurrent posts over three processes exactly the first five win.
 */
import type { RateLimitStore } from '../../domain.ts';
import type { PgDb } from './db.ts';

export class PgRateLimits implements RateLimitStore {
  constructor(private readonly d: PgDb) {}

  async hit(key: string, windowMs: number, by = 1) {
    const now = this.d.now();
    const r = (await this.d.one<{ count: number; reset_at: number }>(
      `INSERT INTO rate_limits (key, reset_at, count) VALUES ($1, $2::bigint + $3::bigint, GREATEST($4::int, 0))
       ON CONFLICT (key) DO UPDATE SET
         count = GREATEST(CASE WHEN rate_limits.reset_at <= $2 THEN 0 ELSE rate_limits.count END + $4::int, 0),
         reset_at = CASE WHEN rate_limits.reset_at <= $2 THEN $2::bigint + $3::bigint ELSE rate_limits.reset_at END
       RETURNING count, reset_at`,
      [key, now, windowMs, by],
    ))!;
    return { count: r.count, resetAt: r.reset_at };
  }
}
