/**
 * Closable boxes: the "Tắt [X]" button every widget (or a part of one) can carry.
 *
 * - `closeButton(onClick, text = 'Tắt', name = text)`: the button. `text` stays visible; `name`
 *   becomes `aria-label` and must contain `text` (WCAG 2.5.3 label-in-name), e.g. text "Tắt",
 *   name "Tắt hộp chia sẻ".
 * - `closeBox(host, options)`: fires a cancelable `news-close`; unless cancelled, moves focus out
 *   of the box, hides it and remembers the close for the session when the host has
 *   `remember-close`.
 * - `isRememberedClosed(host)`: whether such a box was closed earlier in this session (call it on
 *   connect and hide the box).
 * - `closeStyles`: the button's CSS, after `baseStyles`.
 *
 * The session key is `news-widgets:closed:` + the `remember-close` value, or the tag name when
 * the value is empty, so `remember-close="promo-2026"` separates boxes of the same tag.
 */
import { css, html, type TemplateResult } from 'lit';
import { emit } from './events.js';
import { buttonStyles } from './styles.js';

export interface CloseOptions {
  /** `widget` in the `news-close` detail. Default: `host.localName`. */
  widget?: string;
  /** What closing hides. Default: `host.hidden = true`. */
  hide?: () => void;
  /** Where focus goes when it was inside the host. Default: see `closeBox`. */
  focus?: HTMLElement | null;
}

/** The sessionStorage key of a box that remembers closes, or `null` when it does not. */
function rememberKey(host: Element): string | null {
  const value = host.getAttribute('remember-close');
  return value === null ? null : `news-widgets:closed:${value || host.localName}`;
}

/** True when the host asked to remember closes and was closed earlier in this session. */
export function isRememberedClosed(host: Element): boolean {
  const key = rememberKey(host);
  try {
    return key !== null && sessionStorage.getItem(key) === '1';
  } catch {
    return false; // Storage blocked (private mode, sandboxed frame).
  }
}

const FOCUSABLE = 'a[href],button,input,select,textarea,summary,[tabindex]';

/**
 * Where focus goes when it leaves a closing box: the element named by the host's `focus-after`
 * attribute (made focusable if needed), else the next focusable element after the box in
 * document order, else the previous one.
 */
function focusAfterClose(host: HTMLElement): HTMLElement | undefined {
  const named = document.getElementById(host.getAttribute('focus-after') || '');
  if (named) {
    if (!named.matches(FOCUSABLE)) named.tabIndex = -1;
    return named;
  }
  let previous: HTMLElement | undefined;
  for (const candidate of document.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    const usable =
      !host.contains(candidate) &&
      !candidate.matches(':disabled,[tabindex^="-"]') &&
      candidate.checkVisibility?.() !== false;
    if (!usable) continue;
    if (host.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) return candidate;
    previous = candidate;
  }
  return previous;
}

/**
 * Fires a cancelable `news-close` `{widget}` from `host`. Unless a listener cancels it: focus
 * inside the host moves out (to `options.focus`, else see `focusAfterClose`, else it drops to
 * `<body>`: never left on a hidden node), the box hides (`options.hide`, else `host.hidden`), and
 * a `remember-close` host stays closed for the session. Returns whether it closed; never throws.
 */
export function closeBox(host: HTMLElement, options: CloseOptions = {}): boolean {
  if (!emit(host, 'news-close', { widget: options.widget || host.localName }, { cancelable: true })) return false;
  const focusWasInside = host.matches(':focus-within');
  const target = focusWasInside ? options.focus || focusAfterClose(host) : undefined;
  if (focusWasInside && !target) ((host.shadowRoot ?? document).activeElement as HTMLElement | null)?.blur();
  if (options.hide) options.hide();
  else host.hidden = true;
  target?.focus();
  const key = rememberKey(host);
  try {
    if (key) sessionStorage.setItem(key, '1');
  } catch {
    // Storage blocked: the box still closes on this page.
  }
  return true;
}

/** The "Tắt [X]" button. `name`, when given, must contain `text` (label-in-name). */
export const closeButton = (onClick: (event: Event) => void, text = 'Tắt', name = text): TemplateResult =>
  html`<button type="button" part="close" class="button close" aria-label=${name} @click=${onClick}>
    ${text} <span aria-hidden="true">✕</span>
  </button>`;

export const closeStyles = [
  buttonStyles,
  css`
    .close {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      padding: 0 0.6rem;
    }
  `,
];
