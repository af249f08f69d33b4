/**
 * An in-browser fake of the moderation API (docs/api.md) behind `window.fetch`, for URLs under
 * `https://mod.test/api/…`. A real in-memory implementation: bearer token check, queue per
 * state (pending oldest first), counts, approve / reject / edit, thread close / reopen and a log.
 */
import type { QueueItem, LogItem } from '../../src/moderation/index.js';

export const MOD_BASE = 'https://mod.test/api';
export const GOOD_TOKEN = 'dung-token-123';

const json = (status: number, data: unknown) =>
  new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });

export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export class FakeModerationApi {
  items: QueueItem[] = [];
  closed = new Set<string>();
  log: LogItem[] = [];
  requests: Recorded[] = [];
  private original = window.fetch;

  constructor() {
    const t = Date.parse('2026-11-28T08:00:00Z');
    const mk = (i: number, over: Partial<QueueItem>): QueueItem => ({
      id: `c_${i}`,
      thread: 'an-ninh-nong-thon-moi-2026',
      articleTitle: 'Giữ vững an ninh trật tự ở các xã nông thôn mới',
      articleUrl: 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html',
      parentId: null,
      parent: null,
      name: `Độc giả ${i}`,
      email: null,
      body: `Bình luận số ${i}`,
      bodyHtml: null,
      originalBody: null,
      status: 'pending',
      createdAt: new Date(t + i * 60_000).toISOString(),
      ...over,
    });
    this.items = [
      mk(1, { email: 'mot@bao.vn' }),
      mk(2, {
        parentId: 'c_0',
        parent: { name: 'Chị Lan', body: 'Ý kiến gốc' },
        body: '<img src=x onerror="window.__pwned=1">Trả lời',
      }),
      mk(3, { thread: 'the-thao/v-league', articleTitle: 'V.League vòng 10', articleUrl: null }),
      mk(4, { status: 'approved', bodyHtml: '<p>Đã <b>duyệt</b><img src=x onerror="window.__pwned=2"></p>' }),
    ];
  }

  install(): this {
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => this.handle(new Request(input, init));
    return this;
  }

  restore(): void {
    window.fetch = this.original;
  }

  private counts() {
    const c = { pending: 0, approved: 0, rejected: 0 };
    for (const i of this.items) c[i.status]++;
    return c;
  }

  private async handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (!url.href.startsWith(MOD_BASE)) return this.original(req);
    const path = url.pathname.replace(/^\/api/, '');
    const text = req.method === 'GET' ? '' : await req.text();
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: req.method, path: path + url.search, headers: req.headers, body });
    if (req.headers.get('authorization') !== `Bearer ${GOOD_TOKEN}`)
      return json(401, { error: { code: 'unauthorized', message: 'no' } });
    const actor = decodeURIComponent(req.headers.get('x-moderator-name') ?? '') || 'moderator';
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && path === '/moderation/queue') {
      const status = (url.searchParams.get('status') ?? 'pending') as QueueItem['status'];
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const list = this.items.filter((i) => i.status === status);
      if (status !== 'pending') list.reverse();
      return json(200, { items: list.slice(0, limit), counts: this.counts(), nextCursor: null });
    }
    if (req.method === 'GET' && path === '/moderation/log')
      return json(200, { items: [...this.log].reverse(), nextCursor: null });
    if (req.method === 'GET' && (m = /^\/moderation\/threads\/(.+)$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      return json(200, { id, closed: this.closed.has(id), count: 0 });
    }
    if (req.method === 'POST' && (m = /^\/moderation\/threads\/(.+)\/(close|reopen)$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      if (m[2] === 'close') this.closed.add(id);
      else this.closed.delete(id);
      this.log.push({
        id: this.log.length + 1,
        at: new Date().toISOString(),
        actor,
        action: m[2]!,
        commentId: null,
        thread: id,
        before: null,
        after: null,
      });
      return json(200, { id, closed: this.closed.has(id), count: 0 });
    }
    if (req.method === 'POST' && (m = /^\/moderation\/comments\/([^/]+)\/(approve|reject|edit)$/.exec(path))) {
      const item = this.items.find((i) => i.id === decodeURIComponent(m![1]!));
      if (!item) return json(404, { error: { code: 'not_found', message: 'no' } });
      const before = { status: item.status, body: item.body };
      if (body?.body !== undefined) item.body = body.body;
      if (body?.bodyHtml !== undefined) item.bodyHtml = body.bodyHtml || null;
      if (m[2] === 'approve') item.status = 'approved';
      if (m[2] === 'reject') item.status = 'rejected';
      this.log.push({
        id: this.log.length + 1,
        at: new Date().toISOString(),
        actor,
        action: m[2]!,
        commentId: item.id,
        thread: item.thread,
        before,
        after: { status: item.status, body: item.body },
      });
      return json(200, { id: item.id, status: item.status, body: item.body, bodyHtml: item.bodyHtml });
    }
    return json(404, { error: { code: 'not_found', message: path } });
  }
}
