import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { closeBox, closeButton, closeStyles, isRememberedClosed } from '../core/closable.js';
import { LIMITS, type CommentPost } from '../core/contract.js';
import { nameProblem, textProblem, type TextProblem } from '../core/text-rules.js';
import { NewsError, toErrorDetail } from '../core/events.js';
import { format } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import {
  sharedCommentStore,
  type CommentStore,
  type OutboxEntry,
  type PostResult,
  type StoreChangeDetail,
  type StoreResultDetail,
} from './comment-store.js';
import { lacksDiacritics } from './diacritics.js';
import { styles } from './news-comment-form.styles.js';
import { COMMENT_STRINGS, type CommentStrings } from './strings.js';

export type Field = 'name' | 'email' | 'body';
const FIELDS: Field[] = ['name', 'email', 'body'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The message of each text-rule refusal. */
const TEXT_PROBLEM_STRING: Record<TextProblem, (s: CommentStrings) => string> = {
  direction_control: (s) => s.textDirection,
  control_character: (s) => s.textControl,
  invisible: (s) => s.textInvisible,
  staff_name: (s) => s.staffName,
};

/** Length as the server counts it: code points of the NFC form. */
const length = (text: string) => [...text.normalize('NFC')].length;

export interface CommentSentDetail {
  thread: string;
  parentId?: string;
  /** The server's id, once accepted. */
  id?: string;
  /** `pending`: accepted, awaiting moderation. `queued`: in the outbox, sent when possible. */
  status: 'pending' | 'queued';
}

/** What the form says about the comment it sent: `waiting` is queued (offline) or retrying. */
type SendState = '' | 'sending' | 'waiting' | 'sent';

/**
 * @customElement news-comment-form
 * @summary The pre-moderated comment form: name, optional e-mail, body with a counter, a
 * honeypot, the "edited before posting" notice and a diacritics hint. Drafts are kept as the
 * reader types; pressing "Gửi bình luận" files the comment in the outbox at once, so it goes
 * out by itself if it cannot go now.
 *
 * @fires news-comment-sent - `{thread, parentId?, id?, status}` when the server accepted it
 *   (`pending`) or it was queued (`queued`).
 * @fires news-close - cancelable, when the reader closes the form ("Tắt", Escape).
 * @fires news-thread-closed - `{thread}` when the server says the thread is closed (403).
 * @fires news-error - `{widget, reason}` when there is no API base.
 * @csspart form - the form; `notice`, `reply-context`, `field`, `label`, `input`, `textarea`,
 *   `counter`, `hint`, `field-error`, `submit`, `status`, `error`, `close`, `write` (the "Write a
 *   comment" button), `closed` (the closed-thread note).
 * @attr remember-close - Once the reader closes the form, it stays closed (the "Viết bình luận"
 *   button shows) for the browser session. A value names the form; empty: the tag name.
 */
export class NewsCommentForm extends NewsElement<'comments'> {
  static override styles = [baseStyles, closeStyles, styles];
  protected readonly localized = COMMENT_STRINGS;

  @property({ reflect: true }) thread = '';
  /** The comment replied to (a reply form). */
  @property({ reflect: true }) parent?: string;
  /** The author replied to, shown above a reply form and naming it. */
  @property({ attribute: 'reply-name' }) replyName = '';
  /** Open by default; closing leaves a "Write a comment" button (not for reply forms). */
  @property({ type: Boolean, reflect: true }) open = true;
  /** The thread is closed: the form is replaced with "Comments are closed". */
  @property({ type: Boolean, reflect: true }) closed = false;
  /** Block sending while the body looks like Vietnamese typed without diacritics. */
  @property({ type: Boolean, attribute: 'require-diacritics' }) requireDiacritics = false;
  /** Where focus goes when the form closes (the list sets the "Reply" button). */
  @property({ attribute: false }) returnFocus?: HTMLElement | null;
  /** Where drafts and the outbox live; default: the page's shared store. */
  @property({ attribute: false }) store: CommentStore = sharedCommentStore();

  @state() private name = '';
  @state() private email = '';
  @state() private body = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private general = '';
  @state() private sendState: SendState = '';
  @state() private hint = false;
  /** The reader closed the form ("Tắt", Escape); `open` is the page's to set. */
  @state() private dismissed = false;
  /** The server answered 403: the thread closed while the page was open. */
  @state() private closedByServer = false;
  /** The Idempotency-Key of the comment this form is sending now. */
  private sendingKey?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // `remember-close`: a form the reader closed stays closed for the session.
    if (!this.parent && isRememberedClosed(this)) this.dismissed = true;
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten();
  }

  /** The store this form listens to (the `store` property can change). */
  private listened?: CommentStore;

  private listen(): void {
    if (this.listened === this.store) return;
    this.unlisten();
    this.listened = this.store;
    // A comment queued on an earlier visit goes out once a form or list is on the page.
    this.store.start();
    this.store.addEventListener('result', this.onResult);
    this.store.addEventListener('change', this.onChange);
  }

  private unlisten(): void {
    this.listened?.removeEventListener('result', this.onResult);
    this.listened?.removeEventListener('change', this.onChange);
    this.listened = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store') && this.isConnected) this.listen();
    // The page opening or closing the form wins over the reader's last click (not on first paint).
    if (changed.has('open') && changed.get('open') !== undefined) this.dismissed = !this.open;
    else if (!this.hasUpdated && !this.open) this.dismissed = true;
    if (changed.has('thread') || changed.has('parent') || changed.has('store')) this.restore();
  }

  /** Moves focus into the body field (reply forms open this way). */
  focusBody(): void {
    this.field('body')?.focus();
  }

  private field(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#' + id);
  }

  private queued(): OutboxEntry[] {
    return this.store.outbox().filter((entry) => this.isMine(entry));
  }

  private isMine(entry: OutboxEntry): boolean {
    return entry.thread === this.thread && (entry.post.parentId ?? '') === (this.parent ?? '');
  }

  /** Puts the draft back, except text that already waits in the outbox. */
  private restore(): void {
    const draft = this.store.draft(this.thread, this.parent);
    const waiting = this.queued();
    this.name = typeof draft.name === 'string' ? draft.name : '';
    this.body =
      typeof draft.body === 'string' && !waiting.some((entry) => entry.post.body === draft.body) ? draft.body : '';
    this.email = '';
    this.errors = {};
    this.general = '';
    this.sendState = waiting.length ? 'waiting' : '';
  }

  // ------------------------------------------------------------------------------ handlers

  private onInput(event: Event): void {
    const { id, value } = event.target as HTMLInputElement;
    const field = id as Field;
    this[field] = value;
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    if (field === 'body' && this.hint && !this.lacksDiacritics()) this.hint = false;
    if (this.sendState === 'sent') this.sendState = '';
    this.store.saveDraft(this.thread, this.parent, { name: this.name, body: this.body });
  }

  /** Vietnamese only: does the body look typed without diacritics? */
  private lacksDiacritics(): boolean {
    return this.locale.language === 'vi' && !!this.body && lacksDiacritics(this.body);
  }

  private onBlur(): void {
    this.hint = this.lacksDiacritics();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.close();
    }
  }

  private close(): void {
    const reply = !!this.parent;
    const hide = () => (this.dismissed = true);
    if (closeBox(this, { hide, focus: this.returnFocus ?? this }) && !reply)
      void this.updateComplete.then(() => this.field('write')?.focus());
  }

  private async reopen(): Promise<void> {
    this.dismissed = false;
    await this.updateComplete;
    this.field(this.name ? 'body' : 'name')?.focus();
  }

  private validate(): Partial<Record<Field, string>> {
    const s = this.strings;
    const lower = (text: string) => text.toLocaleLowerCase(this.locale.tag);
    const errors: Partial<Record<Field, string>> = {};
    const name = this.name.trim();
    const body = this.body.trim();
    const email = this.email.trim();
    // The server's text rules (text-rules.ts), checked here first so the reader sees why at once.
    const problem = (p: TextProblem | undefined, field: string) => p && format(TEXT_PROBLEM_STRING[p](s), { field });
    const bodyProblem = textProblem(body.normalize('NFC'));
    if (!name) errors.name = format(s.required, { field: lower(s.name) });
    else if (length(name) > LIMITS.commentName)
      errors.name = format(s.tooLong, { field: s.name, max: LIMITS.commentName });
    else errors.name = problem(nameProblem(name.normalize('NFC')), s.name);
    if (email && (!EMAIL.test(email) || email.length > LIMITS.commentEmail)) errors.email = s.invalidEmail;
    if (!body) errors.body = format(s.required, { field: lower(s.body) });
    else if (length(body) > LIMITS.commentBody)
      errors.body = format(s.tooLong, { field: s.body, max: LIMITS.commentBody });
    else if (bodyProblem) errors.body = problem(bodyProblem, s.body);
    else {
      this.hint = this.lacksDiacritics();
      if (this.hint && this.requireDiacritics) errors.body = s.diacritics;
    }
    return errors;
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const field = FIELDS.find((f) => this.errors[f]);
    if (field) this.field(field)?.focus();
  }

  /**
   * Validates, then files the comment in the outbox before anything else: from here on it is
   * stored, whatever the network does. Nothing between the click and the outbox loads code.
   */
  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.sendState === 'sending') return;
    this.general = '';
    this.errors = this.validate();
    if (Object.values(this.errors).some(Boolean)) {
      void this.focusFirstInvalid();
      return;
    }
    const base = this.apiBase;
    if (!base) {
      this.general = this.strings.failed;
      this.emit('news-error', toErrorDetail(this.localName, new NewsError('shape', 'No API base')));
      return;
    }
    const post: CommentPost = { name: this.name.trim(), body: this.body.trim() };
    const email = this.email.trim();
    const website = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value;
    if (email) post.email = email;
    if (this.parent) post.parentId = this.parent;
    if (website) post.website = website;
    const { entry, result } = this.store.submit(base, this.thread, post);
    this.sendingKey = entry.key;
    this.sendState = navigator.onLine === false ? 'waiting' : 'sending';
    void result.then((answer) => this.onFirstAnswer(entry, answer));
  }

  private onFirstAnswer(entry: OutboxEntry, answer: PostResult): void {
    this.sendingKey = undefined;
    if (answer.kind === 'accepted' || answer.kind === 'retry') {
      this.sendState = answer.kind === 'accepted' ? 'sent' : 'waiting';
      this.body = '';
      this.hint = false;
      this.store.saveDraft(this.thread, this.parent, { name: this.name, body: '' });
      this.sent(entry, answer.kind === 'accepted' ? answer.id : undefined);
    } else {
      this.sendState = '';
      this.refused(answer);
    }
  }

  /** A queued comment of this form went out, or was refused, in the background. */
  private onResult = (event: Event) => {
    const { entry, result } = (event as CustomEvent<StoreResultDetail>).detail;
    if (!this.isMine(entry) || this.sendingKey === entry.key) return;
    if (result.kind === 'accepted') {
      if (!this.queued().length) this.sendState = 'sent';
      this.sent(entry, result.id);
    } else if (result.kind !== 'retry' && result.kind !== 'rate') {
      this.sendState = '';
      if (!this.body) {
        this.name = entry.post.name;
        this.body = entry.post.body;
      }
      this.refused(result);
    }
  };

  /** Online or offline: "Sẽ gửi khi có mạng" and "Chưa gửi được" change places. */
  private onChange = (event: Event) => {
    const { thread } = (event as CustomEvent<StoreChangeDetail>).detail;
    if (thread === null || thread === this.thread) this.requestUpdate();
  };

  private sent(entry: OutboxEntry, id?: string): void {
    const detail: CommentSentDetail = { thread: entry.thread, status: id ? 'pending' : 'queued' };
    if (entry.post.parentId) detail.parentId = entry.post.parentId;
    if (id) detail.id = id;
    this.emit('news-comment-sent', detail);
  }

  private refused(result: PostResult): void {
    const s = this.strings;
    if (result.kind === 'closed') {
      this.closedByServer = true;
      this.emit('news-thread-closed', { thread: this.thread });
    } else if (result.kind === 'rate') {
      this.general = format(s.tooFast, { seconds: result.seconds });
    } else if (result.kind === 'invalid') {
      const message = result.message ? `${s.failed} (${result.message})` : s.failed;
      const field = FIELDS.find((f) => f === result.field);
      if (field) {
        this.errors = { [field]: message };
        void this.focusFirstInvalid();
      } else this.general = message;
    }
  }

  // -------------------------------------------------------------------------------- render

  private statusText(): string {
    const s = this.strings;
    switch (this.sendState) {
      case 'sending':
        return s.sending;
      case 'waiting':
        return navigator.onLine === false ? s.queued : s.retrying;
      case 'sent':
        return s.sent;
      default:
        return '';
    }
  }

  private describedBy(field: Field, ...extra: (string | false)[]) {
    return [this.errors[field] && `${field}-error`, ...extra].filter(Boolean).join(' ') || nothing;
  }

  private renderError(field: Field) {
    const error = this.errors[field];
    return error ? html`<p part="field-error" class="error" id="${field}-error">${error}</p>` : nothing;
  }

  /** The name and e-mail fields: a label, the input (its autofill named as the field), its error. */
  private renderInput(field: 'name' | 'email', label: string) {
    return html`<div part="field" class="field">
      <label part="label" for=${field}>${label}</label>
      <input
        class="field-control"
        part="input"
        id=${field}
        name=${field}
        type=${field === 'email' ? 'email' : 'text'}
        autocomplete=${field}
        ?required=${field === 'name'}
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field)}
        .value=${this[field]}
        @input=${this.onInput}
      />
      ${this.renderError(field)}
    </div>`;
  }

  override render() {
    const s = this.strings;
    if (this.closed || this.closedByServer) return html`<p part="closed" class="closed">${s.closed}</p>`;
    if (this.dismissed) {
      if (this.parent) return nothing;
      return html`<button type="button" part="write" id="write" class="write" @click=${this.reopen}>
        ${s.write}
      </button>`;
    }
    const e = this.errors;
    const count = length(this.body);
    const hint = this.hint && e.body !== s.diacritics;
    const replyContext = this.parent ? format(s.replyLabel, { name: this.replyName }) : '';
    return html`<form
      part="form"
      novalidate
      aria-label=${replyContext || s.write}
      @submit=${this.onSubmit}
      @keydown=${this.onKeydown}
    >
      <div class="top">
        <div class="intro">
          ${replyContext ? html`<p part="reply-context" class="reply-context">${replyContext}</p>` : nothing}
          <p part="notice" id="notice" class="notice">${s.notice}</p>
        </div>
        ${closeButton(() => this.close(), s.close)}
      </div>
      ${this.renderInput('name', s.name)} ${this.renderInput('email', s.email)}
      <div part="field" class="field">
        <label part="label" for="body">${s.body}</label>
        <textarea
          class="field-control"
          part="textarea"
          id="body"
          name="body"
          rows="4"
          required
          aria-invalid=${e.body ? 'true' : 'false'}
          aria-describedby=${this.describedBy('body', hint && 'hint', 'counter', 'notice')}
          .value=${this.body}
          @input=${this.onInput}
          @blur=${this.onBlur}
        ></textarea>
        <div class="below">
          ${hint ? html`<p part="hint" class="hint" id="hint">${s.diacritics}</p>` : nothing}
          ${this.renderError('body')}
          <span
            part="counter"
            id="counter"
            class="counter ${count > LIMITS.commentBody ? 'over' : ''}"
            aria-live=${count > LIMITS.commentBody * 0.9 ? 'polite' : 'off'}
            >${count}/${LIMITS.commentBody}</span
          >
        </div>
      </div>
      <div class="hp" .inert=${true} aria-hidden="true">
        <label for="website">Website</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${this.sendState === 'sending' ? 'true' : 'false'}>
          ${s.submit}
        </button>
      </div>
      <p part="status" class="status" role="status">${this.statusText()}</p>
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
