import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LIMITS, REPORT_REASONS, type ReportReason } from '../core/contract.js';
import { format, type Localized } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles, buttonStyles } from '../core/styles.js';
import { commentReport as enStrings } from '../translations/en/comment-report.js';
import type { CommentReportStrings } from '../translations/types.js';
import { commentReport as viStrings } from '../translations/vi/comment-report.js';
import { styles } from './news-comment-report.styles.js';
import { sendReport } from './reactions-api.js';

export interface ReportCloseDetail {
  /** The comment. */
  id: string;
  /** The server took the report. */
  sent: boolean;
}

/** The dialog's shipped strings (section `commentReport`): loaded with the dialog, not up front. */
export const REPORT_STRINGS: Localized<'commentReport'> = { section: 'commentReport', vi: viStrings, en: enStrings };

const REASON_LABEL: Record<ReportReason, keyof CommentReportStrings> = {
  spam: 'spam',
  abuse: 'abuse',
  off_topic: 'offTopic',
  other: 'other',
};

/**
 * @customElement news-comment-report
 * @summary "Báo vi phạm": a modal dialog (native `<dialog>`) where a reader picks why a comment
 * breaks the rules (spam, abuse, off topic, other + words) and sends the report. Opens on
 * connect with focus on the first reason; Escape or "Hủy" closes it. The list loads this
 * element's code only when a reader asks to report, and gives focus back to the button. Its
 * strings are the `commentReport` section of the translations (loaded with it, not up front).
 *
 * @fires news-report-close - `{id, sent}` when the dialog closes, sent or not.
 * @csspart report-dialog - the `<dialog>`; also `report-submit`, `report-cancel`.
 */
export class NewsCommentReport extends NewsElement<'commentReport'> {
  static override styles = [baseStyles, buttonStyles, styles];
  protected readonly localized = REPORT_STRINGS;

  /** The reported comment's id. */
  @property({ attribute: 'comment-id' }) commentId = '';
  /** Its author, for the dialog's name. */
  @property({ attribute: 'comment-name' }) commentName = '';

  @state() private error = '';
  @state() private sending = false;
  private sent = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  protected override firstUpdated(): void {
    const dialog = this.dialog!;
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input[name=reason]')?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    // A failed send: the message is announced (role=alert) and focus stays where it was.
    if (changed.has('error') && this.error) this.dialog?.querySelector<HTMLElement>('.error')?.focus();
  }

  /** Closes the dialog (Escape, "Hủy", or after sending). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private onClose = () => {
    this.emit('news-report-close', { id: this.commentId, sent: this.sent });
  };

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const base = this.apiBase;
    if (this.sending || !base) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const reason = data.get('reason') as ReportReason | null;
    if (!reason || !REPORT_REASONS.includes(reason)) return;
    this.sending = true;
    this.error = '';
    const result = await sendReport(base, this.commentId, { reason, text: String(data.get('text') ?? '').trim() });
    this.sending = false;
    const s = this.strings;
    if (result.kind === 'ok') {
      this.sent = true;
      this.close();
    } else if (result.kind === 'rate') this.error = format(s.tooFast, { seconds: result.seconds });
    else if (result.kind === 'gone') this.error = s.gone;
    else this.error = s.failed;
  }

  override render() {
    const s = this.strings;
    const max = LIMITS.reportText;
    return html`<dialog part="report-dialog" aria-labelledby="title" @close=${this.onClose}>
      <form @submit=${this.onSubmit}>
        <h2 id="title">${format(s.title, { name: this.commentName })}</h2>
        <fieldset>
          <legend>${s.reason}</legend>
          ${REPORT_REASONS.map(
            (reason, index) =>
              html`<label class="choice"
                ><input type="radio" name="reason" value=${reason} ?checked=${index === 0} required />
                ${s[REASON_LABEL[reason]]}</label
              >`,
          )}
        </fieldset>
        <label class="text"
          >${format(s.text, { max })}
          <textarea class="field-control" name="text" rows="3" maxlength=${max}></textarea>
        </label>
        <p class="error" role="alert" tabindex="-1">${this.error}</p>
        <div class="buttons">
          <button type="button" class="button" part="report-cancel" @click=${this.close}>${s.cancel}</button>
          <button
            type="submit"
            class="button"
            part="report-submit"
            ?disabled=${this.sending}
            aria-busy=${this.sending ? 'true' : 'false'}
          >
            ${s.submit}
          </button>
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-report': NewsCommentReport;
  }
  interface GlobalEventHandlersEventMap {
    'news-report-close': CustomEvent<ReportCloseDetail>;
  }
}
