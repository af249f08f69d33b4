/**
 * Live streams (Server-Sent Events): a thread's readers (`GET /threads/{thread}/events`) and the
 * moderation desk (`GET /moderation/events`). Streams are capped per client network and in total
 * (JSON 429/503 before any streaming), resume from `Last-Event-ID` or `?lastEventId=`, carry a
 * heartbeat comment, and end on shutdown. See `live/hub.ts` for delivery.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { clientNetwork } from '../http/client-network.ts';
import { clientAddress, type Env } from '../http/context.ts';
import { errorBody, fail } from '../http/errors.ts';
import type { LiveHub, LiveStream } from '../live/hub.ts';
import { DESK_TOPIC, threadTopic } from '../live/publish.ts';
import type { LiveTickets } from '../live/tickets.ts';
import { threadParam } from './comments.ts';
import type { RouteDeps } from './deps.ts';

/** How long a browser waits before it reconnects a dropped stream (the SSE `retry:` field). */
const RETRY_MS = 3000;
/** A client this many writes behind (not reading) is dropped rather than buffered without end. */
const MAX_QUEUED_WRITES = 1000;

/** The id a client resumes after: the `Last-Event-ID` header (browser reconnects) or `?lastEventId=`. */
function resumeId(c: Context): number | undefined {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw.trim())) fail('invalid_input', 'Last-Event-ID must be an event id.', 'Last-Event-ID');
  return Number(raw.trim());
}

/** Opens a stream on `topic` for this request, or answers the cap's JSON error. */
async function openStream(c: Context<Env>, { config, hub }: RouteDeps & { hub: LiveHub }, topic: string) {
  const resumeAfter = resumeId(c);
  // An id from the future (another database, a restored backup) would hide every event until the
  // log caught up with it: such a client starts at the newest event instead.
  const head = await hub.head();
  const start = resumeAfter === undefined ? head : Math.min(resumeAfter, head);
  const network = clientNetwork(clientAddress(c, config));
  const admission = hub.admit(network);
  if (admission !== 'ok') {
    c.header('Retry-After', '30');
    return admission === 'client_limit'
      ? c.json(errorBody('rate_limited', 'Too many live connections from your network.'), 429)
      : c.json(errorBody('unavailable', 'The server has no room for another live connection now.'), 503);
  }
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let detach = () => {};
  const stream: LiveStream = {
    lastId: start,
    write(text) {
      try {
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_WRITES) throw new Error('client not reading');
        controller.enqueue(encoder.encode(text));
        return true;
      } catch {
        this.end();
        return false;
      }
    },
    end() {
      detach();
      try {
        controller.close();
      } catch {
        /* closed already */
      }
    },
  };
  const body = new ReadableStream<Uint8Array>({
    start(ctrl) {
      controller = ctrl;
      // `ready` carries the id the stream starts after, so even a client that gets no event
      // before it goes away can resume from here.
      ctrl.enqueue(encoder.encode(`retry: ${RETRY_MS}\nid: ${start}\nevent: ready\ndata: {}\n\n`));
    },
    cancel: () => detach(),
  });
  detach = hub.attach(topic, network, stream);
  c.header('Content-Type', 'text/event-stream; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  c.header('X-Accel-Buffering', 'no'); // nginx: pass events through at once
  c.header('Connection', 'close'); // once the stream ends (shutdown), so is the connection
  return c.body(body);
}

/** A thread's live stream, for readers (CORS as the other reader GETs). */
export function threadEventRoutes(deps: RouteDeps & { hub: LiveHub }) {
  const r = new Hono<Env>();
  r.get('/threads/:thread{.+}/events', (c) => openStream(c, deps, threadTopic(threadParam(c))));
  return r;
}

/**
 * The desk's live stream. Guarded like every desk route (`deps.moderator`), or by a one-time
 * ticket from `POST /events/ticket`, since EventSource cannot send the bearer token (with a
 * session cookie, `withCredentials` needs no ticket).
 */
export function deskEventRoutes(deps: RouteDeps & { hub: LiveHub; tickets: LiveTickets }) {
  const r = new Hono<Env>();
  const ticketOrModerator: MiddlewareHandler<Env> = async (c, next) => {
    const ticket = c.req.query('ticket');
    if (ticket === undefined) return deps.moderator(c, next);
    if (!deps.tickets.redeem(ticket))
      return c.json(errorBody('unauthorized', 'The ticket is not valid or has expired: ask for a new one.'), 401);
    await next();
    return undefined;
  };
  r.post('/events/ticket', deps.moderator, (c) => c.json(deps.tickets.issue()));
  r.get('/events', ticketOrModerator, (c) => openStream(c, deps, DESK_TOPIC));
  return r;
}
