import { css } from 'lit';

/** The report dialog: a modal box over the page, from the shared tokens. */
export const styles = css`
  dialog {
    box-sizing: border-box;
    width: min(32rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--news-color-background, Canvas);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  form {
    display: grid;
    gap: 0.7rem;
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
  }
  fieldset {
    display: grid;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: 0.3rem;
    font-weight: 700;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2rem;
  }
  .choice input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  label.text {
    display: grid;
    gap: 0.25rem;
  }
  textarea {
    padding: 0.45rem 0.55rem;
    resize: vertical;
  }
  .error {
    margin: 0;
    color: var(--_accent);
  }
  .error:empty {
    display: none;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  .button {
    padding: 0.4rem 0.9rem;
  }
  [part~='report-submit'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
`;
