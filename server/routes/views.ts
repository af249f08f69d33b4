/**
 * View beacons (buffered, written in batches) and most read (cached briefly per process).
 *
 * A beacon counts one view when it comes from a browser (not a bot: `isbot`), for a page of the
 * publisher's site (`SITE_ORIGINS`), from a reader (client network: IPv4 address, IPv6 /64) that
 * has not counted for this article in the window (`viewDedupeMs`, which also caps the views of one
 * network per article per hour: `VIEWS_PER_NETWORK_HOUR`). The user agent tells bots only; it never
 * tells readers apart. The window is checked when the batch is written, in the database shared by
 * all processes, so a beacon costs no database round trip. Every beacon's outcome
 * is counted for the desk's integration panel (`BEACON_OUTCOMES`).
 */
import * as v from 'valibot';
import { Hono, type Context } from 'hono';
import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import type { BeaconOutcome } from '../../src/core/contract.ts';
import { DomainError } from '../domain.ts';
import type { Env } from '../http/context.ts';
import { clientAddress } from '../http/context.ts';
import { clientNetwork } from '../http/client-network.ts';
import { utf8, type Bytes } from '../http/cache.ts';
import { ApiError, fail } from '../http/errors.ts';
import { MostReadQuery, ViewIn, parse, readJson } from '../http/validate.ts';
import { articleIdFor } from '../seed.ts';
import { HOUR } from '../storage/common.ts';
import { listItem, urlCandidates } from './articles.ts';
import type { RouteDeps } from './deps.ts';

const WINDOWS: Record<string, number> = { hour: 1, day: 24, week: 24 * 7, month: 24 * 30 };

/** Articles one client network may create from beacons in an hour (a flood of made-up URLs stops here). */
const CREATED_PER_NETWORK_HOUR = 30;

/** The URL an article created from a beacon keeps: no fragment, no tracking parameters. */
function articleUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (/^(utm_|wt_|fbclid$|gclid$|zarsrc$)/i.test(key)) url.searchParams.delete(key);
  }
  return url.href;
}

export function viewRoutes({ config, storage, views, caches, limit, counters, recorder }: RouteDeps) {
  const r = new Hono<Env>();
  const siteOrigins = new Set(config.siteOrigins);
  // Which article a beacon means, per process: most beacons are for a few hot articles.
  const resolved = new LRUCache<string, { id: string }>({ max: 10_000, ttl: 5 * 60_000 });

  // The day's salt is the same in every process (stored in the database); read once a day.
  let salt: { day: string; value: string } | undefined;
  const refreshSalt = async (day: string) => {
    salt = { day, value: await storage.views.dailySalt(day) };
  };

  /** The article the beacon is for; created when the URL is a page of the site the server does not know yet. */
  const articleFor = async (
    body: { url?: string; articleId?: string; title?: string },
    network: string,
  ): Promise<{ id: string } | BeaconOutcome> => {
    const key = `${body.articleId ?? ''}\0${body.url ?? ''}`;
    const cached = resolved.get(key);
    if (cached) return cached;
    const ref = { id: body.articleId, urls: body.url ? urlCandidates(body.url) : [] };
    const known = await storage.articles.resolve(ref);
    if (known) {
      resolved.set(key, { id: known.id });
      return known;
    }
    if (!body.url || !siteOrigins.size) return 'unknown_article';
    const { count } = await counters.hit(`article-create:${network}`, HOUR);
    if (count > CREATED_PER_NETWORK_HOUR) return 'rate_limited';
    const url = articleUrl(body.url);
    const title = body.title || url;
    let id = articleIdFor({ id: body.articleId, url, title });
    if (await storage.articles.get(id)) id = articleIdFor({ url, title }); // the id is another article's
    if (await storage.articles.get(id)) id = 'u-' + createHash('sha256').update(url).digest('base64url').slice(0, 16);
    try {
      await storage.articles.upsert([{ id, url, title, publisherId: body.articleId }]);
    } catch (e) {
      // Another process created it meanwhile.
      if (!(e instanceof DomainError && e.code === 'url_conflict')) throw e;
    }
    return (await storage.articles.resolve(ref)) ?? 'unknown_article';
  };

  /** The beacon's outcome (refusals other than bad input answer 204 too: a beacon's answer is not read). */
  const beacon = async (c: Context<Env>): Promise<BeaconOutcome | 'queued'> => {
    const body = parse(ViewIn, await readJson(c));
    if (!body.url && !body.articleId) fail('invalid_input', 'url or articleId is required.', 'url');
    // A URL of another site says the configuration is wrong, whoever sent it: checked first.
    if (body.url && siteOrigins.size && !siteOrigins.has(new URL(body.url).origin)) return 'unknown_site';
    const ua = c.req.header('user-agent') ?? '';
    if (!ua || isbot(ua)) return 'bot';
    const network = clientNetwork(clientAddress(c, config));
    const article = await articleFor(body, network);
    if (typeof article === 'string') return article;
    const at = config.now();
    const day = new Date(at).toISOString().slice(0, 10);
    if (salt?.day !== day) await refreshSalt(day);
    // The reader is the client network, salted per day: no address is stored. Queued beacons are
    // counted, or found duplicate, when their batch is written.
    const visitor = createHash('sha256').update(salt!.value).update('\0').update(network).digest('base64url');
    return views.add({ ref: { id: article.id }, visitor, at });
  };

  r.post(
    '/views',
    async (c, next) => {
      await next();
      if (c.res.status === 429) recorder.beacon('rate_limited');
    },
    limit(config.viewsPerMinute, 'views'),
    async (c) => {
      let outcome: BeaconOutcome | 'queued';
      try {
        outcome = await beacon(c);
      } catch (e) {
        if (e instanceof ApiError && e.status === 400) recorder.beacon('invalid');
        throw e;
      }
      if (outcome !== 'queued') recorder.beacon(outcome);
      if (outcome === 'unknown_site') fail('unknown_site', 'This URL is not a page of the site (SITE_ORIGINS).', 'url');
      return c.body(null, 204);
    },
  );

  const loadMostRead = async (c: Context, q: v.InferOutput<typeof MostReadQuery>, key: string, t: number) => {
    const items = await storage.views.mostRead(WINDOWS[q.window]!, q.limit, q.section || undefined);
    const hit = {
      until: t + config.mostReadCacheMs,
      body: utf8(JSON.stringify({ items: items.map(listItem), generatedAt: new Date(t).toISOString() })),
    };
    if (config.mostReadCacheMs > 0) caches.mostRead.set(key, hit.body, hit.until);
    return answerMostRead(c, hit, t);
  };
  const answerMostRead = (c: Context, hit: { until: number; body: Bytes }, t: number) => {
    c.header('Cache-Control', `public, max-age=${Math.max(1, Math.round((hit.until - t) / 1000))}`);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(hit.body);
  };

  /** Cached per process for `mostReadCacheMs`; a hit is answered synchronously. */
  r.get('/most-read', (c) => {
    // Keyed by the validated parameters only: other query parameters cannot make new entries.
    const q = parse(MostReadQuery, c.req.query());
    const key = JSON.stringify([q.window, q.limit, q.section || null]);
    const t = config.now();
    const hit = caches.mostRead.get(key, t);
    return hit ? answerMostRead(c, hit, t) : loadMostRead(c, q, key, t);
  });

  return r;
}
