/** Ready-to-send answers kept briefly in memory, keyed by the raw request URL. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** UTF-8 bytes, for cached bodies (no re-encoding per request). */
export const utf8 = (s: string) => new TextEncoder().encode(s) as Bytes;

export class ResponseCache {
  private entries = new Map<string, { until: number; body: Bytes }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, now: number): { until: number; body: Bytes } | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > now ? hit : undefined;
  }

  set(key: string, body: Bytes, until: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { until, body });
  }

  clear(): void {
    this.entries.clear();
  }
}
