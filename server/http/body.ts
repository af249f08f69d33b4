/**
 * Request bodies, at most MAX_BODY_BYTES (else 413). Under Node the body is read straight from the
 * IncomingMessage: going through the fetch-style Request (web streams) costs more than the rest of
 * a view beacon. Elsewhere (`app.request()` in tests, other runtimes) the web stream is read.
 */
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { LIMITS } from '../../src/core/contract.ts';
import { ApiError, fail } from './errors.ts';

export const MAX_BODY_BYTES = LIMITS.requestBytes;

const tooLarge = (): never => fail('payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KB.`);
/** The client closed the connection mid-body: its fault, not the server's (no 500, no stack). */
const aborted = () => new ApiError('request_aborted', 'The client closed the connection before the body arrived.');

export async function readBody(c: Context): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  // Node's own request, unless someone (the browser tests' middleware) already read it.
  if (incoming && typeof incoming.on === 'function' && !incoming.readableDidRead) {
    if (Number(incoming.headers['content-length'] ?? 0) > MAX_BODY_BYTES) tooLarge();
    return readIncoming(incoming);
  }
  if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) tooLarge();
  const body = c.req.raw.body;
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw aborted();
    });
    if (done) break;
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      void reader.cancel();
      tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Events rather than an async iterator: a beacon's body is one chunk, and this is the hot path. */
function readIncoming(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    // Gone before we started reading (while the rate limit was checked): no event will come.
    if (incoming.destroyed && !incoming.complete) {
      reject(aborted());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        incoming.removeAllListeners('data');
        incoming.resume(); // drain the rest without keeping it
        try {
          tooLarge();
        } catch (e) {
          reject(e);
        }
        return;
      }
      chunks.push(chunk);
    });
    incoming.once('end', () =>
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')),
    );
    incoming.once('error', () => reject(aborted()));
    // Closed before the end of the body ('aborted' without an 'error' on some Node versions).
    incoming.once('close', () => {
      if (!incoming.complete) reject(aborted());
    });
  });
}
