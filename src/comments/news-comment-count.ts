import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NewsError, toErrorDetail } from '../core/events.js';
import { plural } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import { fetchCount } from './comments-api.js';
import { styles } from './news-comment-count.styles.js';
import { COMMENT_STRINGS } from './strings.js';

/**
 * @customElement news-comment-count
 * @summary "12 bình luận": a thread's approved comment count, linking to the comments. Every
 * count on a page asks in one batched request per API base.
 *
 * @fires news-error - `{widget, reason, status?}` when the count cannot be loaded.
 * @csspart link - the link; `count` - the text when `plain`.
 */
export class NewsCommentCount extends NewsElement<'comments'> {
  static override styles = [baseStyles, styles];
  protected readonly localized = COMMENT_STRINGS;

  @property({ reflect: true }) thread = '';
  /** Link target; default `#comments`. */
  @property() href = '#comments';
  /** Text only, no link (inside `<news-comments>`). */
  @property({ type: Boolean }) plain = false;
  /** The count, when known already; set it and nothing is fetched (`null`: not known yet). */
  @property({ type: Number }) count?: number | null;

  @state() private failed = false;
  @state() private fetched?: number;
  /** The API base and thread last asked for: answers for anything else are dropped. */
  private requested = '';

  protected override willUpdate(_changed: PropertyValues): void {
    if (this.count !== undefined || !this.thread) return;
    const base = this.apiBase;
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
      (count) => void (this.requested === key && (this.fetched = count)),
      (error) => void (this.requested === key && this.fail(error)),
    );
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.emit('news-error', toErrorDetail(this.localName, error));
  }

  override render() {
    const s = this.strings;
    const count = this.count ?? this.fetched;
    const text =
      typeof count === 'number' && Number.isFinite(count)
        ? plural(this.locale.tag, count, { one: s.countOne, other: s.countOther })
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
