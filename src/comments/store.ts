/**
 * What the reader's browser keeps, in localStorage, every access guarded (private mode and full
 * quotas throw; a memory copy keeps the page working then):
 * - drafts, per thread and parent: `news-widgets:draft:{thread}:{parent|root}`;
 * - the outbox, comments not yet accepted, each with its `Idempotency-Key`: `news-widgets:outbox`;
 * - the reader's own pending comments, per thread: `news-widgets:pending:{thread}`.
 * This module is small and loads with the elements; the sending machinery (outbox.ts) loads
 * only when a comment is sent or the outbox already holds one.
 */
import type { CommentData, CommentPost } from './comments-api.js';

export const PREFIX = 'news-widgets:';
export const memory = new Map<string, string>();

export function readStore<T>(key: string): T | null {
  let raw: string | null | undefined;
  try {
    raw = localStorage.getItem(key);
  } catch {
    // Blocked storage (or no DOM): the memory copy below.
  }
  raw ??= memory.get(key);
  try {
    return raw == null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function writeStore(key: string, value: unknown): void {
  const raw = value == null ? null : JSON.stringify(value);
  if (raw == null) memory.delete(key);
  else memory.set(key, raw);
  try {
    if (raw == null) localStorage.removeItem(key);
    else localStorage.setItem(key, raw);
    // Stored for real: the memory copy must not shadow a later removal in another tab.
    memory.delete(key);
  } catch {
    // Private mode or quota: the memory copy above serves this page.
  }
}

const list = <T>(key: string, valid: (x: T) => unknown): T[] => {
  const value = readStore<T[]>(key);
  return Array.isArray(value) ? value.filter((x) => x && valid(x)) : [];
};

// ------------------------------------------------------------------------------------- drafts

export interface Draft {
  name?: string;
  email?: string;
  body?: string;
}

export const draftKey = (thread: string, parent?: string | null) => `${PREFIX}draft:${thread}:${parent || 'root'}`;
export const loadDraft = (thread: string, parent?: string | null): Draft =>
  readStore<Draft>(draftKey(thread, parent)) ?? {};
export const saveDraft = (thread: string, parent: string | null | undefined, draft: Draft) =>
  writeStore(draftKey(thread, parent), draft.name || draft.body || draft.email ? draft : null);

// --------------------------------------------------------------- own comments, outbox entries

export interface OwnComment extends CommentData {
  /** The API base it was posted to. */
  api: string;
}

export const pendingKey = (thread: string) => `${PREFIX}pending:${thread}`;
export const loadPending = (thread: string): OwnComment[] =>
  list<OwnComment>(pendingKey(thread), (c) => typeof c.id == 'string');

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
export const loadOutbox = (): OutboxEntry[] => list<OutboxEntry>(OUTBOX_KEY, (e) => typeof e.key == 'string' && e.post);

/** Fired here: `change` (detail: thread) and `result` (detail: {entry, result}, from the outbox). */
export const outboxEvents: EventTarget = new EventTarget();
export const notify = (thread: string) => outboxEvents.dispatchEvent(new CustomEvent('change', { detail: thread }));

type Outbox = typeof import('./outbox.js');
let outbox: Promise<Outbox> | undefined;
/** The sending machinery (its own chunk), started once. */
export const loadOutboxModule = (): Promise<Outbox> =>
  (outbox ??= import('./outbox.js').then((m) => (m.startOutbox(), m)));

let watching = false;
/**
 * Called by the elements when they connect: the outbox starts only when a comment already waits
 * in it, and changes made in another tab reach the widgets of this one.
 */
export function watchStore(): void {
  const wake = () => void loadOutboxModule().then((m) => m.schedule());
  if (loadOutbox().length) wake();
  if (watching) return;
  watching = true;
  addEventListener('storage', (event) => {
    const key = event.key ?? '';
    if (key.startsWith(`${PREFIX}pending:`)) notify(key.slice(PREFIX.length + 8));
    else if (key == OUTBOX_KEY) {
      wake();
      for (const e of loadOutbox()) notify(e.thread);
    }
  });
}
