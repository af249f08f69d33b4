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

const timedOutError = (timeout: number, url: string) =>
  new NewsError('timeout', `No answer within ${timeout} ms from ${url}`);
const abortReason = (signal: AbortSignal) => signal.reason ?? new DOMException('Aborted', 'AbortError');
/** Runs `onTimeout` after `timeout` ms (the default when not positive) and follows `signal`; returns the clean-up. */
function watch(
  timeout: number,
  signal: AbortSignal | undefined,
  onTimeout: () => void,
  onAbort: () => void,
): () => void {
  const timer = setTimeout(onTimeout, timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  };
}

/**
 * Wraps `fetch` with a time-out and maps every failure to a `NewsError` whose reason is
 * `timeout`, `network` or `http`. A caller's own abort is rethrown as the `AbortError` it is.
 */
export async function request(input: string, init: RequestInit = {}, options: RequestOptions = {}): Promise<Response> {
  const { signal, timeout = DEFAULT_TIMEOUT_MS } = options;
  const controller = new AbortController();
  let timedOut = false;
  const done = watch(
    timeout,
    signal,
    () => {
      timedOut = true;
      controller.abort();
    },
    () => controller.abort(),
  );
  try {
    const response = await fetch(input, { ...init, signal: controller.signal });
    if (!response.ok) throw new NewsError('http', `HTTP ${response.status} for ${input}`, response.status);
    return response;
  } catch (error) {
    if (error instanceof NewsError) throw error;
    if (timedOut) throw timedOutError(timeout, input);
    if (signal?.aborted) throw abortReason(signal);
    throw new NewsError('network', `Network error for ${input}`);
  } finally {
    done();
  }
}

async function readBody(response: Response, url: string): Promise<FetchedBody> {
  const check = (bytes: number) => {
    if (bytes > MAX_BODY_BYTES) throw new NewsError('parse', `Body of ${bytes} bytes is too large`);
  };
  check(Number(response.headers.get('content-length')));
  const bytes = new Uint8Array(await response.arrayBuffer());
  check(bytes.byteLength);
  return {
    url: response.url || url,
    status: response.status,
    contentType: response.headers.get('content-type'),
    bytes,
  };
}

const inFlight = new Map<string, Promise<FetchedBody>>();

/**
 * GETs a URL once for every widget that asks for it at the same time: two boxes on one page
 * with the same `src` share one request. Each caller keeps its own time-out and abort signal.
 * The shared request itself runs to its end (bounded by a 60 s time-out), so one caller giving
 * up never fails another.
 */
export function fetchShared(url: string, options: RequestOptions = {}): Promise<FetchedBody> {
  const { signal, timeout = DEFAULT_TIMEOUT_MS } = options;
  let shared = inFlight.get(url);
  if (!shared) {
    shared = request(url, { credentials: 'omit' }, { timeout: 60_000 })
      .then((response) => readBody(response, url))
      .finally(() => inFlight.delete(url));
    inFlight.set(url, shared);
  }
  return new Promise<FetchedBody>((resolve, reject) => {
    const done = watch(
      timeout,
      signal,
      () => reject(timedOutError(timeout, url)),
      () => reject(abortReason(signal!)),
    );
    shared.then(resolve, reject).finally(done);
  });
}
