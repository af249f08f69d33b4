/**
 * Element-level laziness: the list and the form are element modules of their own, imported when
 * they are needed (near the viewport, or at once with `loading="eager"`). A failed import is
 * never cached: the next need tries again. `watchStandalone()` does this for the elements a page
 * uses on their own, and starts a standalone list's first page together with its code.
 */
import { apiBase } from '../core/api.js';
import { lazyModule } from '../core/lazy.js';
import { resolveLocale } from '../core/locale.js';
import type { CommentSort } from '../core/contract.js';
import { fetchThread, pageSize } from './comments-api.js';
import type { NewsCommentForm } from './news-comment-form.js';
import type { NewsCommentList, PageRequest } from './news-comment-list.js';

/** Imports and defines `<news-comment-list>` (with the reply form it renders). */
export const loadList = lazyModule(() =>
  import('./news-comment-list.js').then(({ NewsCommentList }) => NewsCommentList.define('news-comment-list')),
);

/** Imports and defines `<news-comment-form>`. */
export const loadForm = lazyModule(() =>
  import('./news-comment-form.js').then(({ NewsCommentForm }) => NewsCommentForm.define('news-comment-form')),
);

const STANDALONE = 'news-comment-list:not(:defined), news-comment-form:not(:defined)';

/**
 * Asks for a thread's first page now, while the list's code loads. The list reports a failure
 * itself, when it takes the page. Meanwhile the page's first `Intl.RelativeTimeFormat` is made:
 * loading its locale data costs 15–25 ms on a slow phone, which would otherwise fall between the
 * data's arrival and the comments on screen.
 */
export function requestFirstPage(
  element: Element,
  base: string,
  thread: string,
  query: { sort: CommentSort; limit: number },
): PageRequest {
  const page = fetchThread(base, thread, query);
  page.catch(() => undefined);
  new Intl.RelativeTimeFormat(resolveLocale(element).tag, { numeric: 'auto' });
  return { base, thread, ...query, page };
}

/** Starts a standalone list's first page now, while its code loads. */
function startFirstPage(list: NewsCommentList): void {
  const base = apiBase(list);
  const thread = list.getAttribute('thread');
  if (!base || !thread || list.firstPage) return;
  const asked = list.getAttribute('sort');
  const sort: CommentSort = asked === 'oldest' || asked === 'popular' ? asked : 'newest';
  list.firstPage = requestFirstPage(list, base, thread, { sort, limit: pageSize(Number(list.getAttribute('limit'))) });
}

function load(element: Element): Promise<void> {
  if (element.localName === 'news-comment-form') return loadForm();
  startFirstPage(element as NewsCommentList);
  return loadList();
}

/** Reply forms open on a click, and a form that may stay closed must know it before it paints. */
const wantedAtOnce = (element: Element) =>
  element.getAttribute('loading') === 'eager' ||
  (element.localName === 'news-comment-form' &&
    ((element as NewsCommentForm).hasAttribute('parent') || element.hasAttribute('remember-close')));

let watching = false;

/** Loads the standalone list and form elements of the page as they come near the viewport. */
export function watchStandalone(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  const near =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              near!.unobserve(entry.target);
              // Not loaded: watched again, so the next approach tries again.
              load(entry.target).catch(() => near!.observe(entry.target));
            }
          },
          { rootMargin: '100% 0px 100% 0px' },
        );
  const scan = () => {
    for (const element of document.querySelectorAll(STANDALONE)) {
      if (wantedAtOnce(element) || !near) void load(element).catch(() => undefined);
      else near.observe(element);
    }
  };
  scan();
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
}
