/**
 * `CommentStore`: everything the reader's browser keeps about comments, so that none is ever
 * lost. It is an `EventTarget` over `localStorage` with an in-memory snapshot (private mode and
 * full quotas throw; the snapshot keeps the page working then):
 * - drafts, per thread and parent: `news-widgets:draft:{thread}:{parent|root}`;
 * - the outbox, comments not yet accepted, each with its `Idempotency-Key`: `news-widgets:outbox`;
 * - the reader's own comments awaiting moderation, per thread: `news-widgets:pending:{thread}`.
 *
 * `submit()` files a comment in the outbox synchronously, before any network: the click that
 * sends it needs no code that is not already loaded. A comment that meets a network error, a
 * time-out, a 5xx or an offline browser stays queued and is tried again after 1, 2, 4 … 30 s,
 * and at once on `online`. The server keys on the Idempotency-Key, so it stores the comment
 * exactly once however often it is sent.
 *
 * Events: `change` (`detail.thread`, `null` for every thread) and `result` (`detail.entry`,
 * `detail.result`: the answer to one try).
 */
import type { CommentData, CommentPost } from '../core/contract.js';
import { postComment, type PostResult } from './comments-api.js';

export type { PostResult };

export interface Draft {
  name?: string;
  email?: string;
  body?: string;
}

/** A comment of the reader's, accepted by the server and awaiting moderation. */
export interface OwnComment extends CommentData {
  /** The API base it was posted to. */
  api: string;
}

export interface OutboxEntry {
  /** The Idempotency-Key. */
  key: string;
  api: string;
  thread: string;
  post: CommentPost;
  createdAt: string;
  attempts: number;
  /** Epoch ms of the next try. */
  nextAt: number;
}

export interface StoreChangeDetail {
  /** The thread whose drafts, pending comments or outbox changed; `null`: every thread. */
  thread: string | null;
}

export interface StoreResultDetail {
  entry: OutboxEntry;
  result: PostResult;
}

export interface CommentStoreOptions {
  /** Default: `localStorage` (when the browser allows it). */
  storage?: Storage | null;
  /** Back-off of queued comments, in ms. */
  retry?: { base: number; max: number };
}

const PREFIX = 'news-widgets:';
export const OUTBOX_KEY = `${PREFIX}outbox`;
export const draftKey = (thread: string, parent?: string | null) => `${PREFIX}draft:${thread}:${parent || 'root'}`;
export const pendingKey = (thread: string) => `${PREFIX}pending:${thread}`;

function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Insecure contexts (http: pages) have no randomUUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

function defaultStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null; // Storage blocked (sandboxed frame, some private modes).
  }
}

export class CommentStore extends EventTarget {
  readonly retry: { base: number; max: number };
  private readonly storage: Storage | null;
  /** Values the storage refused to keep (quota, private mode): this page still sees them. */
  private readonly snapshot = new Map<string, string>();
  private readonly inFlight = new Map<string, Promise<PostResult>>();
  private timer?: ReturnType<typeof setTimeout>;
  private started = false;

  constructor({ storage = defaultStorage(), retry = { base: 1000, max: 30_000 } }: CommentStoreOptions = {}) {
    super();
    this.storage = storage;
    this.retry = retry;
  }

  // ------------------------------------------------------------------------------- storage

  private read<T>(key: string): T | null {
    let raw: string | null | undefined;
    try {
      raw = this.storage?.getItem(key);
    } catch {
      // Blocked storage: the snapshot below.
    }
    raw ??= this.snapshot.get(key);
    try {
      return raw == null ? null : (JSON.parse(raw) as T);
    } catch {
      return null;
    }
  }

  private write(key: string, value: unknown): void {
    const raw = value == null ? null : JSON.stringify(value);
    if (raw == null) this.snapshot.delete(key);
    else this.snapshot.set(key, raw);
    try {
      if (!this.storage) return;
      if (raw == null) this.storage.removeItem(key);
      else this.storage.setItem(key, raw);
      // Stored for real: the snapshot must not shadow a later removal in another tab.
      this.snapshot.delete(key);
    } catch {
      // Private mode or quota: the snapshot serves this page.
    }
  }

  private list<T>(key: string, valid: (x: T) => unknown): T[] {
    const value = this.read<T[]>(key);
    return Array.isArray(value) ? value.filter((x) => x && valid(x)) : [];
  }

  private notify(thread: string | null): void {
    this.dispatchEvent(new CustomEvent<StoreChangeDetail>('change', { detail: { thread } }));
  }

  // -------------------------------------------------------------------------------- drafts

  draft(thread: string, parent?: string | null): Draft {
    return this.read<Draft>(draftKey(thread, parent)) ?? {};
  }

  saveDraft(thread: string, parent: string | null | undefined, draft: Draft): void {
    this.write(draftKey(thread, parent), draft.name || draft.body || draft.email ? draft : null);
  }

  // ------------------------------------------------------------------ own pending comments

  pending(thread: string): OwnComment[] {
    return this.list<OwnComment>(pendingKey(thread), (c) => typeof c.id === 'string');
  }

