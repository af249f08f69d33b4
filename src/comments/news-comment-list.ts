import { Task } from '@lit/task';
import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CommentData, CommentSort, LiveEventMap, ThreadPage } from '../core/contract.js';
import { NewsError, toErrorDetail } from '../core/events.js';
import { lazyModule, loadSanitizer } from '../core/lazy.js';
import { format, plural } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import { formatRelativeTime } from '../core/time.js';
import { safeHttpUrl } from '../core/url.js';
import { NearViewportController } from '../core/viewport.js';
import { fetchReplies, fetchStatuses, fetchThread, pageSize, toComment, type ThreadQuery } from './comments-api.js';
import type { LiveThread, LiveType } from './live-thread.js';
import { sharedCommentStore, type CommentStore, type StoreChangeDetail } from './comment-store.js';
import { sharedLikeStore, type LikeStore } from './like-store.js';
import { NewsCommentForm } from './news-comment-form.js';
import type { ReportCloseDetail } from './news-comment-report.js';
import { styles } from './news-comment-list.styles.js';
import { sendLike } from './reactions-api.js';
import { COMMENT_STRINGS } from './strings.js';
import { fillTemplate, prepareTemplate } from './template.js';

export interface CommentsLoadDetail {
  thread: string;
  count: number;
  closed: boolean;
}

export interface CommentsSortDetail {
  sort: CommentSort;
}

/** The thread's approved count changed while the page is open (a live event). */
export interface CommentsCountDetail {
  thread: string;
  count: number;
}

/** The live stream's code: only for a list that shows a thread with `live` on. */
const loadLive = lazyModule(() => import('./live-thread.js'));

/** A first page already on its way (a parent started it with the list's code). */
export interface PageRequest extends ThreadQuery {
  base: string;
  thread: string;
  page: Promise<ThreadPage>;
}

/** The first page's task args: what is asked for (`tries` counts "Try again"). */
type Wanted = [base: string | null, sort: CommentSort, thread: string, limit: number, tries: number];

/** What the reader sees about their own comment. */
type OwnState = 'sending' | 'queued' | 'retrying' | 'pending' | 'approved' | 'rejected';

interface Shown extends CommentData {
  own?: OwnState;
}

interface RenderContext {
  now: number;
  depthMax: number;
  canReply: boolean;
  /** "Thích" and "Báo vi phạm": comments from the API (not given by the page). */
  canReact: boolean;
  ownReplies: Shown[];
  children: Map<string, Shown[]>;
  /** The "Show more replies" button of the top-level comment being rendered. */
  moreReplies?: TemplateResult;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const SORTS = ['newest', 'oldest', 'popular'] as const satisfies readonly CommentSort[];

/** The report dialog's element, imported when a reader first asks to report. */
const loadReport = lazyModule(() =>
  import('./news-comment-report.js').then(({ NewsCommentReport }) => NewsCommentReport.define('news-comment-report')),
);
const MINUTE = 60_000;

/** A text body: line breaks kept by CSS (`pre-line`), bare http(s) URLs as `nofollow ugc` links. */
function textBody(body: string): unknown {
  if (!body.includes('http')) return body;
  const out: unknown[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    // Trailing punctuation belongs to the sentence, not the link.
    const raw = match[0].replace(/[.,;:!?)\]}]+$/, '');
    const start = match.index ?? 0;
    const url = safeHttpUrl(raw);
    if (!url) continue;
    out.push(body.slice(last, start), html`<a href=${url} rel="nofollow ugc noopener">${raw}</a>`);
    last = start + raw.length;
  }
  out.push(body.slice(last));
  return out;
}

/**
 * @customElement news-comment-list
 * @summary The approved comments of a thread, with replies, newest, oldest or most liked first
 * ("Quan tâm nhất"), "Load more" by cursor, and the reader's own comments awaiting moderation
 * (only they see them). Each approved comment has "Thích" (a toggle with its count, optimistic:
 * a like the server refuses is rolled back with a message) and "Báo vi phạm" (a dialog whose
 * code loads on first use). The reader's likes are remembered in `localStorage`; a live update
 * sets a comment's count with `setLikes(id, likes)`.
 *
 * @fires news-comments-load - `{thread, count, closed}` when a thread page has loaded.
 * @fires news-comments-sort - `{sort}` when the reader picks another order.
 * @fires news-comments-count - `{thread, count}` when the approved count changes live.
 * @fires news-error - `{widget, reason, status?}` when the thread cannot be loaded.
 * @fires news-comment-sent - bubbles up from inline reply forms.
 * @csspart comment - each comment (`<article>`); also `comment-header`, `comment-name`,
 *   `comment-time`, `comment-body`, `comment-status`, `comment-cue`, `comment-actions`,
 *   `reply-button`, `replies`, `reply-form`, `like-button`, `like-count`, `report-button`,
 *   `reaction-note` (a refused like, a sent report).
 * @csspart toolbar - the sort buttons' group; `sort` - each sort button; `more` - "Load more";
 *   `more-replies` - "Show more replies" under a comment whose other replies are not shown yet;
 *   `new-comments` - the "N new comments" button of the live thread;
 *   `list`, `empty`, `skeleton`, `error`, `retry`.
 * @cssprop --news-comment-indent - indent of nested replies (default 1.25rem).
 */
