/**
 * `<news-comment-list>` past its skeleton (its own chunk, fetched together with the thread's
 * first page): the threaded rendering, replies, sorting, "load more", publisher templates, HTML
 * bodies, and the reader's own comments with their status polling.
 */
import { html, nothing, render as litRender, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { apiBase } from '../core/api.js';
import { emit, toErrorDetail } from '../core/events.js';
import { format } from '../core/locale.js';
import { safeHttpUrl } from '../core/url.js';
import { rememberCount, type CommentData } from './comments-api.js';
import { fetchStatuses, fetchThread, toThreadPage } from './comments-data.js';
import type { NewsCommentForm } from './news-comment-form.js';
import type { NewsCommentList } from './news-comment-list.js';
import { loadOutbox, loadPending, notify, pendingKey, writeStore } from './store.js';
import type { CommentStrings } from './strings.js';

export { styles } from './list-view.styles.js';

type List = NewsCommentList;

/** What the reader sees about their own comment. */
type OwnState = 'sending' | 'queued' | 'pending' | 'approved' | 'rejected';

export interface Shown extends CommentData {
  own?: OwnState;
}

// ---------------------------------------------------------------------------------------------
// Shared, cheap rendering helpers (a 1,000-comment thread calls them 1,000 times)

const formatters = new Map<string, { rtf: Intl.RelativeTimeFormat; dtf: Intl.DateTimeFormat }>();
const UNITS: [number, Intl.RelativeTimeFormatUnit][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
];

/** "5 phút trước" within a week, then the date and time; formatters are made once per locale. */
export function timeText(iso: string, tag: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  let f = formatters.get(tag);
  if (!f) {
    f = {
      rtf: new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }),
      dtf: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    formatters.set(tag, f);
  }
  const diff = time - now;
  const abs = Math.abs(diff);
  if (abs >= 7 * 86_400_000) return f.dtf.format(time);
  for (const [size, unit] of UNITS) if (abs >= size) return f.rtf.format(Math.round(diff / size), unit);
  return f.rtf.format(0, 'second');
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** A text body: line breaks kept by CSS (`pre-line`), bare http(s) URLs as `nofollow ugc` links. */
export function textBody(body: string): unknown {
  if (!body.includes('http')) return body;
  const out: unknown[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    // Trailing punctuation belongs to the sentence, not the link.
    const raw = match[0].replace(/[.,;:!?)\]}]+$/, '');
    const start = match.index ?? 0;
    const url = safeHttpUrl(raw);
    if (!url) continue;
    out.push(body.slice(last, start), html`<a href=${url} rel="nofollow ugc noopener">${raw}</a>`);
    last = start + raw.length;
  }
  out.push(body.slice(last));
  return out;
}

type Sanitize = typeof import('../core/sanitize.js');
let sanitizer: Promise<Sanitize> | null = null;
const loadSanitizer = () => (sanitizer ??= import('../core/sanitize.js'));
/** Publisher templates, loaded only when a page has one (it needs DOMPurify anyway). */
let templates: typeof import('./template.js') | null = null;

// ---------------------------------------------------------------------------------------------
// Data

/** The first page arrived (fetched by the element, in parallel with this chunk). */
export async function show(el: List, base: string, raw: unknown, signal: AbortSignal): Promise<void> {
  await prepareTemplate(el);
  const page = toThreadPage(raw, el.thread);
  if (signal.aborted) return;
  el.more = [];
  el.cursor = page.nextCursor;
  el.closed = page.thread.closed;
  el.page = page;
  rememberCount(base, el.thread, page.thread.count);
  emit(el, 'news-comments-load', {
    thread: el.thread,
    count: page.thread.count,
    closed: page.thread.closed,
  });
  void poll(el);
}

export async function prepareTemplate(el: List): Promise<void> {
  const template =
    el.commentTemplate ?? el.querySelector<HTMLTemplateElement>(':scope > template[data-part="comment"]');
  if (template === el.preparedFrom) return;
  el.preparedFrom = template;
  el.templated.clear();
  try {
    templates = template ? await import('./template.js') : templates;
    el.prepared = template ? await templates!.prepareTemplate(template) : null;
  } catch {
    el.prepared = null;
  }
  el.requestUpdate();
}

