import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { DESK_LIMITS, LIMITS } from '../core/contract.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import { moderationStyles } from './news-moderation.styles.js';
import { panelStyles } from './news-moderation-panels.styles.js';
import { MODERATION_STRINGS } from './strings.js';

export interface ModerationFilterDetail {
  /** A thread (article id), or empty for every article. */
  thread: string;
  /** Text searched in bodies and names, diacritics and case ignored; empty for none. */
  q: string;
}

/**
 * @customElement news-moderation-filter
 * @summary The desk's queue filter: one article (thread id) and a text search that ignores
 * diacritics. Fires the filter on submit; the desk reloads its list with it.
 *
 * @fires news-moderation-filter - `{thread, q}` when the editor applies or clears the filter.
 * @csspart form - the filter form.
 */
export class NewsModerationFilter extends NewsElement<'moderation'> {
  static override styles = [baseStyles, moderationStyles, panelStyles];
  protected readonly localized = MODERATION_STRINGS;

  /** The filter in force. */
  @property() thread = '';
  @property() q = '';

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    this.emit('news-moderation-filter', {
      thread: String(data.get('thread') ?? '').trim(),
      q: String(data.get('q') ?? '').trim(),
    });
  }

  private clear(): void {
    this.emit('news-moderation-filter', { thread: '', q: '' });
  }

  override render() {
    const s = this.strings;
    return html`<form part="form" role="search" aria-label=${s.filterLabel} @submit=${this.onSubmit}>
      <div class="row">
        <div>
          <label for="thread">${s.filterThread}</label>
          <input
            id="thread"
            name="thread"
            type="text"
            maxlength=${LIMITS.id}
            autocomplete="off"
            .value=${this.thread}
          />
        </div>
        <div>
          <label for="q">${s.filterSearch}</label>
          <input id="q" name="q" type="search" maxlength=${DESK_LIMITS.search} .value=${this.q} />
        </div>
        <button type="submit" class="primary">${s.filterApply}</button>
        ${
          this.thread || this.q
            ? html`<button type="button" data-action="clear-filter" @click=${this.clear}>${s.filterClear}</button>`
            : ''
        }
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-moderation-filter': NewsModerationFilter;
  }
  interface GlobalEventHandlersEventMap {
    'news-moderation-filter': CustomEvent<ModerationFilterDetail>;
  }
}
