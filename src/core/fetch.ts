import { NewsError } from './events.js';

/** Default time-out of every request, in milliseconds (the `timeout` attribute overrides it). */
export const DEFAULT_TIMEOUT_MS = 8000;
/** Larger bodies are refused: no news list needs them and slow phones should not parse them. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request fails with reason `timeout`. */
  timeout?: number;
}

export interface FetchedBody {
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

/**
 * Wraps `fetch` with a time-out and maps every failure to a `NewsError` whose reason is
 * `timeout`, `network` or `http`. A caller's own abort is rethrown as the `AbortError` it is.
 */
export async function request(input: string, init: RequestInit = {}, options: RequestOptions = {}): Promise<Response> {
  const { signal, timeout = DEFAULT_TIMEOUT_MS } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(input, { ...init, signal: controller.signal });
    if (!response.ok) {
      throw new NewsError('http', `HTTP ${response.status} for ${input}`, response.status);
    }
    return response;
  } catch (error) {
    if (error instanceof NewsError) throw error;
    if (timedOut) throw new NewsError('timeout', `No answer within ${timeout} ms from ${input}`);
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    throw new NewsError('network', `Network error for ${input}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function readBody(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) throw new NewsError('parse', `Body of ${declared} bytes is too large`);
  const buffer = new Uint8Array(await response.arrayBuffer());
  if (buffer.byteLength > MAX_BODY_BYTES) throw new NewsError('parse', `Body of ${buffer.byteLength} bytes is too large`);
  return buffer;
}

interface SharedRequest {
  promise: Promise<FetchedBody>;
  controller: AbortController;
  waiters: number;
}

const inFlight = new Map<string, SharedRequest>();

/**
 * GETs a URL once for every widget that asks for it at the same time: two boxes on one page
 * with the same `src` share one request. Each caller keeps its own time-out and abort signal;
 * the shared request is aborted only when every caller has given up.
 */
export function fetchShared(url: string, options: RequestOptions = {}): Promise<FetchedBody> {
  const { signal, timeout = DEFAULT_TIMEOUT_MS } = options;
  let shared = inFlight.get(url);
  if (!shared) {
    const controller = new AbortController();
    const promise = request(url, { credentials: 'omit', headers: { accept: 'application/json, application/feed+json, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' } }, { signal: controller.signal, timeout: 60_000 })
      .then(async (response) => ({
        url: response.url || url,
        status: response.status,
        contentType: response.headers.get('content-type'),
        bytes: await readBody(response),
      }))
      .finally(() => inFlight.delete(url));
    shared = { promise, controller, waiters: 0 };
    // Callers attach their own handlers; this one only keeps an abandoned request quiet.
    promise.catch(() => undefined);
    inFlight.set(url, shared);
  }
  const entry = shared;
  entry.waiters++;
  return new Promise<FetchedBody>((resolve, reject) => {
    let settled = false;
    /** Settles this caller once; `giveUp` also aborts the shared request if nobody else waits. */
    const settle = (finish: () => void, giveUp = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      entry.waiters--;
      if (giveUp && entry.waiters === 0 && inFlight.get(url) === entry) {
        entry.controller.abort();
        inFlight.delete(url);
      }
      finish();
    };
    const timer = setTimeout(
      () => settle(() => reject(new NewsError('timeout', `No answer within ${timeout} ms from ${url}`)), true),
      timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    );
    const onAbort = () => settle(() => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError')), true);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (body) => settle(() => resolve(body)),
      (error) => settle(() => reject(error)),
    );
  });
}
