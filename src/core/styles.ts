import { css } from 'lit';

/**
 * Styles every widget shares: the `--news-*` design tokens with fallbacks, the dark scheme and
 * the loading skeleton. Fonts are inherited from the page.
 *
 * Colours use `light-dark()`, so a widget follows the page's own `color-scheme` (a page that
 * declares `color-scheme: light dark` follows the reader's `prefers-color-scheme`).
 * `theme="dark"`, `theme="light"` or `theme="auto"` on the element overrides that.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font: inherit;
    line-height: var(--news-line-height, 1.45);
    color: var(--news-color-text, light-dark(#1b1b1b, #ececec));
    --_muted: var(--news-color-muted, light-dark(#5c5c5c, #b4b4b4));
    --_accent: var(--news-color-accent, light-dark(#b3261e, #ff8a80));
    --_link: var(--news-color-link, light-dark(#14365d, #9ecbff));
    --_border: var(--news-color-border, light-dark(#d9d9d9, #3a3a3a));
    --_surface: var(--news-color-surface, light-dark(#ffffff, #1e1e1e));
    --_surface-alt: var(--news-color-surface-alt, light-dark(#f4f4f4, #2a2a2a));
    --_skeleton: var(--news-color-skeleton, light-dark(#ececec, #333333));
    --_radius: var(--news-radius, 4px);
    --_gap: var(--news-gap, 0.75rem);
    --_focus: var(--news-color-focus, light-dark(#0b57d0, #a8c7fa));
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_link);
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  [part~='heading'] {
    margin: 0 0 var(--_gap);
    padding-bottom: 0.35rem;
    border-bottom: 2px solid var(--_accent);
    color: var(--news-color-heading, inherit);
    font-size: var(--news-heading-size, 1.125rem);
    font-weight: 700;
    line-height: 1.3;
  }
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
