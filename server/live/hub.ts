/**
 * The live hub of one server process: the open Server-Sent Events streams, grouped by topic
 * (`thread:{id}`, `desk`), fed from the durable event log (`Storage.events`).
 *
 * Every event is appended to the log first; the processes are then told "topic T has new events"
 * through the change feed (PostgreSQL LISTEN/NOTIFY, Redis pub/sub, or in process on SQLite), and
 * each process reads the log after the oldest id its streams on T have sent. A stream sends only
 * events after its own last id, so an event is never sent twice, and a client resuming with
 * `Last-Event-ID` (after a drop or a server restart) gets exactly what it missed. The heartbeat
 * also re-reads the log of every open topic: a notification lost with a dropped LISTEN connection
 * costs a delay, never an event.
 */
import type { ChangeFeed, LiveEvent, LiveEventStore } from '../domain.ts';

export interface LiveOptions {
  /** Open streams in this process, all clients together. */
  maxConnections: number;
  /** Open streams per client network (`clientNetwork()`). */
  maxPerClient: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Events are kept this long for clients that resume. */
  keepMs: number;
  now: () => number;
  log?: (msg: string) => void;
}

/** One open stream: where its events go and the last id it has sent. */
export interface LiveStream {
  lastId: number;
  /** Writes SSE text; false once the stream is gone. */
  write(text: string): boolean;
  /** Ends the stream (shutdown). */
  end(): void;
}

interface Topic {
  streams: Set<LiveStream>;
  /** A read of the log is under way; `again` asks for one more when it ends. */
  reading: boolean;
  again: boolean;
}

/** Events read from the log per round. */
const BATCH = 500;

/** One event in the SSE wire format; the data is JSON text (one line). */
export const sseEvent = (e: Pick<LiveEvent, 'id' | 'type' | 'data'>) =>
  `id: ${e.id}\nevent: ${e.type}\ndata: ${e.data}\n\n`;

export type Admission = 'ok' | 'client_limit' | 'total_limit' | 'closed';

export class LiveHub {
  private readonly topics = new Map<string, Topic>();
  private readonly perNetwork = new Map<string, number>();
  private total = 0;
  private closed = false;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly prune: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: LiveEventStore,
    private readonly feed: ChangeFeed,
    readonly opts: LiveOptions,
  ) {
    feed.subscribe((topic) => {
      if (topic === undefined) for (const name of this.topics.keys()) void this.read(name);
      else if (this.topics.has(topic)) void this.read(topic);
    });
    this.heartbeat = setInterval(() => this.beat(), opts.heartbeatMs);
    this.heartbeat.unref();
    this.prune = setInterval(() => void store.prune(opts.now() - opts.keepMs).catch(() => {}), 10 * 60_000);
    this.prune.unref();
  }

  /** Open streams in this process (for tests and the bench). */
  get connections(): number {
    return this.total;
  }

  /** Appends an event to the log and tells every process (this one at once). */
  async publish(topic: string, type: string, data: unknown): Promise<number> {
    const id = await this.store.append(topic, type, data);
    if (this.topics.has(topic)) void this.read(topic);
    this.feed.publish(topic);
    return id;
  }

  /** Whether one more stream from `network` may open. */
  admit(network: string): Admission {
    if (this.closed) return 'closed';
    if (this.total >= this.opts.maxConnections) return 'total_limit';
    if ((this.perNetwork.get(network) ?? 0) >= this.opts.maxPerClient) return 'client_limit';
    return 'ok';
  }

  /** The id a new client starts after when it has none: the newest of the log. */
  head(): Promise<number> {
    return this.store.head();
  }

  /**
   * Adds a stream (after `admit()` said ok) and sends what it missed since `stream.lastId`.
   * Returns the function that removes it.
   */
  attach(topic: string, network: string, stream: LiveStream): () => void {
    this.total++;
    this.perNetwork.set(network, (this.perNetwork.get(network) ?? 0) + 1);
    let t = this.topics.get(topic);
    if (!t) this.topics.set(topic, (t = { streams: new Set(), reading: false, again: false }));
    t.streams.add(stream);
    void this.read(topic);
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      this.total--;
      const n = (this.perNetwork.get(network) ?? 1) - 1;
      if (n > 0) this.perNetwork.set(network, n);
      else this.perNetwork.delete(network);
      t.streams.delete(stream);
      if (!t.streams.size && !t.reading) this.topics.delete(topic);
    };
  }

  /** Reads the topic's new events from the log and sends each stream those after its last id. */
  private async read(name: string): Promise<void> {
    const t = this.topics.get(name);
    if (!t) return;
    if (t.reading) {
      t.again = true;
      return;
    }
    t.reading = true;
    try {
      for (;;) {
        t.again = false;
        // The streams as they are now: one attached during the read waits for the next round,
        // which starts from its own (older) id, so it never gets a later event before its backlog.
        const streams = [...t.streams];
        if (!streams.length) break;
        const from = Math.min(...streams.map((s) => s.lastId));
        const events = await this.store.since(name, from, BATCH);
        let sent = false;
        for (const s of streams) {
          let text = '';
          let last = s.lastId;
          for (const e of events) {
            if (e.id <= last) continue;
            text += sseEvent(e);
            last = e.id;
          }
          if (text && s.write(text)) {
            s.lastId = last;
            sent = true;
          }
        }
        if (!t.again && (events.length < BATCH || !sent)) break;
      }
    } catch (e) {
      this.opts.log?.(`[live] reading ${name}: ${(e as Error).message}`);
    } finally {
      t.reading = false;
      if (!t.streams.size) this.topics.delete(name);
    }
  }

  /** A comment line on every stream, and a re-read of every open topic's log. */
  private beat(): void {
    for (const [name, t] of this.topics) {
      for (const s of t.streams) s.write(': heartbeat\n\n');
      void this.read(name);
    }
  }

  /** Ends every stream and refuses new ones (server shutdown). */
  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    clearInterval(this.prune);
    for (const t of this.topics.values()) for (const s of t.streams) s.end();
  }
}
