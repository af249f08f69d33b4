/** View beacons (buffered, written in batches) and most read (cached briefly per process). */
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import type { Env } from '../http/context.ts';
import { clientAddress } from '../http/context.ts';
import { utf8, type Bytes } from '../http/cache.ts';
import { fail } from '../http/errors.ts';
import { MostReadQuery, ViewIn, parse, readJson } from '../http/validate.ts';
import { listItem, urlCandidates } from './articles.ts';
import type { RouteDeps } from './deps.ts';

const BOT_RE =
  /bot\b|bot\/|crawl|spider|slurp|bingpreview|mediapartners|facebookexternalhit|facebookcatalog|embedly|quora link preview|outbrain|pinterest|vkshare|w3c_validator|whatsapp|telegrambot|discordbot|slackbot|skypeuripreview|headlesschrome|phantomjs|lighthouse|pagespeed|curl\/|wget\/|python-requests|python-urllib|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|libwww|httpclient|scrapy|ahrefs|semrush|mj12|dotbot|petalbot|bytespider|yandex|baiduspider|coccoc/i;

const WINDOWS: Record<string, number> = { hour: 1, day: 24, week: 24 * 7, month: 24 * 30 };

export function viewRoutes({ config, storage, views, caches, limit }: RouteDeps) {
  const r = new Hono<Env>();

  // The day's salt is the same in every process (stored in the database); read once a day.
  let salt: { day: string; value: string } | undefined;
  const refreshSalt = async (day: string) => {
    salt = { day, value: await storage.views.dailySalt(day) };
  };

  r.post('/views', limit(config.viewsPerMinute, 'views'), async (c) => {
    const body = parse(ViewIn, await readJson(c));
    if (!body.url && !body.articleId) fail('invalid_input', 'url or articleId is required.', 'url');
    const ua = c.req.header('user-agent') ?? '';
    if (ua && !BOT_RE.test(ua)) {
      const at = config.now();
      const day = new Date(at).toISOString().slice(0, 10);
      if (salt?.day !== day) await refreshSalt(day);
      const visitor = createHash('sha256')
        .update(salt!.value)
        .update('\0')
        .update(clientAddress(c, config))
        .update('\0')
        .update(ua)
        .digest('base64url');
      views.add({ ref: body.articleId ? { id: body.articleId } : { urls: urlCandidates(body.url!) }, visitor, at });
    }
    return c.body(null, 204);
  });

  const loadMostRead = async (c: Context, key: string, t: number) => {
    const q = parse(MostReadQuery, c.req.query());
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
    // Keyed by the raw URL: a hit skips parsing (only valid requests are ever cached).
    const key = c.req.url;
    const t = config.now();
    const hit = caches.mostRead.get(key, t);
    return hit ? answerMostRead(c, hit, t) : loadMostRead(c, key, t);
  });

  return r;
}
