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
  /** A like or report of a comment readers cannot see (pending, removed or hidden). */
  not_approved: 409,
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
