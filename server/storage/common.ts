/**
 * What both storage dialects share: row shapes and their mapping to domain objects, cursors, ids,
 * the thread-closing rule and the related-articles ranking recipe (which terms, which weights).
 * The SQL itself lives in each dialect's modules.
 */
import { randomBytes } from 'node:crypto';
import { PAGE } from '../../src/core/contract.ts';
import { DomainError, type Article, type CommentRow, type LogEntry, type Status } from '../domain.ts';
import { tagToken, terms } from '../vi.ts';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export interface ArticleDbRow {
  pk: number;
  id: string;
  url: string;
  title: string;
  summary: string | null;
  image: string | null;
  published_at: number | null;
  section: string | null;
  tags: string;
  pinned: string;
  views?: number;
}

export interface CommentDbRow {
  seq: number;
  id: string;
  thread_id: string;
  parent_id: string | null;
  root_id: string | null;
  name: string;
  email: string | null;
  body: string;
  body_html: string | null;
  original_body: string | null;
  status: Status;
  created_at: number;
  updated_at: number;
  likes: number;
  /** Open reports. */
  reports: number;
  /** 1: hidden from readers past REPORT_HIDE_THRESHOLD, until an editor decides. */
  hidden: number;
}

export interface LogDbRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  comment_id: string | null;
  thread_id: string | null;
  before: string | null;
  after: string | null;
}

export type QueueDbRow = CommentDbRow & {
  article_title: string | null;
  article_url: string | null;
  parent_name: string | null;
  parent_body: string | null;
};

export function iso(ms: number | null | undefined): string | undefined {
  return ms == null ? undefined : new Date(ms).toISOString();
}

export function toArticle(r: ArticleDbRow): Article {
  const a: Article = { id: r.id, url: r.url, title: r.title };
  if (r.image) a.image = r.image;
  if (r.summary) a.summary = r.summary;
  if (r.published_at != null) a.publishedAt = iso(r.published_at);
  if (r.section) a.section = r.section;
  const tags = JSON.parse(r.tags) as string[];
  if (tags.length) a.tags = tags;
  if (r.views != null) a.views = Number(r.views);
  return a;
}

export function toComment(r: CommentDbRow): CommentRow {
  return {
    id: r.id,
    thread: r.thread_id,
    parentId: r.parent_id,
    rootId: r.root_id,
    name: r.name,
    email: r.email,
    body: r.body,
    bodyHtml: r.body_html,
    originalBody: r.original_body,
    status: r.status,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    likes: Number(r.likes ?? 0),
  };
}

export function toQueueItem(r: QueueDbRow) {
  return {
    ...toComment(r),
    articleTitle: r.article_title,
    articleUrl: r.article_url,
    parent: r.parent_id ? { name: r.parent_name ?? '', body: r.parent_body ?? '' } : null,
  };
}

export function toLogEntry(r: LogDbRow): LogEntry {
  return {
    id: Number(r.seq),
    at: iso(r.at)!,
    actor: r.actor,
    action: r.action,
    commentId: r.comment_id,
    thread: r.thread_id,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  };
}

/** Replies per top-level comment in a thread page when the caller does not say. */
export const REPLIES_PER_COMMENT = PAGE.replies.default;

/**
 * Attaches replies (oldest first, at most `perRoot + 1` per root: the extra one says there are
 * more) to their top-level comments, with the cursor of the next ones.
 */
export function attachReplies(
  roots: Map<string, { replies: CommentRow[]; repliesCursor: string | null }>,
  rows: CommentDbRow[],
  perRoot: number,
): void {
  const lastSeq = new Map<string, number>();
  for (const r of rows) {
    const root = roots.get(r.root_id!);
    if (!root) continue;
    if (root.replies.length < perRoot) {
      root.replies.push(toComment(r));
      lastSeq.set(r.root_id!, Number(r.seq));
    } else root.repliesCursor = encodeCursor(lastSeq.get(r.root_id!));
  }
}

/** The article columns as written: published date as ms, JSON arrays as text. */
export function articleColumns(a: { publishedAt?: string; tags?: string[]; pinned?: string[] }) {
  const published = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
  return {
    published: Number.isFinite(published) ? published : null,
    tags: JSON.stringify(a.tags ?? []),
    pinned: JSON.stringify(a.pinned ?? []),
  };
}

export function newId(prefix = 'c'): string {
  return prefix + '_' + randomBytes(12).toString('base64url');
}

export function encodeCursor(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

export function decodeCursor<T>(s: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (!s) return undefined;
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (check(v)) return v;
  } catch {
    /* fallthrough */
  }
  throw new DomainError('invalid_cursor', 'The cursor is not valid.', 'cursor');
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
export const isNumPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]);

