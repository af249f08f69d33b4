import { css } from 'lit';

/** The desk's panels (filter, bulk bar, ban form, rules, bans): on top of the desk's own styles. */
export const panelStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.6rem;
    padding: 0.5rem 0.75rem;
  }
  legend {
    font-weight: 600;
  }
  select {
    font: inherit;
    padding: 0.35rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    margin: 0.2rem 0 0.6rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    display: inline-block;
    width: auto;
    margin: 0 0.4rem 0 0;
    min-width: 1.2rem;
    min-height: 1.2rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: end;
  }
  .row > * {
    flex: 1 1 12rem;
  }
  .row > button {
    flex: 0 0 auto;
    margin-bottom: 0.6rem;
  }
  .check {
    display: flex;
    align-items: center;
    margin: 0.3rem 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
    padding: 0.5rem 0.75rem;
    margin: 0 0 var(--_gap);
    border: 1px solid var(--_link);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .bar strong {
    margin-right: auto;
  }
  ul.list {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_gap);
    display: grid;
    gap: 0.5rem;
  }
  ul.list > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    background: var(--_surface);
  }
  .words {
    list-style: none;
    padding: 0;
    margin: 0 0 0.4rem;
  }
  .words li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .words li input[type='text'] {
    flex: 1 1 10rem;
    width: auto;
  }
  table.bans {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  table.bans th,
  table.bans td {
    text-align: left;
    border-bottom: 1px solid var(--_border);
    padding: 0.3rem;
    vertical-align: top;
  }
`;