/** Checks own pending comments now, then every `pollInterval` while some remain. */
export async function poll(el: List, onlySchedule = false): Promise<void> {
  clearTimeout(el.pollTimer);
  const base = apiBase(el);
  const { thread } = el;
  const pending = loadPending(thread).filter((c) => c.api === base);
  if (!base || !pending.length || !el.isConnected) return;
  if (!onlySchedule && document.visibilityState === 'visible') {
    try {
      const statuses = await fetchStatuses(
        base,
        pending.map((c) => c.id),
      );
      const done = pending.filter((c) => statuses[c.id] && statuses[c.id] !== 'pending');
      for (const c of done) {
        const verdict = statuses[c.id];
        if (verdict === 'approved' || verdict === 'rejected') el.settled.set(c.id, { ...c, own: verdict });
      }
      if (done.length) {
        const last = el.settled.get(done[done.length - 1].id);
        if (last) el.announcement = last.own === 'approved' ? el.strings.approved : el.strings.rejected;
        el.requestUpdate();
        const ids = done.map((c) => c.id);
        const left = loadPending(thread).filter((c) => !ids.includes(c.id));
        writeStore(pendingKey(thread), left.length ? left : null);
        notify(thread);
      }
    } catch {
      // The next round tries again.
    }
  }
  if (loadPending(thread).length && el.isConnected) {
    clearTimeout(el.pollTimer);
    el.pollTimer = setTimeout(() => void poll(el), Math.max(1000, el.pollInterval));
  }
}

async function loadMore(this: List): Promise<void> {
  const base = apiBase(this);
  if (!base || !this.cursor || this.loadingMore) return;
  this.loadingMore = true;
  this.requestUpdate();
  const known = new Set(allTop(this).map((c) => c.id));
  // Aborted on disconnect and when a new first page loads (another sort, thread or API).
  const { signal } = (this.moreAbort = new AbortController());
  try {
    const page = await fetchThread(base, this.thread, {
      sort: this.sort,
      cursor: this.cursor,
      limit: this.pageSize,
      signal,
    });
    signal.throwIfAborted();
    const fresh = page.items.filter((c) => !known.has(c.id));
    this.more = [...this.more, ...fresh];
    this.cursor = page.nextCursor;
    this.loadingMore = false;
    this.requestUpdate();
    if (!this.cursor && fresh.length) {
      // The button is gone: focus moves to the first new comment.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(fresh[0].id)}"]`)?.focus();
    }
  } catch (error) {
    this.loadingMore = false;
    this.requestUpdate();
    if (!signal.aborted) emit(this, 'news-error', toErrorDetail(this.localName, error));
  }
}

async function onReplyClick(this: List, event: Event): Promise<void> {
  const id = (event.currentTarget as HTMLElement).dataset.reply!;
  this.replyTo = this.replyTo === id ? null : id;
  this.requestUpdate();
  if (!this.replyTo) return;
  await this.updateComplete;
  const form = this.renderRoot.querySelector<NewsCommentForm>('news-comment-form');
  await form?.updateComplete;
  form?.focusBody();
}

function onReplyClose(this: List, event: Event): void {
  queueMicrotask(() => {
    if (!event.defaultPrevented) {
      this.replyTo = null;
      this.requestUpdate();
    }
  });
}

const replyButton = (el: List, id: string) =>
  el.renderRoot.querySelector<HTMLElement>(`[data-reply="${CSS.escape(id)}"]`);

function allTop(el: List): CommentData[] {
  const first = el.comments ?? el.page?.items ?? [];
  return el.more.length ? [...first, ...el.more] : first;
}

/** The reader's own comments for this thread: settled here, awaiting moderation, queued. */
function ownComments(el: List): Shown[] {
  const base = apiBase(el);
  const own: Shown[] = [...el.settled.values()];
  const ids = new Set(own.map((c) => c.id));
  for (const c of loadPending(el.thread)) if (!ids.has(c.id) && c.api === base) own.push({ ...c, own: 'pending' });
  for (const e of loadOutbox()) {
    if (e.thread !== el.thread || e.api !== base) continue;
    own.push({
      id: `outbox-${e.key}`,
      parentId: e.post.parentId,
      name: e.post.name,
      body: e.post.body,
      createdAt: e.createdAt,
      own: e.attempts ? 'queued' : 'sending',
    });
  }
  return own;
}

// ---------------------------------------------------------------------------------------------
// Render

interface RenderContext {
  el: List;
  s: CommentStrings;
  now: number;
  tag: string;
  depthMax: number;
  ownReplies: Shown[];
  base: string | null;
  canReply: boolean;
}

