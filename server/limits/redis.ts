/**
 * Redis (REDIS_URL) for what several server processes must share besides the database: rate-limit
 * counters (one atomic INCR per hit) and the "reader-visible data changed" signal (pub/sub), so a
 * comment approved through one process is not served stale from another's cache.
 */
import { Redis } from 'ioredis';
import type { ChangeFeed, RateLimitStore } from '../domain.ts';

/** INCRBY (never below 0), and start the window's expiry on its first hit; returns [count, ms left]. Atomic in Redis. */
const HIT = `local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n < 0 then n = 0; redis.call('SET', KEYS[1], 0, 'KEEPTTL') end
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export class RedisShared implements RateLimitStore, ChangeFeed {
  private readonly redis: Redis;
  private subscriber: Redis | undefined;
  private readonly channel: string;

  constructor(
    url: string,
    private readonly now: () => number = Date.now,
    /** Namespace of every key and channel (several sites, or test runs, on one Redis). */
    private readonly prefix = 'news-widgets:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    this.redis.defineCommand('rateHit', { numberOfKeys: 1, lua: HIT });
    this.channel = `${prefix}changes`;
  }

  async hit(key: string, windowMs: number, by = 1) {
    const [count, ttl] = (await (
      this.redis as unknown as { rateHit(k: string, ms: number, by: number): Promise<[number, number]> }
    ).rateHit(`${this.prefix}rl:${key}`, windowMs, by)) as [number, number];
    return { count, resetAt: this.now() + (ttl > 0 ? ttl : windowMs) };
  }

  /** The message is the live topic that has new events (`live/hub.ts`), or empty. */
  publish(topic?: string): void {
    void this.redis.publish(this.channel, topic ?? '').catch(() => {});
  }

  subscribe(onChange: (topic?: string) => void): void {
    this.subscriber ??= this.redis.duplicate();
    void this.subscriber.subscribe(this.channel);
    this.subscriber.on('message', (ch, message: string) => ch === this.channel && onChange(message || undefined));
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
