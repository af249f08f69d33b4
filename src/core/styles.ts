import { css } from 'lit';
import { boxStyles } from './box-styles.js';

export { boxStyles };

/**
 * Styles every widget shares: the `--news-*` design tokens with fallbacks, the dark scheme and
 * the loading skeleton. Fonts are inherited from the page.
 *
 * Colours use `light-dark()`, so a widget follows the page's own `color-scheme` (a page that
 * declares `color-scheme: light dark` follows the reader's `prefers-color-scheme`).
 * `theme="dark"`, `theme="light"` or `theme="auto"` on the element overrides that.
 *
 * `baseStyles` is `boxStyles` (./box-styles.ts) plus the loading skeleton (`.skeleton-line`).
 * A widget without a skeleton (share) imports `boxStyles` from ./box-styles.js alone.
 */
export const baseStyles = css`
  ${boxStyles}
  .skeleton-line {
    display: block;
    height: 0.9em;
    margin: 0.3em 0;
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-line {
      animation: news-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes news-pulse {
    50% {
      opacity: 0.55;
    }
  }
`;
