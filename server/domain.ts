/**
 * The server's domain: what the routes need from storage, as an asynchronous interface, and the
 * domain errors storage throws. Nothing here knows about HTTP (statuses and reader-facing messages
 * live in `http/errors.ts`) or about the environment (configuration is read in `config.ts`).
 * Implementations: `storage/sqlite/` (the embedded default) and `storage/postgres/`.
 */
import type { NewsItem } from '../src/core/feeds.ts';
import type { CommentSort, ModerationLogEntry, ReportReason, ReportedComment } from '../src/core/contract.ts';

export type Status = 'pending' | 'approved' | 'rejected';

/** An article as readers' lists show it: the kit's list item, with the publisher's own id. */
export interface Article extends NewsItem {
  id: string;
}

/** What `POST /api/articles` and ingest write. */
export interface ArticleInput extends Omit<Article, 'views'> {
  /** Editor pins: ids of articles shown first in this article's related list. */
  pinned?: string[];
}

export interface CommentRow {
  id: string;
  thread: string;
  parentId: string | null;
  rootId: string | null;
  name: string;
  email: string | null;
  body: string;
  bodyHtml: string | null;
  originalBody: string | null;
  status: Status;
  createdAt: string;
  updatedAt: string;
  /** Readers' likes, kept on the row (updated with each like, in the same transaction). */
  likes: number;
}

export interface ThreadInfo {
  id: string;
  closed: boolean;
  count: number;
}

export type LogEntry = ModerationLogEntry;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type QueueItem = CommentRow & {
  articleTitle: string | null;
  articleUrl: string | null;
  parent: { name: string; body: string } | null;
};

export interface NewComment {
  thread: string;
  name: string;
  email?: string;
  body: string;
  parentId?: string;
  idempotencyKey?: string;
  status: Status;
  autoCloseDays: number;
}

/** A view beacon waiting in memory for the next batch (see `views-buffer.ts`). */
export interface ViewBeacon {
  /** The article: its id, or candidate spellings of its URL (the first known one counts). */
  ref: { id: string } | { urls: string[] };
  /** Hash of the reader (daily salt, address, user agent): one view per reader per article per window. */
  visitor: string;
  /** When the beacon arrived (ms): its hourly bucket and its dedupe window start there. */
  at: number;
}

/** Why storage refused: one code per rule, mapped to an HTTP answer in one place (`http/errors.ts`). */
export type DomainErrorCode =
  | 'url_conflict' // another article already has this url
  | 'comment_not_found'
  | 'thread_closed'
  | 'invalid_parent' // the parent comment is missing, rejected or in another thread
  | 'invalid_cursor'
  | 'not_approved'; // a like or report of a comment readers cannot see

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** Plain-language detail for logs (not shown to readers as is). */
    detail: string = code,
    /** The input that caused it, when there is one. */
    readonly field?: string,
  ) {
    super(detail);
  }
}

export interface ArticleStore {
  count(): Promise<number>;
  /** Upserts in one transaction: all or nothing. Throws `url_conflict`. */
  upsert(items: ArticleInput[]): Promise<string[]>;
  get(id: string): Promise<Article | undefined>;
  /** The first of `urls` (in order) that is an article's url. */
  firstKnownUrl(urls: string[]): Promise<string | undefined>;
  getByUrl(url: string): Promise<Article | undefined>;
  list(limit: number, cursor?: string): Promise<Page<Article>>;
  /** Full-text search over folded (diacritic-free) title, summary and tags. */
  search(query: string, limit: number): Promise<Article[]>;
  /** Editor pins first, then ranked by shared terms and recency; never the article itself. */
  related(by: { id: string } | { url: string }, limit: number): Promise<Article[] | undefined>;
}

export interface CommentStore {
  threadInfos(ids: string[], autoCloseDays: number): Promise<ThreadInfo[]>;
  /** Atomic, idempotent per (thread, idempotency key). Throws `thread_closed`, `invalid_parent`. */
  create(input: NewComment): Promise<{ id: string; status: Status; replay: boolean }>;
  /** Approved top-level comments, each with its approved descendants (oldest first). */
  /** `popular`: by likes as of the first page (see `LikeStore`), then newest first. */
  threadPage(
    thread: string,
    sort: CommentSort,
    limit: number,
    cursor?: string,
  ): Promise<Page<CommentRow & { replies: CommentRow[] }>>;
  statuses(ids: string[]): Promise<Record<string, Status | 'unknown'>>;
  get(id: string): Promise<CommentRow | undefined>;
  countAll(): Promise<number>;
}

