import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { apiBase } from '../core/api.js';
import { closeBox, closeButton, closeStyles, isRememberedClosed } from '../core/closable.js';
import { emit, NewsError, toErrorDetail } from '../core/events.js';
import { LocaleController, format, messagesFor } from '../core/locale.js';
import { baseStyles } from '../core/styles.js';
import type { CommentPost, PostResult } from './comments-api.js';
import { loadDraft, loadOutbox, outboxEvents, saveDraft, startOutbox, submit, type OutboxEntry, type OutboxResultDetail } from './outbox.js';
import { COMMENT_STRINGS, type CommentStrings } from './strings.js';
import { styles } from './news-comment-form.styles.js';

export const NAME_MAX = 80;
export const BODY_MAX = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The diacritics detector loads when the reader starts typing a body (its own small chunk). */
let detect: ((text: string) => boolean) | undefined;
const loadDetector = () =>
  import('./diacritics.js').then(
    (m) => (detect = m.lacksDiacritics),
    () => undefined,
  );

type Field = 'name' | 'email' | 'body';
type Status = '' | 'sending' | 'queued' | 'sent';

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

  private readonly locale = new LocaleController(this);

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

  @state() private name = '';
  @state() private email = '';
  @state() private body = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private general = '';
  @state() private status: Status = '';
  @state() private hint = false;

  private get strings(): CommentStrings {
    return messagesFor(COMMENT_STRINGS, this.locale.language, this.messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    startOutbox();
    outboxEvents?.addEventListener('result', this.onResult);
    // `remember-close`: a form the reader closed stays closed for the session.
    if (!this.parent && isRememberedClosed(this)) this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    outboxEvents?.removeEventListener('result', this.onResult);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('thread') || changed.has('parent')) this.restore();
  }

  /** Puts the draft back, except text that already waits in the outbox. */
  private restore(): void {
    const draft = loadDraft(this.thread, this.parent);
    const queued = this.queued();
    this.name = typeof draft.name === 'string' ? draft.name : '';
    this.body = typeof draft.body === 'string' && !queued.some((e) => e.post.body === draft.body) ? draft.body : '';
    this.email = '';
    this.errors = {};
    this.general = '';
    this.status = queued.length ? 'queued' : '';
  }

  private queued(): OutboxEntry[] {
    return loadOutbox().filter((e) => e.thread === this.thread && (e.post.parentId ?? '') === (this.parent ?? ''));
  }

  /** Moves focus into the body field (reply forms open this way). */
  focusBody(): void {
    this.renderRoot.querySelector<HTMLElement>('#body')?.focus();
  }

  // -------------------------------------------------------------------------------- handlers

  private onResult = (event: Event) => {
    const { entry, result } = (event as CustomEvent<OutboxResultDetail>).detail;
    if (entry.thread !== this.thread || (entry.post.parentId ?? '') !== (this.parent ?? '') || this.sendingKey === entry.key) return;
    // A queued comment went out in the background.
    if (result.kind === 'accepted') {
      if (!this.queued().length) this.status = 'sent';
      this.dispatchSent(entry, result.id);
    } else if (result.kind !== 'retry' && result.kind !== 'rate') {
      this.status = '';
      if (!this.body) {
        this.name = entry.post.name;
        this.body = entry.post.body;
      }
      this.applyRefusal(result);
    }
  };

  private sendingKey = '';

  private onInput(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this[field] = value;
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    if (field === 'body' && !detect) void loadDetector();
    if (field === 'body' && this.hint && !detect?.(value)) this.hint = false;
    if (this.status === 'sent') this.status = '';
    saveDraft(this.thread, this.parent, { name: this.name, body: this.body });
  }

  private checkDiacritics(): boolean {
    this.hint = this.locale.language === 'vi' && !!detect?.(this.body);
    return this.hint;
  }

  private async onBlur(): Promise<void> {
    if (this.locale.language === 'vi' && this.body) await loadDetector();
    this.checkDiacritics();
  }

  private validate(): Partial<Record<Field, string>> {
    const s = this.strings;
    const errors: Partial<Record<Field, string>> = {};
    const name = this.name.trim();
    const body = this.body.trim();
    if (!name) errors.name = format(s.required, { field: s.name.toLocaleLowerCase(this.locale.tag) });
    else if (name.length > NAME_MAX) errors.name = format(s.tooLong, { field: s.name, max: NAME_MAX });
    if (this.email.trim() && !EMAIL.test(this.email.trim())) errors.email = s.invalidEmail;
    if (!body) errors.body = format(s.required, { field: s.body.toLocaleLowerCase(this.locale.tag) });
    else if (body.length > BODY_MAX) errors.body = format(s.tooLong, { field: s.body, max: BODY_MAX });
    else if (this.checkDiacritics() && this.requireDiacritics) errors.body = s.diacritics;
    return errors;
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const field = (['name', 'email', 'body'] as Field[]).find((f) => this.errors[f]);
    if (field) this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    try {
      await this.send();
    } finally {
      this.busy = false;
    }
  }

  private busy = false;

  private async send(): Promise<void> {
    this.general = '';
    if (this.locale.language === 'vi') await loadDetector();
    this.errors = this.validate();
    if (Object.values(this.errors).some(Boolean)) return this.focusFirstInvalid();
    const base = apiBase(this);
    if (!base) {
      this.general = this.strings.failed;
      emit(this, 'news-error', toErrorDetail(this.localName, new NewsError('shape', 'No API base')));
      return;
    }
    const website = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value ?? '';
    const post: CommentPost = { name: this.name.trim(), body: this.body.trim() };
    if (this.email.trim()) post.email = this.email.trim();
    if (this.parent) post.parentId = this.parent;
    if (website) post.website = website;
    this.status = 'sending';
    const { entry, result } = submit(base, this.thread, post);
    this.sendingKey = entry.key;
    const answer = await result;
    this.sendingKey = '';
    if (answer.kind === 'accepted' || answer.kind === 'retry') {
      this.status = answer.kind === 'accepted' ? 'sent' : 'queued';
      this.body = '';
      this.hint = false;
      saveDraft(this.thread, this.parent, { name: this.name, body: '' });
      this.dispatchSent(entry, answer.kind === 'accepted' ? answer.id : undefined);
    } else {
      this.status = '';
      this.applyRefusal(answer);
    }
  }

  private dispatchSent(entry: OutboxEntry, id?: string): void {
    const detail: CommentSentDetail = { thread: entry.thread, status: id ? 'pending' : 'queued' };
    if (entry.post.parentId) detail.parentId = entry.post.parentId;
    if (id) detail.id = id;
    emit(this, 'news-comment-sent', detail);
  }

  private applyRefusal(result: PostResult): void {
    const s = this.strings;
    if (result.kind === 'closed') {
      this.closed = true;
      emit(this, 'news-thread-closed', { thread: this.thread });
    } else if (result.kind === 'rate') {
      this.general = format(s.tooFast, { seconds: result.seconds });
    } else if (result.kind === 'invalid') {
      const message = result.message ? `${s.failed} (${result.message})` : s.failed;
      const field = result.field === 'name' || result.field === 'email' || result.field === 'body' ? result.field : null;
      if (field) {
        this.errors = { [field]: message };
        void this.focusFirstInvalid();
      } else this.general = message;
    }
  }

  private close(): void {
    const wasReply = !!this.parent;
    const closed = closeBox(this, { widget: this.localName, hide: () => (this.open = false), focus: this.returnFocus ?? (this as HTMLElement) });
    if (closed && !wasReply) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="write"]')?.focus());
  }

  private async reopen(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.name ? '#body' : '#name')?.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.close();
    }
  }

  // -------------------------------------------------------------------------------- render

  override render() {
    const s = this.strings;
    if (this.closed) return html`<p part="closed" class="closed">${s.closed}</p>`;
    if (!this.open) return this.parent ? nothing : html`<button type="button" part="write" class="write" @click=${this.reopen}>${s.write}</button>`;
    const e = this.errors;
    const length = this.body.length;
    const statusText = this.status === 'sending' ? s.sending : this.status === 'queued' ? s.queued : this.status === 'sent' ? s.sent : '';
    const described = (field: Field, ...extra: string[]) => [e[field] ? `${field}-error` : '', ...extra].filter(Boolean).join(' ') || nothing;
    const label = this.parent ? format(s.replyLabel, { name: this.replyName }) : s.write;
    return html`<form part="form" novalidate aria-label=${label} @submit=${this.onSubmit} @keydown=${this.onKeydown}>
      <div class="top">
        <p part="notice" id="notice" class="notice">${s.notice}</p>
        ${closeButton(() => this.close(), s.close)}
      </div>
      <div part="field" class="field">
        <label part="label" for="name">${s.name}</label>
        <input part="input" id="name" name="name" autocomplete="name" required aria-invalid=${e.name ? 'true' : 'false'}
          aria-describedby=${described('name')} .value=${this.name} @input=${(ev: Event) => this.onInput('name', ev)} />
        ${e.name ? html`<p part="field-error" class="error" id="name-error">${e.name}</p>` : nothing}
      </div>
      <div part="field" class="field">
        <label part="label" for="email">${s.email}</label>
        <input part="input" id="email" name="email" type="email" autocomplete="email" aria-invalid=${e.email ? 'true' : 'false'}
          aria-describedby=${described('email')} .value=${this.email} @input=${(ev: Event) => this.onInput('email', ev)} />
        ${e.email ? html`<p part="field-error" class="error" id="email-error">${e.email}</p>` : nothing}
      </div>
      <div part="field" class="field">
        <label part="label" for="body">${s.body}</label>
        <textarea part="textarea" id="body" name="body" rows="4" required aria-invalid=${e.body ? 'true' : 'false'}
          aria-describedby=${described('body', this.hint && e.body !== s.diacritics ? 'hint' : '', 'counter', 'notice')}
          .value=${this.body} @input=${(ev: Event) => this.onInput('body', ev)} @blur=${this.onBlur}></textarea>
        <div class="below">
          ${this.hint && e.body !== s.diacritics ? html`<p part="hint" class="hint" id="hint">${s.diacritics}</p>` : nothing}
          ${e.body ? html`<p part="field-error" class="error" id="body-error">${e.body}</p>` : nothing}
          <span part="counter" id="counter" class="counter ${length > BODY_MAX ? 'over' : ''}" aria-live=${length > BODY_MAX * 0.9 ? 'polite' : 'off'}>${length}/${BODY_MAX}</span>
        </div>
      </div>
      <div class="hp" inert aria-hidden="true">
        <label for="website">Website</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${this.status === 'sending' ? 'true' : 'false'}>${s.submit}</button>
      </div>
      <p part="status" class="status" role="status">${statusText}</p>
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
