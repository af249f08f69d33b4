/**
 * The browser tests' handle on the real reference server (mounted by
 * test/server/api-middleware.mjs): a fresh API with its own empty database per call, a fault
 * layer in front of it, and the moderator's actions through the server's own moderation API.
 * Desk tests sign in as an editor made by the server's own account code (`editor()`), either
 * through the desk's form or with `signIn()` (this page then holds the session cookie).
 */
export const MODERATOR_TOKEN = 'test-moderator-token';

let made = 0;

export interface Fault {
  /** `network`: the socket is destroyed; `status`: that HTTP status; `delay`: wait, then answer. */
  kind: 'network' | 'status' | 'delay';
  status?: number;
  ms?: number;
  /** How many matching requests it applies to (default: all until cleared). */
  times?: number;
  method?: string;
  /** A substring of the API path, e.g. `/comments`. */
  path?: string;
}

export class ServerApi {
  /** The API base, as a page would put it in `<meta name="news-widgets:api">`. */
  readonly base: string;

  constructor(name = `t${Date.now().toString(36)}${(++made).toString(36)}${Math.random().toString(36).slice(2, 6)}`) {
    this.base = `${location.origin}/__api/${name}`;
  }

  /** Adds a fault in front of the server. */
  async fault(fault: Fault): Promise<void> {
    await fetch(`${this.base}/__fault`, { method: 'POST', body: JSON.stringify(fault) });
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.base}/__fault`, { method: 'DELETE' });
  }

  /** A new editor account on this API's database (as `npm run editor -- add` makes it): its name and one-time secret. */
  async editor(name = 'Hà Phương'): Promise<{ name: string; secret: string }> {
    const response = await fetch(`${this.base}/__editor`, { method: 'POST', body: JSON.stringify({ name }) });
    if (!response.ok) throw new Error(`Editor ${name}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { name: string; secret: string };
  }

  /**
   * Signs this page in to the desk API as a new editor (the server sets its HttpOnly session
   * cookie, scoped to this API's moderation routes): a desk mounted afterwards starts signed in.
   */
  async signIn(name = 'Hà Phương'): Promise<{ name: string; secret: string }> {
    const editor = await this.editor(name);
    const response = await fetch(`${this.base}/moderation/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editor),
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(`Sign-in ${name}: ${response.status} ${await response.text()}`);
    return editor;
  }

  /** A script's request to the moderation API (Bearer token), answering the parsed JSON. */
  async moderate<T = unknown>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/moderation${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${MODERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Moderation ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** The pending queue's comments. */
  async pending(): Promise<{ id: string; thread: string; name: string; body: string }[]> {
    return (
      await this.moderate<{ items: { id: string; thread: string; name: string; body: string }[] }>(
        '/queue?status=pending',
      )
    ).items;
  }

  approve(id: string, edit?: { body?: string; bodyHtml?: string }): Promise<unknown> {
    return this.moderate(`/comments/${encodeURIComponent(id)}/approve`, edit ?? {});
  }

  reject(id: string): Promise<unknown> {
    return this.moderate(`/comments/${encodeURIComponent(id)}/reject`, {});
  }

  closeThread(thread: string): Promise<unknown> {
    return this.moderate(`/threads/${encodeURIComponent(thread)}/close`, {});
  }

  /**
   * Posts a comment as a reader would, answering the status and JSON. `reader` (an IP address,
   * sent as X-Forwarded-For) posts as another reader, with a rate limit of its own.
   */
  async post(
    thread: string,
    comment: { name: string; body: string; parentId?: string },
    key = crypto.randomUUID(),
    reader?: string,
  ): Promise<{ status: number; json: { id?: string; status?: string } }> {
    const response = await fetch(`${this.base}/threads/${encodeURIComponent(thread)}/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        ...(reader ? { 'x-forwarded-for': reader } : {}),
      },
      body: JSON.stringify(comment),
    });
    return { status: response.status, json: await response.json() };
  }

  /** Posts and approves a comment: what readers then see in the thread. */
  async approved(
    thread: string,
    comment: { name: string; body: string; parentId?: string },
    reader?: string,
  ): Promise<string> {
    const { json } = await this.post(thread, comment, undefined, reader);
    await this.approve(json.id!);
    return json.id!;
  }

  /** Creates or updates articles (token route). */
  async articles(items: unknown): Promise<void> {
    const response = await fetch(`${this.base}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MODERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(items),
    });
    if (!response.ok) throw new Error(`POST /articles: ${response.status} ${await response.text()}`);
  }

  /** Imports a Disqus or WordPress export with the server's import (`npm run import`), answering its report. */
  async importExport(xml: string): Promise<{ comments: number; replies: number; skipped: Record<string, number> }> {
    const response = await fetch(`${this.base}/__import`, { method: 'POST', body: xml });
    if (!response.ok) throw new Error(`import: ${response.status} ${await response.text()}`);
    return response.json();
  }

  /** Adds views to articles' hourly buckets (`hourMs`: any time in the hour). */
  async addViews(rows: { articleId: string; hourMs: number; count: number }[]): Promise<void> {
    const response = await fetch(`${this.base}/__views`, { method: 'POST', body: JSON.stringify(rows) });
    if (!response.ok) throw new Error(`views: ${response.status} ${await response.text()}`);
  }
}
