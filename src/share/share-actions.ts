/**
 * What `<news-share>` does only when the reader acts: copy to the clipboard, the native share
 * sheet and closing. Loaded lazily ("import on interaction"): news-share.ts starts importing this
 * chunk as soon as the pointer enters, a touch starts or focus moves into the box, so it is there
 * by the click; the links to networks are plain `<a href>` and need none of it.
 */
import { pageTitle } from '../core/api.js';
import { closeBox } from '../core/close-box.js';
import type { NewsShare } from './news-share.js';

/** The element's state this chunk updates (private to the class, so reached through this view). */
interface Host {
  renderRoot: ShadowRoot;
  copied: boolean;
  timer?: ReturnType<typeof setTimeout>;
  copiedDuration: number;
  title: string;
}

/** Copies `url` and shows "Đã sao chép liên kết" in the status region for `copied-duration` ms. */
export async function copy(el: NewsShare, url: string): Promise<void> {
  const host = el as unknown as Host;
  let ok = true;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    // No Clipboard API (old browser, http page, permission): select a hidden input and copy.
    const root = host.renderRoot;
    const focused = root.activeElement as HTMLElement | null;
    const input = document.createElement('input');
    input.className = 'visually-hidden';
    input.value = url;
    root.append(input);
    input.select();
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    input.remove();
    focused?.focus();
  }
  if (ok) {
    host.copied = true;
    clearTimeout(host.timer);
    host.timer = setTimeout(() => (host.copied = false), host.copiedDuration);
  }
}

/** Opens the native share sheet; copies instead where it is unsupported or refuses the data. */
export async function native(el: NewsShare, url: string): Promise<void> {
  const data = { url, title: el.title || pageTitle() };
  try {
    if (typeof navigator.share == 'function' && navigator.canShare?.(data) !== false)
      return await navigator.share(data);
  } catch (error) {
    if ((error as Error)?.name == 'AbortError') return; // The reader closed the share sheet.
  }
  await copy(el, url); // Unsupported or refused: copy instead.
}

/** The "Tắt" button: cancelable `news-close`, focus moved out, hidden, remembered when asked. */
export const close = (el: NewsShare): void => void closeBox(el, { widget: 'news-share' });
