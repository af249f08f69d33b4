/**
 * The HTTP app (hono). Built from a config and a Store so tests can run it in-process
 * with `app.request()`. See docs/api.md for the contract.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { rateLimiter } from 'hono-rate-limiter';
import * as v from 'valibot';
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { Store, StoreError, type Article, type Status } from './db.ts';
import { sanitizeHtml, htmlToText } from './sanitize.ts';

export const CSP =
  "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types news-widgets lit-html dompurify 'allow-duplicates'";

export const MAX_BODY_BYTES = 16 * 1024;

const THREAD_RE = /^[A-Za-z0-9._:/-]{1,200}$/;
const BOT_RE =
  /bot\b|bot\/|crawl|spider|slurp|bingpreview|mediapartners|facebookexternalhit|facebookcatalog|embedly|quora link preview|outbrain|pinterest|vkshare|w3c_validator|whatsapp|telegrambot|discordbot|slackbot|skypeuripreview|headlesschrome|phantomjs|lighthouse|pagespeed|curl\/|wget\/|python-requests|python-urllib|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|libwww|httpclient|scrapy|ahrefs|semrush|mj12|dotbot|petalbot|bytespider|yandex|baiduspider|coccoc/i;

type Env = { Bindings: { incoming?: { socket?: { remoteAddress?: string } } } };

/** Error answer: {"error":{"code","message","field"?}}. */
export function errorBody(code: string, message: string, field?: string) {
  return { error: field ? { code, message, field } : { code, message } };
}

