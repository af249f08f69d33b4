/**
 * Ready-to-send answers kept briefly in memory: an LRU (`lru-cache`) bounded by entries and by
 * bytes, each entry with its expiry. Callers key it by the normalised, validated parameters of a
 * request, never by its raw URL: extra or reordered query parameters must not make new entries.
 */
import { LRUCache } from 'lru-cache';

export type Bytes = Uint8Array<ArrayBuffer>;

/** UTF-8 bytes, for cached bodies (no re-encoding per request). */
export const utf8 = (s: string) => new TextEncoder().encode(s) as Bytes;

export interface CachedAnswer {
  /** When it expires, on the app's clock (`config.now`, injectable in tests). */
  until: number;
  body: Bytes;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, CachedAnswer>;

  constructor(maxEntries: number, maxBytes: number) {
    this.entries = new LRUCache<string, CachedAnswer>({
      max: maxEntries,
      maxSize: maxBytes,
      // The body plus the key and the entry's own bookkeeping.
      sizeCalculation: (hit, key) => hit.body.byteLength + key.length * 2 + 64,
    });
  }

  get(key: string, now: number): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > now) return hit;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, body: Bytes, until: number): void {
    // An answer bigger than the whole cache is not kept (lru-cache would refuse it anyway).
    this.entries.set(key, { until, body });
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries and bytes held now (for tests and health). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }
}
