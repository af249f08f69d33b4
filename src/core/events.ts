/** Why a widget could not show its data. */
export type NewsErrorReason = 'http' | 'timeout' | 'network' | 'parse' | 'shape' | 'empty' | 'stale';

export interface NewsErrorDetail {
  /** The tag name of the widget that failed, e.g. `news-related`. */
  widget: string;
  reason: NewsErrorReason;
  /** HTTP status, when `reason` is `http`. */
  status?: number;
  /** A short English description for logs. Never shown to readers. */
  message?: string;
}

export interface NewsCloseDetail {
  widget: string;
}

export interface NewsEventOptions {
  cancelable?: boolean;
}

/** Every `news-*` event, as declared in the global event map by the module that fires it. */
export type NewsEventName = Extract<keyof GlobalEventHandlersEventMap, `news-${string}`>;

/** The `detail` of a `news-*` event, from the global event map. */
export type NewsEventDetail<K extends NewsEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a `news-*` event that bubbles and crosses shadow roots, typed by the global event
 * map. Returns `false` when a listener called `preventDefault()` on a cancelable event.
 */
export function emit<K extends NewsEventName>(
  target: EventTarget,
  name: K,
  detail: NewsEventDetail<K>,
  options: NewsEventOptions = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: !!options.cancelable }),
  );
}

/** A typed error every widget can turn into a `news-error` event. */
export class NewsError extends Error {
  constructor(
    readonly reason: NewsErrorReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'NewsError';
  }
}

/** Maps anything thrown while loading to a `news-error` detail. */
export function toErrorDetail(widget: string, error: unknown): NewsErrorDetail {
  if (error instanceof NewsError) {
    return { widget, reason: error.reason, status: error.status, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { widget, reason: 'network', message };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'news-error': CustomEvent<NewsErrorDetail>;
    'news-close': CustomEvent<NewsCloseDetail>;
  }
}
