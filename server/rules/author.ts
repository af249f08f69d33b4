/**
 * The pseudonymous author of a comment: an HMAC of the client's network (`clientNetwork`) with a
 * secret kept in the database, so the same reader has the same hash on every day and in every
 * process (unlike the views' daily salt), and the address itself is never stored.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { MetaStore } from '../domain.ts';

const SECRET_KEY = 'author-secret';

export function authorHasher(meta: MetaStore): (network: string) => Promise<string> {
  let secret: Promise<string> | undefined;
  const load = async () => {
    await meta.claim(SECRET_KEY, randomBytes(32).toString('hex'));
    const value = await meta.get(SECRET_KEY);
    if (!value) throw new Error('author secret missing');
    return value;
  };
  return async (network) => {
    secret ??= load().catch((e) => {
      secret = undefined;
      throw e;
    });
    return createHmac('sha256', await secret)
      .update(network)
      .digest('base64url')
      .slice(0, 32);
  };
}
