/**
 * The shape of a translation: one section of strings per element. Every language file
 * (`vi.ts`, `en.ts`, or a publisher's own) exports these sections by name.
 */

/** Strings of the list widgets. */
export interface ListStrings {
  heading: string;
  loading: string;
  /** `{count}` is the formatted number. */
  view: string;
  views: string;
}

export type RelatedStrings = ListStrings;

export interface MostReadStrings extends ListStrings {
  hour: string;
  day: string;
  week: string;
  month: string;
  /** Shown in a tab whose list cannot be loaded. */
  empty: string;
}

/** The networks `<news-share>` can show, plus copy and the native share sheet. */
export type ShareNetwork =
  'facebook' | 'zalo' | 'x' | 'linkedin' | 'telegram' | 'whatsapp' | 'email' | 'copy' | 'native';

export type ShareStrings = Record<ShareNetwork | 'heading' | 'copied' | 'close' | 'closeName', string>;

/** Every string the comment widgets show. Override any of them with the `messages` property. */
export interface CommentStrings {
  /** Count, one comment. `{count}` is the formatted number. */
  countOne: string;
  /** Count, any other number. */
  countOther: string;
  reply: string;
  write: string;
  submit: string;
  close: string;
  notice: string;
  name: string;
  email: string;
  body: string;
  sending: string;
  /** Offline: the comment waits in the outbox. */
  queued: string;
  /** Online, but the server could not be reached (network error, 5xx): kept, retried. */
  retrying: string;
  pending: string;
  sent: string;
  closed: string;
  more: string;
  newest: string;
  oldest: string;
  sort: string;
  empty: string;
  loadError: string;
  retry: string;
  diacritics: string;
  tooFast: string;
  rejected: string;
  approved: string;
  required: string;
  tooLong: string;
  invalidEmail: string;
  failed: string;
  /** The "@name" cue on replies shown below their parent's depth. */
  replyTo: string;
  /** Accessible name of the comment list. */
  listLabel: string;
  /** Accessible name of a reply form. `{name}` is the author replied to. */
  replyLabel: string;
  /** The "popular" order: most liked first. */
  popular: string;
  /** The like button ("Thích"), a toggle. */
  like: string;
  /** A like or unlike the server did not take (rolled back). */
  likeFailed: string;
  /** A like or report of a comment no longer shown. */
  reactionGone: string;
  /** The report button ("Báo vi phạm"). */
  report: string;
  /** Beside the report button once the report is sent. */
  reportSent: string;
  /** The report dialog's code could not be loaded. */
  reportFailed: string;
}

/** The report dialog (`<news-comment-report>`): loaded with it, not up front. */
export interface CommentReportStrings {
  /** The dialog's heading and name. `{name}` is the comment's author. */
  title: string;
  reason: string;
  spam: string;
  abuse: string;
  offTopic: string;
  other: string;
  /** Optional details. `{max}` is the limit. */
  text: string;
  submit: string;
  cancel: string;
  failed: string;
  /** The comment is no longer shown. */
  gone: string;
  /** Rate-limited. `{seconds}` to wait. */
  tooFast: string;
}

export interface ModerationStrings {
  title: string;
  signInTitle: string;
  tokenLabel: string;
  editorLabel: string;
  editorHint: string;
  signIn: string;
  signOut: string;
  wrongToken: string;
  signedInAs: string;
  pending: string;
  approved: string;
  rejected: string;
  log: string;
  states: string;
  shortcuts: string;
  empty: string;
  loading: string;
  failed: string;
  retry: string;
  loadMore: string;
  approve: string;
  reject: string;
  edit: string;
  closeThread: string;
  reopenThread: string;
  threadClosed: string;
  replyTo: string;
  article: string;
  thread: string;
  original: string;
  formatted: string;
  bodyLabel: string;
  htmlLabel: string;
  htmlHint: string;
  saveApprove: string;
  save: string;
  cancel: string;
  doneApproved: string;
  doneRejected: string;
  doneEdited: string;
  doneClosed: string;
  doneReopened: string;
  actionFailed: string;
  queueLabel: string;
  logEmpty: string;
  logWhen: string;
  logWho: string;
  logAction: string;
  logComment: string;
  logChange: string;
  /** The "Bị báo cáo" queue: comments readers reported. */
  reported: string;
  reportedEmpty: string;
  /** `{count}` open reports. */
  reportCount: string;
  /** `{count}` likes. */
  likeCount: string;
  reasonSpam: string;
  reasonAbuse: string;
  reasonOffTopic: string;
  reasonOther: string;
  reportNotes: string;
  /** Past the hiding threshold: hidden from readers until an editor decides. */
  hiddenBadge: string;
  keep: string;
  remove: string;
  doneKept: string;
  doneRemoved: string;
}

/** Every section, by name: what a language file exports besides `$code` and `$name`. */
export interface TranslationSections {
  related: RelatedStrings;
  mostRead: MostReadStrings;
  share: ShareStrings;
  comments: CommentStrings;
  commentReport: CommentReportStrings;
  moderation: ModerationStrings;
}

/** A language: its BCP 47 primary tag, its own name, and any of the sections (the rest fall back). */
export type Translation = { $code: string; $name: string } & Partial<TranslationSections>;
