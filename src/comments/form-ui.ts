/**
 * `<news-comment-form>` itself (its own chunk, see news-comment-form.ts): the fields, the
 * counter, the honeypot, drafts, the diacritics hint, closing, validation and sending through
 * the outbox (which loads only on the first send, or at start when it already holds a comment).
 */
import { adoptStyles, html, nothing } from 'lit';
import { apiBase } from '../core/api.js';
import { closeBox, closeButton, closeStyles, isRememberedClosed } from '../core/closable.js';
import { emit, NewsError, toErrorDetail } from '../core/events.js';
import { format, translate } from '../core/locale.js';
import type { CommentPost } from './comments-api.js';
import type { CommentSentDetail, Field, NewsCommentForm } from './news-comment-form.js';
import type { OutboxResultDetail, PostResult } from './outbox.js';
import { loadDraft, loadOutbox, loadOutboxModule, outboxEvents, saveDraft, type OutboxEntry } from './store.js';
import { COMMENT_STRINGS, type CommentStrings } from './strings.js';
import { styles } from './form-ui.styles.js';

type Form = NewsCommentForm;

export const NAME_MAX = 80;
export const BODY_MAX = 2000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS: Field[] = ['name', 'email', 'body'];

/** The diacritics detector loads when the reader starts typing a body (its own small chunk). */
let detect: ((text: string) => boolean) | undefined;
const loadDetector = () =>
  import('./diacritics.js').then(
    (m) => (detect = m.lacksDiacritics),
    () => undefined,
  );

const strings = (el: Form): CommentStrings => translate(COMMENT_STRINGS, el.locale.language, el.messages);
const focusField = (el: Form, id: string) => el.renderRoot.querySelector<HTMLElement>('#' + id)?.focus();

// ------------------------------------------------------------------------------- life cycle

/** Per element: the outbox listener, and the key of the comment it is sending now. */
const listeners = new WeakMap<Form, EventListener>();
const sending = new WeakMap<Form, string>();
const busy = new WeakSet<Form>();

/** Sets the form up once its chunk is here. */
export function attach(el: Form): void {
  el.attached = true;
  // The element's own styles (a subclass's too), then the form's.
  adoptStyles(el.renderRoot as ShadowRoot, [
    ...(el.constructor as typeof NewsCommentForm).elementStyles,
    closeStyles,
    styles,
  ]);
  // `remember-close`: a form the reader closed stays closed for the session.
  if (!el.parent && isRememberedClosed(el)) el.open = false;
  restore(el);
  if (el.isConnected) connect(el);
  el.requestUpdate();
}

export function connect(el: Form): void {
  let listener = listeners.get(el);
  if (!listener)
    listeners.set(el, (listener = (event) => onResult(el, (event as CustomEvent<OutboxResultDetail>).detail)));
  outboxEvents.addEventListener('result', listener);
}

export function disconnect(el: Form): void {
  outboxEvents.removeEventListener('result', listeners.get(el)!);
}

export function willUpdate(el: Form, changed: Map<PropertyKey, unknown>): void {
  if (changed.has('thread') || changed.has('parent')) restore(el);
}

/** Puts the draft back, except text that already waits in the outbox. */
function restore(el: Form): void {
  const draft = loadDraft(el.thread, el.parent);
  const waiting = queued(el);
  el.name = typeof draft.name === 'string' ? draft.name : '';
  el.body = typeof draft.body === 'string' && !waiting.some((e) => e.post.body === draft.body) ? draft.body : '';
  el.email = '';
  el.errors = {};
  el.general = '';
  el.status = waiting.length ? 'queued' : '';
}

const same = (el: Form, entry: OutboxEntry) =>
  entry.thread === el.thread && (entry.post.parentId ?? '') === (el.parent ?? '');
const queued = (el: Form): OutboxEntry[] => loadOutbox().filter((e) => same(el, e));

// -------------------------------------------------------------------------------- handlers

function onInput(this: Form, event: Event): void {
  const { id, value } = event.target as HTMLInputElement;
  const field = id as Field;
  this[field] = value;
  if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  if (field === 'body') {
    if (!detect) void loadDetector();
    if (this.hint && !detect?.(value)) this.hint = false;
  }
  if (this.status === 'sent') this.status = '';
  saveDraft(this.thread, this.parent, { name: this.name, body: this.body });
}

