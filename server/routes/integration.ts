/**
 * The desk's integration panel (`GET /api/moderation/integration`): how the publisher's feeds were
 * polled, what became of the view beacons in the last 24 hours, and which origins CORS refused.
 * This process's counts are written first, so the answer includes them.
 */
import { Hono } from 'hono';
import { BEACON_OUTCOMES, type BeaconOutcome, type IntegrationStatus } from '../../src/core/contract.ts';
import type { Env } from '../http/context.ts';
import { MAX_REFUSED_ORIGINS } from '../integration-recorder.ts';
import { DAY, HOUR } from '../storage/common.ts';
import type { RouteDeps } from './deps.ts';

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

export function integrationRoutes({ config, storage, views, recorder, moderator }: RouteDeps) {
  const r = new Hono<Env>();
  r.use('*', moderator);

  r.get('/', async (c) => {
    await views.flush();
    await recorder.flush();
    const now = config.now();
    const [states, counts, origins] = await Promise.all([
      storage.integration.feeds(config.feeds),
      storage.integration.beaconCounts(now - DAY + HOUR), // this hour and the 23 before
      storage.integration.corsRefusals(MAX_REFUSED_ORIGINS),
    ]);
    const byUrl = new Map(states.map((s) => [s.url, s]));
    const body: IntegrationStatus = {
      feeds: config.feeds.map((url) => {
        const s = byUrl.get(url);
        return {
          url,
          lastPollAt: iso(s?.lastPollAt ?? null),
          status: s?.status ?? null,
          message: s?.message ?? null,
          itemCount: s?.itemCount ?? null,
          nextPollAt: s?.lastPollAt != null ? iso(s.nextPollAt) : null,
        };
      }),
      beacons: Object.fromEntries(BEACON_OUTCOMES.map((o) => [o, counts[o] ?? 0])) as Record<BeaconOutcome, number>,
      refusedOrigins: origins.map((o) => ({ ...o, firstSeen: iso(o.firstSeen)!, lastSeen: iso(o.lastSeen)! })),
      config: {
        feeds: config.feeds.length,
        feedIntervalSeconds: Math.round(config.feedIntervalMs / 1000),
        siteOrigins: config.siteOrigins,
        allowedOrigins: config.allowedOrigins,
      },
      generatedAt: new Date(now).toISOString(),
    };
    return c.json(body);
  });

  return r;
}
