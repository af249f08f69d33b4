import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ReportReason, ReportedComment } from '../core/contract.js';
import { NewsError, toErrorDetail } from '../core/events.js';
import { format } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import type { ModerationStrings } from '../translations/types.js';
import { moderationStyles } from './news-moderation.styles.js';
import { reportedStyles } from './news-reported-queue.styles.js';
import { MODERATION_STRINGS } from './strings.js';
import type { DeskCall } from './desk-api.js';

export type { DeskCall };

export interface ReportedChangeDetail {
  /** Comments in the queue now. */
  count: number;
}

const REASON_LABEL: Record<ReportReason, keyof ModerationStrings> = {
  spam: 'reasonSpam',
  abuse: 'reasonAbuse',
  off_topic: 'reasonOffTopic',
  other: 'reasonOther',
};

const statusOf = (error: unknown) => (error instanceof NewsError ? error.status : undefined);

/**
 * @customElement news-reported-queue
 * @summary The desk's "Bị báo cáo" tab: approved comments readers reported, the first reported
 * first, each with its count of open reports per reason, readers' own words, its likes and whether
 * it is hidden from readers (past REPORT_HIDE_THRESHOLD). "Giữ lại" clears the reports (a hidden
 * comment shows again); "Gỡ bỏ" rejects it. Both are logged by the server. Rendered by
 * `<news-moderation>`, which hands down its API call.
 *
 * @fires news-reported-change - `{count}` when the queue's size is known or changes.
 * @fires news-moderation-action - `{action: 'keep' | 'remove', id, thread}` after a decision.
 * @fires news-error - when the queue cannot be loaded or an action fails (`status` 401: signed out).
 */
export class NewsReportedQueue extends NewsElement<'moderation'> {
  static override styles = [baseStyles, moderationStyles, reportedStyles];
  protected readonly localized = MODERATION_STRINGS;

  /** The desk's API call. */
  @property({ attribute: false }) call?: DeskCall;
  /** Page size. */
  @property({ type: Number }) limit = 50;
  /** Changing it loads the queue again (the desk's tab clicked twice). */
  @property({ type: Number }) reload = 0;

