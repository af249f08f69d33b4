/**
 * The server's domain: what the routes need from storage, as an asynchronous interface, and the
 * domain errors storage throws. Nothing here knows about HTTP (statuses and reader-facing messages
 * live in `http/errors.ts`) or about the environment (configuration is read in `config.ts`).
 * Implementations: `storage/sqlite/` (the embedded default) and `storage/postgres/`.
 */
import type { NewsItem } from '../src/core/feeds.ts';
import type {
  BeaconOutcome,
  BulkResult,
  CommentSort,
  FeedPollStatus,
  HeldReason,
  ModerationBan,
  ModerationLogEntry,
  ModerationRule,
  ModerationRuleInput,
  QueueState,
  ReportReason,
  ReportedComment,
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
  /** The publisher's own id (its CMS id, sent by the page's beacon), when it is not `id`. */
  publisherId?: string;
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
  /** Hash of the normalised post, kept with the key: a replay with another body is refused. */
  bodyHash?: string;
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
  | 'invalid_cursor'
  | 'idempotency_mismatch' // an Idempotency-Key came back with a different body
  | 'editor_exists' // an editor account of that name (case-insensitive) already exists
  | 'already_moderated' // another editor handled the comment first (its status is not the expected one)
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
  /** The article a beacon means: `id` as the server's id, then as the publisher's id, then the first known of `urls`. */
  resolve(ref: { id?: string; urls: string[] }): Promise<{ id: string; url: string } | undefined>;
  /** Articles ranked against a title alone (a page the server has not seen yet), as `related` ranks. */
  relatedByTitle(title: string, limit: number): Promise<Article[]>;
}

export interface CommentStore {
  threadInfos(ids: string[], autoCloseDays: number): Promise<ThreadInfo[]>;
  /**
   * Atomic, idempotent per (thread, idempotency key) for IDEMPOTENCY_KEY_TTL_MS. Throws
   * `thread_closed`, `invalid_parent`, `idempotency_mismatch` (same key, another `bodyHash`).
   */
  create(input: NewComment): Promise<{ id: string; status: Status; replay: boolean }>;
  /**
   * Approved top-level comments, each with its first `repliesPerComment` approved descendants
   * (oldest first) and the cursor of the next ones (`replies()`), or null.
   */
  /** `popular`: by likes as of the first page (see `LikeStore`), then newest first. */
  threadPage(
    thread: string,
    sort: CommentSort,
    limit: number,
    cursor?: string,
    repliesPerComment?: number,
  ): Promise<Page<CommentRow & { replies: CommentRow[]; repliesCursor: string | null }>>;
  /** The approved descendants of an approved top-level comment, oldest first; undefined when there is no such comment. */
  replies(rootId: string, limit: number, cursor?: string): Promise<Page<CommentRow> | undefined>;
  statuses(ids: string[]): Promise<Record<string, Status | 'unknown'>>;
  get(id: string): Promise<CommentRow | undefined>;
  countAll(): Promise<number>;
  /** Forgets idempotency keys older than IDEMPOTENCY_KEY_TTL_MS; returns how many. */
  pruneIdempotency(): Promise<number>;
}

/** How long an Idempotency-Key is remembered (a client retries within minutes; 24 h as the IETF draft suggests). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

export interface ModerationStore {
  queue(status: Status, limit: number, cursor?: string): Promise<Page<QueueItem> & { counts: Record<Status, number> }>;
  /**
   * Optional edit, then a status change; the reader's original body is kept. Logged. Throws
   * `comment_not_found`, and `already_moderated` when the comment's status is not `expected` (the
   * status the editor saw; checked under the row's lock, so of two editors only the first acts).
   * Answers the row after the action and the status it had before.
   */
  moderate(
    id: string,
    action: 'approve' | 'reject' | 'edit',
    edit: { body?: string; bodyHtml?: string | null },
    actor: string,
    expected?: Status,
  ): Promise<CommentRow & { previousStatus: Status }>;
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