class ApiError extends Error {
  constructor(
    public status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500,
    public code: string,
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

function fail(status: ApiError['status'], code: string, message: string, field?: string): never {
  throw new ApiError(status, code, message, field);
}

/** Validates with a valibot schema; the first issue becomes a 400 with its field. */
function parse<T extends v.GenericSchema>(schema: T, input: unknown): v.InferOutput<T> {
  const r = v.safeParse(schema, input);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const field = issue.path?.map((p) => String(p.key)).join('.') || undefined;
  fail(400, 'invalid_input', issue.message, field);
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    fail(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

const cp = (n: number) => (s: string) => [...s].length <= n;
/** Trims, NFC-normalizes and drops control characters other than \n and \t. */
const cleanText = (s: string) =>
  s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();

const Text = (min: number, max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be a string.`),
    v.transform(cleanText),
    v.minLength(min, `${what} is required.`),
    v.check(cp(max), `${what} must be at most ${max} characters.`),
  );

const ThreadId = v.pipe(v.string(), v.regex(THREAD_RE, 'A thread id is 1–200 characters of [A-Za-z0-9._:/-].'));
const ArticleId = v.pipe(
  v.string('id must be a string.'),
  v.regex(THREAD_RE, 'An article id is 1–200 characters of [A-Za-z0-9._:/-].'),
);
const HttpUrl = v.pipe(
  v.string('url must be a string.'),
  v.maxLength(2048),
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an absolute http(s) URL.'),
);
const ImageUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => /^\/[^/]/.test(s) || /^https?:\/\//i.test(s), 'image must be an http(s) URL or a root-relative path.'),
);
const IsoDate = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((s) => Number.isFinite(Date.parse(s)), 'Must be a date (ISO 8601).'),
);

const CommentPost = v.object({
  name: Text(1, 80, 'name'),
  email: v.optional(
    v.pipe(
      v.string('email must be a string.'),
      v.trim(),
      v.maxLength(254, 'email must be at most 254 characters.'),
      v.check((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'email is not valid.'),
    ),
  ),
  body: Text(1, 2000, 'body'),
  parentId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'parentId is not valid.'))),
  website: v.optional(v.unknown()),
});

const ArticleIn = v.object({
  id: ArticleId,
  url: HttpUrl,
  title: Text(1, 500, 'title'),
  summary: v.optional(Text(0, 5000, 'summary')),
  image: v.optional(ImageUrl),
  publishedAt: v.optional(IsoDate),
  section: v.optional(Text(0, 100, 'section')),
  tags: v.optional(v.pipe(v.array(Text(1, 60, 'tag')), v.maxLength(30, 'At most 30 tags.'))),
  pinned: v.optional(v.pipe(v.array(ArticleId), v.maxLength(10, 'At most 10 pinned articles.'))),
});
const ArticlesIn = v.union(
  [ArticleIn, v.pipe(v.array(ArticleIn), v.minLength(1), v.maxLength(500))],
  'Expected an article object or an array of them.',
);

const ViewIn = v.object({
  url: v.optional(HttpUrl),
  articleId: v.optional(ArticleId),
});

const EditIn = v.optional(
  v.object({
    body: v.optional(Text(1, 2000, 'body')),
    bodyHtml: v.optional(
      v.nullable(v.pipe(v.string(), v.maxLength(8000, 'bodyHtml must be at most 8000 characters.'))),
    ),
  }),
);

const Limit = (def: number, max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, 'limit must be a number.'),
      v.transform(Number),
      v.minValue(1, 'limit must be at least 1.'),
      v.maxValue(max, `limit must be at most ${max}.`),
    ),
    String(def),
  );
const Cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));

const ThreadPageQuery = v.object({
  sort: v.optional(v.picklist(['newest', 'oldest'], 'sort must be newest or oldest.'), 'newest'),
  limit: Limit(20, 100),
  cursor: Cursor,
});
const MostReadQuery = v.object({
  window: v.optional(v.picklist(['hour', 'day', 'week', 'month'], 'window must be hour, day, week or month.'), 'day'),
  section: v.optional(v.pipe(v.string(), v.transform(cleanText), v.maxLength(100))),
  limit: Limit(10, 50),
});

const WINDOWS: Record<string, number> = { hour: 1, day: 24, week: 24 * 7, month: 24 * 30 };

/** The kit's list item: drop fields the widgets do not use. */
function listItem(a: Article): Article {
  const { tags: _tags, ...rest } = a;
  return rest;
}

/** UTF-8 bytes, for cached bodies (no re-encoding per request). */
const utf8 = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;

function sha256(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time token check (both sides hashed to equal length first). */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(sha256(given), sha256(expected));
}

export interface AppDeps {
  config: Config;
  store: Store;
  log?: (msg: string) => void;
}

export function createApp({ config, store, log = (m) => console.error(m) }: AppDeps) {
  const app = new Hono<Env>();
  const now = config.now;

  /** The client: socket address, or the left-most X-Forwarded-For with TRUST_PROXY. */
  const clientAddress = (c: Context<Env>): string => {
    if (config.trustProxy) {
      const xff = c.req.header('x-forwarded-for');
      const first = xff?.split(',')[0]?.trim();
      if (first) return first;
    }
    return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  };

  const limiter = (perMinute: number, what: string): MiddlewareHandler<Env> => {
    if (perMinute <= 0) return async (_c, next) => next();
    return rateLimiter<Env>({
      windowMs: 60_000,
      limit: perMinute,
      standardHeaders: 'draft-6',
      keyGenerator: (c) => `${what}:${clientAddress(c)}`,
      handler: (c) => {
        const info = (c.get as (k: string) => { resetTime?: Date } | undefined)('rateLimit');
        const secs = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : 60;
        c.header('Retry-After', String(secs));
        return c.json(errorBody('rate_limited', `Too many requests. Try again in ${secs} s.`), 429);
      },
    });
  };

  // ---------------------------------------------------------------- common
  /** For HTML answers: the strict CSP with Trusted Types. */
  const pageHeaders = (c: Context) => {
    c.header('Content-Security-Policy', CSP);
    c.header('X-Frame-Options', 'SAMEORIGIN');
  };

  app.onError((e, c) => {
    if (e instanceof ApiError) return c.json(errorBody(e.code, e.message, e.field), e.status);
    if (e instanceof StoreError) return c.json(errorBody(e.code, e.message, e.field), e.status);
    log(`[server] ${c.req.method} ${c.req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return c.json(errorBody('internal', 'Internal server error.'), 500);
  });

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));

  // CORS and the body limit run only where they apply: both make @hono/node-server build full
  // Request/Response objects, which costs more than the rest of a cached GET.
  const corsMw = cors({
    origin: (origin) => (config.allowedOrigins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization', 'X-Moderator-Name'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
    credentials: false,
  });
  const limitMw = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      c.json(errorBody('payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KB.`), 413),
  });
  // One middleware for every request. Headers are set before the handler runs (touching c.res
  // afterwards would make @hono/node-server build a full Response each time), and CORS and the
  // body limit run only where they apply (both build full Request/Response objects).
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!c.req.path.startsWith('/api/')) return next();
    c.header('Cache-Control', 'no-store'); // routes that may be cached set their own
    const m = c.req.method;
    const rest = async () => {
      if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return next();
      const r = await limitMw(c, next);
      if (r instanceof Response) c.res = r; // the 413
    };
    if (config.allowedOrigins.length) {
      c.header('Vary', 'Origin');
      if (c.req.header('origin')) return corsMw(c, rest);
    }
    return rest();
  });

  const requireToken: MiddlewareHandler<Env> = async (c, next) => {
    const auth = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m || !tokenMatches(m[1], config.moderatorToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthorized', 'A valid moderator token is required.'), 401);
    }
    await next();
    return undefined;
  };
  const actor = (c: Context): string => {
    // Header values are Latin-1 only: the desk sends the editor's name URI-encoded.
    let raw = c.req.header('x-moderator-name') ?? '';
    try {
      raw = decodeURIComponent(raw);
    } catch {
      /* keep as is */
    }
    const n = cleanText(raw).slice(0, 80);
    return n || 'moderator';
  };

  // ---------------------------------------------------------------- articles
  app.post('/api/articles', requireToken, async (c) => {
    const body = parse(ArticlesIn, await readJson(c));
    const list = Array.isArray(body) ? body : [body];
    const ids = store.upsertArticles(
      list.map((a) => ({
        ...a,
        summary: a.summary || undefined,
        section: a.section || undefined,
        publishedAt: a.publishedAt ? new Date(a.publishedAt).toISOString() : undefined,
      })),
    );
    mostReadCache.clear();
    return c.json({ upserted: ids.length, ids });
  });

  app.get('/api/articles', (c) => {
    const q = parse(
      v.object({ limit: Limit(20, 100), cursor: Cursor, q: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
      c.req.query(),
    );
    if (q.q)
      return c.json({
        items: store.search(q.q, q.limit),
        nextCursor: null,
        generatedAt: new Date(now()).toISOString(),
      });
    const r = store.listArticles(q.limit, q.cursor);
    return c.json({ items: r.items, nextCursor: r.nextCursor, generatedAt: new Date(now()).toISOString() });
  });

  // One route: ids may contain "/", and a greedy param would swallow "/related".
  app.get('/api/articles/:rest{.+}', (c) => {
    const rest = c.req.param('rest');
    if (rest.endsWith('/related')) {
      const id = parse(ArticleId, rest.slice(0, -'/related'.length));
      const q = parse(v.object({ limit: Limit(5, 20) }), c.req.query());
      const items = store.related({ id }, q.limit);
      if (!items) fail(404, 'article_not_found', 'No article with this id.', 'id');
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({ items: items.map(listItem), generatedAt: new Date(now()).toISOString() });
    }
    const id = parse(ArticleId, rest);
    const a = store.getArticle(id);
    if (!a) fail(404, 'article_not_found', 'No article with this id.', 'id');
    return c.json(a);
  });

  /** Finds an article by URL: exact, then without fragment, query or trailing slash. */
  const findUrl = (raw: string): string | undefined => {
    const cands = [raw];
    try {
      const u = new URL(raw);
      u.hash = '';
      cands.push(u.href);
      u.search = '';
      cands.push(u.href);
      if (u.pathname.endsWith('/') && u.pathname.length > 1) cands.push(u.href.replace(/\/$/, ''));
      else cands.push(u.href + '/');
    } catch {
      /* validated before */
    }
    for (const cand of cands) if (store.getArticleByUrl(cand)) return cand;
    return undefined;
  };

  app.get('/api/related', (c) => {
    const q = parse(v.object({ url: HttpUrl, limit: Limit(5, 20) }), c.req.query());
    const url = findUrl(q.url);
    const items = url ? store.related({ url }, q.limit) : undefined;
    if (!items) fail(404, 'article_not_found', 'No article with this url.', 'url');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ items: items.map(listItem), generatedAt: new Date(now()).toISOString() });
  });

  // ---------------------------------------------------------------- views & most read
  const mostReadCache = new Map<string, { until: number; body: Uint8Array<ArrayBuffer> }>();

  app.post('/api/views', limiter(config.viewsPerMinute, 'views'), async (c) => {
    const body = parse(ViewIn, await readJson(c));
    if (!body.url && !body.articleId) fail(400, 'invalid_input', 'url or articleId is required.', 'url');
    const ua = c.req.header('user-agent') ?? '';
    if (ua && !BOT_RE.test(ua)) {
      const day = new Date(now()).toISOString().slice(0, 10);
      const visitor = createHash('sha256')
        .update(store.dailySalt(day))
        .update('\0')
        .update(clientAddress(c))
        .update('\0')
        .update(ua)
        .digest('base64url');
      const ref = body.articleId ? { id: body.articleId } : { url: findUrl(body.url!) ?? body.url! };
      store.recordView(ref, visitor, config.viewDedupeMs);
    }
    return c.body(null, 204);
  });

  app.get('/api/most-read', (c) => {
    // Keyed by the raw URL: a hit skips parsing (only valid requests are ever cached).
    const key = c.req.url;
    const t = now();
    let hit = mostReadCache.get(key);
    if (!hit || hit.until <= t) {
      const q = parse(MostReadQuery, c.req.query());
      const items = store.mostRead(WINDOWS[q.window]!, q.limit, q.section || undefined);
      hit = {
        until: t + config.mostReadCacheMs,
        body: utf8(JSON.stringify({ items: items.map(listItem), generatedAt: new Date(t).toISOString() })),
      };
      if (mostReadCache.size > 500) mostReadCache.clear();
      mostReadCache.set(key, hit);
    }
    c.header('Cache-Control', `public, max-age=${Math.max(1, Math.round((hit.until - t) / 1000))}`);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(hit.body);
  });

  // ---------------------------------------------------------------- comments
  const threadParam = (c: Context) => parse(ThreadId, c.req.param('thread'));

  /**
   * Reader pages of a thread, cached briefly in memory. Moderation actions (and new comments
   * when pre-moderation is off) clear it at once; the TTL bounds staleness when several
   * processes share the database.
   */
  const threadCache = new Map<string, { until: number; body: Uint8Array<ArrayBuffer> }>();
  const clearThreadCache = () => threadCache.clear();

  app.get('/api/threads/:thread{.+}/comments', (c) => {
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Type', 'application/json');
    // Keyed by the raw URL: a hit skips parsing (only valid requests are ever cached).
    const key = c.req.url;
    const t = now();
    const hit = threadCache.get(key);
    if (hit && hit.until > t) return c.body(hit.body);
    const thread = threadParam(c);
    const q = parse(ThreadPageQuery, c.req.query());
    const info = store.threadInfo(thread, config.autoCloseDays);
    const r = store.threadComments(thread, q.sort, q.limit, q.cursor);
    const out = (
      x: {
        id: string;
        parentId?: string | null;
        name: string;
        body: string;
        bodyHtml: string | null;
        createdAt: string;
      },
      reply: boolean,
    ) => {
      const o: Record<string, unknown> = { id: x.id };
      if (reply) o.parentId = x.parentId;
      o.name = x.name;
      o.body = x.body;
      if (x.bodyHtml) o.bodyHtml = x.bodyHtml;
      o.createdAt = x.createdAt;
      return o;
    };
    const body = utf8(
      JSON.stringify({
        thread: { id: info.id, closed: info.closed, count: info.count },
        items: r.items.map((i) => ({ ...out(i, false), replies: i.replies.map((rep) => out(rep, true)) })),
        nextCursor: r.nextCursor,
      }),
    );
    if (config.threadCacheMs > 0) {
      if (threadCache.size > 2000) threadCache.clear();
      threadCache.set(key, { until: t + config.threadCacheMs, body });
    }
    return c.body(body);
  });

  app.post('/api/threads/:thread{.+}/comments', limiter(config.commentsPerMinute, 'comments'), async (c) => {
    const thread = threadParam(c);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !/^[A-Za-z0-9_.:-]{1,128}$/.test(key)) {
      fail(400, 'invalid_input', 'Idempotency-Key must be 1–128 characters of [A-Za-z0-9_.:-].', 'Idempotency-Key');
    }
    const raw = await readJson(c);
    // Honeypot: a filled "website" field is a bot. Answer like a success, store nothing.
    if (raw && typeof raw === 'object' && 'website' in raw) {
      const w = (raw as { website: unknown }).website;
      if (w != null && w !== '' && w !== false) {
        return c.json(
          {
            id:
              'c_' +
              createHash('sha256')
                .update(String(now()) + Math.random())
                .digest('base64url')
                .slice(0, 16),
            status: 'pending',
          },
          202,
        );
      }
    }
    const body = parse(CommentPost, raw ?? fail(400, 'invalid_input', 'A JSON body is required.'));
    const r = store.createComment({
      thread,
      name: body.name,
      email: body.email || undefined,
      body: body.body,
      parentId: body.parentId,
      idempotencyKey: key,
      status: config.premoderation ? 'pending' : 'approved',
      autoCloseDays: config.autoCloseDays,
    });
    if (!config.premoderation) clearThreadCache();
    return c.json({ id: r.id, status: r.status }, 202);
  });

  const csv = (max: number, item: v.GenericSchema<string, string>, name: string) =>
    v.pipe(
      v.string(`${name} is required.`),
      v.transform((s: string) => [
        ...new Set(
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ]),
      v.minLength(1, `${name} is required.`),
      v.maxLength(max, `At most ${max} ${name}.`),
      v.array(item),
    );

  app.get('/api/comments/status', (c) => {
    const q = parse(
      v.object({ ids: csv(50, v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid id.')), 'ids') }),
      c.req.query(),
    );
    return c.json(store.commentStatuses(q.ids));
  });

  app.get('/api/counts', (c) => {
    const q = parse(v.object({ threads: csv(50, ThreadId, 'threads') }), c.req.query());
    const out: Record<string, number> = {};
    for (const t of store.threadInfos(q.threads, config.autoCloseDays)) out[t.id] = t.count;
    c.header('Cache-Control', 'no-cache');
    return c.json(out);
  });

  // ---------------------------------------------------------------- moderation
  app.use('/api/moderation/*', requireToken);
  // Any moderation write changes what readers see.
  app.use('/api/moderation/*', async (c, next) => {
    await next();
    if (c.req.method === 'POST' && c.res.status < 400) clearThreadCache();
  });

  app.get('/api/moderation/queue', (c) => {
    const q = parse(
      v.object({
        status: v.optional(
          v.picklist(['pending', 'approved', 'rejected'], 'status must be pending, approved or rejected.'),
          'pending',
        ),
        cursor: Cursor,
        limit: Limit(50, 200),
      }),
      c.req.query(),
    );
    const r = store.moderationQueue(q.status as Status, q.limit, q.cursor);
    return c.json({
      items: r.items.map((i) => ({
        id: i.id,
        thread: i.thread,
        articleTitle: i.articleTitle,
        articleUrl: i.articleUrl,
        parentId: i.parentId,
        parent: i.parent,
        name: i.name,
        email: i.email,
        body: i.body,
        bodyHtml: i.bodyHtml,
        originalBody: i.originalBody,
        status: i.status,
        createdAt: i.createdAt,
      })),
      counts: r.counts,
      nextCursor: r.nextCursor,
    });
  });

  const commentId = (c: Context) =>
    parse(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid comment id.')), c.req.param('id'));

  /** Parses an optional edit; bodyHtml is sanitized before it is stored. */
  const readEdit = async (c: Context, required: boolean) => {
    const e = parse(EditIn, await readJson(c)) ?? {};
    if (required && e.body === undefined && e.bodyHtml === undefined)
      fail(400, 'invalid_input', 'body or bodyHtml is required.', 'body');
    let bodyHtml: string | null | undefined = e.bodyHtml;
    if (typeof bodyHtml === 'string') {
      bodyHtml = bodyHtml.trim() === '' ? null : sanitizeHtml(bodyHtml.normalize('NFC'));
      if (bodyHtml !== null && htmlToText(bodyHtml) === '')
        fail(400, 'invalid_input', 'bodyHtml has no text left after sanitizing.', 'bodyHtml');
    }
    return { body: e.body, bodyHtml };
  };

  app.post('/api/moderation/comments/:id/approve', async (c) => {
    const id = commentId(c);
    const edit = await readEdit(c, false);
    const r = store.moderate(id, 'approve', edit, actor(c));
    return c.json({ id: r.id, status: r.status, body: r.body, bodyHtml: r.bodyHtml });
  });
  app.post('/api/moderation/comments/:id/reject', async (c) => {
    const id = commentId(c);
    await readEdit(c, false); // validates (an empty body is fine)
    const r = store.moderate(id, 'reject', {}, actor(c));
    return c.json({ id: r.id, status: r.status, body: r.body, bodyHtml: r.bodyHtml });
  });
  app.post('/api/moderation/comments/:id/edit', async (c) => {
    const id = commentId(c);
    const edit = await readEdit(c, true);
    const r = store.moderate(id, 'edit', edit, actor(c));
    return c.json({ id: r.id, status: r.status, body: r.body, bodyHtml: r.bodyHtml });
  });
  app.post('/api/moderation/threads/:thread{.+}/close', (c) => {
    const r = store.setThreadClosed(threadParam(c), true, actor(c));
    return c.json({ id: r.id, closed: r.closed, count: r.count });
  });
  app.post('/api/moderation/threads/:thread{.+}/reopen', (c) => {
    const r = store.setThreadClosed(threadParam(c), false, actor(c));
    return c.json({ id: r.id, closed: r.closed, count: r.count });
  });
  app.get('/api/moderation/threads/:thread{.+}', (c) => {
    const t = store.threadInfo(threadParam(c), config.autoCloseDays);
    return c.json(t);
  });
  app.get('/api/moderation/log', (c) => {
    const q = parse(v.object({ cursor: Cursor, limit: Limit(50, 200) }), c.req.query());
    return c.json(store.moderationLog(q.limit, q.cursor));
  });

  app.all('/api/*', (c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));

  // ---------------------------------------------------------------- pages & files
  const page = (file: string, fallback: string) => (c: Context) => {
    const path = join(config.rootDir, file);
    const html = existsSync(path) ? readFileSync(path, 'utf8') : fallback;
    c.header('Cache-Control', 'no-cache');
    pageHeaders(c);
    return c.html(html);
  };
  app.get(
    '/',
    page(
      'demo/index.html',
      '<!doctype html><meta charset="utf-8"><title>news-widgets</title><p>demo/index.html is missing.</p>',
    ),
  );
  app.get(
    '/moderation',
    page(
      'server/public/moderation.html',
      '<!doctype html><meta charset="utf-8"><title>Moderation</title><p>Desk page missing.</p>',
    ),
  );
  app.get('/favicon.ico', (c) => c.body(null, 204));
  const staticHeaders = (path: string, c: Context) => {
    c.header('Cache-Control', 'no-cache');
    if (path.endsWith('.html')) pageHeaders(c);
    if (path.endsWith('.xml')) c.header('Content-Type', 'application/xml; charset=UTF-8');
  };
  /** serveStatic, created on first use (dist/ may be built after the server starts). */
  const lazyStatic = (root: string): MiddlewareHandler => {
    let mw: MiddlewareHandler | undefined;
    return async (c, next) => {
      if (!existsSync(root)) return next();
      mw ??= serveStatic({ root, onFound: staticHeaders });
      return mw(c, next);
    };
  };
  app.use('/cdn/*', lazyStatic(join(config.rootDir, 'dist')));
  app.use('/demo/*', lazyStatic(config.rootDir));

  return app;
}
