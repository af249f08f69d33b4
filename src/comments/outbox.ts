/**
 * Never lose a comment. Three stores in localStorage, every access guarded (private mode and
 * full quotas throw; a memory copy keeps the page working then):
 * - drafts, per thread and parent: `news-widgets:draft:{thread}:{parent|root}`;
 * - the outbox, comments not yet accepted, each with its `Idempotency-Key`: `news-widgets:outbox`;
 * - the reader's own pending comments, per thread: `news-widgets:pending:{thread}`.
 * A comment that meets a network error, a time-out, a 5xx or an offline browser stays in the
 * outbox and is tried again after 1, 2, 4 … 30 s, and at once on `online`. The server keys
 * on the Idempotency-Key, so it stores the comment exactly once however often it is sent.
 */
import { postComment, type CommentData, type CommentPost, type PostResult } from './comments-api.js';

const PREFIX = 'news-widgets:';
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readStore<T>(key: string): T | null {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    raw = undefined;
  }
  if (raw == null) raw = memory.get(key) ?? null;
  if (raw == null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeStore(key: string, value: unknown): void {
  const raw = value == null ? null : JSON.stringify(value);
  if (raw == null) memory.delete(key);
  else memory.set(key, raw);
  try {
    if (raw == null) storage()?.removeItem(key);
    else storage()?.setItem(key, raw);
    // Stored for real: the memory copy must not shadow a later removal in another tab.
    memory.delete(key);
  } catch {
    // Private mode or quota: the memory copy above serves this page.
  }
}

// ---------------------------------------------------------------------------------------------
// Drafts

export interface Draft {
  name?: string;
  email?: string;
  body?: string;
}

export const draftKey = (thread: string, parent?: string | null) => `${PREFIX}draft:${thread}:${parent || 'root'}`;
export const loadDraft = (thread: string, parent?: string | null): Draft => readStore<Draft>(draftKey(thread, parent)) ?? {};
export function saveDraft(thread: string, parent: string | null | undefined, draft: Draft): void {
  writeStore(draftKey(thread, parent), draft.name || draft.body || draft.email ? draft : null);
}

// ---------------------------------------------------------------------------------------------
// Own comments awaiting moderation

export interface OwnComment extends CommentData {
  /** The API base it was posted to. */
  api: string;
}

export const pendingKey = (thread: string) => `${PREFIX}pending:${thread}`;
export const loadPending = (thread: string): OwnComment[] => {
  const list = readStore<OwnComment[]>(pendingKey(thread));
  return Array.isArray(list) ? list.filter((c) => c && typeof c.id === 'string') : [];
};
export function removePending(thread: string, ids: string[]): void {
  const left = loadPending(thread).filter((c) => !ids.includes(c.id));
  writeStore(pendingKey(thread), left.length ? left : null);
  notify(thread);
}

// ---------------------------------------------------------------------------------------------
// Outbox

export interface OutboxEntry {
  key: string;
  api: string;
  thread: string;
  post: CommentPost;
  createdAt: string;
  attempts: number;
  /** Epoch ms of the next try. */
  nextAt: number;
}

export const OUTBOX_KEY = `${PREFIX}outbox`;
/** Back-off in ms; tests shorten it. */
export const retryDelays = { base: 1000, max: 30_000 };

export const loadOutbox = (): OutboxEntry[] => {
  const list = readStore<OutboxEntry[]>(OUTBOX_KEY);
  return Array.isArray(list) ? list.filter((e) => e && typeof e.key === 'string' && e.post) : [];
};
function saveOutbox(list: OutboxEntry[]): void {
  writeStore(OUTBOX_KEY, list.length ? list : null);
}
function updateEntry(entry: OutboxEntry | null, key: string): void {
  const list = loadOutbox().filter((e) => e.key !== key);
  if (entry) list.push(entry);
  saveOutbox(list);
}

/** Fired on `outboxEvents`: `change` (detail: thread) and `result` (detail: {entry, result, background}). */
export const outboxEvents: EventTarget = typeof EventTarget === 'undefined' ? (null as unknown as EventTarget) : new EventTarget();

export interface OutboxResultDetail {
  entry: OutboxEntry;
  result: PostResult;
}

function notify(thread: string): void {
  outboxEvents?.dispatchEvent(new CustomEvent('change', { detail: thread }));
}

const inFlight = new Map<string, Promise<PostResult>>();

/** Sends one entry now (sharing a try already under way) and files the result. */
function attempt(entry: OutboxEntry): Promise<PostResult> {
  const running = inFlight.get(entry.key);
  if (running) return running;
  const promise = (async () => {
    let result: PostResult;
    try {
      result = await postComment(entry.api, entry.thread, entry.post, entry.key);
    } catch {
      result = { kind: 'retry' };
    }
    // Another tab may have delivered it meanwhile; idempotency makes the second answer the same.
    if (result.kind === 'retry' || (result.kind === 'rate' && entry.attempts > 0)) {
      // A queued comment that meets a 429 waits as long as the server asks, then goes again.
      const attempts = entry.attempts + 1;
      const delay = result.kind === 'rate' ? result.seconds * 1000 : Math.min(retryDelays.base * 2 ** (attempts - 1), retryDelays.max);
      updateEntry({ ...entry, attempts, nextAt: Date.now() + delay }, entry.key);
    } else {
      const { post } = entry;
      updateEntry(null, entry.key);
      if (result.kind === 'accepted') {
        const own: OwnComment = { id: result.id, api: entry.api, name: post.name, body: post.body, createdAt: new Date().toISOString() };
        if (post.parentId) own.parentId = post.parentId;
        writeStore(pendingKey(entry.thread), [...loadPending(entry.thread).filter((c) => c.id !== own.id), own]);
        // The draft goes only now, and only if it still holds this comment.
        const draft = loadDraft(entry.thread, post.parentId);
        if (!draft.body || draft.body === post.body) saveDraft(entry.thread, post.parentId, { name: draft.name });
      } else if (!loadDraft(entry.thread, post.parentId).body) {
        // Refused (400, 403, 429 on the first try): the text goes back to the draft, never lost.
        saveDraft(entry.thread, post.parentId, { name: post.name, body: post.body });
      }
    }
    inFlight.delete(entry.key);
    notify(entry.thread);
    outboxEvents?.dispatchEvent(new CustomEvent<OutboxResultDetail>('result', { detail: { entry, result } }));
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
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/**
 * Files a new comment in the outbox and sends it. The promise resolves with the first answer;
 * a `retry` answer means it stays queued and goes out later by itself.
 */
export function submit(api: string, thread: string, post: CommentPost): { entry: OutboxEntry; result: Promise<PostResult> } {
  startOutbox();
  const entry: OutboxEntry = { key: uuid(), api, thread, post, createdAt: new Date().toISOString(), attempts: 0, nextAt: Date.now() };
  updateEntry(entry, entry.key);
  notify(thread);
  return { entry, result: attempt(entry) };
}

/** Drops a queued comment (the reader gave up on it); its text goes back to the draft. */
export function discard(key: string): void {
  const entry = loadOutbox().find((e) => e.key === key);
  if (!entry) return;
  updateEntry(null, key);
  notify(entry.thread);
}

let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

/** Tries every queued comment now (the `online` event, or a test). */
export function flushOutbox(): void {
  for (const entry of loadOutbox()) void attempt(entry);
}

function schedule(): void {
  clearTimeout(timer);
  timer = undefined;
  const list = loadOutbox().filter((e) => !inFlight.has(e.key));
  if (!list.length) return;
  const next = Math.min(...list.map((e) => e.nextAt));
  timer = setTimeout(() => {
    timer = undefined;
    const now = Date.now();
    const due = loadOutbox().filter((e) => e.nextAt <= now + 50);
    due.forEach((e) => void attempt(e));
    if (!due.length) schedule();
  }, Math.max(0, next - Date.now()));
}

/** Starts the retry loop once per page (called by the elements when they connect). */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', flushOutbox);
  window.addEventListener('storage', (event) => {
    const key = event.key ?? '';
    if (key.startsWith(`${PREFIX}pending:`)) notify(key.slice(PREFIX.length + 8));
    else if (key === OUTBOX_KEY) {
      schedule();
      for (const e of loadOutbox()) notify(e.thread);
    }
  });
  schedule();
}

/** For tests: forget the timer state. */
export function resetOutboxForTests(): void {
  clearTimeout(timer);
  timer = undefined;
  inFlight.clear();
  memory.clear();
}
