/**
 * The API contract shared by the widgets and the reference server: the shapes that travel,
 * the limits both sides enforce, the error codes the server answers and the tags an editor's
 * formatted comment may keep. The server validates with these numbers and the form checks with
 * them, so the two cannot drift. Plain data only: no DOM, no Node, so both sides import it.
 */

/** Lengths in Unicode code points, after trimming and NFC normalisation. */
export const LIMITS = {
  commentName: 80,
  commentBody: 2000,
  commentEmail: 254,
  /** An editor's formatted body, before sanitizing. */
  commentBodyHtml: 8000,
  articleTitle: 500,
  articleSummary: 5000,
  articleSection: 100,
  articleTag: 60,
  articleTags: 30,
  articlePins: 10,
  articlesPerPost: 500,
  url: 2048,
  /** Thread and article ids. */
  id: 200,
  /** Threads in one `GET /counts` and ids in one `GET /comments/status`. */
  batch: 50,
  /** Request bodies, in bytes. */
  requestBytes: 16 * 1024,
  /** A reader's own words with a report ("Báo vi phạm"). */
  reportText: 500,
} as const;

/** Page sizes: the default and the most a client may ask for. */
export const PAGE = {
  comments: { default: 20, max: 100 },
  mostRead: { default: 10, max: 50 },
  related: { default: 5, max: 20 },
  articles: { default: 20, max: 100 },
  moderation: { default: 50, max: 200 },
  /** Replies of one top-level comment: shown with it in a thread page, then paged by its `repliesCursor`. */
  replies: { default: 10, max: 100 },
} as const;

