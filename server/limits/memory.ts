/** Rate-limit counters in this process's memory: right for one process (the SQLite default). */
import type { RateLimitStore } from '../domain.ts';

export class MemoryRateLimits implements RateLimitStore {
  private windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number, by = 1) {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      if (this.windows.size > 100_000) this.sweep(t);
      w = { count: 0, resetAt: t + windowMs };
      this.windows.set(key, w);
    }
    w.count = Math.max(0, w.count + by);
    return { count: w.count, resetAt: w.resetAt };
  }

  private sweep(t: number) {
    for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
  }
}