interface TreeContext extends RenderContext {
  children: Map<string, Shown[]>;
}

const NO_CHILDREN = new Map<string, Shown[]>();

export function render(el: List): TemplateResult {
  const s = el.strings;
  const now = Date.now();
  const server = allTop(el);
  const known = new Set<string>();
  for (const c of server) {
    known.add(c.id);
    for (const r of c.replies ?? []) known.add(r.id);
  }
  // Own comments the server already shows approved are shown as the server has them.
  const own = ownComments(el).filter((c) => !known.has(c.id));
  const ownTop = own.filter((c) => !c.parentId);
  const ownReplies = own.filter((c) => c.parentId);
  const top: Shown[] = el.sort === 'oldest' ? [...server, ...ownTop] : [...ownTop.reverse(), ...server];
  const base = apiBase(el);
  const ctx: RenderContext = {
    el,
    s,
    now,
    tag: el.locale.tag,
    depthMax: Math.max(1, Math.floor(el.maxDepth) || 2),
    ownReplies,
    base,
    canReply: !el.closed && !!base && el.comments === undefined,
  };
  return html`
    <div part="toolbar" class="toolbar" role="group" aria-label=${s.sort}>
      ${(['newest', 'oldest'] as const).map(
        (sort) =>
          html`<button
            type="button"
            part="sort"
            aria-pressed=${el.sort === sort ? 'true' : 'false'}
            @click=${() => (el.sort = sort)}
          >
            ${sort === 'newest' ? s.newest : s.oldest}
          </button>`,
      )}
    </div>
    <div role="status" class="visually-hidden">${el.announcement}</div>
    ${
      top.length
        ? html`<section part="list" class="list ${top.length > 30 ? 'long' : ''}" aria-label=${s.listLabel}>
            ${top.map((c) => renderThread(c, ctx))}
          </section>`
        : html`<p part="empty" class="empty">${s.empty}</p>`
    }
    ${
      el.cursor && el.comments === undefined
        ? html`<button
            type="button"
            part="more"
            class="more"
            ?disabled=${el.loadingMore}
            aria-busy=${el.loadingMore ? 'true' : 'false'}
            @click=${loadMore}
          >
            ${s.more}
          </button>`
        : nothing
    }
  `;
}

function renderThread(topComment: Shown, ctx: RenderContext): TemplateResult {
  if (!topComment.replies?.length && !ctx.ownReplies.length)
    return renderComment(topComment, 0, { ...ctx, children: NO_CHILDREN });
  const replies: Shown[] = [...(topComment.replies ?? [])];
  const ids = new Set([topComment.id, ...replies.map((r) => r.id)]);
  for (const r of ctx.ownReplies) if (r.parentId && ids.has(r.parentId)) replies.push(r);
  const children = new Map<string, Shown[]>();
  const byId = new Map<string, Shown>([[topComment.id, topComment]]);
  for (const r of replies) byId.set(r.id, r);
  for (const r of replies) {
    const parent = r.parentId && byId.has(r.parentId) && r.parentId !== r.id ? r.parentId : topComment.id;
    const list = children.get(parent);
    if (list) list.push(r);
    else children.set(parent, [r]);
  }
  return renderComment(topComment, 0, { ...ctx, children });
}