export class NewsCommentList extends NewsElement<'comments'> {
  static override styles = [baseStyles, styles];

  /** Defines the list and the reply form it renders. */
  static override define(tag: string, registry: CustomElementRegistry = customElements): void {
    NewsCommentForm.define('news-comment-form', registry);
    super.define(tag, registry);
  }

  protected readonly localized = COMMENT_STRINGS;

  /** Thread id (URI-encoded in requests). */
  @property({ reflect: true }) thread = '';
  /** `newest`, `oldest` or `popular` ("Quan tâm nhất": most liked first). */
  @property({ reflect: true }) sort: CommentSort = 'newest';
  /** Deepest visual nesting of replies; deeper ones show at this level with an "@name" cue. */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 2;
  /** Top-level comments per page. */
  @property({ type: Number }) limit = 20;
  /** No "Reply" buttons. The server's answer can close the thread too. */
  @property({ type: Boolean, reflect: true }) closed = false;
  /** Comments to show instead of fetching (same shape as the API's `items`). */
  @property({ attribute: false }) comments?: CommentData[];
  /** The first page, when a parent already asked for it (used when it matches). */
  @property({ attribute: false }) firstPage?: PageRequest;
  /** A publisher `<template data-part="comment">`; default: a `<template>` child. */
  @property({ attribute: false }) commentTemplate?: HTMLTemplateElement | null;
  /** How often own pending comments are checked, in ms, while the page is visible. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30_000;
  /**
   * `off`: no live thread. Else, while the list is near the viewport and the page visible, newly
   * approved comments are announced by a "N new comments" button, and counts follow at once.
   */
  @property({ reflect: true }) live: 'on' | 'off' = 'on';
  /** Where the reader's own comments are kept; default: the page's shared store. */
  @property({ attribute: false }) store: CommentStore = sharedCommentStore();
  /** What the reader liked; default: the page's shared store (over `localStorage`). */
  @property({ attribute: false }) likeStore: LikeStore = sharedLikeStore();

  /** The order the reader picked, until the page sets `sort` again. */
  @state() private chosenSort?: CommentSort;
  @state() private page?: ThreadPage;
  @state() private failed = false;
  @state() private more: CommentData[] = [];
  @state() private cursor: string | null = null;
  /** Replies loaded with "Show more replies", per top-level comment, and the cursor of the next ones. */
  @state() private moreReplies = new Map<string, { items: CommentData[]; cursor: string | null }>();
  @state() private loadingReplies: string | null = null;
  @state() private loadingMore = false;
  @state() private replyTo: string | null = null;
  @state() private announcement = '';
  @state() private prepared: DocumentFragment | null = null;
  /** Comments approved since the page loaded, waiting for the reader to show them. */
  @state() private arrived: CommentData[] = [];
  private liveThread?: LiveThread;
  /** The comment being reported (its dialog is open). */
  @state() private reporting: { id: string; name: string } | null = null;
  /** A message beside one comment's buttons: a refused like, a sent report. */
  @state() private reactionNote: { id: string; text: string } | null = null;
  /** Like counts newer than the page's: the server's answers, optimistic changes, live updates. */
  private readonly likeCounts = new Map<string, number>();
  /** Comments whose like or unlike is on its way (a second click waits for the answer). */
  private readonly liking = new Set<string>();

  /** Own comments settled while this page is open: shown once with their verdict. */
  private readonly settled = new Map<string, Shown>();
  private readonly htmlBodies = new Map<string, HTMLElement>();
  private readonly templated = new Map<string, { node: Node; replies: HTMLElement; body: HTMLElement }>();
  private preparedFrom: HTMLTemplateElement | null = null;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private clock?: ReturnType<typeof setInterval>;
  /** The "Load more" request in flight (aborted on disconnect and by a new first page). */
  private moreAbort?: AbortController;
  /** The "Show more replies" request in flight (aborted with the "Load more" one). */
  private repliesAbort?: AbortController;
  private tries = 0;
  private readonly viewport = new NearViewportController(this);

