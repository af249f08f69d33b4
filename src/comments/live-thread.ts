/**
 * A thread's live stream (Server-Sent Events from `GET {api}/threads/{thread}/events`), loaded on
 * demand by the list. The stream is open only while the list is near the viewport and the page
 * is visible, and closed otherwise. EventSource resumes its own reconnects with `Last-Event-ID`;
 * when this module opens the stream again (the page came back, the list came near again, the
 * server refused for a while), it passes the last id it got as `?lastEventId=`, since EventSource
 * cannot set headers. So nothing is lost or repeated in between. Only `connect-src` to the API is
 * needed (no credentials).
 */
import type { LiveEventMap } from '../core/contract.js';
import { threadPath } from './comments-api.js';

export type LiveType = Exclude<keyof LiveEventMap, 'ready'>;
const TYPES: (keyof LiveEventMap)[] = ['ready', 'comment', 'count', 'likes'];
/** After a refused or failed stream (429/503, server down): waits growing to 5 minutes. */
const RETRY_MS = [5_000, 15_000, 60_000, 300_000];

export const eventsUrl = (base: string, thread: string) => threadPath(base, thread).replace(/\/comments$/, '/events');

export class LiveThread {
  private source?: EventSource;
  private lastId = '';
  private near = false;
  private failures = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly observer?: IntersectionObserver;

  constructor(
    private readonly host: HTMLElement,
    readonly url: string,
    private readonly onEvent: <K extends LiveType>(type: K, data: unknown) => void,
  ) {
    if (typeof IntersectionObserver === 'undefined') this.near = true;
    else {
      this.observer = new IntersectionObserver(
        (entries) => {
          this.near = entries.some((entry) => entry.isIntersecting);
          this.update();
        },
        { rootMargin: '100% 0px 100% 0px' },
      );
      this.observer.observe(host);
    }
    document.addEventListener('visibilitychange', this.update);
    this.update();
  }

  /** Whether a stream is open or opening (for tests and the curious). */
  get connected(): boolean {
    return !!this.source;
  }

  private readonly update = () => {
    const wanted = this.near && document.visibilityState === 'visible' && this.host.isConnected;
    if (!wanted) this.close();
    else if (!this.source && this.retryTimer === undefined) this.open();
  };

  private open(): void {
    const url = this.lastId ? `${this.url}?lastEventId=${encodeURIComponent(this.lastId)}` : this.url;
    const source = (this.source = new EventSource(url));
    for (const type of TYPES) {
      source.addEventListener(type, (event) => {
        const message = event as MessageEvent<string>;
        if (message.lastEventId) this.lastId = message.lastEventId;
        this.failures = 0;
        if (type === 'ready') return;
        try {
          this.onEvent(type as LiveType, JSON.parse(message.data));
        } catch {
          // A malformed event is dropped; the stream goes on.
        }
      });
    }
    source.onerror = () => {
      // CONNECTING: the browser reconnects by itself (with Last-Event-ID). CLOSED: it gave up
      // (an error answer such as 429/503): try again later, from the last id.
      if (source.readyState !== EventSource.CLOSED) return;
      this.close();
      const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.update();
      }, wait);
    };
  }

  private close(): void {
    this.source?.close();
    this.source = undefined;
  }

  /** Closes the stream for good (the list left the page, or its thread or API changed). */
  disconnect(): void {
    this.close();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.observer?.disconnect();
    document.removeEventListener('visibilitychange', this.update);
  }
}