/** A feed's polling state, shared by every process (one of them polls it when it is due). */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastPollAt: number | null;
  status: FeedPollStatus | null;
  message: string | null;
  itemCount: number | null;
  /** Failed polls in a row (backoff). */
  failures: number;
  nextPollAt: number;
}

/** What the desk's integration panel reads: feed polls, beacon outcomes, origins refused by CORS. */
export interface IntegrationStore {
  /**
   * Takes the poll of `url` if it is due at `now` (or was never polled), moving its next poll
   * `leaseMs` ahead so no other process polls it meanwhile. The state for the one taker, else undefined.
   */
  claimFeed(url: string, now: number, leaseMs: number): Promise<FeedState | undefined>;
  saveFeed(state: FeedState): Promise<void>;
  feeds(urls: string[]): Promise<FeedState[]>;
  /** Adds beacon outcomes to hourly counters. */
  addBeaconCounts(rows: { hourMs: number; reason: BeaconOutcome; count: number }[]): Promise<void>;
  /** Beacon outcomes since `sinceMs` (whole hours), summed by reason. */
  beaconCounts(sinceMs: number): Promise<Partial<Record<BeaconOutcome, number>>>;
  /** Adds refusals per origin; keeps the `keep` most recently seen origins. */
  addCorsRefusals(rows: { origin: string; count: number; at: number }[], keep: number): Promise<void>;
  corsRefusals(limit: number): Promise<{ origin: string; count: number; firstSeen: number; lastSeen: number }[]>;
  /** Drops beacon counters older than `beforeMs`. */
  prune(beforeMs: number): Promise<void>;
}

export interface MetaStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Sets `key` only if absent; true for the one caller (of all processes) that set it. */
  claim(key: string, value: string): Promise<boolean>;
}

/** Fixed-window counters shared by every process that uses the same store. */
export interface RateLimitStore {
  /**
   * Counts one hit for `key` in the current window; returns the count so far and when the window ends.
   * `by` adds another amount: 0 only reads, -1 takes a hit back (a sign-in that turned out right).
   */
  hit(key: string, windowMs: number, by?: number): Promise<{ count: number; resetAt: number }>;
  close?(): Promise<void>;
}

/** An editor account, as `npm run editor -- list` shows it. */
export interface Editor {
  name: string;
  /** ISO 8601. */
  createdAt: string;
  disabled: boolean;
  lastSignInAt: string | null;
}

/**
 * Editor accounts and their desk sessions. Secrets and session ids are stored only as hashes
 * (`auth/secrets.ts`); names are matched case-insensitively.
 */
export interface EditorStore {
  /** A new account. Throws `editor_exists`. */
  create(name: string, secretHash: string): Promise<Editor>;
  list(): Promise<Editor[]>;
  /** What a sign-in checks. */
  credentials(name: string): Promise<{ id: number; name: string; secretHash: string; disabled: boolean } | undefined>;
  /** Replaces the secret and ends the account's sessions; false when there is no such account. */
  setSecret(name: string, secretHash: string): Promise<boolean>;
  /** Disables (ending its sessions) or enables an account; false when there is no such account. */
  setDisabled(name: string, disabled: boolean): Promise<boolean>;
  /** Stores a session by the hash of its id, records the sign-in, and drops expired sessions. */
  startSession(editorId: number, idHash: string, idleMs: number): Promise<void>;
  /**
   * The editor's name for a live session of an enabled account, idle less than `idleMs` and younger
   * than `maxAgeMs`; each use moves its expiry `idleMs` ahead (sliding).
   */
  session(idHash: string, idleMs: number, maxAgeMs: number): Promise<string | undefined>;
  endSession(idHash: string): Promise<void>;
}

/**
 * "Something changed" between processes. Without a topic: reader-visible data changed (caches are
 * dropped). With one: the live event log has new events for that topic (`live/hub.ts`); handlers
 * called without a topic after a lost connection must assume every topic changed.
 */
export interface ChangeFeed {
  publish(topic?: string): void;
  subscribe(onChange: (topic?: string) => void): void;
  close?(): Promise<void>;
}

