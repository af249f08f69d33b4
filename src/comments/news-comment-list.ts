import { LitElement, html, nothing, render, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { apiBase } from '../core/api.js';
import { emit, NewsError, toErrorDetail } from '../core/events.js';
import { LocaleController, format, messagesFor } from '../core/locale.js';
import { baseStyles } from '../core/styles.js';
import { safeHttpUrl } from '../core/url.js';
import { NearViewportController } from '../core/viewport.js';
import { fetchStatuses, fetchThread, rememberCount, type CommentData, type CommentSort, type ThreadPage } from './comments-api.js';
import { loadOutbox, loadPending, outboxEvents, removePending, startOutbox } from './outbox.js';
import { COMMENT_STRINGS, type CommentStrings } from './strings.js';
import { styles } from './news-comment-list.styles.js';
import type { NewsCommentForm } from './news-comment-form.js';

/** What the reader sees about their own comment. */
type OwnState = 'sending' | 'queued' | 'pending' | 'approved' | 'rejected';

interface Shown extends CommentData {
  own?: OwnState;
}

export interface CommentsLoadDetail {
  thread: string;
  count: number;
  closed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Shared, cheap rendering helpers (a 1,000-comment thread calls them 1,000 times)

const formatters = new Map<string, { rtf: Intl.RelativeTimeFormat; dtf: Intl.DateTimeFormat }>();
const UNITS: [number, Intl.RelativeTimeFormatUnit][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
];

/** "5 phút trước" within a week, then the date and time; formatters are made once per locale. */
export function timeText(iso: string, tag: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  let f = formatters.get(tag);
  if (!f) {
    f = { rtf: new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }), dtf: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }) };
    formatters.set(tag, f);
  }
  const diff = time - now;
  const abs = Math.abs(diff);
  if (abs >= 7 * 86_400_000) return f.dtf.format(time);
  for (const [size, unit] of UNITS) if (abs >= size) return f.rtf.format(Math.round(diff / size), unit);
  return f.rtf.format(0, 'second');
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** A text body: line breaks kept by CSS (`pre-line`), bare http(s) URLs as `nofollow ugc` links. */
export function textBody(body: string): unknown {
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

type Sanitize = typeof import('../core/sanitize.js');
let sanitizer: Promise<Sanitize> | null = null;
const loadSanitizer = () => (sanitizer ??= import('../core/sanitize.js'));
/** Publisher templates, loaded only when a page has one (it needs DOMPurify anyway). */
const loadTemplates = () => import('./template.js');
let templates: typeof import('./template.js') | null = null;

/**
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

  private readonly locale = new LocaleController(this);
  private readonly viewport = new NearViewportController(this);

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

  @state() private more: CommentData[] = [];
  @state() private cursor: string | null = null;
  @state() private loadingMore = false;
  @state() private replyTo: string | null = null;
  @state() private announcement = '';
  @state() private prepared: DocumentFragment | null = null;
  /** Own comments settled while this page is open: shown once with their verdict. */
  private settled = new Map<string, Shown>();
  private htmlBodies = new Map<string, HTMLElement>();
  private templated = new Map<string, { node: Node; replies: HTMLElement; body: HTMLElement }>();
  private pollTimer?: ReturnType<typeof setTimeout>;
  private preparedFrom: HTMLTemplateElement | null = null;

  @state() private page?: ThreadPage;
  @state() private failed = false;
  private loadKey = '';
  private abort?: AbortController;

  /** Loads the first page when the thread, sort or API changes (and the box is near). */
  private async load(base: string | null, key: string): Promise<void> {
    this.loadKey = key;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.failed = false;
    try {
      if (!base) throw new NewsError('shape', 'No API base: set the api attribute or <meta name="news-widgets:api">');
      await this.prepareTemplate();
      const page = await fetchThread(base, this.thread, { sort: this.sort, limit: this.pageSize, signal: abort.signal });
      if (abort.signal.aborted) return;
      this.more = [];
      this.cursor = page.nextCursor;
      this.closed = page.thread.closed;
      this.page = page;
      rememberCount(base, this.thread, page.thread.count);
      emit<CommentsLoadDetail>(this, 'news-comments-load', { thread: this.thread, count: page.thread.count, closed: page.thread.closed });
      void this.poll();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failed = true;
      emit(this, 'news-error', toErrorDetail(this.localName, error));
    }
  }

  private get pageSize(): number {
    return Math.min(100, Math.max(1, Math.floor(this.limit) || 20));
  }

  private get strings(): CommentStrings {
    return messagesFor(COMMENT_STRINGS, this.locale.language, this.messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    startOutbox();
    outboxEvents?.addEventListener('change', this.onStoreChange);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    outboxEvents?.removeEventListener('change', this.onStoreChange);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.pollTimer);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('loading') && this.loading === 'eager') this.viewport.markNear();
    if (changed.has('comments') && this.comments) void this.prepareTemplate();
    if (changed.has('thread') || changed.has('sort')) this.replyTo = null;
    if (changed.has('thread')) this.settled.clear();
    const base = apiBase(this);
    const key = `${base} ${this.sort} ${this.thread}`;
    if (this.comments === undefined && this.thread && this.viewport.near && key !== this.loadKey) void this.load(base, key);
  }

  // -------------------------------------------------------------------------------- handlers

  private onStoreChange = (event: Event) => {
    if ((event as CustomEvent<string>).detail === this.thread) {
      this.requestUpdate();
      void this.poll(true);
    }
  };

  private onVisibility = () => {
    if (document.visibilityState === 'visible') void this.poll();
  };

  /** Checks own pending comments now, then every `pollInterval` while some remain. */
  private async poll(onlySchedule = false): Promise<void> {
    clearTimeout(this.pollTimer);
    const base = apiBase(this);
    const pending = loadPending(this.thread).filter((c) => c.api === base);
    if (!base || !pending.length || !this.isConnected) return;
    if (!onlySchedule && document.visibilityState === 'visible') {
      try {
        const statuses = await fetchStatuses(base, pending.map((c) => c.id));
        const done = pending.filter((c) => statuses[c.id] && statuses[c.id] !== 'pending');
        for (const c of done) {
          const verdict = statuses[c.id];
          if (verdict === 'approved' || verdict === 'rejected') this.settled.set(c.id, { ...c, own: verdict });
        }
        if (done.length) {
          const last = this.settled.get(done[done.length - 1].id);
          if (last) this.announcement = last.own === 'approved' ? this.strings.approved : this.strings.rejected;
          removePending(this.thread, done.map((c) => c.id));
        }
      } catch {
        // The next round tries again.
      }
    }
    if (loadPending(this.thread).length && this.isConnected) {
      clearTimeout(this.pollTimer);
      this.pollTimer = setTimeout(() => void this.poll(), Math.max(1000, this.pollInterval));
    }
  }

  private async prepareTemplate(): Promise<void> {
    const template = this.commentTemplate ?? this.querySelector<HTMLTemplateElement>(':scope > template[data-part="comment"]');
    if (template === this.preparedFrom) return;
    this.preparedFrom = template;
    this.templated.clear();
    try {
      templates = template ? await loadTemplates() : templates;
      this.prepared = template ? await templates!.prepareTemplate(template) : null;
    } catch {
      this.prepared = null;
    }
  }

  private async loadMore(): Promise<void> {
    const base = apiBase(this);
    if (!base || !this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    const known = new Set(this.allTop().map((c) => c.id));
    try {
      const page: ThreadPage = await fetchThread(base, this.thread, { sort: this.sort, cursor: this.cursor, limit: this.pageSize });
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
      emit(this, 'news-error', toErrorDetail(this.localName, error));
    }
  }

  private async openReply(id: string): Promise<void> {
    this.replyTo = this.replyTo === id ? null : id;
    if (!this.replyTo) return;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<NewsCommentForm>('news-comment-form');
    await form?.updateComplete;
    form?.focusBody();
  }

  private onReplyClose(event: Event): void {
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.replyTo = null;
    });
  }

  private replyButton(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-reply="${CSS.escape(id)}"]`);
  }

  // -------------------------------------------------------------------------------- data

  private allTop(): CommentData[] {
    const first = this.comments ?? this.page?.items ?? [];
    return this.more.length ? [...first, ...this.more] : first;
  }

  /** The reader's own comments for this thread: settled here, awaiting moderation, queued. */
  private ownComments(): Shown[] {
    const base = apiBase(this);
    const own: Shown[] = [...this.settled.values()];
    const ids = new Set(own.map((c) => c.id));
    for (const c of loadPending(this.thread)) if (!ids.has(c.id) && c.api === base) own.push({ ...c, own: 'pending' });
    for (const e of loadOutbox()) {
      if (e.thread !== this.thread || e.api !== base) continue;
      own.push({ id: `outbox-${e.key}`, parentId: e.post.parentId, name: e.post.name, body: e.post.body, createdAt: e.createdAt, own: e.attempts ? 'queued' : 'sending' });
    }
    return own;
  }

  // -------------------------------------------------------------------------------- render

  override render() {
    const s = this.strings;
    const loaded = this.comments !== undefined || this.page !== undefined;
    if (this.failed && this.comments === undefined) {
      return html`<div part="error" role="alert">
        <p>${s.loadError}</p>
        <button type="button" part="retry" @click=${() => void this.load(apiBase(this), this.loadKey)}>${s.retry}</button>
      </div>`;
    }
    if (!loaded) {
      return html`<div part="skeleton" class="skeleton" role="status" aria-busy="true" aria-label=${s.listLabel}>
        ${[1, 2, 3].map(() => html`<span class="skeleton-line w30"></span><span class="skeleton-line"></span><span class="skeleton-line w70"></span>`)}
      </div>`;
    }
    return this.renderLoaded(s);
  }

  private renderLoaded(s: CommentStrings): TemplateResult {
    const now = Date.now();
    const server = this.allTop();
    const known = new Set<string>();
    for (const c of server) {
      known.add(c.id);
      for (const r of c.replies ?? []) known.add(r.id);
    }
    // Own comments the server already shows approved are shown as the server has them.
    const own = this.ownComments().filter((c) => !known.has(c.id));
    const ownTop = own.filter((c) => !c.parentId);
    const ownReplies = own.filter((c) => c.parentId);
    const top: Shown[] = this.sort === 'oldest' ? [...server, ...ownTop] : [...ownTop.reverse(), ...server];
    const base = apiBase(this);
    const ctx = { s, now, tag: this.locale.tag, depthMax: Math.max(1, Math.floor(this.maxDepth) || 2), ownReplies, base, canReply: !this.closed && !!base && this.comments === undefined };
    return html`
      <div part="toolbar" class="toolbar" role="group" aria-label=${s.sort}>
        ${(['newest', 'oldest'] as const).map(
          (sort) => html`<button type="button" part="sort" aria-pressed=${this.sort === sort ? 'true' : 'false'} @click=${() => (this.sort = sort)}>${sort === 'newest' ? s.newest : s.oldest}</button>`,
        )}
      </div>
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${top.length
        ? html`<section part="list" class="list ${top.length > 30 ? 'long' : ''}" aria-label=${s.listLabel}>${top.map((c) => this.renderThread(c, ctx))}</section>`
        : html`<p part="empty" class="empty">${s.empty}</p>`}
      ${this.cursor && this.comments === undefined
        ? html`<button type="button" part="more" class="more" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>${s.more}</button>`
        : nothing}
    `;
  }

  private renderThread(topComment: Shown, ctx: RenderContext): TemplateResult {
    if (!topComment.replies?.length && !ctx.ownReplies.length) return this.renderComment(topComment, 0, { ...ctx, children: NO_CHILDREN });
    const replies: Shown[] = [...(topComment.replies ?? [])];
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
    return this.renderComment(topComment, 0, { ...ctx, children });
  }

  private renderComment(c: Shown, depth: number, ctx: TreeContext, cue?: string): TemplateResult {
    const kids = ctx.children.get(c.id) ?? [];
    let nested: TemplateResult[] = [];
    if (kids.length && depth < ctx.depthMax) {
      if (depth + 1 < ctx.depthMax) nested = kids.map((k) => this.renderComment(k, depth + 1, ctx));
      else {
        // The last level: every deeper reply attaches here, in conversation order, with "@name".
        const flat = (k: Shown, parent?: Shown): TemplateResult[] => [
          this.renderComment(k, ctx.depthMax, ctx, parent ? format(ctx.s.replyTo, { name: parent.name }) : undefined),
          ...(ctx.children.get(k.id) ?? []).flatMap((g) => flat(g, k)),
        ];
        nested = kids.flatMap((k) => flat(k));
      }
    }
    const s = ctx.s;
    const replying = this.replyTo === c.id;
    const repliesPart = nested.length ? html`${nested}` : null;
    const templated = this.prepared ? this.renderTemplated(c, ctx, repliesPart) : null;
    // Rare things (a cue, an own comment's state, an open reply form, replies) share one binding,
    // so an ordinary comment is a single template instance: a 1,000-comment thread stays cheap.
    const extra: unknown[] = [];
    if (c.own) extra.push(html`<p part="comment-status" class="status ${c.own}">${c.own === 'sending' ? s.sending : c.own === 'queued' ? s.queued : c.own === 'pending' ? s.pending : c.own === 'approved' ? s.approved : s.rejected}</p>`);
    if (replying) extra.push(this.renderReplyForm(c, ctx));
    if (repliesPart && !templated) extra.push(html`<div part="replies" class="replies">${repliesPart}</div>`);
    const more = extra.length ? extra : nothing;
    const hideActions = !ctx.canReply || !!c.own;
    const expanded = replying ? 'true' : 'false';
    if (templated) {
      return html`<article part="comment" class="comment d${depth}" data-id=${c.id} tabindex="-1" aria-label=${c.name}>${templated}<div part="comment-actions" class="actions" ?hidden=${hideActions}><button type="button" part="reply-button" data-reply=${c.id} aria-expanded=${expanded} @click=${this.onReplyClick}>${s.reply}</button></div>${more}</article>`;
    }
    const body = this.renderBody(c);
    return html`<article part="comment" class="comment d${depth}" data-id=${c.id} tabindex="-1" aria-label=${c.name}><header part="comment-header"><strong part="comment-name">${c.name}</strong> - <time part="comment-time" datetime=${c.createdAt}>${timeText(c.createdAt, ctx.tag, ctx.now)}</time></header><div part="comment-body" class="body">${cue ? [html`<span part="comment-cue" class="cue">${cue}</span>`, body] : body}</div><div part="comment-actions" class="actions" ?hidden=${hideActions}><button type="button" part="reply-button" data-reply=${c.id} aria-expanded=${expanded} @click=${this.onReplyClick}>${s.reply}</button></div>${more}</article>`;
  }

  private onReplyClick(event: Event): void {
    void this.openReply((event.currentTarget as HTMLElement).dataset.reply!);
  }

  private renderReplyForm(c: Shown, ctx: TreeContext): TemplateResult {
    return html`<news-comment-form
      part="reply-form"
      .thread=${this.thread}
      api=${ifDefined(ctx.base ?? undefined)}
      parent=${c.id}
      .replyName=${c.name}
      .messages=${this.messages}
      .returnFocus=${this.replyButton(c.id)}
      @news-close=${this.onReplyClose}
      @news-comment-sent=${() => {
        this.replyTo = null;
        void this.updateComplete.then(() => this.replyButton(c.id)?.focus());
      }}
    ></news-comment-form>`;
  }

  /** The body's content: text with links, or the sanitized editor HTML once DOMPurify is here. */
  private renderBody(c: Shown): unknown {
    if (c.bodyHtml) {
      const cached = this.htmlBodies.get(c.id);
      if (cached) return cached;
      void loadSanitizer().then(
        (mod) => {
          const el = document.createElement('div');
          el.className = 'html';
          el.append(mod.sanitizeToFragment(c.bodyHtml!, 'comment'));
          this.htmlBodies.set(c.id, el);
          this.requestUpdate();
        },
        () => undefined,
      );
    }
    return textBody(c.body);
  }

  /** A comment through the publisher's template: values go into text nodes only. */
  private renderTemplated(c: Shown, ctx: TreeContext, replies: TemplateResult | null): Node {
    let entry = this.templated.get(c.id);
    if (!entry) {
      const time = document.createElement('time');
      time.setAttribute('part', 'comment-time');
      time.setAttribute('datetime', c.createdAt);
      time.textContent = timeText(c.createdAt, ctx.tag, ctx.now);
      const body = document.createElement('div');
      body.setAttribute('part', 'comment-body');
      body.className = 'body';
      const repliesEl = document.createElement('div');
      repliesEl.setAttribute('part', 'replies');
      repliesEl.className = 'replies';
      const { fragment, placed } = templates!.fillTemplate(this.prepared!, { name: c.name, time, body, replies: repliesEl });
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

const NO_CHILDREN = new Map<string, Shown[]>();

interface RenderContext {
  s: CommentStrings;
  now: number;
  tag: string;
  depthMax: number;
  ownReplies: Shown[];
  base: string | null;
  canReply: boolean;
}

interface TreeContext extends RenderContext {
  children: Map<string, Shown[]>;
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-list': NewsCommentList;
  }
  interface GlobalEventHandlersEventMap {
    'news-comments-load': CustomEvent<CommentsLoadDetail>;
  }
}