function renderComment(c: Shown, depth: number, ctx: TreeContext, cue?: string): TemplateResult {
  const { el, s } = ctx;
  const kids = ctx.children.get(c.id) ?? [];
  let nested: TemplateResult[] = [];
  if (kids.length && depth < ctx.depthMax) {
    if (depth + 1 < ctx.depthMax) nested = kids.map((k) => renderComment(k, depth + 1, ctx));
    else {
      // The last level: every deeper reply attaches here, in conversation order, with "@name".
      const flat = (k: Shown, parent?: Shown): TemplateResult[] => [
        renderComment(k, ctx.depthMax, ctx, parent ? format(s.replyTo, { name: parent.name }) : undefined),
        ...(ctx.children.get(k.id) ?? []).flatMap((g) => flat(g, k)),
      ];
      nested = kids.flatMap((k) => flat(k));
    }
  }
  const replying = el.replyTo === c.id;
  const repliesPart = nested.length ? html`${nested}` : null;
  const templated = el.prepared ? renderTemplated(c, ctx, repliesPart) : null;
  // Rare things (a cue, an own comment's state, an open reply form, replies) share one binding,
  // so an ordinary comment is a single template instance: a 1,000-comment thread stays cheap.
  const extra: unknown[] = [];
  if (c.own) extra.push(html`<p part="comment-status" class="status ${c.own}">${s[c.own]}</p>`);
  if (replying) extra.push(renderReplyForm(c, ctx));
  if (repliesPart && !templated) extra.push(html`<div part="replies" class="replies">${repliesPart}</div>`);
  const more = extra.length ? extra : nothing;
  const hideActions = !ctx.canReply || !!c.own;
  const expanded = replying ? 'true' : 'false';
  if (templated) {
    return html`<article part="comment" class="comment d${depth}" data-id=${c.id} tabindex="-1" aria-label=${c.name}>
      ${templated}
      <div part="comment-actions" class="actions" ?hidden=${hideActions}>
        <button type="button" part="reply-button" data-reply=${c.id} aria-expanded=${expanded} @click=${onReplyClick}>
          ${s.reply}
        </button>
      </div>
      ${more}
    </article>`;
  }
  const body = renderBody(el, c);
  return html`<article part="comment" class="comment d${depth}" data-id=${c.id} tabindex="-1" aria-label=${c.name}>
    <header part="comment-header">
      <strong part="comment-name">${c.name}</strong> -
      <time part="comment-time" datetime=${c.createdAt}>${timeText(c.createdAt, ctx.tag, ctx.now)}</time>
    </header>
    <div part="comment-body" class="body">
      ${cue ? [html`<span part="comment-cue" class="cue">${cue}</span>`, body] : body}
    </div>
    <div part="comment-actions" class="actions" ?hidden=${hideActions}>
      <button type="button" part="reply-button" data-reply=${c.id} aria-expanded=${expanded} @click=${onReplyClick}>
        ${s.reply}
      </button>
    </div>
    ${more}
  </article>`;
}

function renderReplyForm(c: Shown, { el, base }: TreeContext): TemplateResult {
  return html`<news-comment-form
    part="reply-form"
    .thread=${el.thread}
    api=${ifDefined(base ?? undefined)}
    parent=${c.id}
    .replyName=${c.name}
    .messages=${el.messages}
    .returnFocus=${replyButton(el, c.id)}
    @news-close=${onReplyClose}
    @news-comment-sent=${() => {
      el.replyTo = null;
      el.requestUpdate();
      void el.updateComplete.then(() => replyButton(el, c.id)?.focus());
    }}
  ></news-comment-form>`;
}

/** The body's content: text with links, or the sanitized editor HTML once DOMPurify is here. */
function renderBody(el: List, c: Shown): unknown {
  if (c.bodyHtml) {
    const cached = el.htmlBodies.get(c.id);
    if (cached) return cached;
    void loadSanitizer().then(
      (mod) => {
        const div = document.createElement('div');
        div.className = 'html';
        div.append(mod.sanitizeToFragment(c.bodyHtml!, 'comment'));
        el.htmlBodies.set(c.id, div);
        el.requestUpdate();
      },
      () => undefined,
    );
  }
  return textBody(c.body);
}

/** A comment through the publisher's template: values go into text nodes only. */
function renderTemplated(c: Shown, ctx: TreeContext, replies: TemplateResult | null): Node {
  const { el } = ctx;
  let entry = el.templated.get(c.id);
  if (!entry) {
    const time = document.createElement('time');
    time.setAttribute('part', 'comment-time');
    time.setAttribute('datetime', c.createdAt);
    time.textContent = timeText(c.createdAt, ctx.tag, ctx.now);
    const body = document.createElement('div');
    body.setAttribute('part', 'comment-body');
    body.className = 'body';
    const repliesEl = document.createElement('div');
    repliesEl.setAttribute('part', 'replies');
    repliesEl.className = 'replies';
    const { fragment, placed } = templates!.fillTemplate(el.prepared!, {
      name: c.name,
      time,
      body,
      replies: repliesEl,
    });
    const node = document.createElement('div');
    node.className = 'templated';
    node.append(fragment);
    if (!placed.has('replies')) node.append(repliesEl);
    entry = { node, replies: repliesEl, body };
    el.templated.set(c.id, entry);
  }
  litRender(renderBody(el, c), entry.body, { host: el });
  litRender(replies ?? nothing, entry.replies, { host: el });
  return entry.node;
}