/** Thread and article ids: 1–200 characters of `[A-Za-z0-9._:/-]`. */
export const ID_PATTERN = /^[A-Za-z0-9._:/-]{1,200}$/;
/** Comment ids, as a reply's `parentId`. */
export const COMMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Every `error.code` the server answers, with the HTTP status it comes with. */
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  invalid_parent: 400,
  unauthorized: 401,
  thread_closed: 403,
  /** A view beacon for a URL outside the publisher's origins (`SITE_ORIGINS`). */
  unknown_site: 403,
  not_found: 404,
  article_not_found: 404,
  url_conflict: 409,
  /** Another editor handled the comment first: its status is not the one the desk showed. */
  already_moderated: 409,
  /** A like or report of a comment readers cannot see (pending, removed or hidden). */
  not_approved: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_conflict: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  /**
   * A write from a web page of another site: a reader's post whose `Origin` is neither the API's
   * nor an allowed one, or a cookie-signed desk request from another origin.
   */
  forbidden_origin: 403,
  /** The same `Idempotency-Key` came back with a different body: nothing is stored. */
  idempotency_mismatch: 422,
  /** Text the rules of `text-rules.ts` refuse: direction controls, C1 controls, invisible-only. */
  invalid_text: 400,
  /** A reader's name that imitates the newsroom's staff ("Ban biên tập", "Admin"…). */
  reserved_name: 400,
  /** Malformed HTTP (bad request line, bad path): answered by the server before any route. */
  bad_request: 400,
  /** The client closed the connection before its body arrived. */
  request_aborted: 400,
  /** The request's headers are over Node's limit (16 KB). */
  header_too_large: 431,
  /** The request did not arrive within Node's request timeout. */
  request_timeout: 408,
  /** `npm run editor -- add`: an editor account of that name already exists. */
  editor_exists: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every error answer: `{"error":{"code","message","field"?}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** Tags an editor's formatted comment (`bodyHtml`) may keep; `a` keeps only an http(s) `href`. */
export const COMMENT_HTML_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'a', 'blockquote'] as const;
export const COMMENT_HTML_ATTRIBUTES = ['href'] as const;

export type CommentStatus = 'pending' | 'approved' | 'rejected';
/** `popular` ("Quan tâm nhất"): top-level comments by likes, then newest first. */
export type CommentSort = 'newest' | 'oldest' | 'popular';
export const COMMENT_SORTS = ['newest', 'oldest', 'popular'] as const satisfies readonly CommentSort[];
export type MostReadWindow = 'hour' | 'day' | 'week' | 'month';

/** An approved comment as `GET /threads/{thread}/comments` answers it. */
export interface CommentData {
  id: string;
  parentId?: string;
  name: string;
  body: string;
  /** An editor's formatted version, already sanitized by the server with the tags above. */
  bodyHtml?: string;
  /** ISO 8601. */
  createdAt: string;
  /** "Thích": how many readers like it. */
  likes?: number;
  replies?: CommentData[];
  /**
   * A top-level comment with more approved replies than its page shows: the cursor of
   * `GET /comments/{id}/replies` for the next ones; `null` when all are shown.
   */
  repliesCursor?: string | null;
}

/** `GET /comments/{id}/replies?cursor=&limit=`: the next replies of a top-level comment, oldest first. */
export interface RepliesPage {
  items: CommentData[];
  nextCursor: string | null;
}

export interface ThreadInfo {
  id: string;
  closed: boolean;
  /** Approved comments, replies included. */
  count: number;
}

export interface ThreadPage {
  thread: ThreadInfo;
  items: CommentData[];
  nextCursor: string | null;
}

/** `POST /threads/{thread}/comments`, sent with an `Idempotency-Key` header. */
export interface CommentPost {
  name: string;
  email?: string;
  body: string;
  parentId?: string;
  /** The honeypot: a person leaves it empty. */
  website?: string;
}

/** The 202 answer to a comment post. */
export interface CommentAccepted {
  id: string;
  status: CommentStatus;
}

/** The view beacon's body, sent as text/plain (`navigator.sendBeacon`). */
export interface ViewBeacon {
  url: string;
  /** The publisher's id of the article (a CMS id), or the server's own. */
  articleId?: string;
  /** The page's `og:title`, else `document.title`: the title of an article the server creates from the beacon. */
  title?: string;
}

/**
 * What became of each view beacon, counted per hour for the desk's integration panel: `counted`,
 * or the reason it was not. `duplicate`: the same reader (client network) and article within the
 * window (which also caps the views one network adds to one article in an hour); `unknown_site`: a URL outside the publisher's origins; `unknown_article`: neither a known
 * article nor a URL the server may create one for; `overloaded`: the write buffer was full.
 */
export const BEACON_OUTCOMES = [
  'counted',
  'duplicate',
  'bot',
  'unknown_site',
  'unknown_article',
  'rate_limited',
  'invalid',
  'overloaded',
] as const;
export type BeaconOutcome = (typeof BEACON_OUTCOMES)[number];

/** How the last poll of a feed went. */
export type FeedPollStatus =
  'ok' | 'not_modified' | 'http_error' | 'timeout' | 'too_large' | 'network_error' | 'parse_error' | 'store_error';

/** `GET /moderation/integration`: what the desk's integration panel shows. */
export interface IntegrationStatus {
  /** The configured feeds (`FEEDS`), each with its last poll (null before the first). */
  feeds: {
    url: string;
    lastPollAt: string | null;
    status: FeedPollStatus | null;
    message: string | null;
    itemCount: number | null;
    nextPollAt: string | null;
  }[];
  /** View beacons of the last 24 hours, by outcome (every outcome present, 0 included). */
  beacons: Record<BeaconOutcome, number>;
  /** Origins whose cross-origin calls were refused (not in `ALLOWED_ORIGINS`), most recent first. */
  refusedOrigins: { origin: string; count: number; firstSeen: string; lastSeen: string }[];
  /** What the server is configured with, so the panel can say what is missing. */
  config: { feeds: number; feedIntervalSeconds: number; siteOrigins: string[]; allowedOrigins: string[] };
  generatedAt: string;
}

/** One line of the moderation log, as `GET /moderation/log` answers it. */
export interface ModerationLogEntry {
  id: number;
  /** ISO 8601. */
  at: string;
  /** The editor. */
  actor: string;
  action: string;
  commentId: string | null;
  thread: string | null;
  before: unknown;
  after: unknown;
}

/** The desk's chart ranges (`GET /moderation/stats?range=`): hourly buckets for 24h, daily for 7d and 30d. */
export const STATS_RANGES = ['24h', '7d', '30d'] as const;
export type StatsRange = (typeof STATS_RANGES)[number];
/** How many articles the stats list: the most read (with their views per bucket) and the most commented. */
export const STATS_TOP = { views: 5, commented: 10 } as const;

/** `GET /moderation/stats`: what readers read and wrote in a range, and how fast editors decided. */
export interface ModerationStats {
  range: StatsRange;
  bucket: 'hour' | 'day';
  /** ISO 8601: the range is [from, to), `buckets.length` buckets of one hour or one day. */
  from: string;
  to: string;
  /** The start of each bucket, ISO 8601. */
  buckets: string[];
  /** The most read articles of the range, with their views per bucket. */
  views: { id: string; title: string; url: string; total: number; counts: number[] }[];
  /** Comments written in each bucket, and how many of those are approved now. */
  comments: { received: number[]; approved: number[] };
  /** From a comment's posting to its first approve or reject, for first decisions made in the range. */
  decisions: { count: number; medianMs: number | null; p90Ms: number | null };
  /** Threads with the most comments written in the range (any state), and how many are approved. */
  mostCommented: { thread: string; title: string | null; url: string | null; comments: number; approved: number }[];
}

/** The desk's session, as `GET/POST/DELETE /moderation/session` answer it. */
export interface DeskSession {
  signedIn: boolean;
  /** The signed-in editor (the name the log records), else null. */
  name: string | null;
}

/**
 * Live events (Server-Sent Events). `GET /threads/{thread}/events` sends `ready` (its id is where
 * the stream starts), then `comment`, `count` and `likes`; `GET /moderation/events` sends `ready`,
 * `queued` and `handled`. Every event has an `id` that grows: a client resuming with
 * `Last-Event-ID` (or `?lastEventId=`) gets exactly the events after it.
 */
export interface LiveEventMap {
  ready: Record<string, never>;
  /** A comment was approved: the thread's new count and the comment as the thread API shapes it. */
  comment: { id: string; count: number; comment: CommentData };
  /** The thread's approved count changed otherwise (an approved comment was removed). */
  count: { count: number };
  /** A comment's like count changed. */
  likes: { commentId: string; likes: number };
}

/** The desk's live events: a comment arrived in a queue, or an editor handled one. */
export interface DeskEventMap {
  ready: Record<string, never>;
  queued: { id: string; thread: string; queue: 'pending' };
  handled: { id: string; thread: string; status: CommentStatus; by: string };
}

/** `POST /moderation/events/ticket`: a one-time ticket for opening the desk's stream. */
export interface LiveTicket {
  ticket: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

/** The answer to `POST /comments/{id}/like` and `/unlike`: the comment's count and the reader's state. */
export interface LikeAnswer {
  id: string;
  likes: number;
  liked: boolean;
}

/** Why a reader reports a comment ("Báo vi phạm"). */
export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** `POST /comments/{id}/report`. */
export interface ReportPost {
  reason: ReportReason;
  /** Optional details, at most `LIMITS.reportText` characters. */
  text?: string;
}

/** A comment in the desk's "Bị báo cáo" queue (`GET /moderation/reported`). */
export interface ReportedComment {
  id: string;
  thread: string;
  articleTitle: string | null;
  articleUrl: string | null;
  name: string;
  body: string;
  createdAt: string;
  likes: number;
  /** Open reports: how many, per reason, and readers' own words (newest first). */
  reports: number;
  reasons: Partial<Record<ReportReason, number>>;
  notes: string[];
  /** Past `REPORT_HIDE_THRESHOLD`: hidden from readers until an editor decides. */
  hidden: boolean;
  /** ISO 8601: the first open report. */
  reportedAt: string;
}

// ------------------------------------------------------------------ the desk: rules, bans, bulk, search

/** Desk limits: ids in one bulk action, entries of a word rule, and the search text. */
export const DESK_LIMITS = {
  bulkIds: 200,
  ruleWords: 500,
  ruleWord: 60,
  search: 200,
  /** A ban's length in days (no length: for good). */
  banDays: 3650,
  banReason: 200,
} as const;

/**
 * The states the desk's queue filters on (`GET /moderation/comments?state=`): `held` is a pending
 * comment a rule held back. Another state is one entry here and one predicate on the server
 * (`server/storage/common.ts` QUEUE_STATE_SQL); the desk shows one tab per entry.
 */
export const QUEUE_STATES = ['pending', 'held', 'approved', 'rejected'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** What a rule looks at; each kind has its own `config` (see `ModerationRuleConfig`). */
export const RULE_KINDS = ['words', 'links', 'duplicate', 'caps', 'no_diacritics'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
/** `hold`: to the queue with the reason shown; `reject`: silently (the reader sees the usual pending answer). */
export type RuleAction = 'hold' | 'reject';

/** A word list entry: a word or phrase (syllables), matched on syllable boundaries, case-insensitively. */
export interface RuleWord {
  word: string;
  /** Also matches the word typed without diacritics ("cac" for "cặc"), never with other diacritics ("các"). */
  folded: boolean;
}

export interface ModerationRuleConfig {
  words: { words: RuleWord[] };
  /** More than `max` links. */
  links: { max: number };
  /** The same text (of at least `minLength` characters) on `threads` threads or more within `windowMinutes`. */
  duplicate: { threads: number; windowMinutes: number; minLength: number };
  /** At least `minLetters` letters, of which `ratio` (0.5–1) or more are capitals. */
  caps: { minLetters: number; ratio: number };
  /** Vietnamese typed without diacritics. */
  no_diacritics: Record<string, never>;
}

export type ModerationRuleInput = {
  [K in RuleKind]: { kind: K; action: RuleAction; enabled: boolean; config: ModerationRuleConfig[K] };
}[RuleKind];

export type ModerationRule = ModerationRuleInput & { id: number; createdAt: string; updatedAt: string };

/** Why a comment was held or rejected when it was posted (shown in the desk, never to readers). */
export interface HeldReason {
  kind: RuleKind | 'ban';
  action: RuleAction;
  ruleId?: number;
  banId?: number;
  /** The matched word, the link count…: for the editor. */
  detail?: string;
}

/** A ban of a comment's author (pseudonymous client hash, and the e-mail address if asked). */
export interface ModerationBan {
  id: number;
  commentId: string | null;
  /** The author's name on that comment. */
  name: string | null;
  email: string | null;
  /** Whether the client hash is banned (always, when the comment had one). */
  client: boolean;
  reason: string | null;
  createdBy: string;
  createdAt: string;
  /** ISO 8601; null: for good. */
  expiresAt: string | null;
  liftedAt: string | null;
  active: boolean;
}

/** One comment's result in `POST /moderation/bulk`. */
export type BulkResult =
  { id: string; ok: true; status: CommentStatus } | { id: string; ok: false; error: 'not_found' };
