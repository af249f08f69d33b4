import { css } from 'lit';

/** What the list needs before its view arrives: the skeleton and the error state. */
export const styles = css`
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
  .skeleton {
    min-height: 12rem;
  }
  .w30 {
    width: 30%;
  }
  .w70 {
    width: 70%;
  }
`;
