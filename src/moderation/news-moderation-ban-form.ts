import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DESK_LIMITS, type ModerationBan } from '../core/contract.js';
import { format } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import { statusOf, type DeskCall } from './desk-api.js';
import { moderationStyles } from './news-moderation.styles.js';
import { panelStyles } from './news-moderation-panels.styles.js';
import { MODERATION_STRINGS } from './strings.js';

export interface ModerationBanDetail {
  /** The new ban, or null when the editor cancelled. */
  ban: ModerationBan | null;
}

/** The lengths offered, in days; empty: for good. */
const LENGTHS = ['1', '7', '30', '365', ''];

/**
 * @customElement news-moderation-ban-form
 * @summary Bans the author of a comment from the desk: for N days or for good, optionally with
 * the e-mail address they gave (`POST /moderation/bans`).
 *
 * @fires news-moderation-ban - `{ban}` once banned, `{ban: null}` on cancel.
 * @csspart form - the form.
 */
export class NewsModerationBanForm extends NewsElement<'moderation'> {
  static override styles = [baseStyles, moderationStyles, panelStyles];
  protected readonly localized = MODERATION_STRINGS;

  /** The comment whose author is banned. */
  @property({ attribute: false }) comment?: { id: string; name: string; email: string | null };
  /** The desk's API call helper. */
  @property({ attribute: false }) call?: DeskCall;

  @state() private busy = false;
  @state() private error = '';
  @query('select') private first?: HTMLSelectElement;

  override firstUpdated(): void {
    this.first?.focus();
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.call || !this.comment) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const days = String(data.get('days') ?? '');
    this.busy = true;
    this.error = '';
    try {
      const ban = await this.call<ModerationBan>('/moderation/bans', {
        method: 'POST',
        body: {
          commentId: this.comment.id,
          days: days ? Number(days) : null,
          email: data.get('email') === 'on',
          reason: String(data.get('reason') ?? '').trim(),
        },
      });
      this.emit('news-moderation-ban', { ban });
    } catch (error) {
      const status = statusOf(error);
      this.error =
        status === 400 ? this.strings.banNoAuthor : format(this.strings.actionFailed, { status: status ?? '—' });
    } finally {
      this.busy = false;
    }
  }

  /** The desk's shortcuts stay out of the form; Esc cancels. */
  private onKeydown(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.emit('news-moderation-ban', { ban: null });
  }

  override render() {
    const s = this.strings;
    const c = this.comment;
    if (!c) return nothing;
    return html`<form part="form" aria-labelledby="ban-title" @submit=${this.onSubmit} @keydown=${this.onKeydown}>
      <fieldset>
        <legend id="ban-title">${format(s.banTitle, { name: c.name })}</legend>
        <label for="days">${s.banDays}</label>
        <select id="days" name="days">
          ${LENGTHS.map(
            (d) =>
              html`<option value=${d} ?selected=${d === '7'}>
                ${d ? format(s.banForDays, { days: d }) : s.banForever}
              </option>`,
          )}
        </select>
        ${
          c.email
            ? html`<label class="check"
                ><input type="checkbox" name="email" />${format(s.banEmail, { email: c.email })}</label
              >`
            : nothing
        }
        <label for="reason">${s.banReason}</label>
        <input id="reason" name="reason" type="text" maxlength=${DESK_LIMITS.banReason} />
        <p class="error" role="alert">${this.error}</p>
        <div class="actions">
          <button type="submit" class="danger" ?disabled=${this.busy}>${s.banSubmit}</button>
          <button type="button" @click=${() => this.emit('news-moderation-ban', { ban: null })}>${s.cancel}</button>
        </div>
      </fieldset>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-moderation-ban-form': NewsModerationBanForm;
  }
  interface GlobalEventHandlersEventMap {
    'news-moderation-ban': CustomEvent<ModerationBanDetail>;
  }
}