/** Keyset pagination: one row more than the page tells whether there is a next page. */
export function paginate<R, T>(
  rows: R[],
  limit: number,
  map: (r: R) => T,
  key: (r: R) => unknown,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/** Threads: explicitly closed/opened by an editor, else closed `autoCloseDays` after publication. */
export function isClosed(closed: number | null, published: number | null, autoCloseDays: number, now: number): boolean {
  if (closed === 1) return true;
  if (closed === 0) return false;
  return autoCloseDays > 0 && published != null && now > published + autoCloseDays * DAY;
}

// ------------------------------------------------------------------ ranking (both dialects)

/**
 * Searchable fields. Folded fields hold diacritic-free terms (đ→d) for search and recall;
 * exact fields keep diacritics, so "nóng dần" and "nông dân" stay apart in article-to-article ranking.
 * Column weights as in bm25(): title 3, summary 1, tags 2.
 */
export const FIELDS = ['title', 'summary', 'tags', 'title_x', 'summary_x', 'tags_x'] as const;
export const FIELD_WEIGHTS = [3, 1, 2, 3, 1, 2] as const;

/** Index terms of an article, per field (same order as FIELDS): unigrams + syllable bigrams, no stop words. */
export function articleTerms(a: { title: string; summary?: string; tags?: string[] }): string[][] {
  const tags = a.tags ?? [];
  const tagTerms = (fold: boolean) => tags.map((t) => tagToken(t, fold)).filter(Boolean);
  return [
    terms(a.title),
    terms(a.summary ?? ''),
    tagTerms(true),
    terms(a.title, false),
    terms(a.summary ?? '', false),
    tagTerms(false),
  ];
}

/** Weight of summary-term matches, of folded (diacritic-free) matches, and the recency floor. */
const WEAK = 0.5;
const FOLD = 0.25;
const FLOOR = 0.5;
const HALF_LIFE = 30 * DAY;
const MAX_TERMS = 40;

/**
 * The three queries of the related ranking, from the source article: its title and tag terms
 * (exact) weigh most, its summary terms less, and a folded query adds a little recall for
 * unaccented text. `exact` says which field group a query searches.
 */
export function relatedQueries(src: { title: string; summary: string | null; tags: string }) {
  const tags = JSON.parse(src.tags) as string[];
  const strong = [
    ...new Set([...terms(src.title, false), ...tags.map((t) => tagToken(t, false)).filter(Boolean)]),
  ].slice(0, MAX_TERMS);
  const weak = [...new Set(terms(src.summary ?? '', false))].filter((t) => !strong.includes(t)).slice(0, MAX_TERMS);
  const folded = [...new Set([...terms(src.title), ...tags.map((t) => tagToken(t)).filter(Boolean)])].slice(
    0,
    MAX_TERMS,
  );
  return [
    { terms: strong, exact: true, weight: 1 },
    { terms: weak, exact: true, weight: WEAK },
    { terms: folded, exact: false, weight: FOLD },
  ].filter((q) => q.terms.length > 0);
}

/** Recency decay: an old article keeps at least half its relevance. */
export function recencyFactor(published: number | null, now: number): number {
  const age = published == null ? HALF_LIFE * 4 : Math.max(0, now - published);
  return FLOOR + (1 - FLOOR) * Math.pow(2, -age / HALF_LIFE);
}

/** Final order of scored candidates: relevance × recency, ties by newest row. */
export function rankByRecency<R extends { pk: number; published_at: number | null }>(
  scored: { r: R; score: number }[],
  now: number,
): R[] {
  return scored
    .map(({ r, score }) => ({ r, score: score * recencyFactor(r.published_at, now) }))
    .sort((x, y) => y.score - x.score || y.r.pk - x.r.pk)
    .map((x) => x.r);
}

/**
 * A moderation action as a change of the comment row: an edit keeps the reader's original body
 * (once), approve/reject set the status; the log action says "edit+approve" when both happened.
 */
export function moderationChange(
  before: CommentDbRow,
  action: 'approve' | 'reject' | 'edit',
  edit: { body?: string; bodyHtml?: string | null },
) {
  const body = edit.body ?? before.body;
  const bodyHtml = edit.bodyHtml !== undefined ? edit.bodyHtml : before.body_html;
  const edited = body !== before.body || bodyHtml !== before.body_html;
  return {
    body,
    bodyHtml,
    original: edited && before.original_body == null ? before.body : before.original_body,
    status: (action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : before.status) as Status,
    logAction: edited && action !== 'edit' ? `edit+${action}` : action,
  };
}

/** What the moderation log records of a comment before and after an action. */
export const pick = (r: CommentDbRow) => ({ status: r.status, body: r.body, bodyHtml: r.body_html });

/**
 * Two editors on one comment: the second one's action is refused (`already_moderated`) when the
 * comment's status is not the one its desk showed (`expected`), or, without `expected`, when it
 * already has the status the action would give it and nothing is edited (approving an approved
 * comment with a new body is an edit, not a second decision). Checked under the row's lock, in
 * both dialects.
 */
export function checkNotHandled(
  current: Status,
  action: 'approve' | 'reject' | 'edit',
  expected: Status | undefined,
  edit: { body?: string; bodyHtml?: string | null },
): void {
  const target = action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : undefined;
  const edits = edit.body !== undefined || edit.bodyHtml !== undefined;
  if ((expected && current !== expected) || (!expected && target === current && !edits))
    throw new DomainError('already_moderated', `The comment is ${current} already.`);
}
