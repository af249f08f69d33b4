/**
 * `closeBox`, the part of ./closable.js that runs only when a box is closed (see the API there).
 * A separate module so widgets can import it lazily, on interaction; ./closable.js re-exports it.
 */
import { storageKey } from './close-key.js';
import { emit } from './events.js';

export interface CloseOptions {
  /** `widget` in the `news-close` detail. Default: `host.localName`. */
  widget?: string;
  /** What closing hides. Default: `host.hidden = true`. */
  hide?: () => void;
  /** Where focus goes when it was inside the host. Default: see `closeBox`. */
  focus?: HTMLElement | null;
}

const FOCUSABLE = 'a[href],button,input,select,textarea,summary,[tabindex]';

function focusTarget(host: HTMLElement): HTMLElement | undefined {
  const target = document.getElementById(host.getAttribute('focus-after') || '');
  if (target) {
    if (!target.matches(FOCUSABLE)) target.tabIndex = -1;
    return target;
  }
  let before: HTMLElement | undefined;
  for (const el of document.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (host.contains(el) || el.matches(':disabled,[tabindex^="-"]') || el.checkVisibility?.() == false) continue;
    if (host.compareDocumentPosition(el) & 4 /* FOLLOWING */) return el;
    before = el;
  }
  return before;
}

/** Fires cancelable `news-close`; unless cancelled, moves focus out, hides and remembers. */
export function closeBox(host: HTMLElement, options: CloseOptions = {}): boolean {
  if (!emit(host, 'news-close', { widget: options.widget || host.localName }, { cancelable: true })) return false;
  const inside = host.matches(':focus-within');
  const to = inside && (options.focus || focusTarget(host));
  if (inside && !to) ((host.shadowRoot || document).activeElement as HTMLElement | null)?.blur();
  if (options.hide) options.hide();
  else host.hidden = true;
  if (to) to.focus();
  const key = storageKey(host);
  try {
    if (key) sessionStorage.setItem(key, '1');
  } catch {
    // Storage blocked: the box still closes on this page.
  }
  return true;
}
