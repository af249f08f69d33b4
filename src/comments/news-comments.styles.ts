import { css } from 'lit';

/**
 * The section: heading, form and list, with space between them. Until the form's and the list's
 * modules arrive, their tags keep the space they will take (values at a 16px root size).
 */
export const styles = css`
  .heading {
    display: block;
  }
  news-comment-form,
  news-comment-list {
    display: block;
    margin-block: 0;
  }
  /* The form (or its "Viết bình luận" button) and the sort buttons below it do not touch. */
  news-comment-form {
    margin-block-end: var(--news-space-block, 1.5rem);
  }
  news-comment-form:not(:defined) {
    min-height: 29.2rem;
  }
  news-comment-list:not(:defined) {
    min-height: 12rem;
  }
  [part~='retry'] {
    padding: 0.5rem 1rem;
  }
`;
