import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { closeBox, closeButton, closeStyles, isRememberedClosed } from '../core/closable.js';
import { LocaleController, format, messagesFor } from '../core/locale.js';
import { baseStyles } from '../core/styles.js';
import { loadDraft, loadOutbox, outboxEvents, saveDraft, watchStore, type OutboxEntry } from './store.js';
import { COMMENT_STRINGS, type CommentStrings } from './strings.js';
import { styles } from './news-comment-form.styles.js';

export const BODY_MAX = 2000;

/** The diacritics detector loads when the reader starts typing a body (its own small chunk). */
let detect: ((text: string) => boolean) | undefined;
const loadDetector = () => import('./diacritics.js').then((m) => (detect = m.lacksDiacritics), () => undefined);

/**
 * Validation, sending and the answers' handling: their own chunk, fetched as soon as the reader
 * moves into the form (and awaited on submit), so the form paints without it.
 */
type Send = typeof import('./form-send.js');
let sender: Promise<Send> | undefined;
const loadSend = (): Promise<Send> =>
  (sender ??= import('./form-send.js').catch((error) => {
    sender = undefined; // A failed chunk load is tried again next time.
    throw error;
  }));
const prefetch = () => void loadSend().catch(() => undefined);

export type Field = 'name' | 'email' | 'body';

export interface CommentSentDetail {
  thread: string;
  parentId?: string;
  /** The server's id, once accepted. */
  id?: string;
  /** `pending`: accepted, awaiting moderation. `queued`: in the outbox, sent when possible. */
  status: 'pending' | 'queued';
}

/**
 * @summary The pre-moderated comment form: name, optional e-mail, body with a counter, a
 * honeypot, the "edited before posting" notice and a diacritics hint. Drafts are kept as the
 * reader types; comments that cannot be sent wait in the outbox and go out by themselves.
 *
 * @fires news-comment-sent - `{thread, parentId?, id?, status}` when the server accepted it
 *   (`pending`) or it was queued (`queued`).
 * @fires news-close - cancelable, when the reader closes the form ("Tắt", Escape).
 * @fires news-thread-closed - `{thread}` when the server says the thread is closed (403).
 * @fires news-error - `{widget, reason}` when there is no API base.
 * @csspart form - the form; `notice`, `field`, `label`, `input`, `textarea`, `counter`, `hint`,
 *   `field-error`, `submit`, `status`, `error`, `close`, `write` (the "Write a comment" button),
 *   `closed` (the closed-thread note).
 */
export class NewsCommentForm extends LitElement {
  static override styles = [baseStyles, closeStyles, styles];

  /** @internal */
  readonly locale = new LocaleController(this);

  @property({ reflect: true }) thread = '';
  @property() api?: string;
  /** The comment replied to (a reply form). */
  @property({ reflect: true }) parent?: string;
  /** The author replied to, for the form's accessible name. */
  @property({ attribute: 'reply-name' }) replyName = '';
  /** Open by default; closing leaves a "Write a comment" button (not for reply forms). */
  @property({ type: Boolean, reflect: true }) open = true;
  /** The thread is closed: the form is replaced with "Comments are closed". */
  @property({ type: Boolean, reflect: true }) closed = false;
  /** Block sending while the body looks like Vietnamese typed without diacritics. */
  @property({ type: Boolean, attribute: 'require-diacritics' }) requireDiacritics = false;
  /** Where focus goes when the form closes (the list sets the "Reply" button). */
  @property({ attribute: false }) returnFocus?: HTMLElement | null;
  @property({ attribute: false }) messages?: Partial<CommentStrings>;

  // Internal state, shared with form-send.ts.
  /** @internal */ @state() name = '';
  /** @internal */ @state() email = '';
  /** @internal */ @state() body = '';
  /** @internal */ @state() errors: Partial<Record<Field, string>> = {};
  /** @internal */ @state() general = '';
  /** @internal */ @state() status: '' | 'sending' | 'queued' | 'sent' = '';
  /** @internal */ @state() hint = false;
  /** @internal The outbox key of the comment this form is sending now. */
  sendingKey = '';
  private busy = false;

  /** @internal */
  get strings(): CommentStrings {
    return messagesFor(COMMENT_STRINGS, this.locale.language, this.messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchStore();
    outboxEvents.addEventListener('result', this.onResult);
    // `remember-close`: a form the reader closed stays closed for the session.
    if (!this.parent && isRememberedClosed(this)) this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    outboxEvents.removeEventListener('result', this.onResult);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('thread') || changed.has('parent')) {
      // The draft comes back, except text that already waits in the outbox.
      const draft = loadDraft(this.thread, this.parent);
      const queued = this.queued();
      this.name = typeof draft.name == 'string' ? draft.name : '';
      this.body = typeof draft.body == 'string' && !queued.some((e) => e.post.body == draft.body) ? draft.body : '';
      this.email = this.general = '';
      this.errors = {};
      this.status = queued.length ? 'queued' : '';
    }
  }

