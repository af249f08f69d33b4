import { NewsError } from './events.js';

/** Default time-out of every request, in milliseconds (the `timeout` attribute overrides it). */
export const DEFAULT_TIMEOUT_MS = 8000;
/** Larger bodies are refused: no news list needs them and slow phones should not parse them. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request fails with reason `timeout`. */
  timeout?: number;
  /** The API base the request goes to: a network failure then explains itself (`warnUnreachableApi`). */
  api?: string;
}

export interface FetchedBody {
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
}

/** The docs a publisher needs when the API refuses the page. */
export const PUBLISHER_DOCS = 'https://github.com/news-widgets/news-widgets/blob/main/docs/publishers.md';
const warnedBases = new Set<string>();

/**
 * A request to an API on another origin failed with a network error while the browser is online:
 * almost always CORS, the page's origin missing from the API server's `ALLOWED_ORIGINS`. The
 * browser's own CORS error does not say that, so the kit does, once per API base and page.
 */
export function warnUnreachableApi(api: string | undefined, url: string): void {
  if (!api || warnedBases.has(api) || navigator.onLine === false) return;
  let target: URL;
  try {
    target = new URL(url, location.href);
  } catch {
    return;
  }
  if (target.origin === location.origin) return;
  warnedBases.add(api);
  const origin = location.origin;
  console.warn(
    `news-widgets: the API ${api} could not be reached from ${origin} although the browser is online. ` +
      `Most likely its server does not allow this page's origin: add ${origin} to ALLOWED_ORIGINS on the API ` +
      `server (ALLOWED_ORIGINS=${origin}, comma-separated for several sites) and restart it. ` +
      `See docs/publishers.md: ${PUBLISHER_DOCS}`,
  );
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
  const { signal, timeout = DEFAULT_TIMEOUT_MS, api } = options;
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
    warnUnreachableApi(api, input);
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
  const { signal, timeout = DEFAULT_TIMEOUT_MS, api } = options;
  let shared = inFlight.get(url);
  if (!shared) {
    shared = request(url, { credentials: 'omit' }, { timeout: 60_000, api })
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
