/**
 * One parser for every list the widgets read: RSS 2.0 (and RSS 1.0/RDF), Atom 1.0,
 * JSON Feed 1.0/1.1 and the kit's own JSON list. The format is detected from the content, not
 * from the content-type, because feeds are served with every content-type there is.
 *
 * It uses DOM Level 2 calls only (childNodes, localName, getAttribute, textContent), so the
 * server can run it on `@xmldom/xmldom` by passing `domParser`.
 */
import { NewsError } from './events.js';
import { toIsoDate } from './time.js';
import { parseInert, type DomParserLike } from './trusted-types.js';
import { comparableUrl, safeHttpUrl, safeImageUrl } from './url.js';

/** One article in a list. Every URL is absolute http(s); every string is plain text. */
export interface NewsItem {
  url: string;
  title: string;
  image?: string;
  summary?: string;
  /** ISO 8601. */
  publishedAt?: string;
  section?: string;
  views?: number;
  id?: string;
  tags?: string[];
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json-feed' | 'news-list';
  items: NewsItem[];
  /** ISO 8601: when the list was made (the kit's `generatedAt`, RSS `lastBuildDate`, Atom `updated`). */
  generatedAt?: string;
  title?: string;
}

export interface ParseOptions {
  /** The feed's own URL: relative links resolve against it. */
  url?: string;
  /** A DOMParser for environments without one (the server passes @xmldom/xmldom's). */
  domParser?: DomParserLike;
}

/** A feed that cannot be read (`parse`) or is not a list (`shape`). */
export class FeedError extends NewsError {
  constructor(reason: 'parse' | 'shape', message: string) {
    super(reason, message);
    this.name = 'FeedError';
  }
}

const TITLE_MAX = 300;
const SUMMARY_MAX = 320;
const MAX_ITEMS = 500;

const NS = {
  media: 'http://search.yahoo.com/mrss/',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
};

// ---------------------------------------------------------------------------------------------
// Bytes to text

const ENCODING_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
};

function tryDecode(bytes: Uint8Array, label: string): string | null {
  const normalized = ENCODING_ALIASES[label.toLowerCase()] ?? label;
  try {
    return new TextDecoder(normalized, { fatal: normalized === 'utf-8' }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a feed's bytes: a BOM first, then the XML declaration's `encoding`, then the HTTP
 * charset, then UTF-8, and Windows-1252 for bytes that are not UTF-8 at all (real Latin-1 feeds
 * without a declaration exist).
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return tryDecode(bytes.subarray(3), 'utf-8') ?? tryDecode(bytes.subarray(3), 'windows-1252')!;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 256));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const header = contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
  for (const label of [declared, header, 'utf-8']) {
    if (!label) continue;
    const text = tryDecode(bytes, label);
    if (text !== null) return text;
  }
  return tryDecode(bytes, 'windows-1252')!;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function parseHtml(html: string, domParser?: DomParserLike): Document | null {
  try {
    return parseInert(`<!doctype html><html><body>${html}</body></html>`, 'text/html', domParser);
  } catch {
    return null;
  }
}

/** Plain text of an HTML fragment; block boundaries become spaces, scripts and styles vanish. */
export function htmlToText(html: string, domParser?: DomParserLike): string {
  if (!/[<&]/.test(html)) return collapse(html);
  const spaced = html.replace(/<(br|hr|\/p|\/div|\/li|\/h[1-6]|\/td|\/tr|\/blockquote)\b[^>]*>/gi, '$& ');
  const doc = parseHtml(spaced, domParser);
  if (!doc) return collapse(html.replace(/<[^>]*>/g, ' '));
  for (const tag of ['script', 'style', 'noscript', 'template']) {
    const nodes = Array.from(doc.getElementsByTagName(tag));
    for (const node of nodes) node.parentNode?.removeChild(node);
  }
  return collapse(doc.documentElement?.textContent ?? '');
}

/** The first real picture in an HTML fragment: not a 1×1 tracking pixel. */
function firstImageInHtml(html: string, base: string | undefined, domParser?: DomParserLike): string | undefined {
  if (!/<img\b/i.test(html)) return undefined;
  const doc = parseHtml(html, domParser);
  if (!doc) return undefined;
  for (const img of Array.from(doc.getElementsByTagName('img'))) {
    const width = Number(img.getAttribute('width'));
    const height = Number(img.getAttribute('height'));
    if ((width > 0 && width <= 2) || (height > 0 && height <= 2)) continue;
    const src = img.getAttribute('src') ?? '';
    if (/feedburner|feeds\.feedburner|\/~r\/|pixel|beacon|1x1/i.test(src)) continue;
    const url = safeImageUrl(src, base);
    if (url) return url;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// DOM helpers (DOM Level 2 only)

function elementChildren(parent: Node): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) out.push(node as Element);
  }
  return out;
}

