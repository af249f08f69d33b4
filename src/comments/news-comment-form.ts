import { LitElement, html, nothing } from 'lit';
import { emit, toErrorDetail } from '../core/events.js';
import { property, state } from 'lit/decorators.js';
import { LocaleController } from '../core/locale.js';
import { baseStyles } from '../core/styles.js';
import { NearViewportController } from '../core/viewport.js';
import { watchStore } from './store.js';
import type { CommentStrings } from './strings.js';
import { styles } from './news-comment-form.styles.js';

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
 * The form itself (fields, validation, sending, closing) is its own chunk, fetched when the box
 * comes near the viewport (with the list's data, inside `<news-comments>`), at once with
 * `loading="eager"`, and at once for reply forms. Until then a box of the form's size holds
 * its place.
 */
type Ui = typeof import('./form-ui.js');
let ui: Ui | undefined;
let uiLoad: Promise<Ui> | undefined;
const loadUi = (): Promise<Ui> =>
  (uiLoad ??= import('./form-ui.js').then(
    (m) => (ui = m),
    (error) => {
      uiLoad = undefined; // Tried again on the next update.
      throw error;
    },
  ));

/**
 * @customElement news-comment-form
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
 *   `closed` (the closed-thread note), `skeleton` (the box holding the form's place while it loads).
 */
export class NewsCommentForm extends LitElement {
  static override styles = [baseStyles, styles];

  /** @internal */
  readonly locale = new LocaleController(this);
  private readonly viewport = new NearViewportController(this);

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
  /** `eager` loads the form at once instead of near the viewport. */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  /** Where focus goes when the form closes (the list sets the "Reply" button). */
  @property({ attribute: false }) returnFocus?: HTMLElement | null;
  @property({ attribute: false }) messages?: Partial<CommentStrings>;

  // Internal state, shared with form-ui.ts.
  /** @internal */ @state() name = '';
  /** @internal */ @state() email = '';
  /** @internal */ @state() body = '';
  /** @internal */ @state() errors: Partial<Record<Field, string>> = {};
  /** @internal */ @state() general = '';
  /** @internal */ @state() status: '' | 'sending' | 'queued' | 'sent' = '';
  /** @internal */ @state() hint = false;
  /** @internal The form chunk is here and set up for this element. */
  attached = false;
  private waiting?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    watchStore();
    if (this.attached) ui!.connect(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.attached) ui!.disconnect(this);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Reply forms open on a click, and a form that may stay closed (`remember-close`) must know
    // it before it paints: those load at once.
    if (this.parent || this.loading == 'eager' || this.hasAttribute('remember-close')) this.viewport.markNear();
    if (this.attached) ui!.willUpdate(this, changed);
    else if (this.viewport.near) {
      this.waiting ??= loadUi().then(
        (m) => m.attach(this),
        (error) => {
          this.waiting = undefined; // The next update tries again.
          emit(this, 'news-error', toErrorDetail(this.localName, error));
        },
      );
    }
  }

  /** `updateComplete` includes the form's arrival once it is on its way. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.waiting && !this.attached ? (await this.waiting, super.getUpdateComplete()) : done;
  }

  /** Moves focus into the body field (reply forms open this way). */
  focusBody(): void {
    this.renderRoot.querySelector<HTMLElement>('#body')?.focus();
  }

  override render() {
    if (this.attached) return ui!.render(this);
    // The open form's place; a closed one ("Viết bình luận", a closed thread) is small.
    return this.open && !this.closed ? html`<div part="skeleton" class="skeleton" aria-hidden="true"></div>` : nothing;
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
