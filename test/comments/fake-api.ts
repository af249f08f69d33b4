/**
 * An in-browser fake of the comments API contract (docs/api.md), behind `window.fetch` for URLs
 * under `https://api.test/…`. It is a real in-memory implementation: pending and approved
 * comments, replies at any depth flattened into their top-level comment, cursor pagination,
 * idempotency keys, closed threads, counts and statuses; plus failure modes the tests switch
 * on: offline (fetch rejects), 5xx, 429 with Retry-After, a delay, and a forced 400.
 */

export interface FakeComment {
  id: string;
  thread: string;
  parentId?: string;
  name: string;
  email?: string;
  body: string;
  bodyHtml?: string;
  createdAt: string;
  status: 'pending' | 'approved' | 'rejected';
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export const FAKE_BASE = 'https://api.test/api';

const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', ...headers } });

export class FakeApi {
  readonly base: string;
  comments: FakeComment[] = [];
  closedThreads = new Set<string>();
  requests: RecordedRequest[] = [];
  /** fetch rejects like a dropped connection. */
  offline = false;
  /** The next N requests (any kind) answer this 5xx. */
  failNext = 0;
  failStatus = 503;
  /** POSTs answer 429 with this Retry-After while set. */
  rateLimit: number | null = null;
  /** The next POST answers this 400 body. */
  forceInvalid: { code: string; message: string; field?: string } | null = null;
  /** Milliseconds every answer waits. */
  delay = 0;
  /** New comments are approved at once (no pre-moderation). */
  autoApprove = false;
  private idempotency = new Map<string, string>();
  private seq = 0;
  private original?: typeof fetch;

  constructor(base = FAKE_BASE) {
    this.base = base;
  }

