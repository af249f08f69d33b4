/** Feed → articles, and the first-start demo seed. */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { parseFeed, decodeFeedBytes, type NewsItem } from '../src/core/feeds.ts';
import type { ArticleInput, Storage } from './domain.ts';

export const DEMO_FEED = 'demo/feeds/tin-tuc.rss.xml';
/** The feed's notional location: relative links in it resolve against this. */
export const DEMO_FEED_URL = 'https://tinhnha.example/rss/tin-tuc.rss';
export const DEMO_ARTICLE_ID = 'an-ninh-nong-thon-moi-2026';

const ID_RE = /^[A-Za-z0-9._:/-]{1,200}$/;

/**
 * The publisher's id: the item's id (guid) when usable and not itself a URL, else the link's last
 * path segment without extension, else a hash of the link.
 */
export function articleIdFor(item: NewsItem): string {
  if (item.id && ID_RE.test(item.id) && !/^https?:/i.test(item.id)) return item.id;
  try {
    const seg = new URL(item.url).pathname
      .split('/')
      .filter(Boolean)
      .pop()
      ?.replace(/\.[a-z0-9]{2,5}$/i, '');
    if (seg && ID_RE.test(seg)) return seg;
  } catch {
    /* not a URL */
  }
  return 'u-' + createHash('sha256').update(item.url).digest('base64url').slice(0, 16);
}

export function itemsToArticles(items: NewsItem[], opts: { localOrigin?: string } = {}): ArticleInput[] {
  const seen = new Set<string>();
  const out: ArticleInput[] = [];
  for (const it of items) {
    const id = articleIdFor(it);
    if (seen.has(id)) continue;
    seen.add(id);
    const section = it.section?.trim() || undefined;
    const tags = [...new Map((it.tags ?? []).map((t) => [t.trim().toLowerCase(), t.trim()])).entries()]
      .filter(([k]) => k && k !== section?.toLowerCase())
      .map(([, t]) => t.slice(0, 60))
      .slice(0, 30);
    let image = it.image;
    // Demo images live on this server: keep them root-relative.
    if (image && opts.localOrigin && image.startsWith(opts.localOrigin + '/demo/'))
      image = image.slice(opts.localOrigin.length);
    out.push({
      id,
      url: it.url,
      title: it.title.slice(0, 500),
      summary: it.summary?.slice(0, 5000),
      image,
      publishedAt: it.publishedAt,
      section,
      tags,
    });
  }
  return out;
}

/** Parses feed bytes (RSS 2.0, RSS 1.0, Atom, JSON Feed, kit list) with the kit's parser. */
export function parseFeedBytes(
  bytes: Uint8Array,
  opts: { url?: string; contentType?: string | null } = {},
): NewsItem[] {
  const text = decodeFeedBytes(bytes, opts.contentType);
  return parseFeed(text, { url: opts.url, domParser: new DOMParser() as never }).items;
}

/** First start: the demo articles, an open demo thread, and a sample view history. */
export async function seedDemo(storage: Storage, rootDir: string, now: number): Promise<number> {
  const bytes = await readFile(join(rootDir, DEMO_FEED));
  const articles = itemsToArticles(parseFeedBytes(bytes, { url: DEMO_FEED_URL, contentType: 'application/rss+xml' }), {
    localOrigin: new URL(DEMO_FEED_URL).origin,
  });
  await storage.articles.upsert(articles);
  // The demo article's thread stays open whatever the date (explicitly opened).
  await storage.moderation.setThreadClosed(DEMO_ARTICLE_ID, false, 'seed');
  await storage.views.addBuckets(sampleViews(articles, now));
  return articles.length;
}

/**
 * A small, deterministic SAMPLE view history over the last 30 days, so "Đọc nhiều" is not empty
 * on a fresh demo. Real views from POST /api/views are added on top. Skipped with SEED_DEMO=0.
 */
function sampleViews(articles: ArticleInput[], now: number) {
  const HOUR = 3600_000;
  const startHour = Math.floor(now / HOUR) * HOUR;
  let x = 20261129;
  const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: { articleId: string; hourMs: number; count: number }[] = [];
  articles.forEach((a, i) => {
    const pub = a.publishedAt ? Date.parse(a.publishedAt) : now - 30 * 24 * HOUR;
    const popularity = 1 + ((i * 7) % 11);
    for (let h = 0; h < 30 * 24; h += 1 + Math.floor(rand() * 5)) {
      const t = startHour - h * HOUR;
      if (t < pub) break;
      const n = Math.floor(rand() * popularity * 3);
      if (n > 0) rows.push({ articleId: a.id, hourMs: t, count: n });
    }
  });
  return rows;
}
