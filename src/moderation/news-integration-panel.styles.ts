import { css } from 'lit';

export const integrationPanelStyles = css`
  :host {
    display: block;
  }
  h3 {
    font-size: 1.1em;
    margin: 1.25rem 0 0.4rem;
  }
  .toolbar {
    display: flex;
    justify-content: flex-end;
  }
  .setup {
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.5rem 0.8rem;
    margin: 0.5rem 0;
  }
  .setup ul {
    margin: 0.3rem 0;
    padding-left: 1.2rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  th,
  td {
    text-align: left;
    border-bottom: 1px solid var(--_border);
    padding: 0.3rem;
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  td.url {
    overflow-wrap: anywhere;
  }
  .status-bad {
    font-weight: 600;
  }
  .message {
    display: block;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_accent);
  }
`;
