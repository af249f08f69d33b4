import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BulkResult } from '../core/contract.js';
import { format } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import { statusOf, type DeskCall } from './desk-api.js';
import { moderationStyles } from './news-moderation.styles.js';
import { panelStyles } from './news-moderation-panels.styles.js';
import { MODERATION_STRINGS } from './strings.js';

export interface ModerationBulkDetail {
  action: 'approve' | 'reject' | 'clear';
  /** Per comment, in the order sent (empty for `clear`). */
  results: BulkResult[];
}

/**
 * @customElement news-moderation-bulk
 * @summary The desk's bar for the selected comments: how many, approve or reject them all in one
 * request (`POST /moderation/bulk`), or clear the selection.
 *
 * @fires news-moderation-bulk - `{action, results}` after the request, or `{action: 'clear'}`.
 * @csspart bar - the bar.
 */
export class NewsModerationBulk extends NewsElement<'moderation'> {
  static override styles = [baseStyles, moderationStyles, panelStyles];
  protected readonly localized = MODERATION_STRINGS;

  /** The selected comments' ids. */
  @property({ attribute: false }) ids: string[] = [];
  /** The desk's API call helper. */
  @property({ attribute: false }) call?: DeskCall;

  @state() private busy = false;
  @state() private error = '';

  private async run(action: 'approve' | 'reject'): Promise<void> {
    if (this.busy || !this.call || !this.ids.length) return;
    this.busy = true;
    this.error = '';
    try {
      const { results } = await this.call<{ results: BulkResult[] }>('/moderation/bulk', {
        method: 'POST',
        body: { ids: this.ids, action },
      });
      this.emit('news-moderation-bulk', { action, results });
    } catch (error) {
      this.error = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const s = this.strings;
    return html`<div class="bar" part="bar" role="group" aria-labelledby="selected">
      <strong id="selected">${format(s.selectedCount, { count: this.ids.length })}</strong>
      <button
        type="button"
        class="primary"
        data-action="bulk-approve"
        ?disabled=${this.busy}
        @click=${() => this.run('approve')}
      >
        ${s.bulkApprove}
      </button>
      <button
        type="button"
        class="danger"
        data-action="bulk-reject"
        ?disabled=${this.busy}
        @click=${() => this.run('reject')}
      >
        ${s.bulkReject}
      </button>
      <button
        type="button"
        data-action="bulk-clear"
        ?disabled=${this.busy}
        @click=${() => this.emit('news-moderation-bulk', { action: 'clear', results: [] })}
      >
        ${s.bulkClear}
      </button>
      <p class="error" role="alert">${this.error}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-moderation-bulk': NewsModerationBulk;
  }
  interface GlobalEventHandlersEventMap {
    'news-moderation-bulk': CustomEvent<ModerationBulkDetail>;
  }
}
