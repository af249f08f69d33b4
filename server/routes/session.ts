/**
 * The desk's sign-in: `POST /api/moderation/session` {name, secret} sets the session cookie,
 * `GET` says who is signed in, `DELETE` signs out (the session ends on the server too).
 * Mounted before the moderation routes, so it is reachable without being signed in.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { DeskSession } from '../../src/core/contract.ts';
import type { EditorAuth } from '../auth/editor-auth.ts';
import type { Env } from '../http/context.ts';
import { parse, readJson } from '../http/validate.ts';

const SignIn = v.object({
  name: v.pipe(v.string('name is required.'), v.trim(), v.minLength(1, 'name is required.'), v.maxLength(64)),
  secret: v.pipe(v.string('secret is required.'), v.minLength(1, 'secret is required.'), v.maxLength(200)),
});

export function sessionRoutes(auth: EditorAuth) {
  const r = new Hono<Env>();
  const answer = (name: string | undefined): DeskSession => ({ signedIn: !!name, name: name ?? null });

  r.get('/', async (c) => c.json(answer(await auth.current(c))));

  r.post('/', async (c) => {
    // A sign-in from another origin is refused too: no site can sign a browser into its account.
    if (!auth.sameOrigin(c)) return auth.crossOrigin(c);
    const { name, secret } = parse(SignIn, await readJson(c));
    const result = await auth.signIn(c, name, secret);
    return result.ok ? c.json(answer(result.name)) : result.response;
  });

  r.delete('/', async (c) => {
    if (!auth.sameOrigin(c)) return auth.crossOrigin(c);
    await auth.signOut(c);
    return c.json(answer(undefined));
  });

  return r;
}