  /** The first page: fetched (or taken from `firstPage`) when thread, sort or API change. */
  private readonly firstPageTask = new Task(this, {
    task: async ([base, sort, thread, limit, tries]: Wanted, { signal }) => {
      try {
        if (!base) throw new NewsError('shape', 'No API base: set the api attribute or <meta name="news-widgets:api">');
        const given = this.firstPage;
        const page =
          tries === 0 &&
          given &&
          given.base === base &&
          given.thread === thread &&
          given.sort === sort &&
          pageSize(given.limit) === limit
            ? await given.page
            : await fetchThread(base, thread, { sort, limit }, signal);
        await this.prepareTemplate();
        if (signal.aborted) return;
        this.failed = false;
        this.more = [];
        this.moreReplies = new Map();
        this.likeCounts.clear();
        this.cursor = page.nextCursor;
        this.page = page;
        this.arrived = [];
        void this.startLive();
        this.emit('news-comments-load', { thread, count: page.thread.count, closed: page.thread.closed });
        void this.poll();
      } catch (error) {
        if (signal.aborted) return;
        this.failed = true;
        this.emit('news-error', toErrorDetail(this.localName, error));
      }
    },
    // Run from willUpdate, only when what is wanted changes.
    autoRun: false,
  });
  private wanted: Partial<Wanted> = [];

