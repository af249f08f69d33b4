/**
 * The comments API as the elements use it (docs/api.md; shapes and limits from the contract):
 * thread pages, batched counts, statuses of the reader's own comments, and the POST. Every
 * answer is shape-checked here; every string stays a string (rendered as text later).
 */
import {
  ID_PATTERN,
  LIMITS,
  PAGE,
  type CommentData,
  type CommentPost,
  type CommentSort,
  type CommentStatus,
  type ThreadPage,
} from '../core/contract.js';
import { NewsError } from '../core/events.js';
import { DEFAULT_TIMEOUT_MS, request, warnUnreachableApi } from '../core/fetch.js';

export const threadPath = (base: string, thread: string) => `${base}/threads/${encodeURIComponent(thread)}/comments`;

/** A page size the server accepts. */
export const pageSize = (limit: number) =>
  Math.min(PAGE.comments.max, Math.max(1, Math.floor(limit) || PAGE.comments.default));

async function getJson(base: string, url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await request(
    url,
    { credentials: 'omit', headers: { accept: 'application/json' } },
    { signal, api: base },
  );
  try {
    return await response.json();
  } catch {
    throw new NewsError('parse', `Invalid JSON from ${url}`);
  }
}

/** `ids` in groups the server accepts in one request, comma-separated and encoded. */
function batches(ids: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += LIMITS.batch) {
    out.push(
      ids
        .slice(i, i + LIMITS.batch)
        .map(encodeURIComponent)
        .join(),
    );
  }
  return out;
}

const text = (value: unknown, max = 20_000): string =>
  typeof value === 'string' ? value.slice(0, max) : typeof value === 'number' ? String(value) : '';

export function toComment(raw: unknown, reply: boolean): CommentData | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const id = text(r.id, LIMITS.id);
  if (!id) return null;
  const comment: CommentData = {
    id,
    name: text(r.name, LIMITS.commentName * 2),
    body: text(r.body),
    createdAt: text(r.createdAt, 64),
  };
  if (typeof r.bodyHtml === 'string' && r.bodyHtml) comment.bodyHtml = r.bodyHtml.slice(0, 40_000);
  const likes = Number(r.likes);
  if (likes > 0 && likes < Infinity) comment.likes = Math.floor(likes);
  if (reply) {
    const parentId = text(r.parentId, LIMITS.id);
    if (parentId) comment.parentId = parentId;
  } else {
    comment.replies = Array.isArray(r.replies)
      ? r.replies.map((x) => toComment(x, true)).filter((x): x is CommentData => !!x)
      : [];
    const repliesCursor = text(r.repliesCursor, 2000);
    if (repliesCursor) comment.repliesCursor = repliesCursor;
  }
  return comment;
}

/** Checks and normalises a thread page. Throws `NewsError('shape')` when it is not one. */
export function toThreadPage(raw: unknown, thread: string): ThreadPage {
  const r = (raw && typeof raw === 'object' ? raw : null) as Record<string, unknown> | null;
  if (!r || !Array.isArray(r.items)) throw new NewsError('shape', 'Not a comment page');
  const t = (r.thread && typeof r.thread === 'object' ? r.thread : {}) as Record<string, unknown>;
  const items = r.items.map((x) => toComment(x, false)).filter((x): x is CommentData => !!x);
  const count = Number(t.count);
  return {
    thread: {
      id: text(t.id) || thread,
      closed: t.closed === true,
      count: Number.isFinite(count) && count >= 0 ? Math.floor(count) : items.length,
    },
    items,
    nextCursor: text(r.nextCursor, 2000) || null,
  };
}

export interface ThreadQuery {
  sort: CommentSort;
  limit: number;
  cursor?: string | null;
}

export async function fetchThread(
  base: string,
  thread: string,
  { sort, limit, cursor }: ThreadQuery,
  signal?: AbortSignal,
): Promise<ThreadPage> {
  const query = new URLSearchParams({ sort, limit: String(pageSize(limit)), ...(cursor ? { cursor } : {}) });
  const page = toThreadPage(await getJson(base, `${threadPath(base, thread)}?${query}`, signal), thread);
  rememberCount(base, thread, page.thread.count);
  return page;
}

