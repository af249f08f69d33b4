/**
 * Reads a Disqus export or a WordPress export (WXR) into one neutral shape: the file's threads
 * (article link, the publisher's id) and its comments (author, time, parent, HTML body, state),
 * without judging them. What is kept, skipped or made top-level is decided in `index.ts`.
 *
 * The whole file is parsed as a DOM (@xmldom/xmldom): exports of a newsroom's comments are tens of
 * megabytes at most, and the caller refuses files above a size cap. xmldom expands no DTD entities
 * and fetches nothing, so a hostile DOCTYPE cannot blow up or reach out.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export type ExportFormat = 'disqus' | 'wordpress';

/** A comment's state in the other system. Only `approved` may ever be imported as approved. */
export type SourceState = 'approved' | 'pending' | 'spam' | 'trash' | 'deleted' | 'pingback' | 'not_comment';

export interface SourceThread {
  /** The thread's key inside the file (Disqus `dsq:id`, WordPress `wp:post_id`). */
  key: string;
  link: string;
  /** The publisher's own id for the article, where the file has one (Disqus `<id>`, WordPress post id). */
  identifier: string;
  title: string;
}

export interface SourceComment {
  /** Its id in the other system ('' when the file has none). */
  id: string;
  threadKey: string;
  /** The parent's id in the other system, or null for a top-level comment. */
  parentId: string | null;
  name: string;
  email: string;
  /** As written in the file: parsed by `parseExportDate`. */
  date: string;
  /** The body as the other system stored it: HTML (Disqus) or text with some HTML (WordPress). */
  html: string;
  state: SourceState;
}

export interface ParsedExport {
  format: ExportFormat;
  /** The other system and site: the namespace of source ids, e.g. `disqus:baotinh`. */
  source: string;
  threads: Map<string, SourceThread>;
  comments: SourceComment[];
  /** Recoverable XML problems the parser reported. */
  warnings: string[];
}

const DSQ_NS = 'http://disqus.com/disqus-internals';

/** Child elements of `el` named `name` (any namespace), in order. */
function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  }
  return out;
}

const child = (el: Element, name: string): Element | undefined => children(el, name)[0];
const text = (el: Element | undefined): string => (el?.textContent ?? '').trim();
const childText = (el: Element, name: string) => text(child(el, name));
const truthy = (s: string) => /^(true|1)$/i.test(s);

/** Disqus's `dsq:id` attribute, however the file spells its namespace prefix. */
function dsqId(el: Element | undefined): string {
  if (!el) return '';
  return (el.getAttributeNS(DSQ_NS, 'id') || el.getAttribute('dsq:id') || '').trim();
}

export function parseXml(xml: string): { doc: Document; warnings: string[] } {
  const warnings: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'fatalError') throw new Error(`Not well-formed XML: ${message}`);
      if (warnings.length < 20) warnings.push(message.split('\n')[0]!);
    },
  });
  return { doc: parser.parseFromString(xml, 'text/xml'), warnings };
}

function parseDisqus(root: Element): Omit<ParsedExport, 'warnings'> {
  const threads = new Map<string, SourceThread>();
  let forum = '';
  for (const t of children(root, 'thread')) {
    const key = dsqId(t);
    if (!key) continue;
    forum ||= childText(t, 'forum');
    threads.set(key, { key, link: childText(t, 'link'), identifier: childText(t, 'id'), title: childText(t, 'title') });
  }
  const comments = children(root, 'post').map((p): SourceComment => {
    const author = child(p, 'author');
    const approved = child(p, 'isApproved');
    const state: SourceState = truthy(childText(p, 'isSpam'))
      ? 'spam'
      : truthy(childText(p, 'isDeleted'))
        ? 'deleted'
        : approved && !truthy(text(approved))
          ? 'pending'
          : 'approved';
    const parent = dsqId(child(p, 'parent'));
    return {
      id: dsqId(p),
      threadKey: dsqId(child(p, 'thread')),
      parentId: parent || null,
      name: author ? childText(author, 'name') || childText(author, 'username') : '',
      email: author ? childText(author, 'email') : '',
      date: childText(p, 'createdAt'),
      html: child(p, 'message')?.textContent ?? '',
      state,
    };
  });
  return { format: 'disqus', source: forum ? `disqus:${forum}` : 'disqus', threads, comments };
}

/** WordPress's `wp:comment_approved`: 1 approved, 0 held; spam and trash (of the comment or its post). */
function wordpressState(approved: string, type: string): SourceState {
  if (type === 'pingback' || type === 'trackback') return 'pingback';
  if (type !== '' && type !== 'comment') return 'not_comment';
  if (approved === '1') return 'approved';
  if (approved === 'spam') return 'spam';
  if (approved === 'trash' || approved === 'post-trashed') return 'trash';
  // '0' (held for moderation) and anything unknown wait for an editor.
  return 'pending';
}

function parseWordpress(channel: Element): Omit<ParsedExport, 'warnings'> {
  const threads = new Map<string, SourceThread>();
  const comments: SourceComment[] = [];
  const site = childText(channel, 'base_site_url') || childText(channel, 'link');
  for (const item of children(channel, 'item')) {
    const key = childText(item, 'post_id');
    const link = childText(item, 'link');
    if (key) threads.set(key, { key, link, identifier: key, title: childText(item, 'title') });
    for (const c of children(item, 'comment')) {
      const parent = childText(c, 'comment_parent');
      const gmt = childText(c, 'comment_date_gmt');
      comments.push({
        id: childText(c, 'comment_id'),
        threadKey: key,
        parentId: parent && parent !== '0' ? parent : null,
        name: childText(c, 'comment_author'),
        email: childText(c, 'comment_author_email'),
        // Drafts and some importers leave the GMT date zeroed: the local date is then the best there is.
        date: gmt && !gmt.startsWith('0000') ? gmt : childText(c, 'comment_date'),
        html: child(c, 'comment_content')?.textContent ?? '',
        state: wordpressState(childText(c, 'comment_approved'), childText(c, 'comment_type')),
      });
    }
  }
  return {
    format: 'wordpress',
    source: site ? `wordpress:${site.replace(/\/+$/, '')}` : 'wordpress',
    threads,
    comments,
  };
}

/** Parses either format, told apart by the root element. Throws on XML that is not well formed or not an export. */
export function parseExport(xml: string): ParsedExport {
  const { doc, warnings } = parseXml(xml);
  const root = doc.documentElement;
  if (root?.localName === 'disqus') return { ...parseDisqus(root), warnings };
  const channel = root?.localName === 'rss' ? child(root, 'channel') : undefined;
  if (channel) return { ...parseWordpress(channel), warnings };
  throw new Error('Neither a Disqus export (<disqus>) nor a WordPress export (<rss> with <channel>).');
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date of either export, as ms: ISO 8601 (Disqus) or `YYYY-MM-DD hh:mm:ss` (WordPress, GMT);
 * without a zone it is UTC. Anything else, or a date outside 1990…`latest`, is `null` (a bad date).
 */
export function parseExportDate(raw: string, latest: number): number | null {
  const m = ISO_LIKE.exec(raw.trim());
  if (!m) return null;
  const zone = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
  // A day that does not exist (2019-02-31) is a bad date, not a day in March.
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`);
  if (!Number.isFinite(ms) || ms < Date.UTC(1990, 0, 1) || ms > latest) return null;
  return ms;
}
