import { Task, initialState } from '@lit/task';
import { LitElement, adoptStyles, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { apiBase } from '../core/api.js';
import { emit, NewsError, toErrorDetail } from '../core/events.js';
import { LocaleController, translate } from '../core/locale.js';
import { baseStyles } from '../core/styles.js';
import { NearViewportController } from '../core/viewport.js';
import { getJson, pageUrl, type CommentData, type CommentSort, type ThreadPage } from './comments-api.js';
import { outboxEvents, watchStore } from './store.js';
import { COMMENT_STRINGS, type CommentStrings } from './strings.js';
import { styles } from './news-comment-list.styles.js';
import type { Shown } from './list-view.js';

export interface CommentsLoadDetail {
  thread: string;
  count: number;
  closed: boolean;
}

/** The first page's task args: the thread asked for (`tries` counts "Try again"). */
type Wanted = [base: string | null, sort: CommentSort, thread: string, tries: number];

/**
 * Everything past the skeleton (rendering, replies, sorting, "load more", own comments and their
 * status polling) is its own chunk, fetched together with the thread's first page, so neither
 * waits for the other.
 */
type View = typeof import('./list-view.js');
let view: View | undefined;
let viewLoad: Promise<View> | undefined;
const loadView = (): Promise<View> =>
  (viewLoad ??= import('./list-view.js').then(
    (m) => (view = m),
    (error) => {
      viewLoad = undefined; // Tried again on the next load.
      throw error;
    },
  ));

/**
 * @customElement news-comment-list
 * @summary The approved comments of a thread, with replies, newest or oldest first, "Load more"
 * by cursor, and the reader's own comments awaiting moderation (only they see them).
 *
 * @fires news-comments-load - `{thread, count, closed}` when a thread page has loaded.
 * @fires news-error - `{widget, reason, status?}` when the thread cannot be loaded.
 * @fires news-comment-sent - bubbles up from inline reply forms.
 * @csspart comment - each comment (`<article>`); also `comment-header`, `comment-name`,
 *   `comment-time`, `comment-body`, `comment-status`, `comment-cue`, `reply-button`, `replies`.
 * @csspart sort - the sort buttons; `more` - the "Load more" button.
 * @cssprop --news-comment-indent - indent of nested replies (default 1.25rem).
 */
export class NewsCommentList extends LitElement {
  static override styles = [baseStyles, styles];

  /** @internal */
  readonly locale = new LocaleController(this);
  private readonly viewport = new NearViewportController(this);
  /**
   * Loads the first page (the data and the view in parallel) when the thread, sort or API
   * changes, once near the viewport and while no `comments` are given.
   * @internal
   */
  readonly task = new Task(this, {
    task: async ([base, sort, thread]: Partial<Wanted>, { signal }): Promise<typeof initialState | void> => {
      if (thread === undefined) return initialState;
      this.moreAbort?.abort();
      this.failed = false;
      try {
        if (!base) throw new NewsError('shape', 'No API base: set the api attribute or <meta name="news-widgets:api">');
        const [v, raw] = await Promise.all([loadView(), getJson(pageUrl(base, thread, sort!, this.pageSize), signal)]);
        await v.show(this, base, raw, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.failed = true;
        emit(this, 'news-error', toErrorDetail(this.localName, error));
      }
    },
    // Run from willUpdate, only when there is a thread to load: a task that ran just to say
    // "nothing to do" would ask for one more render of every comment when it settled.
    autoRun: false,
  });

  /** Thread id (any string; URI-encoded in requests). */
  @property({ reflect: true }) thread = '';
  /** API base (else `<meta name="news-widgets:api">`). */
  @property() api?: string;
  @property({ reflect: true }) sort: CommentSort = 'newest';
  /** Deepest visual nesting of replies; deeper ones show at this level with an "@name" cue. */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 2;
  /** Top-level comments per page (1–100). */
  @property({ type: Number }) limit = 20;
  /** `eager` loads at once instead of near the viewport. */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  /** The thread is closed: no "Reply" buttons. Set from the server's answer too. */
  @property({ type: Boolean, reflect: true }) closed = false;
  /** Comments to show instead of fetching (same shape as the API's `items`). */
  @property({ attribute: false }) comments?: CommentData[];
  /** A publisher `<template data-part="comment">`; default: a `<template>` child. */
  @property({ attribute: false }) commentTemplate?: HTMLTemplateElement | null;
  /** How often own pending comments are checked, in ms, while the page is visible. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30_000;
  @property({ attribute: false }) messages?: Partial<CommentStrings>;

  /** @internal */ @state() page?: ThreadPage;
  /** @internal */ @state() failed = false;
  // The view's state (list-view.ts changes it, then asks for an update).
  /** @internal */ more: CommentData[] = [];
  /** @internal */ cursor: string | null = null;
  /** @internal */ loadingMore = false;
  /** @internal */ replyTo: string | null = null;
  /** @internal */ announcement = '';
  /** @internal */ prepared: DocumentFragment | null = null;
  /** @internal Own comments settled while this page is open: shown once with their verdict. */
  settled = new Map<string, Shown>();
  /** @internal */ htmlBodies = new Map<string, HTMLElement>();
  /** @internal */ templated = new Map<string, { node: Node; replies: HTMLElement; body: HTMLElement }>();
  /** @internal */ pollTimer?: ReturnType<typeof setTimeout>;
  /** @internal */ preparedFrom: HTMLTemplateElement | null = null;
  /** @internal The "Load more" request in flight (aborted on disconnect and by a new first page). */
  moreAbort?: AbortController;
  private wanted: Partial<Wanted> = [];
  private tries = 0;
  private waiting?: Promise<void>;
  private styled = false;

  /** @internal */
  get strings(): CommentStrings {
    return translate(COMMENT_STRINGS, this.locale.language, this.messages);
  }

  /** @internal */
  get pageSize(): number {
    return Math.min(100, Math.max(1, Math.floor(this.limit) || 20));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchStore();
    outboxEvents.addEventListener('change', this.onStoreChange);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    outboxEvents.removeEventListener('change', this.onStoreChange);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.pollTimer);
    this.moreAbort?.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (view && !this.styled) {
      // The view brings the thread's styles.
      this.styled = true;
      adoptStyles(this.renderRoot as ShadowRoot, [
        ...(this.constructor as typeof NewsCommentList).elementStyles,
        view.styles,
      ]);
    }
    if (changed.has('loading') && this.loading == 'eager') this.viewport.markNear();
    if (changed.has('thread') || changed.has('sort')) this.replyTo = null;
    if (changed.has('thread')) this.settled.clear();
    // Comments given as a property: rendered once the view (and a publisher template) is here.
    if (changed.has('comments') && this.comments) {
      const here = !!view;
      this.waiting = loadView()
        .then((v) => v.prepareTemplate(this))
        .then(
          () => void (here || this.requestUpdate()),
          () => void (this.failed = true),
        );
    }
    // The first page loads again only when the API, sort, thread or "Try again" count changes.
    if (this.comments === undefined && this.thread && this.viewport.near) {
      const wanted: Wanted = [apiBase(this), this.sort, this.thread, this.tries];
      if (wanted.some((value, index) => value !== this.wanted[index])) {
        this.wanted = wanted;
        void this.task.run(wanted);
      }
    }
  }

  /** `updateComplete` includes the view's arrival when there is something to show. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.waiting ? (await this.waiting, super.getUpdateComplete()) : done;
  }

  private retry(): void {
    this.tries++;
    this.failed = false;
    this.requestUpdate('comments');
  }

  private onStoreChange = (event: Event) => {
    if ((event as CustomEvent<string>).detail == this.thread && view) {
      this.requestUpdate();
      void view.poll(this, true);
    }
  };

  private onVisibility = () => document.visibilityState == 'visible' && view?.poll(this);

  override render() {
    const s = this.strings;
    if (this.failed) {
      return html`<div part="error" role="alert">
        <p>${s.loadError}</p>
        <button type="button" part="retry" @click=${this.retry}>${s.retry}</button>
      </div>`;
    }
    return view && (this.comments || this.page)
      ? view.render(this)
      : html`<div part="skeleton" class="skeleton" role="status" aria-busy="true" aria-label=${s.listLabel}>
          ${[1, 2, 3].map(() => html`<span class="skeleton-line w30"></span><span class="skeleton-line"></span><span class="skeleton-line w70"></span>`)}
        </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-list': NewsCommentList;
  }
  interface GlobalEventHandlersEventMap {
    'news-comments-load': CustomEvent<CommentsLoadDetail>;
  }
}
