import { css } from 'lit';

/** The box that holds the form's place (its size at a 16px root) until the form arrives. */
export const styles = css`
  .skeleton {
    min-height: 29.2rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
