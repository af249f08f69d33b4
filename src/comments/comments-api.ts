/**
 * Client for the comments API contract (docs/api.md), the part the elements need at once:
 * types, URLs, JSON GETs and the batched counts. Shape checks of thread pages and statuses are
 * in comments-data.ts, the POST in outbox.ts (both load later, in their own chunks).
 */
import { NewsError } from '../core/events.js';
import { request } from '../core/fetch.js';

export interface CommentData {
  id: string;
  parentId?: string;
  name: string;
  body: string;
  bodyHtml?: string;
  /** ISO 8601. */
  createdAt: string;
  replies?: CommentData[];
}

export interface ThreadPage {
  thread: { id: string; closed: boolean; count: number };
  items: CommentData[];
  nextCursor: string | null;
}

export type CommentSort = 'newest' | 'oldest';

export interface CommentPost {
  name: string;
  email?: string;
  body: string;
  parentId?: string;
  website?: string;
}

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'unknown';

export const threadPath = (base: string, thread: string) => `${base}/threads/${encodeURIComponent(thread)}/comments`;

/** A thread page's URL. */
export const pageUrl = (base: string, thread: string, sort: CommentSort, limit: number, cursor?: string | null) =>
  `${threadPath(base, thread)}?${new URLSearchParams({ sort, limit: '' + limit, ...(cursor ? { cursor } : {}) })}`;

export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await request(url, { credentials: 'omit', headers: { accept: 'application/json' } }, { signal });
  try {
    return await response.json();
  } catch {
    throw new NewsError('parse', `Invalid JSON from ${url}`);
  }
}

/** `ids` in groups of 50 (the server's limit), comma-separated and encoded. */
export const groups = (ids: string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 50)
    out.push(
      ids
        .slice(i, i + 50)
        .map(encodeURIComponent)
        .join(),
    );
  return out;
};

// ---------------------------------------------------------------------------------------------
// Batched counts: every `<news-comment-count>` asking in the same turn shares one request per
// API base (at most 50 threads a request, the server's limit).

const batches = new Map<string, { threads: string[]; answers: Promise<Promise<unknown>[]> }>();
const countCache = new Map<string, number>();

/** Remembers a count learnt elsewhere (a loaded thread), so counts on the page agree. */
export const rememberCount = (base: string, thread: string, count: number) =>
  countCache.set(`${base} ${thread}`, count);

export async function fetchCount(base: string, thread: string): Promise<number | null> {
  const cached = countCache.get(`${base} ${thread}`);
  if (cached !== undefined) return cached;
  // The batch is comma-separated: a thread id with a comma asks on its own.
  if (thread.includes(','))
    return (await (await import('./comments-data.js')).fetchThread(base, thread, { limit: 1 })).thread.count;
  let batch = batches.get(base);
  if (!batch) {
    const threads: string[] = [];
    // The batch goes out after this turn, one request per group of 50 threads.
    const answers = new Promise((next) => setTimeout(next)).then(() => {
      batches.delete(base);
      return groups(threads).map((part) => getJson(`${base}/counts?threads=${part}`));
    });
    batches.set(base, (batch = { threads, answers }));
  }
  let index = batch.threads.indexOf(thread);
  if (index < 0) index = batch.threads.push(thread) - 1;
  const data = (await (await batch.answers)[Math.floor(index / 50)]) as Record<string, unknown> | null;
  const n = Number(data?.[thread]);
  if (!(n >= 0 && n < Infinity)) return null;
  rememberCount(base, thread, Math.floor(n));
  return Math.floor(n);
}
