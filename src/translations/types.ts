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

/** Every section, by name: what a language file exports besides `$code` and `$name`. */
export interface TranslationSections {
  related: RelatedStrings;
  mostRead: MostReadStrings;
  share: ShareStrings;
  comments: CommentStrings;
  moderation: ModerationStrings;
}

/** A language: its BCP 47 primary tag, its own name, and any of the sections (the rest fall back). */
export type Translation = { $code: string; $name: string } & Partial<TranslationSections>;
