import { css } from 'lit';

// Split from styles.ts so that a widget without a skeleton (share) can import it without the
// skeleton rules: a css`` call is never tree-shaken. Everything else imports `baseStyles`.
// Written compactly on purpose: the build strips only whitespace, and these bytes ship in every widget.
/** The tokens, themes, links, focus ring, `.visually-hidden` and the heading: everything but the skeleton. */
export const boxStyles = css`
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
    --_surface: var(--news-color-surface, light-dark(#fff, #1e1e1e));
    --_surface-alt: var(--news-color-surface-alt, light-dark(#f4f4f4, #2a2a2a));
    --_skeleton: var(--news-color-skeleton, light-dark(#ececec, #333));
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
`;
