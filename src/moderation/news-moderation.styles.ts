import { css } from 'lit';

export const moderationStyles = css`
  :host {
    max-width: 56rem;
  }
  h2 {
    font-size: 1.35em;
    margin: 0 0 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  /* Text on the link colour: the surface may be transparent (a page's own background shows), so
     the text takes the opposite of the link's lightness, as the link colours themselves do. */
  button.primary {
    background: var(--_link);
    border-color: var(--_link);
    color: var(--news-color-on-link, light-dark(#fff, #1b1b1b));
  }
  button.danger {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  button.link {
    border: none;
    background: none;
    text-decoration: underline;
    color: var(--_link);
    padding: 0.35rem 0.2rem;
  }
  :focus-visible,
  article.item:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input,
  textarea {
    font: inherit;
    display: block;
    width: 100%;
    box-sizing: border-box;
    padding: 0.4rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    margin: 0.2rem 0 0.6rem;
  }
  .signin {
    max-width: 24rem;
  }
  .hint,
  .muted,
  time,
  .email,
  .thread {
    color: var(--_muted);
  }
  .error {
    color: var(--_accent);
    min-height: 1.2em;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_gap);
  }
  .who {
    margin: 0;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0.5rem 0;
  }
  .tabs button[aria-pressed='true'] {
    border-color: var(--_link);
    box-shadow: inset 0 -3px 0 var(--_link);
    font-weight: 600;
  }
  .count {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.3em;
    border-radius: 1em;
    background: var(--_surface-alt);
    text-align: center;
  }
  .help {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .live:empty {
    display: none;
  }
  .queue {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--_gap);
  }
  article.item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    background: var(--_surface);
  }
  article.item.active {
    border-color: var(--_link);
  }
  .context {
    margin: 0 0 0.4rem;
    font-size: 0.9em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .context a {
    color: var(--_link);
  }
  .parent,
  .formatted,
  .original {
    margin: 0.4rem 0;
    padding: 0.4rem 0.6rem;
    background: var(--_surface-alt);
    border-left: 3px solid var(--_border);
    white-space: pre-wrap;
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: baseline;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0.4rem 0;
  }
  .label {
    font-weight: 600;
    margin-right: 0.3rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-top: 0.5rem;
  }
  .more {
    margin-top: var(--_gap);
  }
  table.log {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  table.log th,
  table.log td {
    text-align: left;
    border-bottom: 1px solid var(--_border);
    padding: 0.3rem;
    vertical-align: top;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* The desk's rules, selection and bans */
  article.item {
    position: relative;
  }
  input.select {
    display: inline-block;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0 0.5rem 0 0;
    float: left;
  }
  .marks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0.4rem 0;
    font-size: 0.9em;
  }
  .held,
  .mark {
    padding: 0.1rem 0.5rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
  }
`;