  private get currentSort(): CommentSort {
    return this.chosenSort ?? this.sort;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.startClock();
    if (this.page) void this.startLive();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listened?.removeEventListener('change', this.onStoreChange);
    this.listened = undefined;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.pollTimer);
    clearInterval(this.clock);
    this.moreAbort?.abort();
    this.repliesAbort?.abort();
    this.liveThread?.disconnect();
    this.liveThread = undefined;
  }

  /** The store this list listens to (the `store` property can change). */
  private listened?: CommentStore;

  private listen(): void {
    if (this.listened === this.store) return;
    this.listened?.removeEventListener('change', this.onStoreChange);
    this.listened = this.store;
    // A comment queued on an earlier visit goes out once a list or form is on the page.
    this.store.start();
    this.store.addEventListener('change', this.onStoreChange);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('store') && this.isConnected) this.listen();
    if (changed.has('live') && this.live === 'off') {
      this.liveThread?.disconnect();
      this.liveThread = undefined;
    } else if (changed.has('live') && this.page) void this.startLive();
    if (changed.has('sort')) this.chosenSort = undefined;
    if (changed.has('thread') || changed.has('sort') || changed.has('chosenSort')) this.replyTo = null;
    if (changed.has('thread')) this.settled.clear();
    if (changed.has('comments') && this.comments) void this.prepareTemplate();
    // The first page loads again only when the API, sort, thread, size or "Try again" changes.
    // On its own, the list waits until it comes near the viewport, even when its code is
    // already on the page; a page its parent has started is taken at once.
    const wantedNow = this.firstPage || this.viewport.near || this.getAttribute('loading') === 'eager';
    if (this.comments === undefined && this.thread && wantedNow) {
      const wanted: Wanted = [this.apiBase, this.currentSort, this.thread, pageSize(this.limit), this.tries];
      if (wanted.some((value, index) => value !== this.wanted[index])) {
        this.wanted = wanted;
        // The old page's cursor belongs to the old order: no "Load more" until the new page is here.
        this.moreAbort?.abort();
        this.repliesAbort?.abort();
        this.cursor = null;
        void this.firstPageTask.run(wanted);
      }
    } else this.wanted = [];
  }

  // ---------------------------------------------------------------------------- behaviour

  private async prepareTemplate(): Promise<void> {
    const template =
      this.commentTemplate ?? this.querySelector<HTMLTemplateElement>(':scope > template[data-part="comment"]');
    if (template === this.preparedFrom) return;
    this.preparedFrom = template;
    this.templated.clear();
    try {
      this.prepared = template ? await prepareTemplate(template) : null;
    } catch {
      this.prepared = null;
    }
  }

  private retry(): void {
    this.tries++;
    this.failed = false;
  }

  private choose(sort: CommentSort): void {
    if (sort === this.currentSort) return;
    this.chosenSort = sort;
    this.emit('news-comments-sort', { sort });
  }

  /** Relative times ("5 phút trước") are redrawn every minute while the page is visible. */
  private startClock(): void {
    clearInterval(this.clock);
    if (document.visibilityState === 'visible') this.clock = setInterval(() => this.requestUpdate(), MINUTE);
  }

  private onVisibility = () => {
    this.startClock();
    if (document.visibilityState !== 'visible') return;
    this.requestUpdate();
    void this.poll();
  };

  private onStoreChange = (event: Event) => {
    const { thread } = (event as CustomEvent<StoreChangeDetail>).detail;
    if (thread !== null && thread !== this.thread) return;
    this.requestUpdate();
    this.schedulePoll();
  };

  private ownPending() {
    return this.store.pending(this.thread).filter((c) => c.api === this.apiBase);
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    if (this.ownPending().length && this.isConnected)
      this.pollTimer = setTimeout(() => void this.poll(), Math.max(1000, this.pollInterval));
  }

  /** Checks own pending comments now, then every `pollInterval` while some remain. */
  private async poll(): Promise<void> {
    clearTimeout(this.pollTimer);
    const base = this.apiBase;
    const pending = this.ownPending();
    if (!base || !pending.length || !this.isConnected) return;
    if (document.visibilityState === 'visible') {
      try {
        const statuses = await fetchStatuses(
          base,
          pending.map((c) => c.id),
        );
        const done = pending.filter((c) => statuses[c.id] === 'approved' || statuses[c.id] === 'rejected');
        for (const c of done) this.settled.set(c.id, { ...c, own: statuses[c.id] as 'approved' | 'rejected' });
        if (done.length) {
          const last = this.settled.get(done[done.length - 1].id)!;
          this.announcement = last.own === 'approved' ? this.strings.approved : this.strings.rejected;
          this.store.settle(
            this.thread,
            done.map((c) => c.id),
          );
        }
      } catch {
        // The next round tries again.
      }
    }
    this.schedulePoll();
  }

  // ------------------------------------------------------------------------------- live

  /** Opens the live stream of the loaded thread (its code loads now), unless `live="off"`. */
  private async startLive(): Promise<void> {
    const base = this.apiBase;
    // Asked again once the code is here: the list may have changed meanwhile.
    const wanted = () => this.live !== 'off' && !!base && this.apiBase === base && !this.comments && this.isConnected;
    if (!wanted() || typeof EventSource === 'undefined') return;
    try {
      const { LiveThread, eventsUrl } = await loadLive();
      const url = eventsUrl(base!, this.thread);
      if (this.liveThread?.url === url || !wanted()) return;
      this.liveThread?.disconnect();
      this.liveThread = new LiveThread(this, url, this.onLive);
    } catch {
      // No live thread (offline while its code loads): the list works as before.
    }
  }

  private readonly onLive = (type: LiveType, data: unknown) => {
    const d = data as Partial<LiveEventMap['comment'] & LiveEventMap['count'] & LiveEventMap['likes']>;
    if (typeof d.count === 'number') this.emit('news-comments-count', { thread: this.thread, count: d.count });
    if (type === 'likes' && typeof d.commentId === 'string' && typeof d.likes === 'number')
      this.setLikes(d.commentId, d.likes);
    if (type !== 'comment') return;
    const c = toComment(d.comment, !!(d.comment as { parentId?: unknown } | undefined)?.parentId);
    if (!c || this.isShown(c.id) || this.arrived.some((a) => a.id === c.id)) return;
    // The reader's own comment: its own "approved" state shows it, after a check now.
    if (this.ownPending().some((o) => o.id === c.id)) return void this.poll();
    this.arrived = [...this.arrived, c];
  };

  private isShown(id: string): boolean {
    return this.topComments().some((c) => c.id === id || c.replies?.some((r) => r.id === id));
  }

  /** "N new comments": inserts them where the order puts them, then focuses the first one. */
  private async showArrived(): Promise<void> {
    const arrived = this.arrived;
    this.arrived = [];
    const attach = (list: CommentData[]) =>
      list.map((top) => {
        const ids = new Set([top.id, ...(top.replies ?? []).map((r) => r.id)]);
        const replies = arrived.filter((r) => r.parentId && ids.has(r.parentId));
        return replies.length ? { ...top, replies: [...(top.replies ?? []), ...replies] } : top;
      });
    const tops = arrived.filter((c) => !c.parentId).map((c) => ({ ...c, replies: [] }));
    if (this.page) {
      const items = attach(this.page.items);
      this.page = { ...this.page, items: this.currentSort === 'newest' ? [...tops.reverse(), ...items] : items };
    }
    this.more = attach(this.more);
    if (this.currentSort === 'oldest') this.more = [...this.more, ...tops];
    this.announcement = format(this.strings.newShown, { count: arrived.length });
    await this.updateComplete;
    const first = arrived.find((c) => this.isShown(c.id));
    (first
      ? this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(first.id)}"]`)
      : this.renderRoot.querySelector<HTMLElement>('[part~="list"]')
    )?.focus();
  }

  /** Sets a comment's like count (a live update, say); the reader's own state is kept. */
  setLikes(id: string, likes: number): void {
    if (!(likes >= 0) || this.liking.has(id)) return;
    this.likeCounts.set(id, Math.floor(likes));
    this.requestUpdate();
  }

  private likeCount(c: CommentData): number {
    return this.likeCounts.get(c.id) ?? c.likes ?? 0;
  }

  /** "Thích": optimistic; rolled back, with the reason beside the button, when the server refuses or fails. */
  private async toggleLike(c: CommentData): Promise<void> {
    const base = this.apiBase;
    if (!base || this.liking.has(c.id)) return;
    const was = this.likeStore.has(base, c.id);
    const count = this.likeCount(c);
    this.liking.add(c.id);
    this.reactionNote = null;
    this.likeStore.set(base, c.id, !was);
    this.likeCounts.set(c.id, Math.max(0, count + (was ? -1 : 1)));
    this.requestUpdate();
    const result = await sendLike(base, c.id, !was);
    this.liking.delete(c.id);
    if (result.kind === 'ok') {
      this.likeStore.set(base, c.id, result.value.liked);
      this.likeCounts.set(c.id, result.value.likes);
    } else {
      this.likeStore.set(base, c.id, was);
      this.likeCounts.set(c.id, count);
      const s = this.strings;
      const text =
        result.kind === 'rate'
          ? format(s.tooFast, { seconds: result.seconds })
          : result.kind === 'gone'
            ? s.reactionGone
            : s.likeFailed;
      this.reactionNote = { id: c.id, text };
      this.announcement = text;
    }
    this.requestUpdate();
  }

  /** "Báo vi phạm": the dialog's code loads now, then it opens over the page. */
  private async openReport(c: CommentData): Promise<void> {
    this.reactionNote = null;
    try {
      await loadReport();
      this.reporting = { id: c.id, name: c.name };
    } catch {
      this.reactionNote = { id: c.id, text: this.strings.reportFailed };
      this.announcement = this.strings.reportFailed;
    }
  }

  private async onReportClose(event: CustomEvent<ReportCloseDetail>): Promise<void> {
    const { id, sent } = event.detail;
    this.reporting = null;
    if (sent) {
      this.reactionNote = { id, text: this.strings.reportSent };
      this.announcement = this.strings.reportSent;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-report="${CSS.escape(id)}"]`)?.focus();
  }

  private async loadMore(): Promise<void> {
    const base = this.apiBase;
    if (!base || !this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    const known = new Set(this.topComments().map((c) => c.id));
    // Aborted on disconnect and when a new first page loads (another sort, thread or API).
    const { signal } = (this.moreAbort = new AbortController());
    try {
      const query = { sort: this.currentSort, cursor: this.cursor, limit: pageSize(this.limit) };
      const page = await fetchThread(base, this.thread, query, signal);
      signal.throwIfAborted();
      const fresh = page.items.filter((c) => !known.has(c.id));
      this.more = [...this.more, ...fresh];
      this.cursor = page.nextCursor;
      this.loadingMore = false;
      if (!this.cursor && fresh.length) {
        // The button is gone: focus moves to the first new comment.
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(fresh[0].id)}"]`)?.focus();
      }
    } catch (error) {
      this.loadingMore = false;
      if (!signal.aborted) this.emit('news-error', toErrorDetail(this.localName, error));
    }
  }

  /** The next replies of one top-level comment; focus moves to the first of them when the button goes. */
  private async loadMoreReplies(top: CommentData): Promise<void> {
    const base = this.apiBase;
    const loaded = this.moreReplies.get(top.id);
    const cursor = loaded ? loaded.cursor : top.repliesCursor;
    if (!base || !cursor || this.loadingReplies) return;
    this.loadingReplies = top.id;
    const { signal } = (this.repliesAbort = new AbortController());
    try {
      const page = await fetchReplies(base, top.id, cursor, signal);
      signal.throwIfAborted();
      const known = new Set([...(top.replies ?? []), ...(loaded?.items ?? [])].map((r) => r.id));
      const fresh = page.items.filter((r) => !known.has(r.id));
      this.moreReplies = new Map(this.moreReplies).set(top.id, {
        items: [...(loaded?.items ?? []), ...fresh],
        cursor: page.nextCursor,
      });
      this.loadingReplies = null;
      if (!page.nextCursor && fresh.length) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(fresh[0].id)}"]`)?.focus();
      }
    } catch (error) {
      this.loadingReplies = null;
      if (!signal.aborted) this.emit('news-error', toErrorDetail(this.localName, error));
    }
  }

  private replyButton(id: string) {
    return this.renderRoot.querySelector<HTMLElement>(`[data-reply="${CSS.escape(id)}"]`);
  }

  private async onReplyClick(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.reply!;
    this.replyTo = this.replyTo === id ? null : id;
    if (!this.replyTo) return;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<NewsCommentForm>('news-comment-form');
    await form?.updateComplete;
    form?.focusBody();
  }

  private onReplyClose(event: Event): void {
    // After every listener: one may cancel the close.
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.replyTo = null;
    });
  }

  private async onReplySent(parent: string): Promise<void> {
    this.replyTo = null;
    await this.updateComplete;
    this.replyButton(parent)?.focus();
  }

  private topComments(): CommentData[] {
    const first = this.comments ?? this.page?.items ?? [];
    return this.more.length ? [...first, ...this.more] : first;
  }

  /** The reader's own comments for this thread: settled here, awaiting moderation, queued. */
  private ownComments(): Shown[] {
    const base = this.apiBase;
    const own: Shown[] = [...this.settled.values()];
    const ids = new Set(own.map((c) => c.id));
    for (const c of this.ownPending()) if (!ids.has(c.id)) own.push({ ...c, own: 'pending' });
    const offline = navigator.onLine === false;
    for (const e of this.store.outbox()) {
      if (e.thread !== this.thread || e.api !== base) continue;
      own.push({
        id: `outbox-${e.key}`,
        parentId: e.post.parentId,
        name: e.post.name,
        body: e.post.body,
        createdAt: e.createdAt,
        own: offline ? 'queued' : e.attempts ? 'retrying' : 'sending',
      });
    }
    return own;
  }

  // -------------------------------------------------------------------------------- render

  override render() {
    const s = this.strings;
    if (this.failed) {
      // The thread could not load (offline, say): the reader's own comments still show.
      const own = this.ownComments();
      const ctx: RenderContext = {
        now: Date.now(),
        depthMax: 0,
        canReply: false,
        canReact: false,
        ownReplies: [],
        children: new Map(),
      };
      return html`<div part="error" role="alert">
          <p>${s.loadError}</p>
          <button type="button" part="retry" @click=${this.retry}>${s.retry}</button>
        </div>
        ${
          own.length
            ? html`<section part="list" class="list" aria-label=${s.listLabel}>
                ${own.map((c) => this.renderComment(c, 0, ctx))}
              </section>`
            : nothing
        }`;
    }
    if (!this.comments && !this.page) {
      return html`<div part="skeleton" class="skeleton" role="status" aria-busy="true" aria-label=${s.listLabel}>
        ${[1, 2, 3].map(
          () =>
            html`<span class="skeleton-line w30"></span><span class="skeleton-line"></span
              ><span class="skeleton-line w70"></span>`,
        )}
      </div>`;
    }
    const server = this.topComments();
    const known = new Set<string>();
    for (const c of server) {
      known.add(c.id);
      for (const r of c.replies ?? []) known.add(r.id);
    }
    // Own comments the server already shows approved are shown as the server has them.
    const own = this.ownComments().filter((c) => !known.has(c.id));
    const ownTop = own.filter((c) => !c.parentId);
    const sort = this.currentSort;
    const top: Shown[] = sort === 'oldest' ? [...server, ...ownTop] : [...ownTop.reverse(), ...server];
    const ctx: RenderContext = {
      now: Date.now(),
      depthMax: Math.max(1, Math.floor(this.maxDepth) || 2),
      canReply: !this.closed && !this.page?.thread.closed && !!this.apiBase && this.comments === undefined,
      canReact: !!this.apiBase && this.comments === undefined,
      ownReplies: own.filter((c) => c.parentId),
      children: new Map(),
    };
    return html`
      <div part="toolbar" class="toolbar" role="group" aria-label=${s.sort}>
        ${SORTS.map(
          (option) =>
            html`<button
              type="button"
              part="sort"
              aria-pressed=${sort === option ? 'true' : 'false'}
              @click=${() => this.choose(option)}
            >
              ${s[option]}
            </button>`,
        )}
      </div>
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${
        this.arrived.length
          ? html`<div class="live">
              <button type="button" part="new-comments" class="new-comments" @click=${this.showArrived}>
                ${plural(this.locale.tag, this.arrived.length, { one: s.newOne, other: s.newOther })}
              </button>
            </div>`
          : nothing
      }
      ${
        top.length
          ? html`<section part="list" class="list ${top.length > 30 ? 'long' : ''}" aria-label=${s.listLabel}>
              ${top.map((c) => this.renderThread(c, ctx))}
            </section>`
          : html`<p part="empty" class="empty">${s.empty}</p>`
      }
      ${
        this.cursor && this.comments === undefined
          ? html`<button
              type="button"
              part="more"
              class="more"
              ?disabled=${this.loadingMore}
              aria-busy=${this.loadingMore ? 'true' : 'false'}
              @click=${this.loadMore}
            >
              ${s.more}
            </button>`
          : nothing
      }
      ${
        this.reporting
          ? html`<news-comment-report
              exportparts="report-dialog, report-submit, report-cancel"
              .commentId=${this.reporting.id}
              .commentName=${this.reporting.name}
              api=${ifDefined(this.apiBase ?? undefined)}
              @news-report-close=${this.onReportClose}
            ></news-comment-report>`
          : nothing
      }
    `;
  }

  private renderThread(topComment: Shown, ctx: RenderContext): TemplateResult {
    if (!topComment.replies?.length && !ctx.ownReplies.length) return this.renderComment(topComment, 0, ctx);
    const loaded = this.moreReplies.get(topComment.id);
    const replies: Shown[] = [...(topComment.replies ?? []), ...(loaded?.items ?? [])];
    const cursor = loaded ? loaded.cursor : topComment.repliesCursor;
    const busy = this.loadingReplies === topComment.id;
    const moreReplies = cursor
      ? html`<button
          type="button"
          part="more-replies"
          class="more more-replies"
          ?disabled=${busy}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => this.loadMoreReplies(topComment)}
        >
          ${this.strings.moreReplies}
        </button>`
      : undefined;
    const ids = new Set([topComment.id, ...replies.map((r) => r.id)]);
    for (const r of ctx.ownReplies) if (r.parentId && ids.has(r.parentId)) replies.push(r);
    const children = new Map<string, Shown[]>();
    const byId = new Map<string, Shown>([[topComment.id, topComment]]);
    for (const r of replies) byId.set(r.id, r);
    for (const r of replies) {
      const parent = r.parentId && byId.has(r.parentId) && r.parentId !== r.id ? r.parentId : topComment.id;
      const list = children.get(parent);
      if (list) list.push(r);
      else children.set(parent, [r]);
    }
    return this.renderComment(topComment, 0, { ...ctx, children, moreReplies });
  }

  private renderComment(c: Shown, depth: number, ctx: RenderContext, cue?: string): TemplateResult {
    const s = this.strings;
    const kids = ctx.children.get(c.id) ?? [];
    let nested: TemplateResult[] = [];
    if (kids.length && depth < ctx.depthMax) {
      if (depth + 1 < ctx.depthMax) nested = kids.map((k) => this.renderComment(k, depth + 1, ctx));
      else {
        // The last level: every deeper reply attaches here, in conversation order, with "@name".
        const flat = (k: Shown, parent?: Shown): TemplateResult[] => [
          this.renderComment(k, ctx.depthMax, ctx, parent ? format(s.replyTo, { name: parent.name }) : undefined),
          ...(ctx.children.get(k.id) ?? []).flatMap((g) => flat(g, k)),
        ];
        nested = kids.flatMap((k) => flat(k));
      }
    }
    const replying = this.replyTo === c.id;
    const repliesPart = nested.length ? html`${nested}` : null;
    const templated = this.prepared ? this.renderTemplated(c, ctx, repliesPart) : null;
    // Rare things (an own comment's state, an open reply form, replies) share one binding.
    const extra: unknown[] = [];
    if (c.own) extra.push(html`<p part="comment-status" class="status ${c.own}">${s[c.own]}</p>`);
    if (replying) extra.push(this.renderReplyForm(c));
    if (repliesPart && !templated) extra.push(html`<div part="replies" class="replies">${repliesPart}</div>`);
    if (depth === 0 && ctx.moreReplies) extra.push(ctx.moreReplies);
    const more = extra.length ? extra : nothing;
    const hideReply = !ctx.canReply || !!c.own;
    const reactions = ctx.canReact && !c.own ? this.renderReactions(c) : nothing;
    const expanded = replying ? 'true' : 'false';
    if (templated) {
      return html`<article part="comment" class="comment d${depth}" data-id=${c.id} tabindex="-1" aria-label=${c.name}>
        ${templated}
        <div part="comment-actions" class="actions" ?hidden=${hideReply && reactions === nothing}>
          ${reactions}
          <button
            type="button"
            part="reply-button"
            data-reply=${c.id}
            aria-expanded=${expanded}
            ?hidden=${hideReply}
            @click=${this.onReplyClick}
          >
            ${s.reply}
          </button>
        </div>
        ${more}
      </article>`;
    }
    const cueText = cue ? html`<span part="comment-cue" class="cue">${cue}</span>` : nothing;
    // One template per ordinary comment (a 1,000-comment thread stays cheap). Kept as written:
    // the body shows its whitespace (pre-line), so no indentation may enter it.
    // prettier-ignore
    return html`<article part="comment" class="comment d${depth}" data-id=${c.id} tabindex="-1" aria-label=${c.name}>
      <header part="comment-header"><strong part="comment-name">${c.name}</strong> - <time part="comment-time" datetime=${c.createdAt}>${this.timeText(c.createdAt, ctx.now)}</time></header>
      <div part="comment-body" class="body">${cueText}${this.renderBody(c)}</div>
      <div part="comment-actions" class="actions" ?hidden=${hideReply && reactions === nothing}>
        ${reactions}<button type="button" part="reply-button" data-reply=${c.id} aria-expanded=${expanded} ?hidden=${hideReply} @click=${this.onReplyClick}>${s.reply}</button>
      </div>
      ${more}
    </article>`;
  }

  /** "Thích" with its count, and "Báo vi phạm"; a note beside them when one was refused or sent. */
  private renderReactions(c: Shown): TemplateResult {
    const s = this.strings;
    const liked = !!this.apiBase && this.likeStore.has(this.apiBase, c.id);
    const count = this.likeCount(c);
    const note = this.reactionNote?.id === c.id ? this.reactionNote.text : '';
    return html`<button
        type="button"
        part="like-button"
        class="like"
        data-like=${c.id}
        aria-pressed=${liked ? 'true' : 'false'}
        @click=${() => this.toggleLike(c)}
      >
        ${s.like}${count ? html` <span part="like-count" class="like-count">${count}</span>` : nothing}</button
      ><button type="button" part="report-button" data-report=${c.id} @click=${() => this.openReport(c)}>
        ${s.report}</button
      >${note ? html`<span part="reaction-note" class="note">${note}</span>` : nothing}`;
  }

  private timeText(iso: string, now: number): string {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? '' : formatRelativeTime(new Date(time), this.locale.tag, now);
  }

  private renderReplyForm(c: Shown): TemplateResult {
    return html`<news-comment-form
      part="reply-form"
      .thread=${this.thread}
      api=${ifDefined(this.apiBase ?? undefined)}
      parent=${c.id}
      .replyName=${c.name}
      .messages=${this.messages}
      .store=${this.store}
      .returnFocus=${this.replyButton(c.id)}
      @news-close=${this.onReplyClose}
      @news-comment-sent=${() => this.onReplySent(c.id)}
    ></news-comment-form>`;
  }

  /** The body's content: text with links, or the sanitized editor HTML once DOMPurify is here. */
  private renderBody(c: Shown): unknown {
    if (c.bodyHtml) {
      const cached = this.htmlBodies.get(c.id);
      if (cached) return cached;
      void loadSanitizer().then(
        ({ sanitizeToFragment }) => {
          const div = document.createElement('div');
          div.className = 'html';
          div.append(sanitizeToFragment(c.bodyHtml!, 'comment'));
          this.htmlBodies.set(c.id, div);
          this.requestUpdate();
        },
        () => undefined,
      );
    }
    return textBody(c.body);
  }

  /** A comment through the publisher's template: values go into text nodes only. */
  private renderTemplated(c: Shown, ctx: RenderContext, replies: TemplateResult | null): Node {
    let entry = this.templated.get(c.id);
    if (!entry) {
      const time = document.createElement('time');
      time.setAttribute('part', 'comment-time');
      time.setAttribute('datetime', c.createdAt);
      time.textContent = this.timeText(c.createdAt, ctx.now);
      const body = document.createElement('div');
      body.setAttribute('part', 'comment-body');
      body.className = 'body';
      const repliesEl = document.createElement('div');
      repliesEl.setAttribute('part', 'replies');
      repliesEl.className = 'replies';
      const { fragment, placed } = fillTemplate(this.prepared!, { name: c.name, time, body, replies: repliesEl });
      const node = document.createElement('div');
      node.className = 'templated';
      node.append(fragment);
      if (!placed.has('replies')) node.append(repliesEl);
      entry = { node, replies: repliesEl, body };
      this.templated.set(c.id, entry);
    }
    render(this.renderBody(c), entry.body, { host: this });
    render(replies ?? nothing, entry.replies, { host: this });
    return entry.node;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-list': NewsCommentList;
  }
  interface GlobalEventHandlersEventMap {
    'news-comments-load': CustomEvent<CommentsLoadDetail>;
    'news-comments-sort': CustomEvent<CommentsSortDetail>;
    'news-comments-count': CustomEvent<CommentsCountDetail>;
  }
}
