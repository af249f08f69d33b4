import { html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import {
  LIMITS,
  QUEUE_STATES,
  type BulkResult,
  type DeskSession,
  type HeldReason,
  type LiveTicket,
  type ModerationLogEntry,
  type QueueState,
} from '../core/contract.js';
import { NewsError, toErrorDetail } from '../core/events.js';
import { request } from '../core/fetch.js';
import { lazyModule, loadSanitizer } from '../core/lazy.js';
import { format } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import { reasonText, type DeskCall } from './desk-api.js';
import { DeskLive, type DeskLiveEvent } from './desk-live.js';
import { moderationStyles } from './news-moderation.styles.js';
import type { ModerationBanDetail } from './news-moderation-ban-form.js';
import type { ModerationBulkDetail } from './news-moderation-bulk.js';
import type { ModerationFilterDetail } from './news-moderation-filter.js';
import type { ReportedChangeDetail } from './news-reported-queue.js';
import { MODERATION_STRINGS } from './strings.js';
import type { StatsRequest } from './news-moderation-stats.js';

export type ModerationStatus = 'pending' | 'approved' | 'rejected';

export interface QueueItem {
  id: string;
  thread: string;
  articleTitle: string | null;
  articleUrl?: string | null;
  parentId: string | null;
  parent?: { name: string; body: string } | null;
  name: string;
  email: string | null;
  body: string;
  bodyHtml: string | null;
  originalBody?: string | null;
  status: ModerationStatus;
  createdAt: string;
  /** Why a rule (or a ban) held or rejected it when it was posted. */
  heldBy?: HeldReason[] | null;
  /** Written without diacritics (marked for the editor). */
  noDiacritics?: boolean;
}

export type LogItem = ModerationLogEntry;

type Counts = Record<QueueState | 'reported', number>;
type View = QueueState | 'reported' | 'log' | 'rules' | 'bans' | 'stats' | 'integration';
/** The desk's tabs, in order (a tab per queue state of the contract); each one's label is the string of the same name. */
const VIEWS: View[] = [...QUEUE_STATES, 'reported', 'log', 'rules', 'bans', 'stats', 'integration'];
const isQueue = (view: View): view is QueueState => (QUEUE_STATES as readonly string[]).includes(view);

export interface ModerationActionDetail {
  action: 'approve' | 'reject' | 'edit' | 'close' | 'reopen' | 'keep' | 'remove' | 'ban';
  id?: string;
  thread?: string;
}

/**
 * The tabs whose element is a module of its own, imported (and defined) when an editor first opens
 * the tab: the queue's tabs are what an editor opens the desk for, the others wait.
 */
const TAB_MODULES: Partial<Record<View, () => Promise<unknown>>> = {
  reported: lazyModule(() =>
    import('./news-reported-queue.js').then(({ NewsReportedQueue }) => NewsReportedQueue.define('news-reported-queue')),
  ),
  rules: lazyModule(() =>
    import('./news-moderation-rules.js').then(({ NewsModerationRules }) =>
      NewsModerationRules.define('news-moderation-rules'),
    ),
  ),
  bans: lazyModule(() =>
    import('./news-moderation-bans.js').then(({ NewsModerationBans }) =>
      NewsModerationBans.define('news-moderation-bans'),
    ),
  ),
  stats: lazyModule(() =>
    import('./news-moderation-stats.js').then(({ NewsModerationStats }) =>
      NewsModerationStats.define('news-moderation-stats'),
    ),
  ),
  integration: lazyModule(() =>
    import('./news-integration-panel.js').then(({ NewsIntegrationPanel }) =>
      NewsIntegrationPanel.define('news-integration-panel'),
    ),
  ),
};

/** The HTTP status of a failed request, if it got an answer. */
const statusOf = (error: unknown): number | undefined =>
  error instanceof NewsError && error.reason === 'http' ? error.status : undefined;
const unauthorized = (error: unknown) => statusOf(error) === 401;
const throttled = (error: unknown) => statusOf(error) === 429;

type Sanitizer = typeof import('../core/sanitize.js');
/** Set once DOMPurify has loaded (only when an editor's formatted body is on screen). */
let sanitizer: Sanitizer | null = null;

/**
 * @customElement news-moderation
 * @summary The editors' moderation desk: sign in with an editor's name and secret (to an HttpOnly
 * session cookie: no credential is ever kept where page scripts can read it), work through the
 * queue of pending comments (oldest first) with the article and thread context, approve, reject
 * or edit ("biên tập") then approve, close or reopen threads, read the action log, see the charts,
 * and see how the site is wired up (tab "Tình trạng tích hợp": `<news-integration-panel>`). Comments a
 * rule held have their own tab with the reason; the queue filters by article and searches text
 * without minding diacritics; several comments can be selected (checkbox, Shift-click for a range,
 * x) and approved or rejected together; the author of a comment can be banned; rules and bans have
 * their own panels (`news-moderation-rules`, `news-moderation-bans`). The queue is live (a stream
 * from the server while signed in): new pending comments appear by themselves, a comment another
 * editor handled leaves the list (acting on it late answers "đã được xử lý"), and the tab title
 * carries the pending count, e.g. "(3) Kiểm duyệt".
 * Keyboard: j/k move, x select, a approve, r reject, e edit, Esc cancels an edit.
 *
 * @fires news-moderation-action - `{action, id?, thread?}` after a successful action (each comment of a bulk action, and `ban`).
 * @fires news-error - `{widget, reason, status?}` when the queue cannot be loaded.
 * @csspart signin - the sign-in form.
 * @csspart tabs - the state switcher with counts.
 * @csspart item - one comment in the queue.
 * @csspart actions - an item's buttons.
 * @csspart editor - the edit form.
 * @cssprop --news-color-accent - focus ring and primary button colour.
 * @cssprop --news-color-border - borders.
 * @cssprop --news-color-surface-alt - background of context blocks.
 */
export class NewsModeration extends NewsElement<'moderation'> {
  static override styles = [baseStyles, moderationStyles];

  protected readonly localized = MODERATION_STRINGS;

  /** Page size of the queue. */
  @property({ type: Number }) limit = 50;

  /** The signed-in editor (the server's answer); empty while signed out. */
  @state() private editor = '';
  /** Until the server has said whether this browser is already signed in. */
  @state() private checking = true;
  @state() private view: View = 'pending';
  @state() private items: QueueItem[] = [];
  @state() private counts = Object.fromEntries([...QUEUE_STATES, 'reported'].map((state) => [state, 0])) as Counts;
  /** The queue's filter: one article, a text search. */
  @state() private filter: ModerationFilterDetail = { thread: '', q: '' };
  /** Selected comments (bulk actions), and the last one clicked (shift-click selects the range). */
  @state() private selected = new Set<string>();
  private lastSelected: number | null = null;
  /** The comment whose author the ban form is open for. */
  @state() private banning: string | null = null;
  @state() private nextCursor: string | null = null;
  @state() private logItems: LogItem[] = [];
  @state() private active = 0;
  @state() private editing: string | null = null;
  @state() private closedThreads: Record<string, boolean> = {};
  @state() private signInError = '';
  @state() private announcement = '';
  @state() private busy = false;
  @state() private reload = 0;

  @query('#editor') private nameInput?: HTMLInputElement;
  @query('#secret') private secretInput?: HTMLInputElement;
  private focusAfterUpdate: 'item' | 'editor' | 'signin' | null = null;
  /** The live queue while signed in: new comments arrive, others' actions remove theirs. */
  private readonly live = new DeskLive(this, {
    url: () => `${this.base}/moderation/events`,
    ticket: () => this.call<LiveTicket>('/moderation/events/ticket', { method: 'POST', body: {} }),
    onEvent: (event) => void this.onLiveEvent(event),
  });
  /** The comment this desk is acting on: its own action's live echo is not "another editor". */
  private acting: string | null = null;
  /** The page's own title, before the desk put the pending count in front of it. */
  private pageTitle?: string;
  /** Each comment's formatted body, sanitized once per change of that body (by comment id). */
  private readonly formatted = new Map<string, { html: string; node: HTMLElement }>();

  /** The API base; else `/api` on this origin (the reference server serves the desk there). */
  private get base(): string {
    return this.apiBase ?? new URL('/api', location.href).href;
  }

  /**
   * A desk request through the kit's fetch client (time-out, typed errors). The session cookie
   * goes along by itself (same origin only); the desk never holds a credential of its own.
   */
  private async call<T>(
    path: string,
    init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await request(
      `${this.base}${path}`,
      {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'same-origin',
        cache: 'no-store',
      },
      { signal: init.signal },
    );
    return (await response.json()) as T;
  }

  private readonly task = new Task(this, {
    task: async ([editor, view], { signal }) => {
      if (!editor) return null;
      if (view === 'log') {
        const log = await this.call<{ items: LogItem[]; nextCursor: string | null }>(
          `/moderation/log?limit=${this.limit}`,
          { signal },
        );
        return { log };
      }
      if (!isQueue(view)) return null; // rules and bans load in their own panels
      const q = await this.call<{ items: QueueItem[]; counts: Counts; nextCursor: string | null }>(
        this.queuePath(view),
        { signal },
      );
      return { q };
    },
    args: () => [this.editor, this.view, this.reload, this.filter] as const,
    onComplete: (value) => {
      if (!value) return;
      if ('log' in value && value.log) {
        this.logItems = value.log.items;
        return;
      }
      if ('q' in value && value.q) {
        this.items = value.q.items;
        this.counts = { ...this.counts, ...value.q.counts };
        this.nextCursor = value.q.nextCursor;
        this.active = Math.min(this.active, Math.max(0, this.items.length - 1));
        this.loadThreadStates(this.items);
      }
    },
    onError: (error) => {
      if (unauthorized(error)) {
        this.signedOut(this.strings.sessionEnded);
        return;
      }
      this.emit('news-error', toErrorDetail(this.localName, error));
    },
  });

  /** The filtered queue of a state: `GET /moderation/comments`, from `cursor` on. */
  private queuePath(state: QueueState, cursor?: string | null): string {
    const q = new URLSearchParams({ state, limit: String(this.limit) });
    if (this.filter.thread) q.set('thread', this.filter.thread);
    if (this.filter.q) q.set('q', this.filter.q);
    if (cursor) q.set('cursor', cursor);
    return `/moderation/comments?${q}`;
  }

  /** The call helper the desk's panels get: a 401 signs the editor out here, once. */
  private readonly deskCall: DeskCall = async <T>(
    path: string,
    init?: { method?: string; body?: unknown; signal?: AbortSignal },
  ) => {
    try {
      return await this.call<T>(path, init);
    } catch (error) {
      if (unauthorized(error)) this.signedOut(this.strings.sessionEnded);
      throw error;
    }
  };

  private async loadThreadStates(items: QueueItem[]): Promise<void> {
    const threads = [...new Set(items.map((i) => i.thread))].filter((t) => !(t in this.closedThreads));
    const results = await Promise.all(
      threads.map((t) =>
        this.call<{ id: string; closed: boolean }>(`/moderation/threads/${encodeURIComponent(t)}`).catch(() => null),
      ),
    );
    const next = { ...this.closedThreads };
    for (const r of results) if (r) next[r.id] = r.closed;
    this.closedThreads = next;
  }

  // ------------------------------------------------------------------ sign in

  /** Asks the server whether this browser is already signed in (its cookie is not readable here). */
  private async checkSession(): Promise<void> {
    try {
      const session = await this.call<DeskSession>('/moderation/session');
      if (session.signedIn && session.name && !this.editor) this.startDesk(session.name, false);
    } catch {
      /* Signed out: the form is shown. */
    } finally {
      this.checking = false;
    }
  }

  /** Shows the queue for `name`; after a sign-in, focus moves to its first comment. */
  private startDesk(name: string, focus = true): void {
    this.signInError = '';
    this.view = 'pending';
    this.active = 0;
    if (focus) this.focusAfterUpdate = 'item';
    this.editor = name;
  }

  private async onSignIn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const name = String(data.get('editor') ?? '').trim();
    const secret = String(data.get('secret') ?? '').trim();
    if (!name || !secret) {
      this.signInError = this.strings.wrongSignIn;
      this.focusAfterUpdate = 'signin';
      return;
    }
    this.busy = true;
    try {
      const session = await this.call<DeskSession>('/moderation/session', { method: 'POST', body: { name, secret } });
      // The cookie is HttpOnly: only the server can tell whether the browser kept it.
      const kept = await this.call<DeskSession>('/moderation/session');
      if (!kept.signedIn) {
        this.signInError = this.strings.cookieRefused;
        this.focusAfterUpdate = 'signin';
        return;
      }
      if (this.secretInput) this.secretInput.value = '';
      this.startDesk(kept.name ?? session.name ?? name);
    } catch (error) {
      this.signInError = unauthorized(error)
        ? this.strings.wrongSignIn
        : throttled(error)
          ? this.strings.tooManyAttempts
          : format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
      this.focusAfterUpdate = 'signin';
    } finally {
      this.busy = false;
    }
  }

  /** Signs out on the server too (the session ends there), then shows the form. */
  private async signOut(): Promise<void> {
    await this.call('/moderation/session', { method: 'DELETE' }).catch(() => undefined);
    this.signedOut();
  }

  private signedOut(message = ''): void {
    this.editor = '';
    this.items = [];
    this.logItems = [];
    this.editing = null;
    this.signInError = message;
    this.focusAfterUpdate = 'signin';
  }

  // ------------------------------------------------------------------ actions

  private async act(
    item: QueueItem,
    action: 'approve' | 'reject' | 'edit',
    edit?: { body: string; bodyHtml: string },
  ): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.acting = item.id;
    try {
      // The status this desk shows: if another editor acted first, the server answers 409.
      const body = { ...(edit && { body: edit.body, bodyHtml: edit.bodyHtml }), expectedStatus: item.status };
      const r = await this.call<{ id: string; status: ModerationStatus; body: string; bodyHtml: string | null }>(
        `/moderation/comments/${encodeURIComponent(item.id)}/${action}`,
        { method: 'POST', body },
      );
      const index = this.items.findIndex((i) => i.id === item.id);
      if (!this.staysInView(item, r.status)) {
        this.items = this.items.filter((i) => i.id !== item.id);
        this.active = Math.min(index, Math.max(0, this.items.length - 1));
      } else {
        const original = item.originalBody ?? (r.body !== item.body ? item.body : null);
        this.items = this.items.map((i) =>
          i.id === item.id ? { ...i, body: r.body, bodyHtml: r.bodyHtml, status: r.status, originalBody: original } : i,
        );
      }
      this.countMove(item, r.status);
      if (this.selected.has(item.id)) this.selected = new Set([...this.selected].filter((id) => id !== item.id));
      this.editing = null;
      const s = this.strings;
      this.announcement = format(
        action === 'approve' ? s.doneApproved : action === 'reject' ? s.doneRejected : s.doneEdited,
        { name: item.name },
      );
      this.focusAfterUpdate = 'item';
      this.emit('news-moderation-action', { action, id: item.id, thread: item.thread });
    } catch (error) {
      if (unauthorized(error)) this.signedOut(this.strings.sessionEnded);
      else if (statusOf(error) === 409)
        this.handledElsewhere(item.id, format(this.strings.handled, { name: item.name }));
      else this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    } finally {
      this.busy = false;
      this.acting = null;
    }
  }

  // ------------------------------------------------------------------ live queue

  private async onLiveEvent({ type, data }: DeskLiveEvent): Promise<void> {
    if (type === 'handled') {
      const item = this.items.find((i) => i.id === data.id && i.status !== data.status && i.id !== this.acting);
      if (item) this.handledElsewhere(item.id, format(this.strings.handledBy, { name: item.name, by: data.by }));
    }
    // Counts (and, on the pending tab, the comments that arrived, also before the stream
    // opened) from the server's queue.
    try {
      const view = isQueue(this.view) ? this.view : 'pending';
      const q = await this.call<{ items: QueueItem[]; counts: Counts; nextCursor: string | null }>(
        this.queuePath(view),
      );
      this.counts = { ...this.counts, ...q.counts };
      if (type !== 'handled' && view === this.view && !this.nextCursor) {
        // The server's filter (state, article, search) already says which belong on this tab.
        const seen = new Set(this.items.map((i) => i.id));
        const fresh = q.items.filter((i) => !seen.has(i.id));
        if (fresh.length) {
          this.items = [...this.items, ...fresh];
          this.loadThreadStates(fresh);
        }
      }
    } catch {
      // The next event or reload brings them.
    }
  }

  /** Another editor handled this comment: it leaves the list, and the editor is told. */
  private handledElsewhere(id: string, message: string): void {
    const index = this.items.findIndex((i) => i.id === id);
    if (index < 0) return;
    const hadFocus = index === this.active;
    this.items = this.items.filter((i) => i.id !== id);
    if (this.editing === id) this.editing = null;
    if (index < this.active || this.active >= this.items.length) this.active = Math.max(0, this.active - 1);
    if (hadFocus) this.focusAfterUpdate = 'item';
    this.announcement = message;
  }

  /** Whether a comment that now has `status` still belongs in the list on screen. */
  private staysInView(item: QueueItem, status: ModerationStatus): boolean {
    return this.view === 'held' ? status === 'pending' && !!item.heldBy : status === this.view;
  }

  /** Counts after a comment moved from its status to `status` (a held one leaves `held` with `pending`). */
  private countMove(item: QueueItem, status: ModerationStatus): void {
    const from = item.status;
    if (from === status) return;
    const counts = { ...this.counts, [from]: this.counts[from] - 1, [status]: this.counts[status] + 1 };
    if (item.heldBy && from === 'pending') counts.held -= 1;
    this.counts = counts;
  }

  // ------------------------------------------------------------------ selection, bulk, filter, bans

  /** Click on an item's checkbox: toggles it; with Shift, the range from the last one clicked. */
  private onSelectClick(e: MouseEvent, index: number): void {
    const checked = (e.currentTarget as HTMLInputElement).checked;
    const from = e.shiftKey && this.lastSelected !== null ? Math.min(this.lastSelected, index) : index;
    const to = e.shiftKey && this.lastSelected !== null ? Math.max(this.lastSelected, index) : index;
    const next = new Set(this.selected);
    for (const item of this.items.slice(from, to + 1)) {
      if (checked) next.add(item.id);
      else next.delete(item.id);
    }
    this.selected = next;
    this.lastSelected = index;
    this.active = index;
  }

  private toggleSelected(index: number): void {
    const item = this.items[index];
    if (!item) return;
    const next = new Set(this.selected);
    if (!next.delete(item.id)) next.add(item.id);
    this.selected = next;
    this.lastSelected = index;
  }

  private onBulk(e: CustomEvent<ModerationBulkDetail>): void {
    const { action, results } = e.detail;
    if (action === 'clear') {
      this.selected = new Set();
      this.lastSelected = null;
      this.focusAfterUpdate = 'item';
      return;
    }
    const done = results.filter((x): x is Extract<BulkResult, { ok: true }> => x.ok);
    const byId = new Map(this.items.map((i) => [i.id, i]));
    for (const x of done) {
      const item = byId.get(x.id);
      if (item) this.countMove(item, x.status);
    }
    const status = new Map(done.map((x) => [x.id, x.status]));
    const activeId = this.items[this.active]?.id;
    this.items = this.items
      .filter((i) => !status.has(i.id) || this.staysInView(i, status.get(i.id)!))
      .map((i) => (status.has(i.id) ? { ...i, status: status.get(i.id)! } : i));
    const kept = this.items.findIndex((i) => i.id === activeId);
    this.active = Math.max(0, Math.min(kept === -1 ? this.active : kept, this.items.length - 1));
    this.selected = new Set();
    this.lastSelected = null;
    const failed = results.length - done.length;
    this.announcement = format(failed ? this.strings.bulkPartly : this.strings.bulkDone, {
      count: done.length,
      failed,
    });
    this.focusAfterUpdate = 'item';
    for (const x of done) this.emit('news-moderation-action', { action, id: x.id });
  }

  private onFilter(e: CustomEvent<ModerationFilterDetail>): void {
    this.filter = e.detail;
    this.items = [];
    this.nextCursor = null;
    this.active = 0;
    this.selected = new Set();
    this.lastSelected = null;
  }

  private onBan(e: CustomEvent<ModerationBanDetail>, item: QueueItem): void {
    this.banning = null;
    this.focusAfterUpdate = 'item';
    if (!e.detail.ban) return;
    this.announcement = format(this.strings.banDone, { name: item.name });
    this.emit('news-moderation-action', { action: 'ban', id: item.id, thread: item.thread });
  }

  private async toggleThread(thread: string): Promise<void> {
    if (this.busy) return;
    const close = !this.closedThreads[thread];
    this.busy = true;
    try {
      const r = await this.call<{ id: string; closed: boolean }>(
        `/moderation/threads/${encodeURIComponent(thread)}/${close ? 'close' : 'reopen'}`,
        {
          method: 'POST',
          body: {},
        },
      );
      this.closedThreads = { ...this.closedThreads, [thread]: r.closed };
      this.announcement = format(close ? this.strings.doneClosed : this.strings.doneReopened, { thread });
      this.emit('news-moderation-action', { action: close ? 'close' : 'reopen', thread });
    } catch (error) {
      if (unauthorized(error)) this.signedOut(this.strings.sessionEnded);
      else this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    } finally {
      this.busy = false;
    }
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor || !isQueue(this.view)) return;
    try {
      const q = await this.call<{ items: QueueItem[]; counts: Counts; nextCursor: string | null }>(
        this.queuePath(this.view, this.nextCursor),
      );
      const seen = new Set(this.items.map((i) => i.id));
      this.items = [...this.items, ...q.items.filter((i) => !seen.has(i.id))];
      this.counts = q.counts;
      this.nextCursor = q.nextCursor;
      this.loadThreadStates(q.items);
    } catch (error) {
      this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    }
  }

  private startEdit(item: QueueItem): void {
    this.editing = item.id;
    this.active = this.items.indexOf(item);
    this.focusAfterUpdate = 'editor';
  }

  private onEditSubmit(e: SubmitEvent, item: QueueItem): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const submitter = e.submitter as HTMLButtonElement | null;
    const edit = { body: String(data.get('body') ?? ''), bodyHtml: String(data.get('bodyHtml') ?? '') };
    void this.act(item, submitter?.value === 'save' ? 'edit' : 'approve', edit);
  }

  private cancelEdit(): void {
    this.editing = null;
    this.focusAfterUpdate = 'item';
  }

  private switchView(view: View): void {
    if (view === this.view) {
      this.reload++;
      return;
    }
    this.view = view;
    this.active = 0;
    this.editing = null;
    this.banning = null;
    this.items = [];
    this.nextCursor = null;
    this.selected = new Set();
    this.lastSelected = null;
  }

  // ------------------------------------------------------------------ keyboard

  private onKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const typing =
      !!target &&
      ((target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox') ||
        target.tagName === 'TEXTAREA' ||
        target.tagName === 'SELECT' ||
        target.isContentEditable);
    if (e.key === 'Escape' && this.editing) {
      e.preventDefault();
      this.cancelEdit();
      return;
    }
    if (typing || !this.editor || !isQueue(this.view)) return;
    const item = this.items[this.active];
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        if (e.key === 'ArrowDown' && target?.tagName !== 'ARTICLE') return;
        e.preventDefault();
        this.moveTo(this.active + 1);
        break;
      case 'k':
      case 'ArrowUp':
        if (e.key === 'ArrowUp' && target?.tagName !== 'ARTICLE') return;
        e.preventDefault();
        this.moveTo(this.active - 1);
        break;
      case 'a':
        if (item && item.status !== 'approved') {
          e.preventDefault();
          void this.act(item, 'approve');
        }
        break;
      case 'r':
        if (item && item.status !== 'rejected') {
          e.preventDefault();
          void this.act(item, 'reject');
        }
        break;
      case 'e':
        if (item) {
          e.preventDefault();
          this.startEdit(item);
        }
        break;
      case 'x':
        if (item) {
          e.preventDefault();
          this.toggleSelected(this.active);
        }
        break;
    }
  }

  private moveTo(index: number): void {
    if (!this.items.length) return;
    this.active = Math.max(0, Math.min(this.items.length - 1, index));
    this.focusAfterUpdate = 'item';
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.keyListener);
    if (!this.editor) void this.checkSession();
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.keyListener);
    super.disconnectedCallback();
  }

  private readonly keyListener = (e: KeyboardEvent) => this.onKeydown(e);

  protected override willUpdate(changed: PropertyValues): void {
    // A tab's own element comes when the tab is first opened (again after a failed import).
    const load = TAB_MODULES[this.view];
    if ((changed.has('view') || changed.has('reload')) && load) {
      load().catch((error: unknown) => {
        this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
        this.emit('news-error', toErrorDetail(this.localName, error));
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.live.run(!!this.editor);
    // "(3) Kiểm duyệt": the pending count in the tab's title while signed in.
    this.pageTitle ??= document.title;
    const pending = this.editor ? this.counts.pending : 0;
    document.title = pending
      ? format(this.strings.titleCount, { count: pending, title: this.pageTitle })
      : this.pageTitle;
    const focus = this.focusAfterUpdate;
    if (!focus) return;
    const root = this.renderRoot as ShadowRoot;
    if (focus === 'signin') {
      this.focusAfterUpdate = null;
      (this.nameInput?.value ? this.secretInput : this.nameInput)?.focus();
    } else if (focus === 'editor') {
      const ta = root.querySelector<HTMLTextAreaElement>('.editor textarea[name=body]');
      if (ta) {
        this.focusAfterUpdate = null;
        ta.focus();
      }
    } else if (focus === 'item') {
      const el = root.querySelector<HTMLElement>(`article[data-index="${this.active}"]`);
      if (el) {
        this.focusAfterUpdate = null;
        el.focus();
      } else if (this.task.status === TaskStatus.COMPLETE) {
        this.focusAfterUpdate = null;
        root.querySelector<HTMLElement>('.tabs button[aria-pressed=true]')?.focus();
      }
    }
  }

  // ------------------------------------------------------------------ render

  override render() {
    if (this.editor) return this.renderDesk();
    return this.checking ? html`<p class="muted">${this.strings.loading}</p>` : this.renderSignIn();
  }

  private renderSignIn() {
    const s = this.strings;
    return html`
      <form class="signin" part="signin" @submit=${this.onSignIn} aria-labelledby="signin-title">
        <h2 id="signin-title">${s.signInTitle}</h2>
        <label for="editor">${s.editorLabel}</label>
        <input
          id="editor"
          name="editor"
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          maxlength="64"
          required
          aria-invalid=${this.signInError ? 'true' : 'false'}
          aria-describedby="signin-error"
        />
        <label for="secret">${s.secretLabel}</label>
        <input
          id="secret"
          name="secret"
          type="password"
          autocomplete="current-password"
          maxlength="200"
          required
          aria-invalid=${this.signInError ? 'true' : 'false'}
          aria-describedby="secret-hint signin-error"
        />
        <p id="secret-hint" class="hint">${s.secretHint}</p>
        <p id="signin-error" class="error" role="alert">${this.signInError}</p>
        <button type="submit" class="primary" ?disabled=${this.busy}>${s.signIn}</button>
      </form>
    `;
  }

  private renderDesk() {
    const s = this.strings;
    return html`
      <header class="top">
        <h2>${s.title}</h2>
        <p class="who">
          ${format(s.signedInAs, { name: this.editor })}
          <button type="button" class="link" @click=${() => this.signOut()}>${s.signOut}</button>
        </p>
      </header>
      <nav class="tabs" part="tabs" aria-label=${s.states}>
        ${VIEWS.map(
          (view) =>
            html`<button
              type="button"
              aria-pressed=${this.view === view ? 'true' : 'false'}
              data-view=${view}
              @click=${() => this.switchView(view)}
            >
              ${s[view]}${
                isQueue(view) || view === 'reported'
                  ? html` <span class="count" data-count=${view}>${this.counts[view]}</span>`
                  : nothing
              }
            </button>`,
        )}
      </nav>
      <p class="help" id="help">${s.shortcuts}</p>
      <p class="live" role="status" aria-live="polite">${this.announcement}</p>
      ${
        this.view === 'stats'
          ? this.renderStats()
          : this.view === 'log'
            ? this.renderLog()
            : this.view === 'reported'
              ? this.renderReported()
              : this.view === 'rules'
                ? html`<news-moderation-rules
                    .call=${this.deskCall}
                    .messages=${this.messages}
                  ></news-moderation-rules>`
                : this.view === 'bans'
                  ? html`<news-moderation-bans
                      .call=${this.deskCall}
                      .messages=${this.messages}
                    ></news-moderation-bans>`
                  : this.view === 'integration'
                    ? html`<news-integration-panel
                        .load=${this.panelLoad}
                        .messages=${this.messages}
                      ></news-integration-panel>`
                    : this.renderQueue()
      }
    `;
  }

  /** The integration panel's requests: the desk's own (its sign-in applies; a 401 signs out). */
  private readonly panelLoad = (path: string, init: { signal?: AbortSignal }) =>
    this.call<unknown>(path, init).catch((error: unknown) => {
      if (unauthorized(error)) this.signedOut(this.strings.sessionEnded);
      throw error;
    });

  /** The "Bị báo cáo" queue: its own element (imported in `willUpdate`), on the desk's API call. */
  private renderReported() {
    return html`<news-reported-queue
      .call=${this.deskCall}
      .limit=${this.limit}
      .reload=${this.reload}
      .messages=${this.messages}
      @news-reported-change=${(e: CustomEvent<ReportedChangeDetail>) =>
        (this.counts = { ...this.counts, reported: e.detail.count })}
      @news-error=${(e: CustomEvent<{ status?: number }>) => {
        if (e.detail.status === 401) this.signedOut(this.strings.sessionEnded);
      }}
    ></news-reported-queue>`;
  }

  private renderQueue() {
    return html`<news-moderation-filter
        .thread=${this.filter.thread}
        .q=${this.filter.q}
        .messages=${this.messages}
        @news-moderation-filter=${this.onFilter}
      ></news-moderation-filter>
      ${
        this.selected.size
          ? html`<news-moderation-bulk
              .ids=${this.items.filter((i) => this.selected.has(i.id)).map((i) => i.id)}
              .call=${this.deskCall}
              .messages=${this.messages}
              @news-moderation-bulk=${this.onBulk}
            ></news-moderation-bulk>`
          : nothing
      }
      ${this.renderQueueItems()}`;
  }

  private renderQueueItems() {
    const s = this.strings;
    if (this.task.status === TaskStatus.ERROR && !this.items.length) {
      return html`<p class="error">
        ${s.failed} <button type="button" @click=${() => this.reload++}>${s.retry}</button>
      </p>`;
    }
    if (this.task.status === TaskStatus.PENDING && !this.items.length) return html`<p class="muted">${s.loading}</p>`;
    if (!this.items.length) return html`<p class="muted empty">${s.empty}</p>`;
    const stateLabel = isQueue(this.view) ? s[this.view] : '';
    return html`
      <ol class="queue" aria-label=${format(s.queueLabel, { state: stateLabel })}>
        ${repeat(
          this.items,
          (item) => item.id,
          (item, index) => this.renderItem(item, index),
        )}
      </ol>
      ${this.nextCursor ? html`<button type="button" class="more" @click=${this.loadMore}>${s.loadMore}</button>` : nothing}
    `;
  }

  private renderItem(item: QueueItem, index: number) {
    const s = this.strings;
    const active = index === this.active;
    const closed = this.closedThreads[item.thread];
    const when = new Date(item.createdAt);
    const editing = this.editing === item.id;
    return html`
      <li>
        <article
          part="item"
          class=${active ? 'item active' : 'item'}
          tabindex=${active ? '0' : '-1'}
          data-index=${index}
          data-id=${item.id}
          aria-labelledby="by-${item.id}"
          aria-describedby="help"
          @focus=${() => (this.active = index)}
        >
          <input
            type="checkbox"
            class="select"
            data-select
            aria-label=${format(s.selectItem, { name: item.name })}
            aria-keyshortcuts="x"
            .checked=${this.selected.has(item.id)}
            @click=${(e: MouseEvent) => this.onSelectClick(e, index)}
          />
          <p class="context">
            <span>${s.article}:</span>
            ${
              item.articleUrl
                ? html`<a href=${item.articleUrl} target="_blank" rel="noopener"
                    >${item.articleTitle ?? item.thread}</a
                  >`
                : html`<span class="article">${item.articleTitle ?? '—'}</span>`
            }
            <span class="thread"
              >${s.thread}:
              <code>${item.thread}</code>${closed ? html` · <strong>${s.threadClosed}</strong>` : nothing}</span
            >
          </p>
          ${item.parent ? html`<blockquote class="parent"><span>${format(s.replyTo, { name: item.parent.name })}</span> ${item.parent.body}</blockquote>` : nothing}
          <header class="byline" id="by-${item.id}">
            <strong class="name">${item.name}</strong>
            ${item.email ? html`<span class="email">${item.email}</span>` : nothing}
            <time datetime=${item.createdAt}
              >${isNaN(when.getTime()) ? item.createdAt : when.toLocaleString(this.locale.tag)}</time
            >
          </header>
          <p class="body">${item.body}</p>
          ${this.renderMarks(item)}
          ${
            item.bodyHtml
              ? html`<div class="formatted">
                  <span class="label">${s.formatted}</span>
                  ${this.formattedBody(item.id, item.bodyHtml)}
                </div>`
              : nothing
          }
          ${item.originalBody && item.originalBody !== item.body ? html`<p class="original"><span class="label">${s.original}</span> ${item.originalBody}</p>` : nothing}
          ${editing ? this.renderEditor(item) : this.renderActions(item, closed)}
          ${
            this.banning === item.id
              ? html`<news-moderation-ban-form
                  .comment=${item}
                  .call=${this.deskCall}
                  .messages=${this.messages}
                  @news-moderation-ban=${(e: CustomEvent<ModerationBanDetail>) => this.onBan(e, item)}
                ></news-moderation-ban-form>`
              : nothing
          }
        </article>
      </li>
    `;
  }

  /**
   * The sanitized preview of an editor's HTML, made once per change of the body: the same node
   * on every render, so moving through the queue never re-runs DOMPurify or rebuilds the preview.
   */
  private formattedBody(id: string, bodyHtml: string) {
    const cached = this.formatted.get(id);
    if (cached?.html === bodyHtml) return cached.node;
    if (!sanitizer) {
      loadSanitizer().then(
        (module) => {
          sanitizer = module;
          this.requestUpdate();
        },
        () => this.emit('news-error', { widget: this.localName, reason: 'network', message: 'sanitizer' }),
      );
      return nothing;
    }
    const node = document.createElement('div');
    node.className = 'html';
    node.append(sanitizer.sanitizeToFragment(bodyHtml, 'comment'));
    this.formatted.set(id, { html: bodyHtml, node });
    return node;
  }

  /** Why a rule held (or rejected) the comment, and the no-diacritics mark. */
  private renderMarks(item: QueueItem) {
    const s = this.strings;
    if (!item.heldBy?.length && !item.noDiacritics) return nothing;
    return html`<p class="marks">
      ${
        item.heldBy?.length
          ? html`<span class="held" data-held
              ><span class="label">${item.status === 'rejected' ? s.rejectedBecause : s.heldBecause}</span>
              ${item.heldBy.map((r) => reasonText(s, r)).join('; ')}</span
            >`
          : nothing
      }
      ${item.noDiacritics ? html`<span class="mark" data-mark="no-diacritics">${s.noDiacritics}</span>` : nothing}
    </p>`;
  }

  private renderActions(item: QueueItem, closed: boolean | undefined) {
    const s = this.strings;
    return html`<div class="actions" part="actions">
      ${item.status !== 'approved' ? html`<button type="button" class="primary" data-action="approve" aria-keyshortcuts="a" ?disabled=${this.busy} @click=${() => this.act(item, 'approve')}>${s.approve}</button>` : nothing}
      ${item.status !== 'rejected' ? html`<button type="button" class="danger" data-action="reject" aria-keyshortcuts="r" ?disabled=${this.busy} @click=${() => this.act(item, 'reject')}>${s.reject}</button>` : nothing}
      <button
        type="button"
        data-action="edit"
        aria-keyshortcuts="e"
        ?disabled=${this.busy}
        @click=${() => this.startEdit(item)}
      >
        ${s.edit}
      </button>
      <button
        type="button"
        class="link"
        data-action="thread"
        ?disabled=${this.busy || closed === undefined}
        @click=${() => this.toggleThread(item.thread)}
      >
        ${closed ? s.reopenThread : s.closeThread}
      </button>
      <button
        type="button"
        class="link"
        data-action="ban"
        aria-expanded=${this.banning === item.id ? 'true' : 'false'}
        ?disabled=${this.busy}
        @click=${() => (this.banning = this.banning === item.id ? null : item.id)}
      >
        ${s.ban}
      </button>
    </div>`;
  }

  private renderEditor(item: QueueItem) {
    const s = this.strings;
    return html`<form class="editor" part="editor" @submit=${(e: SubmitEvent) => this.onEditSubmit(e, item)}>
      <label for="edit-body-${item.id}">${s.bodyLabel}</label>
      <textarea
        id="edit-body-${item.id}"
        name="body"
        rows="4"
        maxlength=${LIMITS.commentBody}
        required
        .value=${item.body}
      ></textarea>
      <label for="edit-html-${item.id}">${s.htmlLabel}</label>
      <textarea
        id="edit-html-${item.id}"
        name="bodyHtml"
        rows="3"
        maxlength=${LIMITS.commentBodyHtml}
        aria-describedby="edit-hint-${item.id}"
        .value=${item.bodyHtml ?? ''}
      ></textarea>
      <p class="hint" id="edit-hint-${item.id}">${s.htmlHint}</p>
      <div class="actions">
        <button type="submit" class="primary" value="approve" ?disabled=${this.busy}>${s.saveApprove}</button>
        <button type="submit" value="save" ?disabled=${this.busy}>${s.save}</button>
        <button type="button" @click=${this.cancelEdit}>${s.cancel}</button>
      </div>
    </form>`;
  }

  /** The charts, through the desk's own API calls (a 401 signs out as anywhere in the desk). */
  private readonly statsRequest: StatsRequest = <T>(path: string, init?: { signal?: AbortSignal }) =>
    this.call<T>(path, init).catch((error: unknown) => {
      if (unauthorized(error)) this.signedOut(this.strings.sessionEnded);
      throw error;
    });

  private renderStats() {
    return html`<news-moderation-stats .request=${this.statsRequest}></news-moderation-stats>`;
  }

  private renderLog() {
    const s = this.strings;
    if (this.task.status === TaskStatus.PENDING && !this.logItems.length)
      return html`<p class="muted">${s.loading}</p>`;
    if (!this.logItems.length) return html`<p class="muted">${s.logEmpty}</p>`;
    const brief = (v: unknown) => {
      if (!v || typeof v !== 'object') return '';
      const o = v as Record<string, unknown>;
      return Object.entries(o)
        .map(
          ([k, x]) =>
            `${k}: ${x === null ? '—' : (typeof x === 'object' ? JSON.stringify(x) : String(x)).slice(0, 60)}`,
        )
        .join('; ');
    };
    return html`<table class="log">
      <caption class="visually-hidden">
        ${s.log}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.logWhen}</th>
          <th scope="col">${s.logWho}</th>
          <th scope="col">${s.logAction}</th>
          <th scope="col">${s.logComment}</th>
          <th scope="col">${s.logChange}</th>
        </tr>
      </thead>
      <tbody>
        ${this.logItems.map(
          (e) =>
            html`<tr>
              <td><time datetime=${e.at}>${new Date(e.at).toLocaleString(this.locale.tag)}</time></td>
              <td>${e.actor}</td>
              <td>${e.action}</td>
              <td><code>${e.commentId ?? e.thread ?? ''}</code></td>
              <td>${brief(e.before)} → ${brief(e.after)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-moderation': NewsModeration;
  }
  interface GlobalEventHandlersEventMap {
    'news-moderation-action': CustomEvent<ModerationActionDetail>;
  }
}