function children(parent: Node, localName: string, namespace?: string | null): Element[] {
  return elementChildren(parent).filter(
    (el) =>
      (el.localName ?? el.nodeName) === localName &&
      (namespace === undefined || (el.namespaceURI ?? null) === namespace),
  );
}

function child(parent: Node, localName: string, namespace?: string | null): Element | undefined {
  return children(parent, localName, namespace)[0];
}

function text(el: Element | undefined): string {
  return el ? (el.textContent ?? '').trim() : '';
}

/** The `xml:base` in force at an element, resolved outwards and finally against the feed URL. */
function baseOf(el: Element, feedUrl: string | undefined): string | undefined {
  const bases: string[] = [];
  for (let node: Node | null = el; node && node.nodeType === 1; node = node.parentNode) {
    const value = (node as Element).getAttributeNS?.(NS.xml, 'base') || (node as Element).getAttribute('xml:base');
    if (value) bases.unshift(value.trim());
  }
  let base = feedUrl;
  for (const value of bases) {
    try {
      base = new URL(value, base).href;
    } catch {
      // An unusable xml:base is ignored, as feed readers do.
    }
  }
  return base;
}

// ---------------------------------------------------------------------------------------------
// Item normalisation, shared by every format

interface RawItem {
  url?: string | null;
  title?: string;
  titleIsHtml?: boolean;
  summaryHtml?: string;
  summaryText?: string;
  image?: string | null;
  publishedAt?: unknown;
  section?: string;
  tags?: string[];
  views?: unknown;
  id?: unknown;
  base?: string;
}

