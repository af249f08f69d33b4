/**
 * The desk's live queue: a stream of `GET {api}/moderation/events` while an editor is signed in
 * (also in a background tab, so the tab title's count stays true). EventSource cannot send the
 * bearer token, and a long-lived token must not go into a URL, so each (re)connection first asks
 * for a one-time ticket (`POST /moderation/events/ticket`) and resumes after the last event id it
 * got. With a same-origin session cookie no ticket is needed: EventSource sends the cookie itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeskEventMap, LiveTicket } from '../core/contract.js';

export type DeskLiveEvent =
  /** The stream is open again after a drop: what happened in between is in the queue. */
  | { type: 'ready'; data: DeskEventMap['ready'] }
  | { type: 'queued'; data: DeskEventMap['queued'] }
  | { type: 'handled'; data: DeskEventMap['handled'] };

export interface DeskLiveOptions {
  /** The stream's URL (without query). */
  url: () => string;
  /** A fresh one-time ticket, through the desk's authenticated requests. */
  ticket: () => Promise<LiveTicket>;
  onEvent: (event: DeskLiveEvent) => void;
}

const RETRY_MS = [2_000, 10_000, 30_000, 60_000];

export class DeskLive implements ReactiveController {
  private source?: EventSource;
  private lastId = '';
  private running = false;
  private wanted = false;
  private failures = 0;
  private timer?: ReturnType<typeof setTimeout>;
  /** Bumped on every start and stop: an answer for an older connection attempt is dropped. */
  private attempt = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly opts: DeskLiveOptions,
  ) {
    host.addController(this);
  }

  /** Runs while `on` (the editor is signed in); idempotent. */
  run(on: boolean): void {
    this.wanted = on;
    if (on === this.running) return;
    this.running = on;
    if (on) void this.open();
    else this.stop();
  }

  /** The desk came back on the page: the stream too, if it was wanted. */
  hostConnected(): void {
    if (this.wanted) this.run(true);
  }

  hostDisconnected(): void {
    this.running = false;
    this.stop();
  }

  private stop(): void {
    this.attempt++;
    clearTimeout(this.timer);
    this.source?.close();
    this.source = undefined;
  }

  private async open(): Promise<void> {
    if (typeof EventSource === 'undefined') return;
    const attempt = ++this.attempt;
    try {
      const { ticket } = await this.opts.ticket();
      if (attempt !== this.attempt) return;
      const query = new URLSearchParams({ ticket });
      const resumed = !!this.lastId;
      if (resumed) query.set('lastEventId', this.lastId);
      const source = (this.source = new EventSource(`${this.opts.url()}?${query}`, { withCredentials: false }));
      for (const type of ['ready', 'queued', 'handled'] as const) {
        source.addEventListener(type, (event) => {
          const message = event as MessageEvent<string>;
          if (message.lastEventId) this.lastId = message.lastEventId;
          this.failures = 0;
          if (type === 'ready' && !resumed) return;
          try {
            this.opts.onEvent({ type, data: JSON.parse(message.data) } as DeskLiveEvent);
          } catch {
            // A malformed event is dropped.
          }
        });
      }
      // The browser's own reconnect would reuse the spent ticket: every drop gets a new one.
      source.onerror = () => this.retry(attempt);
    } catch {
      this.retry(attempt);
    }
  }

  private retry(attempt: number): void {
    if (attempt !== this.attempt || !this.running) return;
    this.stop();
    const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]!;
    this.timer = setTimeout(() => void this.open(), wait);
  }
}
