/**
 * Who may use the desk API (`/api/moderation/*`), in one place:
 * - an editor's session: the `HttpOnly; Secure; SameSite=Strict` cookie scoped to the moderation
 *   API, set by `POST /api/moderation/session` (see `routes/session.ts`); the log names that editor;
 * - the shared `MODERATOR_TOKEN` as a Bearer token, for scripts; the log names `token`, or
 *   "<X-Moderator-Name> (token)" when the script sends that header.
 * Wrong credentials are counted per client network and per account in the shared rate-limit
 * store (all processes see the same counts): past the limit the answer is 429 with Retry-After.
 * A cookie-signed request that changes something must come from the desk's own origin.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import type { RateLimitStore, Storage } from '../domain.ts';
import { clientNetwork } from '../http/client-network.ts';
import { clientAddress, tokenMatches, type Env } from '../http/context.ts';
import { errorBody } from '../http/errors.ts';
import { cleanText } from '../http/validate.ts';
import { editorNameKey } from '../storage/editor-rows.ts';
import { newSessionId, sessionIdHash, verifyNothing, verifySecret } from './secrets.ts';

/**
 * `__Secure-`: browsers accept it only with `Secure` from a secure origin (https, or localhost),
 * so a plain-http page elsewhere on the site cannot plant its own. Not `__Host-`, which needs
 * `Path=/`: the cookie goes to the moderation API only, never to article pages or other routes.
 */
export const SESSION_COOKIE = '__Secure-nw-desk';
export const SESSION_COOKIE_PATH = '/api/moderation';
/** A session ends after 12 h without a desk request, and 7 days after sign-in in any case. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600_000;
/** Wrong credentials allowed per window: per client network (sign-ins and tokens), per account. */
export const AUTH_FAILURES = { windowMs: 15 * 60_000, perNetwork: 10, perAccount: 5 } as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Limit = { key: string; max: number };

export class EditorAuth {
  constructor(
    private readonly config: Config,
    private readonly storage: Storage,
    private readonly limits: RateLimitStore,
  ) {}

  private network(c: Context<Env>): Limit {
    return { key: `auth-fail:net:${clientNetwork(clientAddress(c, this.config))}`, max: AUTH_FAILURES.perNetwork };
  }

  private account(name: string): Limit {
    return { key: `auth-fail:editor:${editorNameKey(name)}`, max: AUTH_FAILURES.perAccount };
  }

  /** Adds `by` to each limit's count; the seconds until the window ends if one is over its limit, else 0. */
  private async count(limits: Limit[], by: number, over: (count: number, max: number) => boolean): Promise<number> {
    const now = this.config.now();
    let wait = 0;
    for (const { key, max } of limits) {
      const { count, resetAt } = await this.limits.hit(key, AUTH_FAILURES.windowMs, by);
      if (over(count, max)) wait = Math.max(wait, Math.max(1, Math.ceil((resetAt - now) / 1000)));
    }
    return wait;
  }

  private tooMany(c: Context<Env>, seconds: number) {
    c.header('Retry-After', String(seconds));
    return c.json(
      errorBody('rate_limited', `Too many wrong sign-ins or tokens. Try again in ${Math.ceil(seconds / 60)} min.`),
      429,
    );
  }

  private unauthorized(c: Context<Env>, message = 'Sign in to the desk, or send a valid moderator token.') {
    c.header('WWW-Authenticate', 'Bearer');
    return c.json(errorBody('unauthorized', message), 401);
  }

