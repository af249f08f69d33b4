/**
 * Never lose a comment (its own chunk: it loads when a comment is sent, or at start when the
 * outbox already holds one). A comment that meets a network error, a time-out, a 5xx or an
 * offline browser stays in the outbox and is tried again after 1, 2, 4 … 30 s, and at once on
 * `online`. The server keys on the Idempotency-Key, so it stores the comment exactly once
 * however often it is sent. Storage itself is in store.ts.
 */
import { DEFAULT_TIMEOUT_MS } from '../core/fetch.js';
import { threadPath, type CommentPost } from './comments-api.js';
import { str } from './comments-data.js';
import {
  loadDraft,
  loadOutbox,
  loadPending,
  memory,
  OUTBOX_KEY,
  notify,
  outboxEvents,
  pendingKey,
  saveDraft,
  writeStore,
  type OutboxEntry,
  type OwnComment,
} from './store.js';

export { draftKey, loadDraft, loadOutbox, loadPending, OUTBOX_KEY, outboxEvents, type OutboxEntry } from './store.js';

export type PostResult =
  | { kind: 'accepted'; id: string }
  | { kind: 'invalid'; field?: string; message?: string }
  | { kind: 'closed' }
  | { kind: 'rate'; seconds: number }
  /** Network error, time-out, 5xx or offline: the outbox tries again. */
  | { kind: 'retry'; status?: number };

export interface OutboxResultDetail {
  entry: OutboxEntry;
  result: PostResult;
}

/** Back-off in ms; tests shorten it. */
export const retryDelays = { base: 1000, max: 30_000 };

/** One POST; reads error bodies and `Retry-After`, with the same time-out rules as `request()`. */
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
  } catch {
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
    const id = str(data.id, 200);
    return id ? { kind: 'accepted', id } : { kind: 'retry', status };
  }
  if (status == 403) return { kind: 'closed' };
  if (status == 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate', seconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60 };
  }
  if (status < 500 && status != 408)
    return { kind: 'invalid', field: str(error.field, 40) || undefined, message: str(error.message, 300) || undefined };
  return { kind: 'retry', status };
}

const save = (entry: OutboxEntry | null, key: string) => {
  const list = loadOutbox().filter((e) => e.key != key);
  if (entry) list.push(entry);
  writeStore(OUTBOX_KEY, list.length ? list : null);
};

const inFlight = new Map<string, Promise<PostResult>>();

/** Sends one entry now (sharing a try already under way) and files the result. */
function attempt(entry: OutboxEntry): Promise<PostResult> {
  const running = inFlight.get(entry.key);
  if (running) return running;
  const promise = (async () => {
    const { post, thread, key } = entry;
    const result = await postComment(entry.api, thread, post, key).catch((): PostResult => ({ kind: 'retry' }));
    // Another tab may have delivered it meanwhile; idempotency makes the second answer the same.
    if (result.kind == 'retry' || (result.kind == 'rate' && entry.attempts)) {
      // A queued comment that meets a 429 waits as long as the server asks, then goes again.
      const attempts = entry.attempts + 1;
      const delay =
        result.kind == 'rate'
          ? result.seconds * 1000
          : Math.min(retryDelays.base * 2 ** (attempts - 1), retryDelays.max);
      save({ ...entry, attempts, nextAt: Date.now() + delay }, key);
    } else {
      save(null, key);
      const draft = loadDraft(thread, post.parentId);
      if (result.kind == 'accepted') {
        const own: OwnComment = {
          id: result.id,
          api: entry.api,
          name: post.name,
          body: post.body,
          createdAt: new Date().toISOString(),
        };
        if (post.parentId) own.parentId = post.parentId;
        writeStore(pendingKey(thread), [...loadPending(thread).filter((c) => c.id != own.id), own]);
        // The draft goes only now, and only if it still holds this comment.
        if (!draft.body || draft.body == post.body) saveDraft(thread, post.parentId, { name: draft.name });
      } else if (!draft.body) {
        // Refused (400, 403, 429 on the first try): the text goes back to the draft, never lost.
        saveDraft(thread, post.parentId, { name: post.name, body: post.body });
      }
    }
    inFlight.delete(key);
    notify(thread);
    outboxEvents.dispatchEvent(new CustomEvent<OutboxResultDetail>('result', { detail: { entry, result } }));
    schedule();
    return result;
  })();
  inFlight.set(entry.key, promise);
  return promise;
}

function uuid(): string {
  try {
    return crypto.randomUUID();
  } catch {
    // Insecure contexts (http:) have no randomUUID.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
  }
}

/**
 * Files a new comment in the outbox and sends it. The promise resolves with the first answer;
 * a `retry` answer means it stays queued and goes out later by itself.
 */
export function submit(
  api: string,
  thread: string,
  post: CommentPost,
): { entry: OutboxEntry; result: Promise<PostResult> } {
  startOutbox();
  const entry: OutboxEntry = {
    key: uuid(),
    api,
    thread,
    post,
    createdAt: new Date().toISOString(),
    attempts: 0,
    nextAt: Date.now(),
  };
  save(entry, entry.key);
  notify(thread);
  return { entry, result: attempt(entry) };
}

/** Drops a queued comment (the reader gave up on it). */
export function discard(key: string): void {
  const entry = loadOutbox().find((e) => e.key == key);
  if (!entry) return;
  save(null, key);
  notify(entry.thread);
}

let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

/** Tries every queued comment now (the `online` event, or a test). */
export function flushOutbox(): void {
  for (const entry of loadOutbox()) void attempt(entry);
}

/** Arms the timer for the next queued comment due. */
export function schedule(): void {
  clearTimeout(timer);
  const list = loadOutbox().filter((e) => !inFlight.has(e.key));
  if (!list.length) return;
  const next = Math.min(...list.map((e) => e.nextAt));
  timer = setTimeout(() => {
    const due = loadOutbox().filter((e) => e.nextAt <= Date.now() + 50);
    due.forEach((e) => void attempt(e));
    if (!due.length) schedule();
  }, next - Date.now());
}

/** Starts the retry loop once per page. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  addEventListener('online', flushOutbox);
  schedule();
}

/** For tests: forget the timer state (a "reload"). */
export function resetOutboxForTests(): void {
  clearTimeout(timer);
  inFlight.clear();
  memory.clear();
}