export interface ModerationStore {
  queue(status: Status, limit: number, cursor?: string): Promise<Page<QueueItem> & { counts: Record<Status, number> }>;
  /** Optional edit, then a status change; the reader's original body is kept. Logged. Throws `comment_not_found`. */
  moderate(
    id: string,
    action: 'approve' | 'reject' | 'edit',
    edit: { body?: string; bodyHtml?: string | null },
    actor: string,
  ): Promise<CommentRow>;
  setThreadClosed(thread: string, closed: boolean, actor: string): Promise<ThreadInfo & { changed: boolean }>;
  /** The moderation log, newest first. */
  history(limit: number, cursor?: string): Promise<Page<LogEntry>>;
}

/**
 * "Thích": one like per reader (a daily-salted hash) per comment, on approved comments readers can
 * see. Each change also appends to a per-thread log of like changes, so the "popular" order can
 * be pinned as of a thread page's first page (cursor paging that neither repeats nor skips).
 */
export interface LikeStore {
  /**
   * Sets this reader's like (idempotent) and the comment's count, in one transaction. `changed`
   * is false when there was nothing to do. Throws `comment_not_found`, `not_approved`.
   */
  set(
    commentId: string,
    reader: string,
    liked: boolean,
  ): Promise<{ likes: number; liked: boolean; changed: boolean; thread: string }>;
}

/** "Báo vi phạm": readers' reports and the desk's "Bị báo cáo" queue. */
export interface ReportStore {
  /**
   * Files one report per reader per comment (a repeat changes nothing); at `hideThreshold` open
   * reports (0 = never) the comment is hidden from readers until an editor decides. Throws
   * `comment_not_found`, `not_approved`.
   */
  report(
    commentId: string,
    reader: string,
    report: { reason: ReportReason; text?: string },
    hideThreshold: number,
  ): Promise<{ filed: boolean; reports: number; hidden: boolean; hiddenNow: boolean; thread: string }>;
  /** Approved comments with open reports, the first reported first. */
  queue(limit: number, cursor?: string): Promise<Page<ReportedComment>>;
  /** How many comments the queue holds. */
  openCount(): Promise<number>;
  /**
   * The editor's decision, logged: `keep` clears the reports (and shows a hidden comment again),
   * `remove` rejects the comment. Throws `comment_not_found`.
   */
  resolve(id: string, action: 'keep' | 'remove', actor: string): Promise<CommentRow>;
}

export interface ViewStore {
  /** The salt for hashing readers on `day` (YYYY-MM-DD), the same in every process. */
  dailySalt(day: string): Promise<string>;
  /**
   * Writes a batch of beacons in one transaction: unknown articles are ignored, a reader counts once
   * per article per `dedupeMs`, and counts are added to hourly buckets. Returns the views counted.
   */
  recordBatch(beacons: ViewBeacon[], dedupeMs: number): Promise<number>;
  /** Adds views directly into hourly buckets, in one transaction (seeding, imports). */
  addBuckets(rows: { articleId: string; hourMs: number; count: number }[]): Promise<void>;
  mostRead(windowHours: number, limit: number, section?: string): Promise<Article[]>;
  /** Drops expired dedupe entries. */
  prune(): Promise<void>;
}

export interface MetaStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Sets `key` only if absent; true for the one caller (of all processes) that set it. */
  claim(key: string, value: string): Promise<boolean>;
}

/** Fixed-window counters shared by every process that uses the same store. */
export interface RateLimitStore {
  /** Counts one hit for `key` in the current window; returns the count so far and when the window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  close?(): Promise<void>;
}

export interface ChangeFeed {
  publish(): void;
  subscribe(onChange: () => void): void;
  close?(): Promise<void>;
}

export interface Health {
  ok: boolean;
  dialect: 'sqlite' | 'postgres';
  migrations: { applied: number; latest: number };
}

export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  readonly articles: ArticleStore;
  readonly comments: CommentStore;
  readonly moderation: ModerationStore;
  readonly views: ViewStore;
  readonly likes: LikeStore;
  readonly reports: ReportStore;
  readonly meta: MetaStore;
  /** Rate-limit counters in this database (PostgreSQL), or per process (SQLite: one process per file). */
  readonly rateLimits: RateLimitStore;
  /**
   * Tells every process sharing this database that reader-visible data changed (they drop cached
   * answers); absent for SQLite (one process per file).
   */
  readonly changes?: ChangeFeed;
  /** Database reachable and migrations current. */
  health(): Promise<Health>;
  close(): Promise<void>;
}