/** Shows (and returns) the "no diacritics" hint, for Vietnamese only. */
async function checkHint(el: Form): Promise<boolean> {
  const vi = el.locale.language === 'vi';
  if (vi && el.body) await loadDetector();
  return (el.hint = vi && !!detect?.(el.body));
}

function onBlur(this: Form): void {
  void checkHint(this);
}

function close(el: Form): void {
  const wasReply = !!el.parent;
  const closed = closeBox(el, { hide: () => (el.open = false), focus: el.returnFocus ?? el });
  if (closed && !wasReply) void el.updateComplete.then(() => focusField(el, 'write'));
}

async function reopen(this: Form): Promise<void> {
  this.open = true;
  await this.updateComplete;
  focusField(this, this.name ? 'body' : 'name');
}

function onKeydown(this: Form, event: KeyboardEvent): void {
  if (event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    close(this);
  }
}

async function onSubmit(this: Form, event: Event): Promise<void> {
  event.preventDefault();
  if (busy.has(this)) return;
  busy.add(this);
  try {
    await send(this);
  } catch {
    this.status = '';
    this.general = strings(this).failed;
  } finally {
    busy.delete(this);
  }
}

// ------------------------------------------------------------------------- validate and send

async function validate(el: Form): Promise<Partial<Record<Field, string>>> {
  const s = strings(el);
  const lower = (text: string) => text.toLocaleLowerCase(el.locale.tag);
  const errors: Partial<Record<Field, string>> = {};
  const name = el.name.trim();
  const body = el.body.trim();
  const email = el.email.trim();
  if (!name) errors.name = format(s.required, { field: lower(s.name) });
  else if (name.length > NAME_MAX) errors.name = format(s.tooLong, { field: s.name, max: NAME_MAX });
  if (email && !EMAIL.test(email)) errors.email = s.invalidEmail;
  if (!body) errors.body = format(s.required, { field: lower(s.body) });
  else if (body.length > BODY_MAX) errors.body = format(s.tooLong, { field: s.body, max: BODY_MAX });
  else if ((await checkHint(el)) && el.requireDiacritics) errors.body = s.diacritics;
  return errors;
}

async function focusFirstInvalid(el: Form): Promise<void> {
  await el.updateComplete;
  const field = FIELDS.find((f) => el.errors[f]);
  if (field) focusField(el, field);
}

/** Validates and sends the form's comment through the outbox. */
async function send(el: Form): Promise<void> {
  el.general = '';
  el.errors = await validate(el);
  if (Object.values(el.errors).some(Boolean)) return focusFirstInvalid(el);
  const base = apiBase(el);
  if (!base) {
    el.general = strings(el).failed;
    emit(el, 'news-error', toErrorDetail(el.localName, new NewsError('shape', 'No API base')));
    return;
  }
  const website = el.renderRoot.querySelector<HTMLInputElement>('#website')?.value;
  const post: CommentPost = { name: el.name.trim(), body: el.body.trim() };
  const email = el.email.trim();
  if (email) post.email = email;
  if (el.parent) post.parentId = el.parent;
  if (website) post.website = website;
  el.status = 'sending';
  const { submit } = await loadOutboxModule();
  const { entry, result } = submit(base, el.thread, post);
  sending.set(el, entry.key);
  const answer = await result;
  sending.delete(el);
  if (answer.kind === 'accepted' || answer.kind === 'retry') {
    el.status = answer.kind === 'accepted' ? 'sent' : 'queued';
    el.body = '';
    el.hint = false;
    saveDraft(el.thread, el.parent, { name: el.name, body: '' });
    sent(el, entry, answer.kind === 'accepted' ? answer.id : undefined);
  } else {
    el.status = '';
    refused(el, answer);
  }
}

/** A queued comment of this form went out, or was refused, in the background. */
function onResult(el: Form, { entry, result }: OutboxResultDetail): void {
  if (!same(el, entry) || sending.get(el) === entry.key) return;
  if (result.kind === 'accepted') {
    if (!queued(el).length) el.status = 'sent';
    sent(el, entry, result.id);
  } else if (result.kind !== 'retry' && result.kind !== 'rate') {
    el.status = '';
    if (!el.body) {
      el.name = entry.post.name;
      el.body = entry.post.body;
    }
    refused(el, result);
  }
}