  /**
   * Whether a browser request that changes something comes from this origin (or from no browser:
   * no `Origin`). SameSite=Strict keeps other sites' requests from carrying the cookie; this also
   * refuses sibling origins of the same site (another subdomain), which SameSite lets through.
   */
  sameOrigin(c: Context<Env>): boolean {
    const origin = c.req.header('origin');
    if (origin === undefined) return c.req.header('sec-fetch-site') !== 'cross-site';
    const host = (this.config.trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host');
    try {
      return new URL(origin).host === (host ?? new URL(c.req.url).host);
    } catch {
      return false; // "null" (sandboxed frames, some redirects) and anything unparsable
    }
  }

  crossOrigin(c: Context<Env>) {
    return c.json(errorBody('forbidden_origin', 'Desk requests must come from the desk’s own origin.'), 403);
  }

  /** The guard of every desk route: a session cookie or the Bearer token, else 401 (429 when throttled). */
  readonly guard: MiddlewareHandler<Env> = async (c, next) => {
    if (c.req.header('authorization') !== undefined) return this.bearer(c, next);
    const id = getCookie(c, SESSION_COOKIE);
    if (!id) return this.unauthorized(c);
    // Checked before the session is even looked up: a foreign page's request does not keep it alive.
    if (!SAFE_METHODS.has(c.req.method) && !this.sameOrigin(c)) return this.crossOrigin(c);
    const name = await this.storage.editors.session(sessionIdHash(id), SESSION_IDLE_MS, SESSION_MAX_AGE_MS);
    if (!name) {
      this.clearCookie(c);
      return this.unauthorized(c);
    }
    c.set('actor', name);
    await next();
    return undefined;
  };

  /** The Bearer token only (scripts: `POST /api/articles` and the desk API). */
  readonly bearer: MiddlewareHandler<Env> = async (c, next) => {
    const network = [this.network(c)];
    const blocked = await this.count(network, 0, (n, max) => n >= max);
    if (blocked) return this.tooMany(c, blocked);
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!m || !tokenMatches(m[1], this.config.moderatorToken)) {
      if (c.req.header('authorization') === undefined) return this.unauthorized(c);
      const wait = await this.count(network, 1, (n, max) => n > max);
      return wait ? this.tooMany(c, wait) : this.unauthorized(c);
    }
    c.set('actor', tokenActor(c));
    await next();
    return undefined;
  };

  /**
   * Checks an editor's name and secret. Every attempt is counted first (so a burst of parallel
   * guesses cannot all slip in before the first failure is recorded) and given back if right.
   */
  async signIn(
    c: Context<Env>,
    name: string,
    secret: string,
  ): Promise<{ ok: true; name: string } | { ok: false; response: Response }> {
    const limits = [this.network(c), this.account(name)];
    const wait = await this.count(limits, 1, (n, max) => n > max);
    if (wait) return { ok: false, response: this.tooMany(c, wait) };
    const editor = await this.storage.editors.credentials(name);
    const right = editor ? await verifySecret(secret, editor.secretHash) : await verifyNothing(secret);
    if (!editor || !right || editor.disabled)
      return { ok: false, response: this.unauthorized(c, 'The name or the sign-in secret is wrong.') };
    await this.count(limits, -1, () => false);
    // A new sign-in replaces this browser's earlier session.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await this.storage.editors.endSession(sessionIdHash(previous));
    const id = newSessionId();
    await this.storage.editors.startSession(editor.id, sessionIdHash(id), SESSION_IDLE_MS);
    // A session cookie (no Max-Age): gone when the browser closes; the server ends it sooner when idle.
    setCookie(c, SESSION_COOKIE, id, {
      path: SESSION_COOKIE_PATH,
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    return { ok: true, name: editor.name };
  }

  /** The signed-in editor's name, or undefined (does not throttle: a session id is not guessable). */
  async current(c: Context<Env>): Promise<string | undefined> {
    const id = getCookie(c, SESSION_COOKIE);
    return id ? this.storage.editors.session(sessionIdHash(id), SESSION_IDLE_MS, SESSION_MAX_AGE_MS) : undefined;
  }

  /** Ends this browser's session on the server and clears its cookie. */
  async signOut(c: Context<Env>): Promise<void> {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await this.storage.editors.endSession(sessionIdHash(id));
    this.clearCookie(c);
  }

  private clearCookie(c: Context<Env>) {
    deleteCookie(c, SESSION_COOKIE, { path: SESSION_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'Strict' });
  }
}

/** The log's name for a token request: the script's own X-Moderator-Name (URI-encoded), marked as the token's. */
function tokenActor(c: Context<Env>): string {
  let raw = c.req.header('x-moderator-name') ?? '';
  try {
    raw = decodeURIComponent(raw);
  } catch {
    /* keep as is */
  }
  const name = cleanText(raw).slice(0, 60);
  return name ? `${name} (token)` : 'token';
}
