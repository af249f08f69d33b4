/**
 * View beacons at newsroom volume: each beacon is answered at once and kept in memory; every
 * `intervalMs` the batch is written in one transaction (`ViewStore.recordBatch`: reader dedupe and
 * upserts into hourly buckets). A graceful shutdown flushes what is left; a `kill -9` loses at most
 * the beacons of the last interval (never a comment: comments are written before they are answered).
 */
import type { ViewBeacon, ViewStore } from './domain.ts';

export interface ViewBufferOptions {
  /** How often a batch is written; 0 writes only on `flush()` (tests). */
  intervalMs: number;
  /** The same reader counts once per article per this many ms. */
  dedupeMs: number;
  /** Beyond this many waiting beacons (the database is down or slow), new ones are dropped. */
  maxPending?: number;
  log?: (msg: string) => void;
}

export class ViewBuffer {
  private pending: ViewBeacon[] = [];
  /** Reader+article pairs already waiting: a reader's repeated beacons cost no memory. */
  private waiting = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<unknown> = Promise.resolve();
  private written: ((counted: number, duplicates: number) => void)[] = [];
  dropped = 0;

  constructor(
    private readonly views: ViewStore,
    private readonly opts: ViewBufferOptions,
  ) {}

  /** Queues a beacon: `duplicate` when the same reader's beacon for the article is already waiting. */
  add(beacon: ViewBeacon): 'queued' | 'duplicate' | 'overloaded' {
    const key = `${beacon.visitor}\0${'id' in beacon.ref ? 'i' + beacon.ref.id : 'u' + beacon.ref.urls[0]}`;
    if (this.waiting.has(key)) return 'duplicate';
    if (this.pending.length >= (this.opts.maxPending ?? 200_000)) {
      this.dropped++;
      return 'overloaded';
    }
    this.waiting.add(key);
    this.pending.push(beacon);
    this.schedule();
    return 'queued';
  }

  /** Calls `listener` after each written batch with the views counted and the beacons not counted (same reader). */
  onWritten(listener: (counted: number, duplicates: number) => void): void {
    this.written.push(listener);
  }

  /** The next batch, `intervalMs` from now (unless one is due already). */
  private schedule(): void {
    if (this.opts.intervalMs <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  /** Writes everything waiting (one batch at a time); resolves with the views counted. */
  flush(): Promise<number> {
    const run = this.writing.then(async () => {
      const batch = this.pending;
      if (!batch.length) return 0;
      this.pending = [];
      this.waiting.clear();
      try {
        const counted = await this.views.recordBatch(batch, this.opts.dedupeMs);
        for (const listener of this.written) listener(counted, batch.length - counted);
        return counted;
      } catch (e) {
        // Keep the batch for the next interval (bounded by maxPending): a database hiccup loses nothing.
        this.pending = batch.concat(this.pending).slice(0, this.opts.maxPending ?? 200_000);
        this.opts.log?.(`[views] batch of ${batch.length} not written: ${e instanceof Error ? e.message : String(e)}`);
        this.schedule();
        return 0;
      }
    });
    this.writing = run;
    return run;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Stops the timer and writes the last batch (graceful shutdown). */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