function normalize(raw: RawItem, domParser?: DomParserLike): NewsItem | null {
  const url = raw.url ? safeHttpUrl(raw.url, raw.base) : null;
  const rawTitle = raw.title ?? '';
  const title = truncate(
    raw.titleIsHtml || /<[a-z/!]|&(#?\w+);/i.test(rawTitle) ? htmlToText(rawTitle, domParser) : collapse(rawTitle),
    TITLE_MAX,
  );
  if (!url || !title) return null;
  const item: NewsItem = { url, title };
  const summarySource =
    raw.summaryText !== undefined
      ? collapse(raw.summaryText)
      : raw.summaryHtml
        ? htmlToText(raw.summaryHtml, domParser)
        : '';
  if (summarySource) item.summary = truncate(summarySource, SUMMARY_MAX);
  const image =
    (raw.image ? safeImageUrl(raw.image, raw.base) : null) ??
    (raw.summaryHtml ? firstImageInHtml(raw.summaryHtml, raw.base, domParser) : undefined);
  if (image) item.image = image;
  const publishedAt = toIsoDate(raw.publishedAt);
  if (publishedAt) item.publishedAt = publishedAt;
  const section = raw.section ? collapse(raw.section) : '';
  if (section) item.section = section.slice(0, 80);
  const tags = raw.tags?.map(collapse).filter(Boolean);
  if (tags?.length) item.tags = tags.slice(0, 20);
  const views = typeof raw.views === 'string' ? Number(raw.views) : raw.views;
  if (typeof views === 'number' && Number.isFinite(views) && views >= 0) item.views = Math.floor(views);
  if ((typeof raw.id === 'string' && raw.id.trim()) || typeof raw.id === 'number')
    item.id = String(raw.id).trim().slice(0, 200);
  return item;
}

function finish(
  format: ParsedFeed['format'],
  raws: RawItem[],
  meta: { generatedAt?: unknown; title?: string },
  domParser?: DomParserLike,
): ParsedFeed {
  const seen = new Set<string>();
  const items: NewsItem[] = [];
  for (const raw of raws.slice(0, MAX_ITEMS)) {
    const item = normalize(raw, domParser);
    if (!item) continue;
    const key = comparableUrl(item.url) ?? item.url;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  if (raws.length > 0 && items.length === 0) {
    throw new FeedError('shape', `None of the ${raws.length} entries has a title and an http(s) link`);
  }
  const feed: ParsedFeed = { format, items };
  const generatedAt = toIsoDate(meta.generatedAt);
  if (generatedAt) feed.generatedAt = generatedAt;
  const title = meta.title ? collapse(meta.title) : '';
  if (title) feed.title = title;
  return feed;
}

// ---------------------------------------------------------------------------------------------
// XML formats

/** The best picture among `media:content`/`media:thumbnail`/`enclosure`: an image, near 400 px wide. */
function pickMediaImage(item: Element): string | undefined {
  const candidates: { url: string; width: number }[] = [];
  const consider = (el: Element, urlAttr: string) => {
    const url = el.getAttribute(urlAttr)?.trim();
    if (!url) return;
    const type = el.getAttribute('type') ?? '';
    const medium = el.getAttribute('medium') ?? '';
    const isImage =
      medium === 'image' ||
      type.startsWith('image/') ||
      (!medium && !type && /\.(jpe?g|png|gif|webp|avif|svg)(\?|$)/i.test(url));
    if (!isImage) return;
    candidates.push({ url, width: Number(el.getAttribute('width')) || 0 });
  };
  const groups = [item, ...children(item, 'group', NS.media)];
  for (const group of groups) {
    for (const el of children(group, 'content', NS.media)) consider(el, 'url');
    for (const el of children(group, 'thumbnail', NS.media))
      candidates.push(
        ...(el.getAttribute('url')
          ? [{ url: el.getAttribute('url')!.trim(), width: Number(el.getAttribute('width')) || 0 }]
          : []),
      );
  }
  for (const el of children(item, 'enclosure')) consider(el, 'url');
  if (!candidates.length) return undefined;
  candidates.sort((a, b) => Math.abs((a.width || 400) - 400) - Math.abs((b.width || 400) - 400));
  return candidates[0].url;
}

function parseRss(doc: Document, root: Element, options: ParseOptions): ParsedFeed {
  const channel = child(root, 'channel') ?? root;
  // RSS 1.0 (RDF) keeps items beside the channel; RSS 2.0 inside it.
  const itemEls = [...children(channel, 'item'), ...(channel === root ? [] : children(root, 'item'))];
  const raws = itemEls.map((item): RawItem => {
    const base = baseOf(item, options.url);
    const plainLinks = children(item, 'link').filter((el) => !el.namespaceURI || el.namespaceURI === root.namespaceURI);
    const guid = child(item, 'guid');
    const guidIsLink =
      guid && !/^false$/i.test(guid.getAttribute('isPermaLink') ?? guid.getAttribute('isPermalink') ?? 'true');
    const guidText = text(guid);
    const link =
      text(child(item, 'origLink', NS.feedburner)) ||
      plainLinks.map(text).find(Boolean) ||
      (guidIsLink || /^https?:\/\//i.test(guidText) ? guidText : '');
    const description = text(child(item, 'description')) || text(child(item, 'encoded', NS.content));
    const categories = children(item, 'category').map(text).filter(Boolean);
    return {
      url: link,
      title: text(child(item, 'title')),
      summaryHtml: description,
      image: pickMediaImage(item),
      publishedAt: text(child(item, 'pubDate')) || text(child(item, 'date', NS.dc)),
      section: categories[0],
      tags: categories,
      id: guidText || undefined,
      base,
    };
  });
  void doc;
  return finish(
    'rss',
    raws,
    {
      generatedAt: text(child(channel, 'lastBuildDate')) || text(child(channel, 'date', NS.dc)),
      title: text(child(channel, 'title')),
    },
    options.domParser,
  );
}

function atomText(el: Element | undefined): { value: string; html: boolean } {
  if (!el) return { value: '', html: false };
  const type = el.getAttribute('type') ?? 'text';
  return { value: text(el), html: type === 'html' || type === 'xhtml' || type.includes('html') };
}

function parseAtom(root: Element, options: ParseOptions): ParsedFeed {
  const raws = children(root, 'entry').map((entry): RawItem => {
    const base = baseOf(entry, options.url);
    const links = children(entry, 'link');
    const alternate = links.find((el) => (el.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
    const enclosure = links.find(
      (el) => el.getAttribute('rel') === 'enclosure' && (el.getAttribute('type') ?? '').startsWith('image/'),
    );
    const title = atomText(child(entry, 'title'));
    const summary = atomText(child(entry, 'summary'));
    const content = atomText(child(entry, 'content'));
    const categories = children(entry, 'category')
      .map((el) => el.getAttribute('label') || el.getAttribute('term') || '')
      .map(collapse)
      .filter(Boolean);
    const linkBase = alternate ? baseOf(alternate, options.url) : base;
    const href = alternate?.getAttribute('href')?.trim();
    return {
      url: href ? safeHttpUrl(href, linkBase) : null,
      title: title.value,
      titleIsHtml: title.html,
      ...(summary.value
        ? summary.html
          ? { summaryHtml: summary.value }
          : { summaryText: summary.value }
        : content.html
          ? { summaryHtml: content.value }
          : { summaryText: content.value }),
      image: pickMediaImage(entry) ?? enclosure?.getAttribute('href'),
      publishedAt: text(child(entry, 'published')) || text(child(entry, 'updated')),
      section: categories[0],
      tags: categories,
      id: text(child(entry, 'id')) || undefined,
      base,
    };
  });
  return finish(
    'atom',
    raws,
    { generatedAt: text(child(root, 'updated')), title: text(child(root, 'title')) },
    options.domParser,
  );
}

/** Dân Trí-style fragments (bare `<item>`s) are wrapped so that they parse. */
function wrapFragment(source: string): string {
  if (/<(rss|feed|rdf:RDF|RDF)\b/i.test(source.slice(0, 2048)) || !/<item\b/i.test(source)) return source;
  const body = source.replace(/^\s*<\?xml[^>]*>/, '');
  return `<rss version="2.0" xmlns:media="${NS.media}" xmlns:dc="${NS.dc}"><channel>${body}</channel></rss>`;
}

function parseXml(source: string, options: ParseOptions): ParsedFeed {
  let doc: Document;
  try {
    doc = parseInert(wrapFragment(source), 'application/xml', options.domParser);
  } catch (error) {
    throw new FeedError('parse', `Not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = doc.documentElement;
  if (!root || doc.getElementsByTagName('parsererror').length > 0 || root.localName === 'parsererror') {
    throw new FeedError('parse', 'Not well-formed XML');
  }
  const name = root.localName ?? root.nodeName;
  if (name === 'rss' || name === 'RDF' || name === 'channel') return parseRss(doc, root, options);
  if (name === 'feed') return parseAtom(root, options);
  throw new FeedError('shape', `XML root <${name}> is neither RSS nor Atom`);
}

// ---------------------------------------------------------------------------------------------
// JSON formats

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function parseJsonFeed(data: Json, options: ParseOptions): ParsedFeed {
  const base =
    safeHttpUrl(str(data.home_page_url) ?? '', options.url) ??
    safeHttpUrl(str(data.feed_url) ?? '', options.url) ??
    options.url;
  const items = Array.isArray(data.items) ? data.items : [];
  const raws = items.filter(isObject).map((item): RawItem => {
    const html = str(item.content_html);
    const tags = Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string') : [];
    const contentText = str(item.content_text);
    return {
      url: str(item.url) ?? str(item.external_url),
      title:
        str(item.title) ??
        (contentText
          ? truncate(collapse(contentText), 120)
          : html
            ? truncate(htmlToText(html, options.domParser), 120)
            : ''),
      ...(str(item.summary)
        ? { summaryText: str(item.summary) }
        : contentText
          ? { summaryText: contentText }
          : { summaryHtml: html }),
      image: str(item.image) ?? str(item.banner_image) ?? null,
      publishedAt: item.date_published ?? item.date_modified,
      section: tags[0],
      tags,
      id: item.id,
      base,
    };
  });
  return finish('json-feed', raws, { title: str(data.title) }, options.domParser);
}

function parseNewsList(items: unknown[], data: Json, options: ParseOptions): ParsedFeed {
  const raws = items.filter(isObject).map((item): RawItem => ({
    url: str(item.url),
    title: str(item.title),
    summaryText: str(item.summary),
    image: str(item.image),
    publishedAt: item.publishedAt,
    section: str(item.section),
    tags: Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string') : undefined,
    views: item.views,
    id: item.id,
    base: options.url,
  }));
  if (items.length > 0 && raws.length === 0) throw new FeedError('shape', 'List entries are not objects');
  return finish('news-list', raws, { generatedAt: data.generatedAt, title: str(data.title) }, options.domParser);
}

function parseJson(source: string, options: ParseOptions): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new FeedError('parse', `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Array.isArray(data)) return parseNewsList(data, {}, options);
  if (!isObject(data)) throw new FeedError('shape', 'JSON is not an object with items');
  if (typeof data.version === 'string' && data.version.includes('jsonfeed.org')) return parseJsonFeed(data, options);
  if (Array.isArray(data.items)) return parseNewsList(data.items, data, options);
  throw new FeedError('shape', 'JSON has no "items" array');
}

/**
 * Parses any supported feed text into plain, safe items. Throws `FeedError` with reason
 * `parse` (unreadable) or `shape` (readable, but not a list of articles).
 */
export function parseFeed(source: string, options: ParseOptions = {}): ParsedFeed {
  if (typeof source !== 'string') throw new FeedError('shape', 'Feed is not text');
  const trimmed = source.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed) throw new FeedError('parse', 'Feed is empty');
  const first = trimmed[0];
  if (first === '{' || first === '[') return parseJson(trimmed, options);
  if (first === '<') return parseXml(trimmed, options);
  throw new FeedError('parse', 'Feed is neither JSON nor XML');
}

/** Parses items handed over as a property: the same normalisation as a fetched list. */
export function normalizeItems(items: unknown, options: ParseOptions = {}): NewsItem[] {
  if (!Array.isArray(items)) throw new FeedError('shape', '`items` is not an array');
  return parseNewsList(items, {}, options).items;
}
