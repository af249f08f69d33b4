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
} as const;

/** Page sizes: the default and the most a client may ask for. */
export const PAGE = {
  comments: { default: 20, max: 100 },
  mostRead: { default: 10, max: 50 },
  related: { default: 5, max: 20 },
  articles: { default: 20, max: 100 },
  moderation: { default: 50, max: 200 },
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
  not_found: 404,
  article_not_found: 404,
  url_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_conflict: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
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
export type CommentSort = 'newest' | 'oldest';
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
  replies?: CommentData[];
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

/** The view beacon's body, sent as text/plain. */
export interface ViewBeacon {
  url: string;
  articleId?: string;
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