/** One event of the durable live log: ids grow with every event, in the order they commit. */
export interface LiveEvent {
  id: number;
  /** `thread:{id}` for a thread's readers, `desk` for the moderation desk. */
  topic: string;
  type: string;
  /** JSON text, sent as the SSE `data:` line as is. */
  data: string;
}

/** The live log (`live_events`), kept a few hours so a client resumes from its `Last-Event-ID`. */
export interface LiveEventStore {
  /** Appends one event; ids are assigned in commit order, so readers never see a later id first. */
  append(topic: string, type: string, data: unknown): Promise<number>;
  /** Events of `topic` after `afterId`, oldest first. */
  since(topic: string, afterId: number, limit: number): Promise<LiveEvent[]>;
  /** The newest id of all topics (0 when none yet): where a new client starts. */
  head(): Promise<number>;
  /** Drops events older than `beforeMs`. */
  prune(beforeMs: number): Promise<void>;
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
  readonly likes: LikeStore;
  readonly reports: ReportStore;
  readonly meta: MetaStore;
  /** Comments imported from other systems (`npm run import`). */
  readonly imports: ImportStore;
  /** The desk's charts. */
  readonly stats: StatsStore;
  readonly editors: EditorStore;
  readonly integration: IntegrationStore;
  /** Rate-limit counters in this database (PostgreSQL), or per process (SQLite: one process per file). */
  readonly rateLimits: RateLimitStore;
  /** The live event log (SSE): readers' thread events and the desk's. */
  readonly events: LiveEventStore;
  /**
   * Tells every process sharing this database that reader-visible data changed (they drop cached
   * answers); absent for SQLite (one process per file).
   */
  readonly changes?: ChangeFeed;
  /** Database reachable and migrations current. */
  health(): Promise<Health>;
  close(): Promise<void>;
}

/** A comment read from another system's export (Disqus, WordPress), ready to be written. */
export interface ImportedComment {
  /** Its id in the other system: unique per `source`, what makes a second import a no-op. */
  sourceId: string;
  id: string;
  thread: string;
  parentId: string | null;
  rootId: string | null;
  name: string;
  email: string | null;
  body: string;
  bodyHtml: string | null;
  /** Never `approved` for what the other system held as spam or trash (those are not imported). */
  status: 'approved' | 'pending';
  createdAt: number;
}

export interface ImportStore {
  /** Comments already imported from `source`, by their source id. */
  known(
    source: string,
    sourceIds: string[],
  ): Promise<Map<string, { id: string; rootId: string | null; thread: string }>>;
  /**
   * Writes comments (parents before their replies) with their source ids, and one log entry, in one
   * transaction: all or nothing. Returns how many were written.
   */
  write(source: string, comments: ImportedComment[], actor: string): Promise<number>;
}

/** A stats window: `buckets` buckets of `bucketMs` from `from` (ms); `to` = from + buckets × bucketMs. */
export interface StatsWindow {
  from: number;
  to: number;
  bucketMs: number;
  buckets: number;
}

/** The desk's charts, over the tables the server already keeps (views_hourly, comments, moderation_log). */
export interface StatsStore {
  /** The most read articles in the window, with their views per bucket (hourly buckets by their start). */
  topViews(
    w: StatsWindow,
    limit: number,
  ): Promise<{ id: string; title: string; url: string; total: number; counts: number[] }[]>;
  /** Comments written per bucket, and how many of those are approved now. */
  comments(w: StatsWindow): Promise<{ received: number[]; approved: number[] }>;
  /**
   * Time from posting to the first approve/reject, for comments whose first decision falls in the
   * window: median and 90th percentile, interpolated between ranks (as PostgreSQL's percentile_cont).
   */
  decisionTimes(w: StatsWindow): Promise<{ count: number; medianMs: number | null; p90Ms: number | null }>;
  /** Threads with the most comments written in the window. */
  mostCommented(
    w: StatsWindow,
    limit: number,
  ): Promise<{ thread: string; title: string | null; url: string | null; comments: number; approved: number }[]>;
}
