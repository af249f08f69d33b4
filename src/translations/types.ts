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
  /** The button under a comment whose other replies are not shown yet. */
  moreReplies: string;
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
  /** `{field}` holds a text-direction control (U+202A–U+202E, U+2066–U+2069). */
  textDirection: string;
  /** `{field}` holds a control character. */
  textControl: string;
  /** `{field}` is only invisible characters. */
  textInvisible: string;
  /** The name imitates the newsroom ("Ban biên tập", "Admin"…). */
  staffName: string;
  failed: string;
  /** The "@name" cue on replies shown below their parent's depth. */
  replyTo: string;
  /** Accessible name of the comment list. */
  listLabel: string;
  /** Accessible name of a reply form. `{name}` is the author replied to. */
  replyLabel: string;
  /** The live thread's button: `{count}` comments approved since the page loaded. */
  newOne: string;
  newOther: string;
  /** Announced when the reader has shown them. */
  newShown: string;
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
  secretLabel: string;
  editorLabel: string;
  secretHint: string;
  signIn: string;
  signOut: string;
  wrongSignIn: string;
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
  /** The tab of the charts (`<news-moderation-stats>`). */
  stats: string;
  /** Sign-in refused for a while after too many wrong attempts (HTTP 429). */
  tooManyAttempts: string;
  /** The browser did not keep the session cookie (plain http on an address other than localhost). */
  cookieRefused: string;
  /** The session ended on the server (idle, disabled account, signed out elsewhere). */
  sessionEnded: string;
  /** A second editor's action on a comment another one handled first (409). */
  handled: string;
  /** The live queue: `{by}` handled `{name}`'s comment in another desk. */
  handledBy: string;
  /** The tab's title with the pending count, e.g. "(3) Kiểm duyệt". */
  titleCount: string;
  /** The integration panel (`<news-integration-panel>`): its tab, tables and set-up hints. */
  integration: string;
  integrationFeeds: string;
  integrationFeedUrl: string;
  integrationLastPoll: string;
  integrationResult: string;
  integrationItems: string;
  integrationNever: string;
  integrationStatusOk: string;
  integrationStatusNotModified: string;
  integrationStatusHttpError: string;
  integrationStatusTimeout: string;
  integrationStatusTooLarge: string;
  integrationStatusNetworkError: string;
  integrationStatusParseError: string;
  integrationStatusStoreError: string;
  integrationBeacons: string;
  integrationCount: string;
  integrationCounted: string;
  integrationDuplicate: string;
  integrationBot: string;
  integrationUnknownSite: string;
  integrationUnknownArticle: string;
  integrationRateLimited: string;
  integrationInvalid: string;
  integrationOverloaded: string;
  integrationOrigins: string;
  integrationOrigin: string;
  integrationLastSeen: string;
  integrationNoOrigins: string;
  integrationSetup: string;
  integrationNoFeeds: string;
  integrationNoSiteOrigins: string;
  integrationNoAllowedOrigins: string;
  integrationDocs: string;
  integrationRefresh: string;
  integrationFailed: string;
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
  // The desk's rules, bans, bulk actions and filters
  held: string;
  rules: string;
  bans: string;
  filterLabel: string;
  filterThread: string;
  filterSearch: string;
  filterApply: string;
  filterClear: string;
  selectItem: string;
  selectedCount: string;
  bulkApprove: string;
  bulkReject: string;
  bulkClear: string;
  bulkDone: string;
  bulkPartly: string;
  heldBecause: string;
  rejectedBecause: string;
  noDiacritics: string;
  reasonWords: string;
  reasonLinks: string;
  reasonDuplicate: string;
  reasonCaps: string;
  reasonNoDiacritics: string;
  reasonBan: string;
  ban: string;
  banTitle: string;
  banDays: string;
  banForDays: string;
  banForever: string;
  banEmail: string;
  banReason: string;
  banSubmit: string;
  banDone: string;
  banNoAuthor: string;
  bansEmpty: string;
  bansActive: string;
  bansAll: string;
  banShow: string;
  banWho: string;
  banSince: string;
  banUntil: string;
  banBy: string;
  banState: string;
  banLifted: string;
  banExpired: string;
  banInForce: string;
  banClient: string;
  lift: string;
  liftDone: string;
  rulesEmpty: string;
  rulesHint: string;
  ruleAdd: string;
  ruleEdit: string;
  ruleDelete: string;
  ruleSave: string;
  ruleSaved: string;
  ruleDeleted: string;
  ruleKind: string;
  ruleAction: string;
  ruleHold: string;
  ruleReject: string;
  ruleEnabled: string;
  ruleDisabled: string;
  kindWords: string;
  kindLinks: string;
  kindDuplicate: string;
  kindCaps: string;
  kindNoDiacritics: string;
  ruleWord: string;
  ruleWordFolded: string;
  ruleWordAdd: string;
  ruleWordRemove: string;
  ruleLinksMax: string;
  ruleDupThreads: string;
  ruleDupWindow: string;
  ruleDupMinLength: string;
  ruleCapsLetters: string;
  ruleCapsRatio: string;
  ruleSummaryWords: string;
  ruleSummaryLinks: string;
  ruleSummaryDuplicate: string;
  ruleSummaryCaps: string;
  ruleInvalid: string;
}

/** The desk's charts (`<news-moderation-stats>`). */
export interface ModerationStatsStrings {
  heading: string;
  /** Accessible name of the range switcher. */
  rangeLabel: string;
  range24h: string;
  range7d: string;
  range30d: string;
  loading: string;
  failed: string;
  retry: string;
  /** The toggle that shows the numbers of every chart as tables. */
  showTables: string;
  viewsTitle: string;
  /** Caption of the views table per hour / per day. */
  viewsByHour: string;
  viewsByDay: string;
  noViews: string;
  commentsTitle: string;
  received: string;
  approved: string;
  noComments: string;
  decisionsTitle: string;
  median: string;
  p90: string;
  decided: string;
  noDecisions: string;
  mostCommentedTitle: string;
  noMostCommented: string;
  /** Table headers. */
  hour: string;
  day: string;
  article: string;
  total: string;
  comments: string;
  /** Durations: `{n}` is a formatted number. */
  minutes: string;
  hours: string;
  days: string;
}

/** Every section, by name: what a language file exports besides `$code` and `$name`. */
export interface TranslationSections {
  related: RelatedStrings;
  mostRead: MostReadStrings;
  share: ShareStrings;
  comments: CommentStrings;
  commentReport: CommentReportStrings;
  moderation: ModerationStrings;
  moderationStats: ModerationStatsStrings;
}

/** A language: its BCP 47 primary tag, its own name, and any of the sections (the rest fall back). */
export type Translation = { $code: string; $name: string } & Partial<TranslationSections>;
