import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CommentSort } from '../core/contract.js';
import { toErrorDetail } from '../core/events.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles, buttonStyles } from '../core/styles.js';
import { NearViewportController } from '../core/viewport.js';
import { pageSize } from './comments-api.js';
import { loadForm, loadList, requestFirstPage } from './loader.js';
import type { CommentsCountDetail, CommentsLoadDetail, PageRequest } from './news-comment-list.js';
import { styles } from './news-comments.styles.js';
import { COMMENT_STRINGS } from './strings.js';

const LIST_PARTS =
  'toolbar, sort, new-comments, list, comment, comment-header, comment-name, comment-time, comment-body, comment-status, comment-cue, comment-actions, reply-button, replies, reply-form, more, empty, skeleton, error, retry, like-button, like-count, report-button, reaction-note, report-dialog, report-submit, report-cancel';
const FORM_PARTS =
  'form, notice, reply-context, field, label, input, textarea, counter, hint, field-error, submit, status, close, write, closed';

/**
 * @customElement news-comments
 * @summary Comments for an article, ready for publishers: the count, the pre-moderated form
 * and the threaded list (with "Thích", "Báo vi phạm" and the "Quan tâm nhất" order). When the section comes near the viewport (at once with
 * `loading="eager"`) it asks for the thread's first page and imports the list and form
 * elements at the same moment, then hands the page down to the list. Live: while the section is
 * near the viewport and the page visible, a stream from the server (Server-Sent Events, code loaded
 * on demand) announces newly approved comments with a "N bình luận mới" button (nothing moves until
 * the reader activates it) and keeps the count and like counts current; `live="off"` turns it off.
 *
 * @fires news-comment-sent - from the forms.
 * @fires news-comments-load - from the list.
 * @fires news-comments-count - from the list, when the live thread changes the count.
 * @fires news-error - from any part, and when the list or form code cannot be loaded.
 * @csspart heading - the count heading; every part of the list and form is exported.
 */
export class NewsComments extends NewsElement<'comments'> {
  static override styles = [baseStyles, buttonStyles, styles];
  protected readonly localized = COMMENT_STRINGS;

  @property({ reflect: true }) thread = '';
  /** `newest`, `oldest` or `popular` ("Quan tâm nhất": most liked first). */
  @property({ reflect: true }) sort: CommentSort = 'newest';
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 2;
  @property({ type: Number }) limit = 20;
  /** `eager` loads at once instead of near the viewport. */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  @property({ type: Boolean, attribute: 'require-diacritics' }) requireDiacritics = false;
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30_000;
  /** `off`: no live thread (new comments and counts only on the next load). */
  @property({ reflect: true }) live: 'on' | 'off' = 'on';

  /**
   * The heading's count, from the thread's first page (`null`: on its way). `undefined` once that
   * page failed: the count element then asks by itself, and shows "Bình luận" if that fails too,
   * so the heading never stays a skeleton.
   */
  @state() private count: number | null | undefined = null;
  /** The server says the thread is closed (its first page, or a 403 to a post). */
  @state() private threadClosed = false;
  @state() private firstPage?: PageRequest;
  /** The list's or form's code could not be loaded (offline, a deploy under way). */
  @state() private codeFailed = false;
  private started = false;

  private readonly viewport = new NearViewportController(this);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('loading') && this.loading === 'eager') this.viewport.markNear();
    if (this.viewport.near && !this.started) this.start();
  }

  /** The thread's first page and the elements' code, requested together. */
  private start(): void {
    this.started = true;
    const base = this.apiBase;
    if (base && this.thread) {
      const first = requestFirstPage(this, base, this.thread, { sort: this.sort, limit: pageSize(this.limit) });
      this.firstPage = first;
      // The heading follows the page itself, even when the list's code never arrives.
      first.page.then(
        (page) => void (this.count ??= page.thread.count),
        () => void (this.count === null && (this.count = undefined)),
      );
    } else this.count = undefined;
    this.loadElements();
  }

  private loadElements(): void {
    this.codeFailed = false;
    Promise.all([loadList(), loadForm()]).catch((error: unknown) => {
      this.codeFailed = true;
      this.emit('news-error', toErrorDetail(this.localName, error));
    });
  }

  private onLoad(event: CustomEvent<CommentsLoadDetail>): void {
    this.count = event.detail.count;
    this.threadClosed = event.detail.closed;
  }

  override render() {
    const s = this.strings;
    const template = this.querySelector<HTMLTemplateElement>(':scope > template[data-part="comment"]');
    const api = this.api ?? this.getAttribute('api') ?? undefined;
    const closed = this.threadClosed;
    return html`<h2 part="heading" class="heading">
        <news-comment-count
          plain
          .count=${this.count}
          .thread=${this.thread}
          api=${ifDefined(api)}
          .messages=${this.messages}
        ></news-comment-count>
      </h2>
      ${
        this.codeFailed
          ? html`<div part="error" role="alert">
              <p>${s.loadError}</p>
              <button type="button" part="retry" class="button" @click=${this.loadElements}>${s.retry}</button>
            </div>`
          : nothing
      }
      <news-comment-form
        exportparts=${FORM_PARTS}
        .thread=${this.thread}
        api=${ifDefined(api)}
        ?closed=${closed}
        ?require-diacritics=${this.requireDiacritics}
        .messages=${this.messages}
        @news-thread-closed=${() => (this.threadClosed = true)}
      ></news-comment-form>
      <news-comment-list
        exportparts=${LIST_PARTS}
        .thread=${this.thread}
        api=${ifDefined(api)}
        .sort=${this.sort}
        .maxDepth=${this.maxDepth}
        .limit=${this.limit}
        .pollInterval=${this.pollInterval}
        .live=${this.live}
        .commentTemplate=${template}
        .firstPage=${this.firstPage}
        ?closed=${closed}
        .messages=${this.messages}
        @news-comments-load=${this.onLoad}
        @news-comments-count=${(e: CustomEvent<CommentsCountDetail>) => (this.count = e.detail.count)}
      ></news-comment-list>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comments': NewsComments;
  }
}
