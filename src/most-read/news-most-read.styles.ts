import { css } from 'lit';

// Shared list rules are in core/news-list.ts.
export const styles = css`
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: calc(var(--_gap) * -0.5) 0 0.5rem;
  }
  [role='tab'] {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_muted);
    background: none;
    border: 0;
    border-bottom: 2px solid transparent;
    padding: 0.25rem 0.5rem;
    cursor: pointer;
  }
  [aria-selected='true'] {
    color: inherit;
    font-weight: 600;
    border-bottom-color: var(--_accent);
  }
  [part~='rank'] {
    flex: none;
    min-width: 1.4em;
    font-size: var(--news-rank-size, 1.5rem);
    font-weight: 700;
    line-height: 1.1;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  :host([layout='columns']) ol {
    columns: 2 var(--news-column-width, 16rem);
    column-gap: calc(var(--_gap) * 2);
  }
  /* Separators under each row, so the second column starts level with the first. */
  :host([layout='columns']) li {
    border-top: 0;
    border-bottom: 1px solid var(--_border);
  }
  :host([layout='columns']) li:last-child {
    border-bottom: 0;
  }
  :host([layout='compact']) [part~='rank'] {
    font-size: 1rem;
    line-height: 1.35;
  }
`;
