import { css } from 'lit';

/**
 * The form's styles, from the shared tokens (src/core/styles.ts): surfaces mixed from the page's
 * text and background, so a partial dark theme never gets a white form with light labels; text
 * on the accent button in `--_on-accent`.
 */
export const styles = css`
  form {
    display: grid;
    gap: 0.6rem;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .top {
    display: flex;
    gap: var(--_gap);
    align-items: flex-start;
    justify-content: space-between;
  }
  .intro {
    display: grid;
    gap: 0.25rem;
  }
  .reply-context {
    margin: 0;
    font-weight: 700;
  }
  .notice {
    margin: 0;
    font-size: 0.92em;
    color: var(--_muted);
  }
  .field {
    display: grid;
    gap: 0.2rem;
  }
  label {
    font-weight: 600;
    font-size: 0.92em;
  }
  .field-control {
    width: 100%;
    padding: 0.5rem 0.6rem;
  }
  textarea.field-control {
    resize: vertical;
    min-height: 6rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_accent);
  }
  .below {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .below p {
    margin: 0;
    flex: 1 1 14rem;
  }
  .counter {
    margin-left: auto;
    font-size: 0.85em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_accent);
    font-weight: 700;
  }
  .hint {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .error {
    margin: 0;
    font-size: 0.9em;
    color: var(--_accent);
  }
  .status {
    margin: 0;
    font-size: 0.92em;
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  [part~='submit'],
  .write {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  [part~='submit'][aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .closed {
    margin: 0;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_muted);
  }
`;
