/** Error answers: {"error":{"code","message","field"?}}, and the one place domain errors become HTTP. */
import type { Context } from 'hono';
import { DomainError, type DomainErrorCode } from '../domain.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

export function errorBody(code: string, message: string, field?: string) {
  return { error: field ? { code, message, field } : { code, message } };
}

export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function fail(status: ErrorStatus, code: string, message: string, field?: string): never {
  throw new ApiError(status, code, message, field);
}

/** Each domain rule's HTTP answer: status, public code and the message readers and editors see. */
const DOMAIN_ANSWERS: Record<DomainErrorCode, { status: ErrorStatus; code: string; message: string }> = {
  url_conflict: { status: 409, code: 'url_conflict', message: 'Another article already has this url.' },
  comment_not_found: { status: 404, code: 'not_found', message: 'No such comment.' },
  thread_closed: {
    status: 403,
    code: 'thread_closed',
    message: 'Bình luận đã đóng cho bài viết này. / Comments are closed for this article.',
  },
  invalid_parent: {
    status: 400,
    code: 'invalid_parent',
    message: 'The parent comment does not exist in this thread.',
  },
  invalid_cursor: { status: 400, code: 'invalid_cursor', message: 'The cursor is not valid.' },
};

export function errorHandler(log: (msg: string) => void) {
  return (e: Error, c: Context) => {
    if (e instanceof ApiError) return c.json(errorBody(e.code, e.message, e.field), e.status);
    if (e instanceof DomainError) {
      const a = DOMAIN_ANSWERS[e.code];
      // The url clash names the other article: useful to the editor who posted it.
      const message = e.code === 'url_conflict' ? e.message : a.message;
      return c.json(errorBody(a.code, message, e.field), a.status);
    }
    log(`[server] ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
    return c.json(errorBody('internal', 'Internal server error.'), 500);
  };
}
