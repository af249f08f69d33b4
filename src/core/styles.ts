import { css } from 'lit';

/**
 * Styles every widget shares: the `--news-*` design tokens with their fallbacks, the colour
 * scheme, links, the focus ring, `.visually-hidden`, the heading and the loading skeleton.
 * Fonts are inherited from the page.
 *
 * Colours follow the page's own `color-scheme` through `light-dark()` (a page that declares
 * `color-scheme: light dark` follows the reader's `prefers-color-scheme`); `theme="dark"`,
 * `"light"` or `"auto"` on the element overrides that.
 *
 * Surfaces, borders, the muted text and the skeleton are mixed from the text colour over the
 * background (`--news-color-background`, else transparent: the page shows through), so a page
 * that sets only `--news-color-text` for a dark design gets dark boxes, not white ones.
 */
export const baseStyles = css`
  :host {
    --_text: var(--news-color-text, light-dark(#1b1b1b, #ececec));
    --_background: var(--news-color-background, transparent);
    --_muted: var(--news-color-muted, color-mix(in srgb, var(--_text) 74%, var(--_background)));
    --_accent: var(--news-color-accent, light-dark(#b3261e, #ff8a80));
    --_on-accent: var(--news-color-on-accent, light-dark(#fff, #1b1b1b));
    --_link: var(--news-color-link, light-dark(#14365d, #9ecbff));
    --_border: var(--news-color-border, color-mix(in srgb, var(--_text) 20%, var(--_background)));
    --_surface: var(--news-color-surface, var(--_background));
    --_surface-alt: var(--news-color-surface-alt, color-mix(in srgb, var(--_text) 7%, var(--_background)));
    --_skeleton: var(--news-color-skeleton, color-mix(in srgb, var(--_text) 11%, var(--_background)));
    --_focus: var(--news-color-focus, var(--_link));
    --_radius: var(--news-radius, 4px);
    --_gap: var(--news-gap, 0.75rem);

    display: block;
    box-sizing: border-box;
    margin-block: var(--news-space-block, 1.5rem);
    font: inherit;
    line-height: var(--news-line-height, 1.45);
    color: var(--_text);
  }
  /* Without --news-color-on-accent, text on the accent is black or white, whichever the accent's
     lightness calls for: a page that picks a yellow accent gets dark text on it. */
  @supports (color: oklch(from red l c h)) {
    :host {
      --_on-accent: var(--news-color-on-accent, oklch(from var(--_accent) clamp(0, (0.62 - l) * 1000, 1) 0 0));
    }
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
  ::before,
  ::after {
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

/**
 * The boxes' controls: `.button` (bordered, on the surface colour) and `.field-control` (text
 * inputs), both with a 44 px touch target.
 */
export const buttonStyles = css`
  .button,
  .field-control {
    min-height: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .button {
    cursor: pointer;
  }
  .button:hover {
    background: var(--_surface-alt);
  }
`;