  @state() private items: ReportedComment[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  @state() private failed = false;
  @state() private busy = false;
  @state() private announcement = '';
  private count = 0;
  private loadAbort?: AbortController;

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('call') || changed.has('reload') || changed.has('limit')) && this.call) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
  }

  private async load(cursor?: string): Promise<void> {
    const call = this.call;
    if (!call) return;
    if (!cursor) this.loadAbort?.abort();
    const { signal } = (this.loadAbort = new AbortController());
    this.loading = true;
    this.failed = false;
    try {
      const page = await call<{ items: ReportedComment[]; count: number; nextCursor: string | null }>(
        `/moderation/reported?limit=${this.limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { signal },
      );
      const seen = new Set(cursor ? this.items.map((i) => i.id) : []);
      this.items = cursor ? [...this.items, ...page.items.filter((i) => !seen.has(i.id))] : page.items;
      this.nextCursor = page.nextCursor;
      this.setCount(page.count);
    } catch (error) {
      if (signal.aborted) return;
      this.failed = true;
      this.emit('news-error', toErrorDetail(this.localName, error));
    } finally {
      if (!signal.aborted) this.loading = false;
    }
  }

  private setCount(count: number): void {
    this.count = Math.max(0, count);
    this.emit('news-reported-change', { count: this.count });
  }

  private async decide(item: ReportedComment, action: 'keep' | 'remove'): Promise<void> {
    if (this.busy || !this.call) return;
    this.busy = true;
    const s = this.strings;
    try {
      await this.call(`/moderation/comments/${encodeURIComponent(item.id)}/${action}`, { method: 'POST', body: {} });
      const index = this.items.indexOf(item);
      this.items = this.items.filter((i) => i !== item);
      this.setCount(this.count - 1);
      this.announcement = format(action === 'keep' ? s.doneKept : s.doneRemoved, { name: item.name });
      this.emit('news-moderation-action', { action, id: item.id, thread: item.thread });
      // Focus moves on to the next comment (or the previous one, at the end).
      await this.updateComplete;
      const next = this.items[Math.min(index, this.items.length - 1)];
      if (next) this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(next.id)}"]`)?.focus();
    } catch (error) {
      this.announcement = format(s.actionFailed, { status: statusOf(error) ?? '—' });
      this.emit('news-error', toErrorDetail(this.localName, error));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<p class="live" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderQueue()}`;
  }

  private renderQueue() {
    const s = this.strings;
    if (this.failed && !this.items.length)
      return html`<p class="error">
        ${s.failed} <button type="button" @click=${() => this.load()}>${s.retry}</button>
      </p>`;
    if (this.loading && !this.items.length) return html`<p class="muted">${s.loading}</p>`;
    if (!this.items.length) return html`<p class="muted empty">${s.reportedEmpty}</p>`;
    return html`<ol class="queue" aria-label=${format(s.queueLabel, { state: s.reported })}>
        ${repeat(
          this.items,
          (item) => item.id,
          (item) => html`<li>${this.renderItem(item)}</li>`,
        )}
      </ol>
      ${
        this.nextCursor
          ? html`<button type="button" class="more" @click=${() => this.load(this.nextCursor!)}>${s.loadMore}</button>`
          : nothing
      }`;
  }

  private renderItem(item: ReportedComment) {
    const s = this.strings;
    const when = new Date(item.createdAt);
    const reasons = (Object.keys(REASON_LABEL) as ReportReason[]).filter((r) => item.reasons[r]);
    return html`<article part="item" class="item" tabindex="-1" data-id=${item.id} aria-labelledby="by-${item.id}">
      <p class="context">
        <span>${s.article}:</span>
        ${
          item.articleUrl
            ? html`<a href=${item.articleUrl} target="_blank" rel="noopener">${item.articleTitle ?? item.thread}</a>`
            : html`<span class="article">${item.articleTitle ?? '—'}</span>`
        }
        <span class="thread">${s.thread}: <code>${item.thread}</code></span>
      </p>
      <header class="byline" id="by-${item.id}">
        <strong class="name">${item.name}</strong>
        <time datetime=${item.createdAt}
          >${isNaN(when.getTime()) ? item.createdAt : when.toLocaleString(this.locale.tag)}</time
        >
      </header>
      <p class="body">${item.body}</p>
      <div class="reports">
        <strong>${format(s.reportCount, { count: item.reports })}</strong>
        <ul class="reasons">
          ${reasons.map((r) => html`<li data-reason=${r}>${s[REASON_LABEL[r]]}: ${item.reasons[r]}</li>`)}
        </ul>
        <span class="muted">${format(s.likeCount, { count: item.likes })}</span>
        ${item.hidden ? html`<span class="hidden-badge">${s.hiddenBadge}</span>` : nothing}
      </div>
      ${
        item.notes.length
          ? html`<p class="label">${s.reportNotes}</p>
              <ul class="notes">
                ${item.notes.map((note) => html`<li>${note}</li>`)}
              </ul>`
          : nothing
      }
      <div class="actions" part="actions">
        <button
          type="button"
          class="primary"
          data-action="keep"
          ?disabled=${this.busy}
          @click=${() => this.decide(item, 'keep')}
        >
          ${s.keep}
        </button>
        <button
          type="button"
          class="danger"
          data-action="remove"
          ?disabled=${this.busy}
          @click=${() => this.decide(item, 'remove')}
        >
          ${s.remove}
        </button>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-reported-queue': NewsReportedQueue;
  }
  interface GlobalEventHandlersEventMap {
    'news-reported-change': CustomEvent<ReportedChangeDetail>;
  }
}
