import { css } from 'lit';

export const styles = css`
  :host([layout='thumbnails']) [part~='link'],
  :host([layout='thumbnails']) .sk {
    --_l: var(--news-title-lines, 3);
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
    aspect-ratio: 16 / 9;
  }
  :host([layout='grid']) [part~='link'],
  :host([layout='grid']) .sk {
    --_l: var(--news-title-lines, 3);
  }
  :host([layout='compact']) li {
    padding: 0.25rem 0;
    border: 0;
  }
  :host([layout='compact']) [part~='link'],
  :host([layout='compact']) .sk {
    --_l: 1;
    font-weight: 400;
  }
  :host([layout='compact']) .sk .skeleton-line + .skeleton-line {
    display: none;
  }
`;
