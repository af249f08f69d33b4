import { css } from 'lit';

// Icon buttons shrink from 44px to 36px before the row wraps,
// so the default seven buttons stay on one row (the height reserve.css keeps) down to 288px.
// With labels, a grid of 10rem columns: the rows depend on the width alone, never on the font.
export const styles = css`
  .top,
  ul {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .top {
    align-items: flex-start;
  }
  [part~='heading'] {
    flex: 1;
  }
  li {
    flex: 1 1 2.25rem;
    max-width: 2.75rem;
  }
  :host([variant='labels']) ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
  }
  :host([variant='labels']) li {
    max-width: none;
  }
  :host([variant='labels']) [part~='label'] {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [part~='button'] {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    width: 100%;
    height: 2.75rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--news-share-radius, 2rem);
    background: var(--_surface);
    color: var(--news-share-color, var(--_link));
    font: inherit;
    cursor: pointer;
  }
  :host([variant='labels']) [part~='button'] {
    padding: 0 0.6rem;
  }
  [part~='button']:hover {
    background: var(--_surface-alt);
    text-decoration: none;
  }
  svg {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .fine {
    stroke-width: 1.4;
  }
  [part~='status'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='status']:not(:empty) {
    margin-top: 0.375rem;
  }
`;
