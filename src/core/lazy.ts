/**
 * Modules loaded on first need, beside the data: the feed parser and DOMPurify.
 *
 * A failed import (offline, a deploy that removed a chunk) is not remembered: the next call
 * imports again. Caching the rejected promise would break the widget for the rest of the page's
 * life, even once the network is back.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** The feed parser (`feeds.ts`), for the list widgets. */
export const loadFeeds = lazyModule(() => import('./feeds.js'));

/** The sanitizer with DOMPurify (`sanitize.ts`), for an editor's HTML or a publisher's template. */
export const loadSanitizer = lazyModule(() => import('./sanitize.js'));
