/**
 * The server's domain: what the routes need from storage, as an asynchronous interface, and the
 * domain errors storage throws. Nothing here knows about HTTP (statuses and reader-facing messages
 * live in `http/errors.ts`) or about the environment (configuration is read in `config.ts`).
 * Implementations: `storage/sqlite/` (the embedded default) and `storage/postgres/`.
 */
import type { NewsItem } from '../src/core/feeds.ts';
import type {
  BulkResult,
  HeldReason,
  ModerationBan,
  ModerationLogEntry,
  ModerationRule,
  ModerationRuleInput,
  QueueState,
} from '../src/core/contract.ts';

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
  /** The desk's marks (`server/rules/`): the author's hash, the text's hash, why a rule held it… */
  desk?: NewCommentMarks;
}

/** What the rules and bans record with a new comment. */
export interface NewCommentMarks {
  authorHash: string;
  bodyHash: string;
  heldBy: HeldReason[] | null;
  noDiacritics: boolean;
  /** Rejected by a rule or a ban: readers' status polls keep answering `pending`. */
  silent: boolean;
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
  | 'invalid_cursor';

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
  threadPage(
    thread: string,
    sort: 'newest' | 'oldest',
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

/** A queue item as the desk's filtered list shows it: with why a rule held it. */
export type DeskItem = QueueItem & { heldBy: HeldReason[] | null; noDiacritics: boolean };

export interface DeskFilter {
  state: QueueState;
  /** One thread (article id). */
  thread?: string;
  /** Text searched in the body and name, diacritics and case ignored. */
  q?: string;
}

/** The desk's rules, bans, filtered queue and bulk actions (`routes/desk.ts`). Every change is logged. */
export interface DeskStore {
  rules(limit: number, cursor?: string): Promise<Page<ModerationRule>>;
  /** Enabled rules, as applied to a new comment. */
  activeRules(): Promise<ModerationRule[]>;
  saveRule(id: number | null, input: ModerationRuleInput, actor: string): Promise<ModerationRule | undefined>;
  deleteRule(id: number, actor: string): Promise<boolean>;
  /** Distinct threads other than `thread` with a comment of this text hash since `since` (ms). */
  otherThreadsWithText(bodyHash: string, thread: string, since: number): Promise<number>;
  /** The ban in force for this author hash or e-mail address, if any. */
  activeBan(authorHash: string, email: string | undefined): Promise<ModerationBan | undefined>;
  /** Bans the author of a comment; undefined when there is no such comment. */
  ban(
    input: { commentId: string; days: number | null; email: boolean; reason?: string },
    actor: string,
  ): Promise<ModerationBan | 'no_author' | undefined>;
  bans(active: boolean, limit: number, cursor?: string): Promise<Page<ModerationBan>>;
  liftBan(id: number, actor: string): Promise<ModerationBan | undefined>;
  queue(
    filter: DeskFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<DeskItem> & { counts: Record<QueueState, number> }>;
  /** Approves or rejects each comment, in one transaction, each logged. */
  bulk(ids: string[], action: 'approve' | 'reject', actor: string): Promise<BulkResult[]>;
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
  readonly desk: DeskStore;
  readonly views: ViewStore;
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
