/** Error answers: {"error":{"code","message","field"?}}, and the one place domain errors become HTTP. */
import type { Context } from 'hono';
import { ERROR_STATUS, type ErrorCode } from '../../src/core/contract.ts';
import { DomainError, type DomainErrorCode } from '../domain.ts';

/** Error answers: codes and their statuses from the contract shared with the widgets. */
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export function errorBody(code: ErrorCode, message: string, field?: string) {
  return { error: field ? { code, message, field } : { code, message } };
}

export class ApiError extends Error {
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export function fail(code: ErrorCode, message: string, field?: string): never {
  throw new ApiError(code, message, field);
}

/** Each domain rule's answer: the contract's error code and the message readers and editors see. */
const DOMAIN_ANSWERS: Record<DomainErrorCode, { code: ErrorCode; message: string }> = {
  url_conflict: { code: 'url_conflict', message: 'Another article already has this url.' },
  comment_not_found: { code: 'not_found', message: 'No such comment.' },
  thread_closed: {
    code: 'thread_closed',
    message: 'Bình luận đã đóng cho bài viết này. / Comments are closed for this article.',
  },
  invalid_parent: { code: 'invalid_parent', message: 'The parent comment does not exist in this thread.' },
  invalid_cursor: { code: 'invalid_cursor', message: 'The cursor is not valid.' },
  idempotency_mismatch: {
    code: 'idempotency_mismatch',
    message: 'This Idempotency-Key was already used with a different body; nothing was stored.',
  },
  editor_exists: { code: 'editor_exists', message: 'An editor account of that name already exists.' },
  already_moderated: {
    code: 'already_moderated',
    message: 'Bình luận này đã được xử lý. / This comment has already been handled.',
  },
  not_approved: { code: 'not_approved', message: 'This comment is not shown to readers.' },
};

export function errorHandler(log: (msg: string) => void) {
  return (e: Error, c: Context) => {
    if (e instanceof ApiError) {
      // Nobody reads this answer; one quiet line says what happened.
      if (e.code === 'request_aborted')
        log(`[server] ${c.req.method} ${c.req.path}: client closed the connection mid-body`);
      return c.json(errorBody(e.code, e.message, e.field), e.status);
    }
    if (e instanceof DomainError) {
      const a = DOMAIN_ANSWERS[e.code];
      // The url clash names the other article: useful to the editor who posted it.
      const message = e.code === 'url_conflict' ? e.message : a.message;
      return c.json(errorBody(a.code, message, e.field), ERROR_STATUS[a.code]);
    }
    log(`[server] ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
    return c.json(errorBody('internal', 'Internal server error.'), 500);
  };
}
