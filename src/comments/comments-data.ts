/**
 * Shape checks of what the API answers (its own chunk, loaded with the list): every answer is
 * checked; every string stays a string (rendered as text later).
 */
import { NewsError } from '../core/events.js';
import {
  getJson,
  groups,
  pageUrl,
  type CommentData,
  type CommentSort,
  type CommentStatus,
  type ThreadPage,
} from './comments-api.js';

export const str = (value: unknown, max = 20_000): string =>
  typeof value === 'string' ? value.slice(0, max) : typeof value === 'number' ? String(value) : '';

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
    comment.replies = Array.isArray(r.replies)
      ? (r.replies.map((x) => toComment(x, true)).filter(Boolean) as CommentData[])
      : [];
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
    thread: {
      id: str(t.id) || thread,
      closed: t.closed === true,
      count: Number.isFinite(count) && count >= 0 ? Math.floor(count) : items.length,
    },
    items,
    nextCursor: str(r.nextCursor, 2000) || null,
  };
}

export async function fetchThread(
  base: string,
  thread: string,
  options: { sort?: CommentSort; cursor?: string | null; limit?: number; signal?: AbortSignal } = {},
): Promise<ThreadPage> {
  return toThreadPage(
    await getJson(pageUrl(base, thread, options.sort ?? 'newest', options.limit ?? 20, options.cursor), options.signal),
    thread,
  );
}

/** Statuses of the reader's own comments, 50 ids a request (the server's limit). */
export async function fetchStatuses(
  base: string,
  ids: string[],
  signal?: AbortSignal,
): Promise<Record<string, CommentStatus>> {
  const out: Record<string, CommentStatus> = {};
  for (const part of groups(ids)) {
    const data = (await getJson(`${base}/comments/status?ids=${part}`, signal)) as Record<string, unknown> | null;
    for (const id of ids) {
      const value = data?.[id];
      if (value === 'pending' || value === 'approved' || value === 'rejected') out[id] = value;
      else out[id] ??= 'unknown';
    }
  }
  return out;
}
