import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { baseStyles } from '../core/styles.js';
import type { CommentSort } from './comments-api.js';
import type { CommentsLoadDetail } from './news-comment-list.js';
import type { CommentStrings } from './strings.js';

const LIST_PARTS =
  'list, comment, comment-header, comment-name, comment-time, comment-body, comment-status, comment-cue, comment-actions, reply-button, replies, sort, more, empty, error, retry, reply-form';
const FORM_PARTS =
  'form, notice, field, label, input, textarea, counter, hint, field-error, submit, status, close, write, closed';

/**
 * @customElement news-comments
 * @summary Comments for an article, ready for publishers: the count, the pre-moderated form
 * and the threaded list. `api` and `thread` pass down to the parts; so do `messages` and a
 * `<template data-part="comment">` child.
 *
 * @fires news-comment-sent - from the forms.
 * @fires news-comments-load - from the list.
 * @fires news-error - from any part.
 * @csspart heading - the count heading; every part of the list and form is exported.
 */
export class NewsComments extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .heading {
        display: block;
      }
    `,
  ];

  @property({ reflect: true }) thread = '';
  @property() api?: string;
  @property({ reflect: true }) sort: CommentSort = 'newest';
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 2;
  @property({ type: Number }) limit = 20;
  @property() loading: 'lazy' | 'eager' = 'lazy';
  @property({ type: Boolean, attribute: 'require-diacritics' }) requireDiacritics = false;
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30_000;
  @property({ attribute: false }) messages?: Partial<CommentStrings>;

  @state() private count: number | null = null;
  @state() private closed = false;

  private onLoad = (event: CustomEvent<CommentsLoadDetail>) => {
    this.count = event.detail.count;
    this.closed = event.detail.closed;
  };

  override render() {
    const template = this.querySelector<HTMLTemplateElement>(':scope > template[data-part="comment"]');
    const api = this.api ?? this.getAttribute('api') ?? undefined;
    return html`<h2 part="heading" class="heading">
        <news-comment-count
          plain
          .count=${this.count}
          .thread=${this.thread}
          api=${ifDefined(api)}
          .messages=${this.messages}
        ></news-comment-count>
      </h2>
      <news-comment-form
        exportparts=${FORM_PARTS}
        .thread=${this.thread}
        api=${ifDefined(api)}
        ?closed=${this.closed}
        ?require-diacritics=${this.requireDiacritics}
        .loading=${this.loading}
        .messages=${this.messages}
        @news-thread-closed=${() => (this.closed = true)}
      ></news-comment-form>
      <news-comment-list
        exportparts=${LIST_PARTS}
        .thread=${this.thread}
        api=${ifDefined(api)}
        .sort=${this.sort}
        .maxDepth=${this.maxDepth}
        .limit=${this.limit}
        .loading=${this.loading}
        .pollInterval=${this.pollInterval}
        .commentTemplate=${template}
        ?closed=${this.closed}
        .messages=${this.messages}
        @news-comments-load=${this.onLoad}
      ></news-comment-list>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comments': NewsComments;
  }
}
