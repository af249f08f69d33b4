/** Articles: upsert (editors), list and search, one article, related articles. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { LIMITS, PAGE } from '../../src/core/contract.ts';
import { safeImageUrl } from '../../src/core/url.ts';
import type { Article } from '../domain.ts';
import type { Env } from '../http/context.ts';
import { fail } from '../http/errors.ts';
import { ArticleId, ArticlesIn, Cursor, HttpUrl, Limit, cleanText, parse, readJson } from '../http/validate.ts';
import type { RouteDeps } from './deps.ts';

/** The kit's list item: drop fields the widgets do not use. */
export function listItem(a: Article): Article {
  const { tags: _tags, ...rest } = a;
  return rest;
}

/** Candidate spellings of an article URL: exact, then without fragment, query, or with/without trailing slash. */
export function urlCandidates(raw: string): string[] {
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
  return [...new Set(cands)];
}

/** `title` of `GET /related`: the page's title, trimmed, spaces collapsed, cut to the article title's limit. */
const RelatedTitle = v.optional(
  v.pipe(
    v.string(),
    v.maxLength(4 * LIMITS.articleTitle, 'title is too long.'),
    v.transform((s) => [...cleanText(s).replace(/\s+/g, ' ')].slice(0, LIMITS.articleTitle).join('')),
  ),
);

/**
 * An article's `url` as the URL parser serialises it (lower-case host, percent-encoding, a path),
 * and its `image` absolute: a relative one is resolved against the url and must stay on its site
 * (`/\evil.example/x.png` is another host to the parser), by the same rule as the widgets'
 * (`safeImageUrl`). `at` is the field prefix of an article in an array ("3.").
 */
export function articleUrls<T extends { url: string; image?: string }>(a: T, at = ''): T {
  const url = new URL(a.url); // HttpUrl checked it is absolute http(s)
  if (url.username || url.password) fail('invalid_input', 'url must not contain a user name or password.', `${at}url`);
  if (!a.image) return { ...a, url: url.href, image: undefined };
  const image = safeImageUrl(a.image, url);
  if (!image)
    fail(
      'invalid_input',
      'image must be an http(s) URL, or a path on the article’s own site (for another host, give its absolute URL).',
      `${at}image`,
    );
  return { ...a, url: url.href, image };
}

export function articleRoutes({ config, storage, caches, bearer }: RouteDeps) {
  const r = new Hono<Env>();
  const generatedAt = () => new Date(config.now()).toISOString();

  r.post('/articles', bearer, async (c) => {
    const body = parse(ArticlesIn, await readJson(c));
    const list = Array.isArray(body) ? body.map((a, i) => articleUrls(a, `${i}.`)) : [articleUrls(body)];
    const ids = await storage.articles.upsert(
      list.map((a) => ({
        ...a,
        summary: a.summary || undefined,
        section: a.section || undefined,
        publishedAt: a.publishedAt ? new Date(a.publishedAt).toISOString() : undefined,
      })),
    );
    caches.mostRead.clear();
    return c.json({ upserted: ids.length, ids });
  });

  r.get('/articles', async (c) => {
    const q = parse(
      v.object({
        limit: Limit(PAGE.articles.default, PAGE.articles.max),
        cursor: Cursor,
        q: v.optional(v.pipe(v.string(), v.maxLength(200))),
      }),
      c.req.query(),
    );
    const page = q.q
      ? { items: await storage.articles.search(q.q, q.limit), nextCursor: null }
      : await storage.articles.list(q.limit, q.cursor);
    return c.json({ items: page.items, nextCursor: page.nextCursor, generatedAt: generatedAt() });
  });

  const related = async (by: { id: string } | { url: string }, limit: number, field: 'id' | 'url') => {
    const items = await storage.articles.related(by, limit);
    if (!items) fail('article_not_found', `No article with this ${field}.`, field);
    return { items: items.map(listItem), generatedAt: generatedAt() };
  };

  // One route: ids may contain "/", and a greedy param would swallow "/related".
  r.get('/articles/:rest{.+}', async (c) => {
    const rest = c.req.param('rest');
    if (rest.endsWith('/related')) {
      const id = parse(ArticleId, rest.slice(0, -'/related'.length));
      const q = parse(v.object({ limit: Limit(PAGE.related.default, PAGE.related.max) }), c.req.query());
      const body = await related({ id }, q.limit, 'id');
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(body);
    }
    const a = await storage.articles.get(parse(ArticleId, rest));
    if (!a) fail('article_not_found', 'No article with this id.', 'id');
    return c.json(a);
  });

  r.get('/related', async (c) => {
    const q = parse(
      v.object({ url: HttpUrl, title: RelatedTitle, limit: Limit(PAGE.related.default, PAGE.related.max) }),
      c.req.query(),
    );
    const url = await storage.articles.firstKnownUrl(urlCandidates(q.url));
    // A page the server has not seen yet (its first views): ranked by the title the widget sends.
    if (!url && !q.title) fail('article_not_found', 'No article with this url (send its title to rank by).', 'url');
    const body = url
      ? await related({ url }, q.limit, 'url')
      : { items: (await storage.articles.relatedByTitle(q.title!, q.limit)).map(listItem), generatedAt: generatedAt() };
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(body);
  });

  return r;
}
