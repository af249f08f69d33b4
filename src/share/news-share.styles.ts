import { css } from 'lit';

export const styles = css`
  .top {
    display: flex;
    align-items: flex-start;
    gap: var(--_gap);
  }
  [part~='heading'] {
    flex: 1;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-width: 2.75rem;
    height: 2.75rem;
    padding: 0 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--news-share-radius, 999px);
    background: var(--_surface);
    color: var(--news-share-color, var(--_link));
    font: inherit;
    text-decoration: none;
    cursor: pointer;
  }
  [part~='button']:hover {
    background: var(--_surface-alt);
    text-decoration: none;
  }
  svg {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
  }
  [part~='status'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
