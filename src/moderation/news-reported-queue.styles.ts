import { css } from 'lit';

/** The reported queue, over the desk's own styles (`moderationStyles`). */
export const reportedStyles = css`
  .reports {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 0.9rem;
    align-items: baseline;
    margin: 0.3rem 0;
  }
  .reports strong {
    color: var(--_accent);
  }
  .reasons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .reasons li {
    padding: 0.05rem 0.45rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.9em;
  }
  .hidden-badge {
    padding: 0.05rem 0.45rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
    font-size: 0.9em;
    font-weight: 700;
  }
  .notes {
    margin: 0.3rem 0;
    padding-left: 1.2rem;
    color: var(--_muted);
  }
`;
