/** The desk tests' request recorder: what the page sends to the API, let through to the real server. */

export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials;
  body: unknown;
}

/** Records every request the page sends to `base` and lets it through to the server. */
export function recordRequests(base: string): { requests: Recorded[]; restore(): void } {
  const original = window.fetch;
  const requests: Recorded[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.startsWith(base)) {
      const url = new URL(request.url);
      requests.push({
        method: request.method,
        path: url.pathname.slice(new URL(base).pathname.length) + url.search,
        headers: request.headers,
        credentials: request.credentials,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
    }
    return original(input, init);
  };
  return { requests, restore: () => (window.fetch = original) };
}
