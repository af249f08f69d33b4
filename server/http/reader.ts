/**
 * The reader, for "one like (or one report) per reader per comment" without accounts or cookies:
 * a hash of the day's salt, the client's network (`clientNetwork`) and its user agent, as view
 * counting does. Nothing that identifies the reader is stored, and the hash changes every day
 * (the salt is the same in every process: it lives in the database).
 */
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Storage } from '../domain.ts';
import { clientNetwork } from './client-network.ts';
import { clientAddress, type Env } from './context.ts';

export function readerHasher(storage: Pick<Storage, 'views'>, config: Pick<Config, 'trustProxy' | 'now'>) {
  // Read from the database once a day per process.
  let salt: { day: string; value: Promise<string> } | undefined;
  return async (c: Context<Env>): Promise<string> => {
    const day = new Date(config.now()).toISOString().slice(0, 10);
    if (salt?.day !== day) salt = { day, value: storage.views.dailySalt(day) };
    const current = salt;
    const value = await current.value.catch((error: unknown) => {
      if (salt === current) salt = undefined; // the next request asks again
      throw error;
    });
    return createHash('sha256')
      .update(value)
      .update('\0')
      .update(clientNetwork(clientAddress(c, config)))
      .update('\0')
      .update(c.req.header('user-agent') ?? '')
      .digest('base64url');
  };
}
