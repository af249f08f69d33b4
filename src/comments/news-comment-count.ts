import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { apiBase } from '../core/api.js';
import { emit, NewsError, toErrorDetail } from '../core/events.js';
import { LocaleController, plural, translate } from '../core/locale.js';
import { baseStyles } from '../core/styles.js';
import { fetchCount } from './comments-api.js';
import { COMMENT_STRINGS, type CommentStrings } from './strings.js';

/**
 * @customElement news-comment-count
 * @summary "12 bình luận": a thread's approved comment count, linking to the comments. Every
 * count on a page asks in one batched request per API base.
 *
 * @fires news-error - `{widget, reason, status?}` when the count cannot be loaded.
 * @csspart link - the link; `count` - the text when `plain`.
 */
export class NewsCommentCount extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline;
      }
      .skeleton-line {
        display: inline-block;
        width: 6em;
        vertical-align: middle;
      }
    `,
  ];

  private readonly locale = new LocaleController(this);

  @property({ reflect: true }) thread = '';
  @property() api?: string;
  /** Link target; default `#comments`. */
  @property() href = '#comments';
  /** Text only, no link (inside `<news-comments>`). */
  @property({ type: Boolean }) plain = false;
  /** The count, when known already; set it and nothing is fetched (`null`: not known yet). */
  @property({ type: Number }) count?: number | null;
  @property({ attribute: false }) messages?: Partial<CommentStrings>;

  @state() private failed = false;
  @state() private fetched?: number;
  private requested = '';

  protected override willUpdate(): void {
    if (this.count !== undefined || !this.thread) return;
    const base = apiBase(this);
    const key = `${base} ${this.thread}`;
    if (key === this.requested) return;
    this.requested = key;
    this.failed = false;
    this.fetched = undefined;
    if (!base) {
      this.fail(new NewsError('shape', 'No API base'));
      return;
    }
    fetchCount(base, this.thread).then(
      (n) => {
        if (this.requested !== key) return;
        if (n === null) this.fail(new NewsError('shape', `No count for ${this.thread}`));
        else this.fetched = n;
      },
      (error) => this.requested === key && this.fail(error),
    );
  }

  private fail(error: unknown): void {
    this.failed = true;
    emit(this, 'news-error', toErrorDetail(this.localName, error));
  }

  override render() {
    const s = translate(COMMENT_STRINGS, this.locale.language, this.messages);
    const count = this.count ?? this.fetched;
    const known = typeof count === 'number' && Number.isFinite(count);
    const text = known
      ? plural(this.locale.tag, count as number, { one: s.countOne, other: s.countOther })
      : this.failed
        ? s.listLabel
        : null;
    if (text === null)
      return html`<span class="skeleton-line" aria-hidden="true"></span
        ><span class="visually-hidden">${s.listLabel}</span>`;
    return this.plain
      ? html`<span part="count">${text}</span>`
      : html`<a part="link" href=${this.href || '#comments'}>${text}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-count': NewsCommentCount;
  }
}