  /** Forgets own comments the moderators have decided on. */
  settle(thread: string, ids: string[]): void {
    const left = this.pending(thread).filter((c) => !ids.includes(c.id));
    this.write(pendingKey(thread), left.length ? left : null);
    this.notify(thread);
  }

  // -------------------------------------------------------------------------------- outbox

  outbox(): OutboxEntry[] {
    return this.list<OutboxEntry>(OUTBOX_KEY, (e) => typeof e.key === 'string' && e.post);
  }

  private file(entry: OutboxEntry | null, key: string): void {
    const list = this.outbox().filter((e) => e.key !== key);
    if (entry) list.push(entry);
    this.write(OUTBOX_KEY, list.length ? list : null);
  }

  /**
   * Files a new comment in the outbox (synchronously: it is stored when this returns) and
   * sends it. `result` is the first answer; `retry` means it stays queued and goes out later
   * by itself.
   */
  submit(api: string, thread: string, post: CommentPost): { entry: OutboxEntry; result: Promise<PostResult> } {
    const entry: OutboxEntry = {
      key: uuid(),
      api,
      thread,
      post,
      createdAt: new Date().toISOString(),
      attempts: 0,
      nextAt: Date.now(),
    };
    this.file(entry, entry.key);
    this.notify(thread);
    this.start();
    return { entry, result: this.attempt(entry) };
  }

  /** Sends one entry now (sharing a try already under way) and files the answer. */
  private attempt(entry: OutboxEntry): Promise<PostResult> {
    const running = this.inFlight.get(entry.key);
    if (running) return running;
    const promise = postComment(entry.api, entry.thread, entry.post, entry.key).then((result) => {
      this.inFlight.delete(entry.key);
      this.fileResult(entry, result);
      this.notify(entry.thread);
      this.dispatchEvent(new CustomEvent<StoreResultDetail>('result', { detail: { entry, result } }));
      this.schedule();
      return result;
    });
    this.inFlight.set(entry.key, promise);
    return promise;
  }

  private fileResult(entry: OutboxEntry, result: PostResult): void {
    const { post, thread, key } = entry;
    // A queued comment that meets a 429 waits as long as the server asks, then goes again.
    if (result.kind === 'retry' || (result.kind === 'rate' && entry.attempts)) {
      const attempts = entry.attempts + 1;
      const delay =
        result.kind === 'rate'
          ? result.seconds * 1000
          : Math.min(this.retry.base * 2 ** (attempts - 1), this.retry.max);
      this.file({ ...entry, attempts, nextAt: Date.now() + delay }, key);
      return;
    }
    this.file(null, key);
    const draft = this.draft(thread, post.parentId);
    if (result.kind === 'accepted') {
      const own: OwnComment = {
        id: result.id,
        api: entry.api,
        name: post.name,
        body: post.body,
        createdAt: new Date().toISOString(),
      };
      if (post.parentId) own.parentId = post.parentId;
      this.write(pendingKey(thread), [...this.pending(thread).filter((c) => c.id !== own.id), own]);
      // The draft goes only now, and only if it still holds this comment.
      if (!draft.body || draft.body === post.body) this.saveDraft(thread, post.parentId, { name: draft.name });
    } else if (!draft.body) {
      // Refused (400, 403, 429 on the first try): the text goes back to the draft, never lost.
      this.saveDraft(thread, post.parentId, { name: post.name, body: post.body });
    }
  }

  /** Tries every queued comment now. */
  flush(): void {
    for (const entry of this.outbox()) void this.attempt(entry);
  }

  /** Arms the timer for the next queued comment due. */
  private schedule(): void {
    clearTimeout(this.timer);
    const waiting = this.outbox().filter((e) => !this.inFlight.has(e.key));
    if (!waiting.length || !this.started) return;
    const next = Math.min(...waiting.map((e) => e.nextAt));
    this.timer = setTimeout(
      () => {
        const due = this.outbox().filter((e) => e.nextAt <= Date.now() + 50);
        due.forEach((e) => void this.attempt(e));
        if (!due.length) this.schedule();
      },
      Math.max(0, next - Date.now()),
    );
  }

  private onOnline = () => {
    this.notify(null);
    this.flush();
  };

  private onOffline = () => this.notify(null);

  /** Another tab changed what is stored: its widgets' news reaches this tab's. */
  private onStorage = (event: StorageEvent) => {
    const key = event.key ?? '';
    if (key.startsWith(`${PREFIX}pending:`)) this.notify(key.slice(pendingKey('').length));
    else if (key === OUTBOX_KEY || !key) {
      this.schedule();
      this.notify(null);
    }
  };

  /**
   * Starts the retry loop and the `online`/`storage` listeners (once). Comments queued on an
   * earlier visit are tried at once: a new page is a new chance.
   */
  start(): this {
    if (this.started) return this;
    this.started = true;
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    addEventListener('storage', this.onStorage);
    this.flush();
    return this;
  }

  /** Stops retrying and listening; what is stored stays for the next page. */
  stop(): void {
    this.started = false;
    clearTimeout(this.timer);
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    removeEventListener('storage', this.onStorage);
  }
}

let shared: CommentStore | undefined;

/** The page's store, shared by every comment element (started when first asked for). */
export const sharedCommentStore = (): CommentStore => (shared ??= new CommentStore().start());
