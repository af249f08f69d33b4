import { css } from 'lit';

// Shared list rules are in core/news-list.ts.
export const styles = css`
  :host([layout='thumbnails']) :is([part~='link'], .skeleton-title),
  :host([layout='grid']) :is([part~='link'], .skeleton-title) {
    --_title-lines: var(--news-title-lines, 3);
  }
  :host([layout='grid']) ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--news-card-width, 12rem)), 1fr));
    gap: var(--_gap);
  }
  :host([layout='grid']) li {
    flex-direction: column;
    gap: 0.5rem;
    align-items: stretch;
    padding: 0;
    border: 0;
  }
  :host([layout='grid']) [part~='image'] {
    width: 100%;
    aspect-ratio: 16/9;
  }
  :host([layout='compact']) li {
    border: 0;
  }
  :host([layout='compact']) :is([part~='link'], .skeleton-title) {
    font-weight: 400;
  }
`;
