import { waitUntil } from '../support/wait.js';
import { loadForm, loadList } from '../../src/comments/loader.js';
import { ServerApi } from '../support/server-api.js';

/** Clears every key the comment widgets store. */
export function clearCommentStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('news-widgets:')) localStorage.removeItem(key);
}

/**
 * A fresh real server (empty in-memory database) and empty storage for each test. The list and
 * form element modules are defined first, as `<news-comments>` or the loader would.
 */
export function useServer(): () => ServerApi {
  let api: ServerApi;
  beforeEach(async () => {
    document.documentElement.lang = 'vi';
    clearCommentStorage();
    api = new ServerApi();
    await Promise.all([loadList(), loadForm()]);
  });
  afterEach(() => clearCommentStorage());
  return () => api;
}

/**
 * `count` approved top-level comments, oldest first, each with `replies` approved replies
 * (the server takes 5 posts a minute from one reader: at most 5 comments in all).
 */
export async function seed(api: ServerApi, thread: string, count: number, replies = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = await api.approved(thread, { name: `Độc giả ${i}`, body: `Bình luận số ${i}` });
    ids.push(id);
    for (let j = 1; j <= replies; j++)
      await api.approved(thread, { name: `Trả lời ${i}.${j}`, body: `Trả lời số ${j}`, parentId: id });
  }
  return ids;
}

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  signal?: AbortSignal | null;
}

/**
 * Records the requests the widgets make (a spy: every request still goes to the real server).
 * Returns the log; the spy is removed after the test.
 */
export function spyRequests(): () => SeenRequest[] {
  let log: SeenRequest[] = [];
  let original: typeof fetch;
  beforeEach(() => {
    log = [];
    original = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        location.href,
      );
      let body: unknown = init.body;
      if (typeof body === 'string') {
        try {
          body = JSON.parse(body);
        } catch {
          // Not JSON: kept as it is.
        }
      }
      log.push({
        method: (init.method ?? 'GET').toUpperCase(),
        url,
        headers: new Headers(init.headers),
        body,
        signal: init.signal,
      });
      return original.call(window, input, init);
    }) as typeof fetch;
  });
  afterEach(() => (window.fetch = original));
  return () =>
    log.filter(
      (request) => !request.url.pathname.endsWith('/__fault') && !request.url.pathname.includes('/moderation/'),
    );
}

/** Only the widgets' requests of one kind. */
export const posts = (log: SeenRequest[]) => log.filter((r) => r.method === 'POST');
export const gets = (log: SeenRequest[], path: string) =>
  log.filter((r) => r.method === 'GET' && r.url.pathname.includes(path));

let unique = 0;
/** A thread id no other test used (counts are cached per page). */
export const newThread = (prefix = 't') => `${prefix}-${Date.now().toString(36)}-${++unique}`;

/** Queries an element's shadow root (nothing while the element is not defined yet). */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...(el.shadowRoot?.querySelectorAll<T>(selector) ?? []),
];
/** Visible text, without the template's indentation (which the page does not show). */
export const text = (node: Node | null | undefined) => node?.textContent?.trim() ?? null;

/** Every comment article in a list, in DOM order, including nested ones. */
export const articles = (list: Element) => $$<HTMLElement>(list, 'article[part~="comment"]');

export async function loaded(list: Element): Promise<void> {
  await waitUntil(
    () => !!list.shadowRoot && !!$(list, '[part~="list"], [part~="empty"], [part~="error"]'),
    'list did not load',
    {
      timeout: 5000,
    },
  );
}

/** The deepest active element, through shadow roots. */
export function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Types into a field the way a reader does (value + input event). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
