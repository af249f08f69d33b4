/**
 * The form's validation, sending and answers (its own chunk: it loads when the reader moves
 * into a form, or when a queued comment gets its answer).
 */
import { apiBase } from '../core/api.js';
import { emit, NewsError, toErrorDetail } from '../core/events.js';
import { format } from '../core/locale.js';
import type { CommentPost } from './comments-api.js';
import { BODY_MAX, type CommentSentDetail, type Field, type NewsCommentForm } from './news-comment-form.js';
import { submit, type OutboxEntry, type OutboxResultDetail, type PostResult } from './outbox.js';
import { saveDraft } from './store.js';

export const NAME_MAX = 80;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS: Field[] = ['name', 'email', 'body'];
const same = (el: NewsCommentForm, entry: OutboxEntry) => entry.thread === el.thread && (entry.post.parentId ?? '') === (el.parent ?? '');

async function validate(el: NewsCommentForm): Promise<Partial<Record<Field, string>>> {
  const s = el.strings;
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
  else if ((await el.checkHint()) && el.requireDiacritics) errors.body = s.diacritics;
  return errors;
}

async function focusFirstInvalid(el: NewsCommentForm): Promise<void> {
  await el.updateComplete;
  const field = FIELDS.find((f) => el.errors[f]);
  if (field) el.focusField(field);
}

/** Validates and sends the form's comment through the outbox. */
export async function send(el: NewsCommentForm): Promise<void> {
  el.general = '';
  el.errors = await validate(el);
  if (Object.values(el.errors).some(Boolean)) return focusFirstInvalid(el);
  const base = apiBase(el);
  if (!base) {
    el.general = el.strings.failed;
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
  const { entry, result } = submit(base, el.thread, post);
  el.sendingKey = entry.key;
  const answer = await result;
  el.sendingKey = '';
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
export function onResult(el: NewsCommentForm, { entry, result }: OutboxResultDetail): void {
  if (!same(el, entry) || el.sendingKey === entry.key) return;
  if (result.kind === 'accepted') {
    if (!el.queued().length) el.status = 'sent';
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

function sent(el: NewsCommentForm, entry: OutboxEntry, id?: string): void {
  const detail: CommentSentDetail = { thread: entry.thread, status: id ? 'pending' : 'queued' };
  if (entry.post.parentId) detail.parentId = entry.post.parentId;
  if (id) detail.id = id;
  emit(el, 'news-comment-sent', detail);
}

function refused(el: NewsCommentForm, result: PostResult): void {
  const s = el.strings;
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
