/** What both dialects' stats share: the decision actions, and spreading grouped rows over buckets. */
import type { StatsWindow } from '../domain.ts';

/** Log actions that decide a comment's fate (an edit alone does not). */
export const DECISIONS = ['approve', 'reject', 'edit+approve', 'edit+reject'] as const;

/** One number per bucket from `{b, n}` rows (bucket index, value); buckets without a row are 0. */
export function perBucket(w: StatsWindow, rows: { b: number; n: number }[]): number[] {
  const out = new Array<number>(w.buckets).fill(0);
  for (const r of rows) if (r.b >= 0 && r.b < w.buckets) out[r.b] = Number(r.n);
  return out;
}

/** The first hourly view bucket inside the window (an hour counts in the bucket where it starts). */
export const firstHour = (w: StatsWindow, hourMs: number) => Math.ceil(w.from / hourMs);
export const endHour = (w: StatsWindow, hourMs: number) => Math.ceil(w.to / hourMs);
