/**
 * The publisher's feeds (`FEEDS`), polled at start and every `FEED_INTERVAL`: a conditional GET
 * (ETag / Last-Modified), a time-out, a size cap, the kit's own parser (`seed.ts` parseFeedBytes,
 * as `npm run ingest`), then an upsert of the items as articles. A failing feed is logged, recorded
 * and retried later (backing off up to an hour); it never stops the server.
 *
 * Each feed's state (validators, last poll, status, item count, next poll) lives in the database,
 * so several processes on one PostgreSQL database agree: a process polls a feed only after
 * claiming it (`IntegrationStore.claimFeed`), which moves its next poll ahead for everyone else.
 */
import type { FeedPollStatus } from '../src/core/contract.ts';
import { DomainError, type ArticleInput, type FeedState, type Storage } from './domain.ts';
import { itemsToArticles, parseFeedBytes } from './seed.ts';

export interface FeedPollerOptions {
  feeds: string[];
  intervalMs: number;
  timeoutMs: number;
  maxBytes: number;
  now: () => number;
  log?: (msg: string) => void;
  /** Called after a poll wrote articles (drop cached answers). */
  changed?: () => void;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, */*;q=0.5';
/** Longest wait after failures in a row (or the interval, if longer). */
const MAX_BACKOFF_MS = 3600_000;
/** How often a process checks whether a feed is due: feeds are polled within this of their time. */
const MAX_TICK_MS = 60_000;

class PollError extends Error {
  constructor(
    readonly status: FeedPollStatus,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Upserts feed articles; an item whose URL an article already has under another id (created from a
 * beacon, or an earlier feed id) updates that article instead of clashing with it.
 */
export async function upsertFeedArticles(storage: Storage, articles: ArticleInput[]): Promise<string[]> {
  const mapped = await Promise.all(
    articles.map(async (a) => {
      const existing = await storage.articles.resolve({ urls: [a.url] });
      return existing && existing.id !== a.id ? { ...a, id: existing.id } : a;
    }),
  );
  return storage.articles.upsert(mapped);
}

export class FeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly storage: Storage,
    private readonly opts: FeedPollerOptions,
  ) {}

  /** Polls the due feeds now, then keeps checking; no-op without feeds. */
  start(): void {
    if (!this.opts.feeds.length || this.timer || this.stopped) return;
    const tick = Math.min(this.opts.intervalMs, MAX_TICK_MS);
    void this.pollDue();
    this.timer = setInterval(() => void this.pollDue(), tick);
    this.timer.unref();
  }

  /** Stops the timer and cancels a poll in flight (shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.running;
  }

  /** Polls each feed that is due (and not claimed by another process); one round at a time. */
  pollDue(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = (async () => {
      for (const url of this.opts.feeds) {
        if (this.stopped) break;
        try {
          const state = await this.storage.integration.claimFeed(url, this.opts.now(), this.opts.timeoutMs * 2);
          if (state) await this.poll(state);
        } catch (e) {
          // The database is unreachable: try again at the next tick.
          this.opts.log?.(`[feeds] ${url}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** One conditional GET of a feed, its articles written, its state recorded. */
  private async poll(state: FeedState): Promise<void> {
    const started = this.opts.now();
    const next: FeedState = { ...state, lastPollAt: started };
    try {
      const res = await this.fetch(state);
      if (res.notModified) {
        Object.assign(next, { status: 'not_modified', message: null, failures: 0 });
      } else {
        const articles = itemsToArticles(this.parse(res.bytes, res.url, res.contentType));
        try {
          await upsertFeedArticles(this.storage, articles);
        } catch (e) {
          throw new PollError('store_error', e instanceof DomainError ? e.message : String(e));
        }
        if (articles.length) this.opts.changed?.();
        Object.assign(next, {
          status: 'ok',
          message: null,
          itemCount: articles.length,
          failures: 0,
          etag: res.etag,
          lastModified: res.lastModified,
        });
      }
    } catch (e) {
      const err =
        e instanceof PollError ? e : new PollError('network_error', e instanceof Error ? e.message : String(e));
      Object.assign(next, { status: err.status, message: err.message.slice(0, 500), failures: state.failures + 1 });
      this.opts.log?.(`[feeds] ${state.url}: ${err.status}: ${err.message}`);
    }
    const backoff = next.failures
      ? Math.min(this.opts.intervalMs * 2 ** (next.failures - 1), Math.max(MAX_BACKOFF_MS, this.opts.intervalMs))
      : this.opts.intervalMs;
    next.nextPollAt = this.opts.now() + backoff;
    await this.storage.integration.saveFeed(next);
  }

  private async fetch(state: FeedState) {
    const headers: Record<string, string> = { accept: ACCEPT };
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.opts.timeoutMs)]);
    const timedOut = () =>
      new PollError(
        this.stopped ? 'network_error' : 'timeout',
        this.stopped ? 'Stopped' : `No complete answer in ${this.opts.timeoutMs} ms`,
      );
    let res: Response;
    try {
      res = await fetch(state.url, { headers, signal, redirect: 'follow' });
    } catch (e) {
      if (signal.aborted) throw timedOut();
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new PollError('network_error', cause?.code ?? cause?.message ?? (e as Error).message);
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { notModified: true } as const;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new PollError('http_error', `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
    }
    const tooLarge = () => new PollError('too_large', `Larger than ${this.opts.maxBytes} bytes (FEED_MAX_BYTES)`);
    if (Number(res.headers.get('content-length') ?? 0) > this.opts.maxBytes) {
      await res.body?.cancel();
      throw tooLarge();
    }
    // Read with the cap: a server that lies about (or omits) its length stops at the cap.
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body ?? []) {
        size += chunk.byteLength;
        // Leaving the loop cancels the stream.
        if (size > this.opts.maxBytes) throw tooLarge();
        chunks.push(chunk);
      }
    } catch (e) {
      if (e instanceof PollError) throw e;
      if (signal.aborted) throw timedOut();
      throw new PollError('network_error', (e as Error).message);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return {
      notModified: false,
      bytes,
      url: res.url || state.url,
      contentType: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    } as const;
  }

  private parse(bytes: Uint8Array, url: string, contentType: string | null) {
    try {
      return parseFeedBytes(bytes, { url, contentType });
    } catch (e) {
      throw new PollError('parse_error', e instanceof Error ? e.message : String(e));
    }
  }
}
