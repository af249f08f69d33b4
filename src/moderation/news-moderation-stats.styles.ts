import { css } from 'lit';

/**
 * The charts' colours come from the theme: axes and labels from the text colour, bars from the
 * accent and the border tone, lines from five series colours that hold in light and dark schemes
 * (each line also has its own dash pattern, so colour is never the only difference).
 */
export const moderationStatsStyles = css`
  :host {
    --_c0: var(--news-chart-1, light-dark(#1f5fa8, #8ab8ff));
    --_c1: var(--news-chart-2, light-dark(#b3261e, #ff8a80));
    --_c2: var(--news-chart-3, light-dark(#2e7d32, #81c784));
    --_c3: var(--news-chart-4, light-dark(#7b1fa2, #ce93d8));
    --_c4: var(--news-chart-5, light-dark(#8d6e00, #ffd54f));
    --_received: color-mix(in srgb, var(--_text) 35%, var(--_background));
    margin-block: 0;
  }
  h3 {
    font-size: 1.2em;
    margin: 0.5rem 0;
  }
  h4,
  figcaption {
    font-weight: 600;
    margin: 0 0 0.4rem;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }
  .ranges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .button {
    padding: 0.35rem 0.8rem;
  }
  .button[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 -3px 0 var(--_accent);
    font-weight: 600;
  }
  .status:empty {
    display: none;
  }
  .error {
    color: var(--_accent);
  }
  .charts {
    display: grid;
    gap: 1.5rem;
  }
  .chart,
  .decisions {
    margin: 0;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  svg.plot {
    display: block;
    width: 100%;
    height: auto;
    color: var(--_muted);
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .tick,
  .label {
    fill: currentColor;
    font-size: 11px;
  }
  .label {
    fill: var(--_text);
    font-size: 12px;
  }
  .series polyline {
    fill: none;
    stroke-width: 2;
  }
  .series circle {
    stroke: none;
  }
  .s0 {
    stroke: var(--_c0);
    fill: var(--_c0);
  }
  .s1 {
    stroke: var(--_c1);
    fill: var(--_c1);
  }
  .s2 {
    stroke: var(--_c2);
    fill: var(--_c2);
  }
  .s3 {
    stroke: var(--_c3);
    fill: var(--_c3);
  }
  .s4 {
    stroke: var(--_c4);
    fill: var(--_c4);
  }
  .s1 polyline {
    stroke-dasharray: 6 3;
  }
  .s2 polyline {
    stroke-dasharray: 2 3;
  }
  .s3 polyline {
    stroke-dasharray: 8 3 2 3;
  }
  .s4 polyline {
    stroke-dasharray: 12 4;
  }
  .bar.received {
    fill: var(--_received);
  }
  .bar.approved {
    fill: var(--_accent);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
  }
  .swatch {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.35em;
    vertical-align: -0.1em;
    border-radius: 2px;
    background: var(--_c0);
  }
  .swatch.s1 {
    background: var(--_c1);
  }
  .swatch.s2 {
    background: var(--_c2);
  }
  .swatch.s3 {
    background: var(--_c3);
  }
  .swatch.s4 {
    background: var(--_c4);
  }
  .swatch.received {
    background: var(--_received);
  }
  .swatch.approved {
    background: var(--_accent);
  }
  .table:not(.visually-hidden) {
    overflow-x: auto;
    margin-top: 0.75rem;
  }
  table {
    border-collapse: collapse;
    font-size: 0.9em;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 0.2rem 0.5rem;
    text-align: end;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
    font-weight: normal;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-size: 1.4em;
    font-weight: 600;
  }
  .empty {
    color: var(--_muted);
    margin: 0;
  }
`;