  install(): this {
    this.original = window.fetch;
    const original = this.original;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(`${this.base}/`)) return original.call(window, input, init);
      return this.handle(new URL(url), init ?? {});
    }) as typeof fetch;
    return this;
  }

  restore(): void {
    if (this.original) window.fetch = this.original;
    this.original = undefined;
  }

  /** Adds a comment straight into the store. */
  add(thread: string, fields: Partial<FakeComment> = {}): FakeComment {
    const n = ++this.seq;
    const comment: FakeComment = {
      id: `c${n}`,
      thread,
      name: `Độc giả ${n}`,
      body: `Bình luận số ${n}`,
      createdAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
      status: 'approved',
      ...fields,
    };
    this.comments.push(comment);
    return comment;
  }

  /** `count` approved top-level comments, oldest first, each with `replies` direct replies. */
  seed(thread: string, count: number, replies = 0): FakeComment[] {
    const out: FakeComment[] = [];
    for (let i = 0; i < count; i++) {
      const top = this.add(thread);
      out.push(top);
      for (let j = 0; j < replies; j++) this.add(thread, { parentId: top.id });
    }
    return out;
  }

  setStatus(id: string, status: FakeComment['status']): void {
    const comment = this.comments.find((c) => c.id === id);
    if (comment) comment.status = status;
  }

  posts(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST');
  }

  gets(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'GET' && r.url.pathname.includes(path));
  }

  private topOf(comment: FakeComment): FakeComment {
    let node = comment;
    for (let i = 0; node.parentId && i < 1000; i++) {
      const parent = this.comments.find((c) => c.id === node.parentId);
      if (!parent) break;
      node = parent;
    }
    return node;
  }

  private approvedCount(thread: string): number {
    return this.comments.filter((c) => c.thread === thread && c.status === 'approved').length;
  }

  private view(c: FakeComment, reply: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = { id: c.id };
    if (reply) out.parentId = c.parentId;
    out.name = c.name;
    out.body = c.body;
    if (c.bodyHtml) out.bodyHtml = c.bodyHtml;
    out.createdAt = c.createdAt;
    return out;
  }

  private async handle(url: URL, init: RequestInit): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    let body: unknown;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    this.requests.push({ method, url, headers: new Headers(init.headers), body });
    if (this.delay) await new Promise((done) => setTimeout(done, this.delay));
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    if (this.offline) throw new TypeError('Failed to fetch');
    if (this.failNext > 0) {
      this.failNext--;
      return json(this.failStatus, { error: { code: 'unavailable', message: 'Try later' } });
    }
    const path = url.pathname.slice(new URL(this.base).pathname.length);
    const threadMatch = /^\/threads\/([^/]+)\/comments$/.exec(path);
    if (threadMatch) {
      const thread = decodeURIComponent(threadMatch[1]);
      return method === 'POST' ? this.post(thread, init, body) : this.list(thread, url);
    }
    if (path === '/comments/status') {
      const out: Record<string, string> = {};
      for (const id of (url.searchParams.get('ids') ?? '').split(',').filter(Boolean)) {
        out[id] = this.comments.find((c) => c.id === id)?.status ?? 'unknown';
      }
      return json(200, out);
    }
    if (path === '/counts') {
      const out: Record<string, number> = {};
      for (const t of (url.searchParams.get('threads') ?? '').split(',').filter(Boolean))
        out[t] = this.approvedCount(t);
      return json(200, out);
    }
    return json(404, { error: { code: 'not_found', message: 'No route' } });
  }

  private list(thread: string, url: URL): Response {
    const sort = url.searchParams.get('sort') ?? 'newest';
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit')) || 20));
    const offset = Number(url.searchParams.get('cursor') ?? 0) || 0;
    const approved = this.comments.filter((c) => c.thread === thread && c.status === 'approved');
    const top = approved.filter((c) => !c.parentId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (sort === 'newest') top.reverse();
    const page = top.slice(offset, offset + limit);
    const items = page.map((t) => ({
      ...this.view(t, false),
      replies: approved
        .filter((c) => c.parentId && this.topOf(c).id === t.id)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((c) => this.view(c, true)),
    }));
    return json(200, {
      thread: { id: thread, closed: this.closedThreads.has(thread), count: approved.length },
      items,
      nextCursor: offset + limit < top.length ? String(offset + limit) : null,
    });
  }

  private post(thread: string, init: RequestInit, raw: unknown): Response {
    if (this.rateLimit !== null) {
      return json(
        429,
        { error: { code: 'rate_limited', message: 'Too many requests' } },
        { 'Retry-After': String(this.rateLimit) },
      );
    }
    if (this.closedThreads.has(thread))
      return json(403, { error: { code: 'thread_closed', message: 'This thread is closed.' } });
    if (this.forceInvalid) {
      const error = this.forceInvalid;
      this.forceInvalid = null;
      return json(400, { error });
    }
    const key = new Headers(init.headers).get('idempotency-key');
    if (key && this.idempotency.has(key)) return json(202, { id: this.idempotency.get(key), status: 'pending' });
    const b = (raw ?? {}) as Record<string, unknown>;
    if (b.website) return json(202, { id: `bot${++this.seq}`, status: 'pending' });
    const name = typeof b.name === 'string' ? b.name.trim() : '';
    const text = typeof b.body === 'string' ? b.body.trim() : '';
    if (!name || name.length > 80)
      return json(400, { error: { code: 'invalid_input', message: 'Invalid name.', field: 'name' } });
    if (!text || text.length > 2000)
      return json(400, { error: { code: 'invalid_input', message: 'Invalid body.', field: 'body' } });
    if (b.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(b.email))) {
      return json(400, { error: { code: 'invalid_input', message: 'Invalid email.', field: 'email' } });
    }
    const parentId = typeof b.parentId === 'string' ? b.parentId : undefined;
    if (parentId && !this.comments.some((c) => c.id === parentId && c.thread === thread && c.status === 'approved')) {
      return json(400, { error: { code: 'invalid_parent', message: 'No such comment.', field: 'parentId' } });
    }
    const comment = this.add(thread, {
      name,
      body: text,
      email: typeof b.email === 'string' ? b.email : undefined,
      parentId,
      createdAt: new Date().toISOString(),
      status: this.autoApprove ? 'approved' : 'pending',
    });
    if (key) this.idempotency.set(key, comment.id);
    return json(202, { id: comment.id, status: comment.status });
  }
}

/** Clears every key the comment widgets store. */
export function clearCommentStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('news-widgets:')) localStorage.removeItem(key);
}
