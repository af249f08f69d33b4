import { css } from 'lit';

/** An inline count; the skeleton keeps its width while the number loads. */
export const styles = css`
  :host {
    display: inline;
  }
  .skeleton-line {
    display: inline-block;
    width: 6em;
    vertical-align: middle;
  }
`;
