/**
 * The desk's charts: `GET /api/moderation/stats?range=24h|7d|30d[&utcOffset=minutes]` (editors
 * only). Views of the most read articles per hour (24h) or per day, comments written and approved
 * per bucket, time from posting to a decision, and the most commented threads. Days start at
 * midnight at `utcOffset` minutes east of UTC (the desk sends its own), UTC by default.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { STATS_RANGES, STATS_TOP, type ModerationStats, type StatsRange } from '../../src/core/contract.ts';
import type { StatsWindow } from '../domain.ts';
import type { Env } from '../http/context.ts';
import { parse } from '../http/validate.ts';
import { DAY, HOUR, iso } from '../storage/common.ts';
import type { RouteDeps } from './deps.ts';

/** The window of a range ending with the current hour (24h) or the current local day (7d, 30d). */
export function statsWindow(range: StatsRange, now: number, utcOffsetMinutes = 0): StatsWindow {
  if (range === '24h') {
    const to = (Math.floor(now / HOUR) + 1) * HOUR;
    return { from: to - 24 * HOUR, to, bucketMs: HOUR, buckets: 24 };
  }
  const offset = utcOffsetMinutes * 60_000;
  const to = (Math.floor((now + offset) / DAY) + 1) * DAY - offset;
  const buckets = range === '7d' ? 7 : 30;
  return { from: to - buckets * DAY, to, bucketMs: DAY, buckets };
}

const StatsQuery = v.object({
  range: v.optional(v.picklist(STATS_RANGES, `range must be one of ${STATS_RANGES.join(', ')}.`), '7d'),
  utcOffset: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[+-]?\d{1,3}$/, 'utcOffset must be a whole number of minutes.'),
      v.transform(Number),
      v.minValue(-720, 'utcOffset must be at least -720.'),
      v.maxValue(840, 'utcOffset must be at most 840.'),
    ),
    '0',
  ),
});

export function moderationStatsRoutes({ config, storage, moderator }: RouteDeps) {
  const r = new Hono<Env>();
  r.use('*', moderator);

  r.get('/stats', async (c) => {
    const q = parse(StatsQuery, c.req.query());
    const w = statsWindow(q.range, config.now(), q.utcOffset);
    const [views, comments, decisions, mostCommented] = await Promise.all([
      storage.stats.topViews(w, STATS_TOP.views),
      storage.stats.comments(w),
      storage.stats.decisionTimes(w),
      storage.stats.mostCommented(w, STATS_TOP.commented),
    ]);
    const body: ModerationStats = {
      range: q.range,
      bucket: w.bucketMs === HOUR ? 'hour' : 'day',
      from: iso(w.from)!,
      to: iso(w.to)!,
      buckets: Array.from({ length: w.buckets }, (_, i) => iso(w.from + i * w.bucketMs)!),
      views,
      comments,
      decisions,
      mostCommented,
    };
    return c.json(body);
  });

  return r;
}
