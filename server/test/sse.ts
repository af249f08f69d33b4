/** A minimal Server-Sent Events reader for the tests: parses the wire format as a browser does. */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** Events so far, in order; `json()` parses their data. */
  events: SseEvent[];
  /** Comment lines (heartbeats) so far. */
  comments: string[];
  retry?: number;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Waits until `events` has an event matching `match` (default: any), or fails after `ms`. */
  waitFor(match: (e: SseEvent) => boolean, ms?: number, what?: string): Promise<SseEvent>;
  close(): Promise<void>;
}

export const json = <T = Record<string, unknown>>(e: SseEvent) => JSON.parse(e.data) as T;

export async function readSse(response: Response | Promise<Response>): Promise<SseStream> {
  const r = await response;
  const out: SseStream = {
    status: r.status,
    headers: r.headers,
    events: [],
    comments: [],
    ended: Promise.resolve(),
    waitFor: async () => Promise.reject(new Error('not a stream')),
    close: async () => {},
  };
  if (!r.headers.get('content-type')?.startsWith('text/event-stream') || !r.body) return out;
  const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
  const waiters = new Set<() => void>();
  let buffer = '';
  let done = false;
  const parse = (block: string) => {
    const e: SseEvent = { event: 'message', data: '' };
    const data: string[] = [];
    let any = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        out.comments.push(line.slice(1).trim());
        continue;
      }
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'data') {
        data.push(value);
        any = true;
      } else if (field === 'event') e.event = value;
      else if (field === 'id') e.id = value;
      else if (field === 'retry') out.retry = Number(value);
    }
    if (any) out.events.push({ ...e, data: data.join('\n') });
  };
  out.ended = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
        for (const w of waiters) w();
      }
    } catch {
      /* cancelled or dropped */
    } finally {
      done = true;
      for (const w of waiters) w();
    }
  })();
  out.waitFor = (match, ms = 5000, what = 'event') =>
    new Promise((resolve, reject) => {
      const check = () => {
        const hit = out.events.find(match);
        if (hit) return finish(() => resolve(hit));
        if (done) finish(() => reject(new Error(`stream ended before ${what}: ${JSON.stringify(out.events)}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no ${what} within ${ms} ms: ${JSON.stringify(out.events)}`))),
        ms,
      );
      const finish = (f: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        f();
      };
      waiters.add(check);
      check();
    });
  out.close = async () => {
    await reader.cancel().catch(() => {});
    await out.ended;
  };
  return out;
}
