/**
 * Client for the comments API contract (docs/api.md). Every answer is checked for shape; every
 * string stays a string (rendered as text later). GETs go through `request()`; the POST reads
 * error bodies and `Retry-After`, so it calls `fetch` itself with the same time-out rules.
 */
import { NewsError } from '../core/events.js';
import { DEFAULT_TIMEOUT_MS, request } from '../core/fetch.js';

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

export type PostResult =
  | { kind: 'accepted'; id: string }
  | { kind: 'invalid'; field?: string; message?: string }
  | { kind: 'closed' }
  | { kind: 'rate'; seconds: number }
  /** Network error, time-out, 5xx or offline: the outbox tries again. */
  | { kind: 'retry'; status?: number };

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'unknown';

const str = (value: unknown, max = 20_000): string => (typeof value === 'string' ? value.slice(0, max) : typeof value === 'number' ? String(value) : '');

export function threadPath(base: string, thread: string): string {
  return `${base}/threads/${encodeURIComponent(thread)}/comments`;
}

function toComment(raw: unknown, reply: boolean): CommentData | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const id = str(r.id, 200);
  if (!id) return null;
  const comment: CommentData = { id, name: str(r.name, 200), body: str(r.body), createdAt: str(r.createdAt, 64) };
  if (typeof r.bodyHtml === 'string' && r.bodyHtml) comment.bodyHtml = r.bodyHtml.slice(0, 40_000);
  if (reply) {
    const parentId = str(r.parentId, 200);
    if (parentId) comment.parentId = parentId;
  } else {
    comment.replies = Array.isArray(r.replies) ? (r.replies.map((x) => toComment(x, true)).filter(Boolean) as CommentData[]) : [];
  }
  return comment;
}

/** Checks and normalises a thread page. Throws `NewsError('shape')` when it is not one. */
export function toThreadPage(raw: unknown, thread: string): ThreadPage {
  const r = (raw && typeof raw === 'object' ? raw : null) as Record<string, unknown> | null;
  if (!r || !Array.isArray(r.items)) throw new NewsError('shape', 'Not a comment page');
  const t = (r.thread && typeof r.thread === 'object' ? r.thread : {}) as Record<string, unknown>;
  const items = r.items.map((x) => toComment(x, false)).filter(Boolean) as CommentData[];
  const count = Number(t.count);
  return {
    thread: { id: str(t.id) || thread, closed: t.closed === true, count: Number.isFinite(count) && count >= 0 ? Math.floor(count) : items.length },
    items,
    nextCursor: str(r.nextCursor, 2000) || null,
  };
}

async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await request(url, { credentials: 'omit', headers: { accept: 'application/json' } }, { signal });
  try {
    return await response.json();
  } catch {
    throw new NewsError('parse', `Invalid JSON from ${url}`);
  }
}

export async function fetchThread(base: string, thread: string, options: { sort?: CommentSort; cursor?: string | null; limit?: number; signal?: AbortSignal } = {}): Promise<ThreadPage> {
  const params = new URLSearchParams({ sort: options.sort ?? 'newest', limit: String(options.limit ?? 20) });
  if (options.cursor) params.set('cursor', options.cursor);
  return toThreadPage(await getJson(`${threadPath(base, thread)}?${params}`, options.signal), thread);
}

export async function postComment(base: string, thread: string, post: CommentPost, key: string): Promise<PostResult> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'retry' };
  let response: Response;
  try {
    response = await fetch(threadPath(base, thread), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(post),
      signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS * 2),
    });
  } catch {
    return { kind: 'retry' };
  }
  let data: Record<string, unknown> = {};
  try {
    data = ((await response.json()) ?? {}) as Record<string, unknown>;
  } catch {
    // An empty or non-JSON body: the status decides.
  }
  const error = (data.error && typeof data.error === 'object' ? data.error : {}) as Record<string, unknown>;
  if (response.ok) {
    const id = str(data.id, 200);
    return id ? { kind: 'accepted', id } : { kind: 'retry', status: response.status };
  }
  if (response.status === 403) return { kind: 'closed' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate', seconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60 };
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 408) {
    return { kind: 'invalid', field: str(error.field, 40) || undefined, message: str(error.message, 300) || undefined };
  }
  return { kind: 'retry', status: response.status };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Statuses of the reader's own comments, 50 ids a request (the server's limit). */
export async function fetchStatuses(base: string, ids: string[], signal?: AbortSignal): Promise<Record<string, CommentStatus>> {
  const out: Record<string, CommentStatus> = {};
  for (const part of chunks(ids, 50)) {
    const data = (await getJson(`${base}/comments/status?ids=${part.map(encodeURIComponent).join(',')}`, signal)) as Record<string, unknown>;
    for (const id of part) {
      const value = data?.[id];
      out[id] = value === 'pending' || value === 'approved' || value === 'rejected' ? value : 'unknown';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Batched counts: every `<news-comment-count>` asking in the same turn shares one request per
// API base (at most 50 threads a request, the server's limit).

interface CountBatch {
  threads: Map<string, { resolve: (n: number | null) => void; reject: (e: unknown) => void }[]>;
}

const batches = new Map<string, CountBatch>();
const countCache = new Map<string, number>();

/** Remembers a count learnt elsewhere (a loaded thread), so counts on the page agree. */
export function rememberCount(base: string, thread: string, count: number): void {
  countCache.set(`${base} ${thread}`, count);
}

export function fetchCount(base: string, thread: string): Promise<number | null> {
  const cached = countCache.get(`${base} ${thread}`);
  if (cached !== undefined) return Promise.resolve(cached);
  // The batch is comma-separated: a thread id with a comma asks on its own.
  if (thread.includes(',')) return fetchThread(base, thread, { limit: 1 }).then((page) => page.thread.count);
  return new Promise((resolve, reject) => {
    let batch = batches.get(base);
    if (!batch) {
      const created: CountBatch = { threads: new Map() };
      batch = created;
      batches.set(base, created);
      setTimeout(() => {
        batches.delete(base);
        void runBatch(base, created);
      }, 0);
    }
    const waiters = batch.threads.get(thread) ?? [];
    waiters.push({ resolve, reject });
    batch.threads.set(thread, waiters);
  });
}

async function runBatch(base: string, batch: CountBatch): Promise<void> {
  for (const part of chunks([...batch.threads.keys()], 50)) {
    try {
      const data = (await getJson(`${base}/counts?threads=${part.map(encodeURIComponent).join(',')}`)) as Record<string, unknown>;
      for (const thread of part) {
        const n = Number(data?.[thread]);
        const value = Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
        if (value !== null) countCache.set(`${base} ${thread}`, value);
        batch.threads.get(thread)!.forEach((w) => w.resolve(value));
      }
    } catch (error) {
      for (const thread of part) batch.threads.get(thread)!.forEach((w) => w.reject(error));
    }
  }
}
