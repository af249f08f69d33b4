/**
 * What the desk's integration panel counts, gathered in memory and written in one go every
 * `intervalMs` (and on `flush()`/`close()`): the outcome of every view beacon, per hour and reason,
 * and the origins whose cross-origin calls were refused. Counting in memory keeps the beacon path
 * and the CORS check free of database writes; a `kill -9` loses at most one interval of counts.
 */
import type { BeaconOutcome } from '../src/core/contract.ts';
import type { IntegrationStore } from './domain.ts';
import { HOUR } from './storage/common.ts';

/** Refused origins kept (database and memory): a flood of made-up origins cannot grow them. */
export const MAX_REFUSED_ORIGINS = 100;
/** Longer `Origin` headers are cut (an origin is scheme, host and port). */
const MAX_ORIGIN_CHARS = 200;

export interface RecorderOptions {
  /** How often counts are written; 0: only on `flush()` (tests). */
  intervalMs: number;
  now: () => number;
  log?: (msg: string) => void;
}

export class IntegrationRecorder {
  private beacons = new Map<string, { hourMs: number; reason: BeaconOutcome; count: number }>();
  private origins = new Map<string, { origin: string; count: number; at: number }>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: IntegrationStore,
    private readonly opts: RecorderOptions,
  ) {}

  /** Counts `n` beacons with this outcome, in the current hour. */
  beacon(reason: BeaconOutcome, n = 1): void {
    if (n <= 0) return;
    const hourMs = Math.floor(this.opts.now() / HOUR) * HOUR;
    const key = `${hourMs}:${reason}`;
    const e = this.beacons.get(key) ?? { hourMs, reason, count: 0 };
    e.count += n;
    this.beacons.set(key, e);
    this.schedule();
  }

  /** Counts one call from `origin` that CORS refused. */
  corsRefused(origin: string): void {
    const key = origin.slice(0, MAX_ORIGIN_CHARS);
    const e = this.origins.get(key);
    if (e) {
      e.count++;
      e.at = this.opts.now();
    } else if (this.origins.size < MAX_REFUSED_ORIGINS) {
      this.origins.set(key, { origin: key, count: 1, at: this.opts.now() });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.opts.intervalMs <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  /** Writes what was counted since the last write (one write at a time). */
  flush(): Promise<void> {
    const run = this.writing.then(async () => {
      const beacons = [...this.beacons.values()];
      const origins = [...this.origins.values()];
      this.beacons.clear();
      this.origins.clear();
      try {
        if (beacons.length) await this.store.addBeaconCounts(beacons);
        if (origins.length) await this.store.addCorsRefusals(origins, MAX_REFUSED_ORIGINS);
      } catch (e) {
        this.opts.log?.(`[integration] counts not written: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    this.writing = run;
    return run;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
