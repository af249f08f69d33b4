/**
 * The Node HTTP server around the app, so that every error is JSON, including those Node and the
 * adapter answer before any route runs: a request line or header Node cannot parse (`400`),
 * headers over Node's 16 KB limit (`431`), a request that took too long to arrive (`408`), and a
 * path the adapter refuses (a `\` in it, a bad Host: `400`). Node's own answers have empty bodies.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_STATUS, type ErrorCode } from '../../src/core/contract.ts';
import { errorBody } from './errors.ts';

/** An error as a complete HTTP/1.1 answer on a raw socket (the connection is closed after it). */
export function rawErrorResponse(code: ErrorCode, message: string): string {
  const status = ERROR_STATUS[code];
  const body = JSON.stringify(errorBody(code, message));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=UTF-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Node's `clientError`: what Node would answer, as JSON. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // The client went away (or is sending nothing): nobody to answer.
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? rawErrorResponse('header_too_large', 'The request headers are too large (over 16 KB).')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? rawErrorResponse('request_timeout', 'The request did not arrive in time.')
        : rawErrorResponse('bad_request', 'The request is not valid HTTP.');
  socket.end(answer);
}

/** A JSON answer for a request the adapter cannot turn into a fetch Request. */
const badRequest = () =>
  new Response(JSON.stringify(errorBody('bad_request', 'The request URL or Host header is not valid.')), {
    status: ERROR_STATUS.bad_request,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });

/** Starts listening; `onListening` gets the port. Errors (EADDRINUSE…) arrive as the server's `error` event. */
export function listen(
  fetch: (request: Request, env: object) => Response | Promise<Response>,
  opts: { port: number; host: string },
  onListening: (port: number) => void,
): Server {
  const listener = getRequestListener(fetch, { hostname: opts.host, errorHandler: () => badRequest() });
  const server = createServer(listener);
  server.on('clientError', answerClientError);
  server.listen(opts.port, opts.host, () => onListening((server.address() as { port: number }).port));
  return server;
}