function sent(el: Form, entry: OutboxEntry, id?: string): void {
  const detail: CommentSentDetail = { thread: entry.thread, status: id ? 'pending' : 'queued' };
  if (entry.post.parentId) detail.parentId = entry.post.parentId;
  if (id) detail.id = id;
  emit(el, 'news-comment-sent', detail);
}

function refused(el: Form, result: PostResult): void {
  const s = strings(el);
  if (result.kind === 'closed') {
    el.closed = true;
    emit(el, 'news-thread-closed', { thread: el.thread });
  } else if (result.kind === 'rate') {
    el.general = format(s.tooFast, { seconds: result.seconds });
  } else if (result.kind === 'invalid') {
    const message = result.message ? `${s.failed} (${result.message})` : s.failed;
    const field = FIELDS.find((f) => f === result.field);
    if (field) {
      el.errors = { [field]: message };
      void focusFirstInvalid(el);
    } else el.general = message;
  }
}

// -------------------------------------------------------------------------------- render

export function render(el: Form): unknown {
  const s = strings(el);
  if (el.closed) return html`<p part="closed" class="closed">${s.closed}</p>`;
  if (!el.open)
    return el.parent
      ? nothing
      : html`<button type="button" part="write" id="write" class="write" @click=${reopen}>${s.write}</button>`;
  const e = el.errors;
  const length = el.body.length;
  const hint = el.hint && e.body !== s.diacritics;
  const described = (field: Field, ...extra: (string | false)[]) =>
    [e[field] && `${field}-error`, ...extra].filter(Boolean).join(' ') || nothing;
  const error = (field: Field) =>
    e[field] ? html`<p part="field-error" class="error" id="${field}-error">${e[field]}</p>` : nothing;
  const label = el.parent ? format(s.replyLabel, { name: el.replyName }) : s.write;
  return html`<form part="form" novalidate aria-label=${label} @submit=${onSubmit} @keydown=${onKeydown}>
    <div class="top">
      <p part="notice" id="notice" class="notice">${s.notice}</p>
      ${closeButton(() => close(el), s.close)}
    </div>
    <div part="field" class="field">
      <label part="label" for="name">${s.name}</label>
      <input
        part="input"
        id="name"
        name="name"
        autocomplete="name"
        required
        aria-invalid=${e.name ? 'true' : 'false'}
        aria-describedby=${described('name')}
        .value=${el.name}
        @input=${onInput}
      />
      ${error('name')}
    </div>
    <div part="field" class="field">
      <label part="label" for="email">${s.email}</label>
      <input
        part="input"
        id="email"
        name="email"
        type="email"
        autocomplete="email"
        aria-invalid=${e.email ? 'true' : 'false'}
        aria-describedby=${described('email')}
        .value=${el.email}
        @input=${onInput}
      />
      ${error('email')}
    </div>
    <div part="field" class="field">
      <label part="label" for="body">${s.body}</label>
      <textarea
        part="textarea"
        id="body"
        name="body"
        rows="4"
        required
        aria-invalid=${e.body ? 'true' : 'false'}
        aria-describedby=${described('body', hint && 'hint', 'counter', 'notice')}
        .value=${el.body}
        @input=${onInput}
        @blur=${onBlur}
      ></textarea>
      <div class="below">
        ${hint ? html`<p part="hint" class="hint" id="hint">${s.diacritics}</p>` : nothing} ${error('body')}
        <span
          part="counter"
          id="counter"
          class="counter ${length > BODY_MAX ? 'over' : ''}"
          aria-live=${length > BODY_MAX * 0.9 ? 'polite' : 'off'}
          >${length}/${BODY_MAX}</span
        >
      </div>
    </div>
    <div class="hp" .inert=${true} aria-hidden="true">
      <label for="website">Website</label>
      <input id="website" name="website" tabindex="-1" autocomplete="off" />
    </div>
    <div class="actions">
      <button type="submit" part="submit" aria-disabled=${el.status === 'sending' ? 'true' : 'false'}>
        ${s.submit}
      </button>
    </div>
    <p part="status" class="status" role="status">${el.status && s[el.status]}</p>
    <p part="error" class="error general" role="alert">${el.general}</p>
  </form>`;
}
