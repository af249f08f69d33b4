import { css } from 'lit';

/** The thread: toolbar, comments, replies, own comments' states, skeleton, errors, "Load more". */
export const styles = css`
  .toolbar {
    display: flex;
    gap: 0.25rem;
    margin: 0 0 var(--_gap);
  }
  [part~='sort'] {
    padding: 0.3rem 0.7rem;
    min-height: 2.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='sort'][aria-pressed='true'] {
    background: var(--_surface-alt);
    font-weight: 700;
    border-color: currentColor;
  }
  .comment {
    padding: 0.6rem 0;
    border-top: 1px solid var(--_border);
    outline-offset: -2px;
  }
  /* Long threads: the browser skips rendering comments far off-screen (DOM order and find-in-page stay). */
  .long > .d0 {
    content-visibility: auto;
    contain-intrinsic-size: auto 7rem;
  }
  .list > .comment:first-child {
    border-top: 0;
  }
  .replies {
    margin-left: var(--news-comment-indent, 1.25rem);
    padding-left: 0.75rem;
    border-left: 2px solid var(--_border);
  }
  .replies .comment {
    padding: 0.45rem 0;
    border-top: 0;
  }
  [part~='comment-header'] {
    font-size: 0.95em;
  }
  [part~='comment-name'] {
    font-weight: 700;
  }
  [part~='comment-time'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .body {
    white-space: pre-line;
    overflow-wrap: anywhere;
    margin: 0.2rem 0;
  }
  .html {
    white-space: normal;
  }
  .html p {
    margin: 0.3rem 0;
  }
  .html blockquote {
    margin: 0.3rem 0;
    padding-left: 0.6rem;
    border-left: 3px solid var(--_border);
    color: var(--_muted);
  }
  .cue {
    color: var(--_muted);
    font-weight: 600;
    margin-right: 0.3em;
  }
  .status {
    margin: 0.2rem 0;
    font-size: 0.9em;
    color: var(--_muted);
    font-style: italic;
  }
  .status.rejected {
    color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 1.1rem;
  }
  .actions[hidden],
  .actions [hidden] {
    display: none;
  }
  .actions button {
    padding: 0.2rem 0;
    min-height: 2rem;
    border: 0;
    background: none;
    color: var(--_link);
    font-size: 0.9em;
  }
  .actions button:hover {
    text-decoration: underline;
  }
  /* "Thích": pressed shows in weight and colour, not colour alone. */
  .like[aria-pressed='true'] {
    font-weight: 700;
    color: var(--_accent);
  }
  .like-count {
    font-variant-numeric: tabular-nums;
  }
  [part~='report-button'] {
    order: 1;
  }
  .note {
    order: 2;
    flex-basis: 100%;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .empty {
    color: var(--_muted);
  }
  news-comment-form {
    margin: 0.5rem 0 0.25rem;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .more,
  [part~='retry'] {
    display: block;
    width: 100%;
    margin: var(--_gap) 0 0;
    padding: 0.55rem;
    min-height: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .more:hover,
  [part~='retry']:hover {
    background: var(--_surface-alt);
  }
  /* Under the replies it continues, at their indent. */
  .more-replies {
    width: auto;
    margin-left: var(--news-comment-indent, 1.25rem);
    min-height: 2.75rem;
  }
  .skeleton {
    min-height: 12rem;
  }
  .w30 {
    width: 30%;
  }
  .w70 {
    width: 70%;
  }
  /* The live "N new comments" button floats over the list's top (no height of its own), so
     nothing moves under the reader's eyes when it appears. */
  .live {
    position: sticky;
    top: 0.5rem;
    z-index: 1;
    height: 0;
    display: flex;
    justify-content: center;
  }
  .new-comments {
    min-height: 2.25rem;
    padding: 0.3rem 0.9rem;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
  }
`;