/** The next replies of a top-level comment (a thread page carries its first few and `repliesCursor`). */
export async function fetchReplies(
  base: string,
  id: string,
  cursor: string,
  signal?: AbortSignal,
): Promise<{ items: CommentData[]; nextCursor: string | null }> {
  const query = new URLSearchParams({ cursor, limit: String(PAGE.replies.max) });
  const raw = await getJson(base, `${base}/comments/${encodeURIComponent(id)}/replies?${query}`, signal);
  const r = (raw && typeof raw === 'object' ? raw : null) as Record<string, unknown> | null;
  if (!r || !Array.isArray(r.items)) throw new NewsError('shape', 'Not a page of replies');
  return {
    items: r.items.map((x) => toComment(x, true)).filter((x): x is CommentData => !!x),
    nextCursor: text(r.nextCursor, 2000) || null,
  };
}

/** Statuses of the reader's own comments; ids the server does not know are left out. */
export async function fetchStatuses(
  base: string,
  ids: string[],
  signal?: AbortSignal,
): Promise<Record<string, CommentStatus>> {
  const out: Record<string, CommentStatus> = {};
  for (const part of batches(ids)) {
    const data = (await getJson(base, `${base}/comments/status?ids=${part}`, signal)) as Record<string, unknown> | null;
    for (const id of ids) {
      const value = data?.[id];
      if (value === 'pending' || value === 'approved' || value === 'rejected') out[id] = value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Batched counts: every `<news-comment-count>` asking in the same turn shares one request per
// API base (at most `LIMITS.batch` threads a request).

const countBatches = new Map<string, { threads: string[]; answers: Promise<Promise<unknown>[]> }>();
const knownCounts = new Map<string, number>();

/** Remembers a count learnt elsewhere (a loaded thread), so counts on the page agree. */
const rememberCount = (base: string, thread: string, count: number) => knownCounts.set(`${base} ${thread}`, count);

export async function fetchCount(base: string, thread: string): Promise<number> {
  const known = knownCounts.get(`${base} ${thread}`);
  if (known !== undefined) return known;
  if (!ID_PATTERN.test(thread)) throw new NewsError('shape', `Not a thread id: ${thread}`);
  let batch = countBatches.get(base);
  if (!batch) {
    const threads: string[] = [];
    // The batch goes out after this turn, one request per group of threads.
    const answers = new Promise((next) => setTimeout(next)).then(() => {
      countBatches.delete(base);
      return batches(threads).map((part) => getJson(base, `${base}/counts?threads=${part}`));
    });
    countBatches.set(base, (batch = { threads, answers }));
  }
  let index = batch.threads.indexOf(thread);
  if (index < 0) index = batch.threads.push(thread) - 1;
  const data = (await (await batch.answers)[Math.floor(index / LIMITS.batch)]) as Record<string, unknown> | null;
  const count = Number(data?.[thread]);
  if (!(count >= 0 && count < Infinity)) throw new NewsError('shape', `No count for ${thread}`);
  rememberCount(base, thread, Math.floor(count));
  return Math.floor(count);
}

// ---------------------------------------------------------------------------------------------
// Posting

export type PostResult =
  | { kind: 'accepted'; id: string }
  | { kind: 'invalid'; field?: string; message?: string }
  | { kind: 'closed' }
  | { kind: 'rate'; seconds: number }
  /** Offline, network error, time-out or 5xx: the outbox tries again. */
  | { kind: 'retry'; status?: number };

/** One POST with its Idempotency-Key; reads error bodies and `Retry-After`. Never throws. */
export async function postComment(base: string, thread: string, post: CommentPost, key: string): Promise<PostResult> {
  if (navigator.onLine === false) return { kind: 'retry' };
  let response: Response;
  try {
    response = await fetch(threadPath(base, thread), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(post),
      signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS * 2),
    });
  } catch (error) {
    // A time-out is a slow server; a TypeError is the network, or CORS refusing this page.
    if (error instanceof TypeError) warnUnreachableApi(base, threadPath(base, thread));
    return { kind: 'retry' };
  }
  const { status } = response;
  let data: Record<string, unknown> = {};
  try {
    data = ((await response.json()) ?? {}) as Record<string, unknown>;
  } catch {
    // An empty or non-JSON body: the status decides.
  }
  const error = (data.error ?? {}) as Record<string, unknown>;
  if (response.ok) {
    const id = text(data.id, LIMITS.id);
    return id ? { kind: 'accepted', id } : { kind: 'retry', status };
  }
  // 403 is a closed thread, unless the server refused this page's origin (then the post is invalid here).
  if (status === 403 && error.code !== 'forbidden_origin') return { kind: 'closed' };
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate', seconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60 };
  }
  if (status < 500 && status !== 408) {
    return {
      kind: 'invalid',
      field: text(error.field, 40) || undefined,
      message: text(error.message, 300) || undefined,
    };
  }
  return { kind: 'retry', status };
}
