/**
 * Readers' reactions as the list and the report dialog send them (docs/api.md): "Thích" and
 * "Báo vi phạm". Loaded with the list, never up front. Every call answers a result and never
 * throws: the caller rolls back or shows the reason.
 */
import { LIMITS, type LikeAnswer, type ReportPost } from '../core/contract.js';
import { DEFAULT_TIMEOUT_MS } from '../core/fetch.js';

export type ReactionResult<T> =
  | { kind: 'ok'; value: T }
  /** The comment is no longer shown to readers (pending, removed or hidden), or unknown. */
  | { kind: 'gone' }
  | { kind: 'rate'; seconds: number }
  | { kind: 'invalid'; field?: string }
  /** Offline, network error, time-out or 5xx. */
  | { kind: 'failed' };

const commentPath = (base: string, id: string, what: string) => `${base}/comments/${encodeURIComponent(id)}/${what}`;

async function post<T>(url: string, body: unknown, read: (data: Record<string, unknown>) => T | null) {
  if (navigator.onLine === false) return { kind: 'failed' } as const;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'failed' } as const;
  }
  let data: Record<string, unknown> = {};
  try {
    data = ((await response.json()) ?? {}) as Record<string, unknown>;
  } catch {
    // The status decides.
  }
  const { status } = response;
  if (response.ok) {
    const value = read(data);
    return value === null ? ({ kind: 'failed' } as const) : ({ kind: 'ok', value } as const);
  }
  if (status === 404 || status === 409) return { kind: 'gone' } as const;
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate', seconds: seconds > 0 && seconds < Infinity ? Math.ceil(seconds) : 60 } as const;
  }
  if (status === 400) {
    const field = (data.error as Record<string, unknown> | undefined)?.field;
    return { kind: 'invalid', field: typeof field === 'string' ? field.slice(0, 40) : undefined } as const;
  }
  return { kind: 'failed' } as const;
}

/** Likes (`liked`) or unlikes a comment; answers its count and the reader's state as the server has them. */
export function sendLike(base: string, id: string, liked: boolean): Promise<ReactionResult<LikeAnswer>> {
  return post(commentPath(base, id, liked ? 'like' : 'unlike'), {}, (data) => {
    const likes = Number(data.likes);
    if (!(likes >= 0 && likes < Infinity)) return null;
    return { id, likes: Math.floor(likes), liked: data.liked === true };
  });
}

/** Reports a comment. */
export function sendReport(base: string, id: string, report: ReportPost): Promise<ReactionResult<true>> {
  const body: ReportPost = { reason: report.reason };
  if (report.text) body.text = [...report.text].slice(0, LIMITS.reportText).join('');
  return post(commentPath(base, id, 'report'), body, () => true);
}