  /** @internal This form's comments waiting in the outbox. */
  queued(): OutboxEntry[] {
    return loadOutbox().filter((e) => e.thread == this.thread && (e.post.parentId ?? '') == (this.parent ?? ''));
  }

  /** Moves focus into the body field (reply forms open this way). */
  focusBody(): void {
    this.focusField('body');
  }

  /** @internal */
  focusField(id: string): void {
    this.renderRoot.querySelector<HTMLElement>('#' + id)?.focus();
  }

  /** @internal Shows (and returns) the "no diacritics" hint for Vietnamese. */
  async checkHint(): Promise<boolean> {
    const vi = this.locale.language == 'vi';
    if (vi && this.body) await loadDetector();
    return (this.hint = vi && !!detect?.(this.body));
  }

  // -------------------------------------------------------------------------------- handlers

  /** A queued comment went out (or was refused) in the background. */
  private onResult = (event: Event) => void loadSend().then((m) => m.onResult(this, (event as CustomEvent).detail), prefetch);

  private onInput(event: Event): void {
    const { id, value } = event.target as HTMLInputElement;
    const field = id as Field;
    this[field] = value;
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    if (field == 'body') {
      if (!detect) void loadDetector();
      if (this.hint && !detect?.(value)) this.hint = false;
    }
    if (this.status == 'sent') this.status = '';
    saveDraft(this.thread, this.parent, { name: this.name, body: this.body });
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    loadSend()
      .then((m) => m.send(this))
      .catch(() => (this.general = this.strings.failed))
      .finally(() => (this.busy = false));
  }

  private close(): void {
    const wasReply = !!this.parent;
    const closed = closeBox(this, { hide: () => (this.open = false), focus: this.returnFocus ?? this });
    if (closed && !wasReply) void this.updateComplete.then(() => this.focusField('write'));
  }

  private async reopen(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.focusField(this.name ? 'body' : 'name');
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key == 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.close();
    }
  }

  // -------------------------------------------------------------------------------- render

  override render() {
    const s = this.strings;
    if (this.closed) return html`<p part="closed" class="closed">${s.closed}</p>`;
    if (!this.open) return this.parent ? nothing : html`<button type="button" part="write" id="write" class="write" @click=${this.reopen}>${s.write}</button>`;
    const e = this.errors;
    const length = this.body.length;
    const hint = this.hint && e.body != s.diacritics;
    const field = (id: Field, label: string, control: unknown) =>
      html`<div part="field" class="field"><label part="label" for=${id}>${label}</label>${control}${e[id] ? html`<p part="field-error" class="error" id="${id}-error">${e[id]}</p>` : nothing}</div>`;
    const input = (id: Field, type: string) =>
      html`<input part="input" id=${id} name=${id} type=${type} autocomplete=${id} ?required=${id == 'name'} aria-invalid=${!!e[id]} aria-describedby=${e[id] ? `${id}-error` : nothing} .value=${this[id]} @input=${this.onInput} />`;
    return html`<form part="form" novalidate aria-label=${this.parent ? format(s.replyLabel, { name: this.replyName }) : s.write} @submit=${this.onSubmit} @keydown=${this.onKeydown} @focusin=${prefetch}>
      <div class="top"><p part="notice" id="notice" class="notice">${s.notice}</p>${closeButton(() => this.close(), s.close)}</div>
      ${field('name', s.name, input('name', 'text'))}${field('email', s.email, input('email', 'email'))}
      <div part="field" class="field">
        <label part="label" for="body">${s.body}</label>
        <textarea part="textarea" id="body" name="body" rows="4" required aria-invalid=${!!e.body}
          aria-describedby=${[e.body && 'body-error', hint && 'hint', 'counter notice'].filter(Boolean).join(' ')}
          .value=${this.body} @input=${this.onInput} @blur=${this.checkHint}></textarea>
        <div class="below">
          ${hint ? html`<p part="hint" class="hint" id="hint">${s.diacritics}</p>` : nothing}
          ${e.body ? html`<p part="field-error" class="error" id="body-error">${e.body}</p>` : nothing}
          <span part="counter" id="counter" class="counter ${length > BODY_MAX ? 'over' : ''}" aria-live=${length > BODY_MAX * 0.9 ? 'polite' : 'off'}>${length}/${BODY_MAX}</span>
        </div>
      </div>
      <div class="hp" inert aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off" /></div>
      <div class="actions"><button type="submit" part="submit" aria-disabled=${this.status == 'sending'}>${s.submit}</button></div>
      <p part="status" class="status" role="status">${this.status && s[this.status]}</p>
      <p part="error" class="error general" role="alert">${this.general}</p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-form': NewsCommentForm;
  }
  interface GlobalEventHandlersEventMap {
    'news-comment-sent': CustomEvent<CommentSentDetail>;
    'news-thread-closed': CustomEvent<{ thread: string }>;
  }
}
