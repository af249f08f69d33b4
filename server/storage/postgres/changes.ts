/**
 * "Reader-visible data changed" across processes with LISTEN/NOTIFY: a moderation action through
 * one process clears the thread caches of all of them at once. A notification's payload is the
 * live topic that has new events (`live/hub.ts`), or empty.
 */
import pg from 'pg';
import type { ChangeFeed } from '../../domain.ts';
import type { PgDb } from './db.ts';

const CHANNEL = 'news_widgets_changes';

export class PgChanges implements ChangeFeed {
  private listener: pg.Client | undefined;
  private handlers: ((topic?: string) => void)[] = [];

  constructor(private readonly d: PgDb) {}

  publish(topic?: string): void {
    void this.d.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, topic ?? '']).catch(() => {});
  }

  subscribe(onChange: (topic?: string) => void): void {
    this.handlers.push(onChange);
    if (!this.listener) void this.listen();
  }

  /** One dedicated connection LISTENs; if it drops, caches are cleared and it reconnects. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.d.opts.url });
    this.listener = client;
    const retry = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      for (const h of this.handlers) h();
      setTimeout(() => void this.listen(), 1000).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (n) => {
      for (const h of this.handlers) h(n.payload || undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      retry();
    }
  }

  async close(): Promise<void> {
    const c = this.listener;
    this.listener = undefined;
    await c?.end().catch(() => {});
  }
}
