/**
 * Editors' sign-in secrets and desk session ids. Secrets are hashed with scrypt (memory-hard,
 * Node's own), with a salt per secret and the parameters stored with the hash, so they can be
 * raised later without invalidating older hashes. Session ids are 256 random bits: a plain
 * SHA-256 is enough to keep a database leak from handing out live sessions.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8: 32 MiB and some 50–100 ms per hash, off the event loop (libuv's pool). */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
/** Stored parameters above these are refused rather than computed (a tampered row must not stall the server). */
const MAX_N = 2 ** 20;

function derive(secret: string, salt: Buffer, keyBytes: number, cost: { N: number; r: number; p: number }) {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, keyBytes, options, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** A new sign-in secret: 24 random bytes, 32 base64url characters (192 bits). */
export const newSecret = () => randomBytes(24).toString('base64url');

/** `scrypt$N$r$p$salt$key` (salt and key base64url). */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, KEY_BYTES, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `secret` matches `stored` (constant-time compare); false for a malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (kind !== 'scrypt' || !salt || !key || !(cost.N > 1 && cost.N <= MAX_N && cost.r >= 1 && cost.r <= 32))
    return false;
  if (!(cost.p >= 1 && cost.p <= 4)) return false;
  const expected = Buffer.from(key, 'base64url');
  const got = await derive(secret, Buffer.from(salt, 'base64url'), expected.length, cost);
  return timingSafeEqual(got, expected);
}

let decoy: Promise<string> | undefined;
/** Spends a secret check's time on a name that has no account, so timing does not tell names apart. */
export async function verifyNothing(secret: string): Promise<false> {
  decoy ??= hashSecret(newSecret());
  await verifySecret(secret, await decoy);
  return false;
}

/** A new desk session id (256 random bits) and the hash the server stores instead of it. */
export const newSessionId = () => randomBytes(32).toString('base64url');
export const sessionIdHash = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Editor names: 1–64 letters, digits, spaces, `.`, `_`, `-`; a letter or digit first and last. */
export const EDITOR_NAME = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} ._-]{0,62}[\p{L}\p{M}\p{N}])?$/u;
