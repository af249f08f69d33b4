/**
 * Closable boxes: the "Tắt [X]" button every widget (or a part of one) can carry.
 *
 * API (three functions and one stylesheet, nothing else):
 *
 *   closeButton(onClick, text = 'Tắt', name?)
 *     → Lit template `<button type=button part="close" class="close">Tắt <span aria-hidden>✕</span></button>`.
 *       `text` stays visible; `name` (optional) becomes `aria-label` and MUST contain `text`
 *       (WCAG 2.5.3 label-in-name), e.g. text "Tắt", name "Tắt hộp chia sẻ". Enter/Space work
 *       because it is a real <button>.
 *
 *   closeBox(host, { widget?, hide?, focus? }) → boolean
 *     Fires a cancelable `news-close` `{widget}` (default `host.localName`) from `host`, via `emit`.
 *     If a listener calls preventDefault() nothing happens and it returns false. Otherwise:
 *     1. if focus is inside `host`, it moves to `focus` (option), else to the element whose id is
 *        in the host's `focus-after` attribute (made focusable with tabindex=-1 if needed), else
 *        to the next focusable element after `host` in document order, else the previous one,
 *        else focus is dropped to <body> — never left on a hidden node;
 *     2. `hide()` runs (default: `host.hidden = true`; `baseStyles` has `:host([hidden])`);
 *     3. if `host` has `remember-close`, the close is stored in sessionStorage so that
 *        `isRememberedClosed()` is true for the rest of the session (all pages of the site).
 *     Returns true. Never throws (storage failures are ignored).
 *
 *   isRememberedClosed(host) → boolean
 *     True when `host` has `remember-close` and a box with the same key was closed in this
 *     session. Call it in connectedCallback and set `hidden` (the widget stays closed on reload).
 *     Key: `news-widgets:closed:` + (the `remember-close` value, or `host.localName` when empty),
 *     so `remember-close="promo-2026"` separates boxes of the same tag.
 *
 *   closeStyles: CSS for `.close` (add to `static styles` after `baseStyles`).
 */
import { css, html, type TemplateResult } from 'lit';
import { storageKey } from './close-key.js';

// `closeBox` (focus management, storage write, the cancelable event) lives in ./close-box.js so a
// widget can load it only when the reader interacts (`import('../core/close-box.js')`); importing
// `closeButton`/`isRememberedClosed` from here then does not ship it (tree-shaken).
export { closeBox, type CloseOptions } from './close-box.js';

/** True when the host asked to remember closes and was closed earlier in this session. */
export function isRememberedClosed(host: Element): boolean {
  try {
    return sessionStorage.getItem(storageKey(host)) == '1';
  } catch {
    return false; // Storage blocked (private mode, sandboxed frame).
  }
}

/** The "Tắt [X]" button. `name`, when given, must contain `text` (label-in-name). */
export const closeButton = (onClick: (event: Event) => void, text = 'Tắt', name = text): TemplateResult =>
  html`<button type="button" part="close" class="close" aria-label=${name} @click=${onClick}>
    ${text} <span aria-hidden="true">✕</span>
  </button>`;

export const closeStyles = css`
  .close {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: 2.75rem;
    padding: 0 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .close:hover {
    background: var(--_surface-alt);
  }
`;
