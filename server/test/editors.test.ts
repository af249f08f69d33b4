/**
 * Editors with their own credentials (issue 12, findings 3 and 5): accounts made by the real
 * `npm run editor` command, sign-in to an HttpOnly session cookie scoped to the moderation API,
 * the log naming the real editor, the Bearer token for scripts, throttled wrong credentials,
 * and a weak MODERATOR_TOKEN refused at start. On SQLite and PostgreSQL (TEST_DB).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.ts';
import { AUTH_FAILURES, SESSION_COOKIE } from '../auth/editor-auth.ts';
import { configFromEnv, storageOptions } from '../config.ts';
import { addEditor } from '../editor-accounts.ts';
import { openStorage } from '../storage/index.ts';
import { serverDbEnv, TEST_DB } from './db.ts';
import { comment, makeCtx, TOKEN, type TestCtx } from './helpers.ts';
import { printedSecret, ROOT, runEditorCli, startServer } from './process.ts';

const T = 'an-ninh-nong-thon-moi-2026';
/** `app.request()` answers as http://localhost: the desk's own origin in these tests. */
const ORIGIN = 'http://localhost';
const HOUR = 3600_000;

function signIn(c: TestCtx, name: string, secret: string, init: { ip?: string; origin?: string } = {}) {
  return c.json(
    '/api/moderation/session',
    { name, secret },
    { ip: init.ip, headers: init.origin === '' ? {} : { origin: init.origin ?? ORIGIN } },
  );
}

/** The cookie pair a browser would send back, from a sign-in answer. */
const cookieOf = (r: Response) => r.headers.get('set-cookie')!.split(';')[0]!;

/** A desk request with the session cookie (same origin unless told). */
function desk(c: TestCtx, cookie: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return c.req(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function pendingComment(c: TestCtx, body = 'Bài viết rất hay.') {
  const r = await c.json(`/api/threads/${T}/comments`, comment({ body }));
  assert.equal(r.status, 202);
  return (await r.json()).id as string;
}

test('npm run editor: add prints a one-time secret that signs in; list; disable ends sessions; reset; refusals', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-editors-'));
  const env = { ...(await serverDbEnv()), DATA_DIR: dataDir, MODERATOR_TOKEN: '' };
  const config = { ...configFromEnv(env), moderatorToken: TOKEN };
  try {
    const added = await runEditorCli(env, 'add', 'Hà Phương');
    assert.equal(added.code, 0, added.stderr);
    const secret = printedSecret(added.stdout);
    assert.match(secret, /^[A-Za-z0-9_-]{32}$/, 'a 24-byte base64url secret');
    assert.match(added.stdout, /shown only now/);

    const again = await runEditorCli(env, 'add', 'hà phương');
    assert.deepEqual([again.code, again.stdout], [1, '']);
    assert.match(again.stderr, /already exists/);
    assert.equal((await runEditorCli(env, 'add', '<script>')).code, 64);
    assert.equal((await runEditorCli(env, 'frobnicate', 'x')).code, 64);

    // The server's own app on the same database accepts the printed secret.
    const storage = await openStorage(storageOptions(config));
    try {
      const stored = (await storage.editors.credentials('Hà Phương'))!;
      assert.match(stored.secretHash, /^scrypt\$32768\$8\$1\$/);
      assert.ok(!stored.secretHash.includes(secret));
      const app = createApp({ config, storage, log: () => {} });
      const post = (name: string, s: string) =>
        app.request('/api/moderation/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: JSON.stringify({ name, secret: s }),
        });
      const ok = await post('Hà Phương', secret);
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json(), { signedIn: true, name: 'Hà Phương' });
      const cookie = cookieOf(ok);
      const queue = () => app.request('/api/moderation/queue', { headers: { cookie } });
      assert.equal((await queue()).status, 200);

      const list = await runEditorCli(env, 'list');
      assert.equal(list.code, 0);
      assert.match(list.stdout, /^Hà Phương\tcreated \S+\tlast sign-in \d{4}-\S+$/m);

      const disabled = await runEditorCli(env, 'disable', 'Hà Phương');
      assert.equal(disabled.code, 0, disabled.stderr);
      assert.equal((await queue()).status, 401, 'the open session ended');
      assert.equal((await post('Hà Phương', secret)).status, 401, 'a disabled account cannot sign in');
      assert.match((await runEditorCli(env, 'list')).stdout, /^Hà Phương\t.*\tDISABLED$/m);
      assert.equal((await runEditorCli(env, 'disable', 'Không Có')).code, 1);

      assert.equal((await runEditorCli(env, 'enable', 'Hà Phương')).code, 0);
      const reset = await runEditorCli(env, 'reset', 'Hà Phương');
      assert.equal(reset.code, 0, reset.stderr);
      const fresh = printedSecret(reset.stdout);
      assert.notEqual(fresh, secret);
      assert.equal((await post('Hà Phương', secret)).status, 401, 'the old secret no longer works');
      assert.equal((await post('Hà Phương', fresh)).status, 200);
    } finally {
      await storage.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('sign-in: the session cookie is HttpOnly, Secure, SameSite=Strict, scoped to the moderation API; wrong, unknown and disabled answer 401 alike', async () => {
  const c = await makeCtx();
  const secret = await addEditor(c.storage, 'Hà Phương');
  await addEditor(c.storage, 'Tạm nghỉ').then(() => c.storage.editors.setDisabled('Tạm nghỉ', true));

  const ok = await signIn(c, 'hà phương', secret); // names are case-insensitive
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { signedIn: true, name: 'Hà Phương' });
  const setCookie = ok.headers.get('set-cookie')!;
  assert.match(
    setCookie,
    new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/api/moderation; HttpOnly; Secure; SameSite=Strict$`),
  );
  assert.equal(ok.headers.get('cache-control'), 'no-store');
  const cookie = cookieOf(ok);
  const who = await desk(c, cookie, '/api/moderation/session');
  assert.deepEqual(await who.json(), { signedIn: true, name: 'Hà Phương' });
  assert.deepEqual(await (await c.req('/api/moderation/session')).json(), { signedIn: false, name: null });

  for (const [name, s] of [
    ['Hà Phương', secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A')],
    ['Không Có Ai', secret],
    ['Tạm nghỉ', secret],
  ] as const) {
    const r = await signIn(c, name, s);
    assert.equal(r.status, 401, name);
    assert.deepEqual(await r.json(), {
      error: { code: 'unauthorized', message: 'The name or the sign-in secret is wrong.' },
    });
    assert.equal(r.headers.get('set-cookie'), null);
  }
  const bad = await c.json('/api/moderation/session', { name: 'Hà Phương' }, { headers: { origin: ORIGIN } });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'secret');
  // The id in the cookie is not what the database holds.
  const id = cookie.split('=')[1]!;
  assert.equal(await c.storage.editors.session(id, HOUR, HOUR), undefined);
});

test('the log records the signed-in editor; a name the desk sends is ignored', async () => {
  const c = await makeCtx();
  const cookie = cookieOf(await signIn(c, 'Hà Phương', await addEditor(c.storage, 'Hà Phương')));
  const id = await pendingComment(c);
  const r = await desk(
    c,
    cookie,
    `/api/moderation/comments/${id}/approve`,
    {},
    {
      'x-moderator-name': encodeURIComponent('Giám đốc'),
    },
  );
  assert.equal(r.status, 200);
  const closed = await desk(c, cookie, `/api/moderation/threads/${T}/close`, {});
  assert.equal(closed.status, 200);
  const log = await (await desk(c, cookie, '/api/moderation/log')).json();
  assert.deepEqual(
    log.items.map((e: { action: string; actor: string }) => [e.action, e.actor]),
    [
      ['close', 'Hà Phương'],
      ['approve', 'Hà Phương'],
    ],
  );
});

test('sessions: 12 h idle ends them, each use slides them, 7 days at most; sign-out ends them on the server', async () => {
  const c = await makeCtx();
  const secret = await addEditor(c.storage, 'Hà Phương');
  const queue = (cookie: string) => desk(c, cookie, '/api/moderation/queue');

  const idle = cookieOf(await signIn(c, 'Hà Phương', secret));
  c.clock.now += 12 * HOUR + 1000;
  const expired = await queue(idle);
  assert.equal(expired.status, 401);
  assert.match(expired.headers.get('set-cookie')!, new RegExp(`^${SESSION_COOKIE}=; Max-Age=0; Path=/api/moderation;`));

  const used = cookieOf(await signIn(c, 'Hà Phương', secret));
  for (let day = 0; day < 6; day++) {
    c.clock.now += 11 * HOUR;
    assert.equal((await queue(used)).status, 200, `still signed in after ${day + 1} × 11 h of use`);
  }
  // However often it is used, a session ends 7 days (168 h) after its sign-in.
  for (let hours = 66 + 11; hours <= 176; hours += 11) {
    c.clock.now += 11 * HOUR;
    assert.equal((await queue(used)).status, hours < 168 ? 200 : 401, `after ${hours} h`);
  }

  const active = cookieOf(await signIn(c, 'Hà Phương', secret));
  const out = await c.req('/api/moderation/session', { method: 'DELETE', headers: { cookie: active, origin: ORIGIN } });
  assert.equal(out.status, 200);
  assert.deepEqual(await out.json(), { signedIn: false, name: null });
  assert.match(out.headers.get('set-cookie')!, /Max-Age=0/);
  // The browser dropped it; a copy of the cookie is no good either.
  assert.equal((await queue(active)).status, 401);
});

test('the Bearer token keeps working for scripts; the log names the token (and the name a script gives)', async () => {
  const c = await makeCtx();
  const a = await pendingComment(c, 'Thứ nhất');
  const b = await pendingComment(c, 'Thứ hai');
  assert.equal((await c.mod(`/api/moderation/comments/${a}/approve`, {})).status, 200);
  const plain = await c.req(`/api/moderation/comments/${b}/reject`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(plain.status, 200);
  const log = await (await c.mod('/api/moderation/log')).json();
  assert.deepEqual(
    log.items.map((e: { actor: string }) => e.actor),
    ['token', 'Biên tập viên A (token)'],
  );
  const articles = await c.req('/api/articles', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'bai-moi', url: 'https://tinhnha.example/bai-moi.html', title: 'Bài mới' }),
  });
  assert.equal(articles.status, 200);
});

test('cookie-signed writes from another origin are refused (403) and change nothing; so are sign-ins', async () => {
  const c = await makeCtx();
  const secret = await addEditor(c.storage, 'Hà Phương');
  const cookie = cookieOf(await signIn(c, 'Hà Phương', secret));
  const id = await pendingComment(c);
  for (const origin of ['https://evil.example', 'http://www.localhost', 'null']) {
    const r = await desk(c, cookie, `/api/moderation/comments/${id}/approve`, {}, { origin });
    assert.equal(r.status, 403, origin);
    assert.equal((await r.json()).error.code, 'forbidden_origin');
    assert.equal((await signIn(c, 'Hà Phương', secret, { origin })).status, 403);
  }
  const crossSite = await c.req(`/api/moderation/comments/${id}/approve`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    body: '{}',
  });
  assert.equal(crossSite.status, 403);
  assert.equal((await c.storage.comments.get(id))!.status, 'pending');
  // Reading is fine from anywhere the cookie goes (CORS keeps other origins from reading answers).
  assert.equal(
    (await desk(c, cookie, '/api/moderation/queue', undefined, { origin: 'https://evil.example' })).status,
    200,
  );
  // Same origin, or no Origin at all (not a browser), goes through.
  assert.equal((await desk(c, cookie, `/api/moderation/comments/${id}/approve`, {})).status, 200);
  assert.equal((await signIn(c, 'Hà Phương', secret, { origin: '' })).status, 200);
});

test('wrong sign-ins are throttled per account (from many networks) and per network (many accounts), 429 with Retry-After', async () => {
  const c = await makeCtx();
  const secret = await addEditor(c.storage, 'Hà Phương');
  const { perAccount, perNetwork, windowMs } = AUTH_FAILURES;

  // Per account: each guess from another network.
  for (let i = 0; i < perAccount; i++)
    assert.equal((await signIn(c, 'Hà Phương', `sai-${i}`, { ip: `198.51.100.${i + 1}` })).status, 401);
  const locked = await signIn(c, 'Hà Phương', secret, { ip: '198.51.100.99' });
  assert.equal(locked.status, 429, 'even the right secret waits once the account is throttled');
  assert.equal((await locked.json()).error.code, 'rate_limited');
  const retry = Number(locked.headers.get('retry-after'));
  assert.ok(retry > 0 && retry <= windowMs / 1000, `Retry-After ${retry}`);
  c.clock.now += windowMs;
  assert.equal((await signIn(c, 'Hà Phương', secret, { ip: '198.51.100.99' })).status, 200, 'after the window');

  // A right sign-in is given back: an editor signing in often is never throttled for it.
  for (let i = 0; i < perAccount + 2; i++)
    assert.equal((await signIn(c, 'Hà Phương', secret, { ip: `203.0.113.${i + 10}` })).status, 200);

  // Per network: guesses at many accounts from one IPv6 /64 (any address in it).
  for (let i = 0; i < perNetwork; i++)
    assert.equal((await signIn(c, `ai-do-${i}`, 'sai', { ip: `2001:db8:1:2::${i + 1}` })).status, 401);
  const net = await signIn(c, 'Hà Phương', secret, { ip: '2001:db8:1:2:ffff::1' });
  assert.equal(net.status, 429);
  assert.ok(Number(net.headers.get('retry-after')) > 0);
  // Another network is not affected.
  assert.equal((await signIn(c, 'Hà Phương', secret, { ip: '2001:db8:9::1' })).status, 200);
});

test('300 wrong Bearer tokens hit 429; then the right token waits on that network, and works from another', async () => {
  const c = await makeCtx();
  const statuses: number[] = [];
  for (let i = 0; i < 300; i++) {
    const r = await c.req('/api/moderation/queue', {
      headers: { authorization: `Bearer guess-${i}` },
      ip: '192.0.2.7',
    });
    statuses.push(r.status);
  }
  const first429 = statuses.indexOf(429);
  assert.equal(first429, AUTH_FAILURES.perNetwork, 'throttled right after the allowed failures');
  assert.ok(statuses.slice(first429).every((s) => s === 429));
  const right = await c.req('/api/moderation/queue', {
    headers: { authorization: `Bearer ${TOKEN}` },
    ip: '192.0.2.7',
  });
  assert.equal(right.status, 429);
  assert.ok(Number(right.headers.get('retry-after')) > 0);
  const articles = await c.req('/api/articles', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: '{}',
    ip: '192.0.2.7',
  });
  assert.equal(articles.status, 429, 'POST /api/articles shares the throttle');
  const elsewhere = await c.req('/api/moderation/queue', {
    headers: { authorization: `Bearer ${TOKEN}` },
    ip: '192.0.2.8',
  });
  assert.equal(elsewhere.status, 200);
});

test('the throttle lives in the shared rate-limit store: another app on the same store sees the failures', async () => {
  const c = await makeCtx();
  for (let i = 0; i < AUTH_FAILURES.perNetwork; i++) await signIn(c, 'ai-do', 'sai', { ip: '192.0.2.50' });
  const other = createApp({ config: c.config, storage: c.storage, log: () => {} });
  const r = await other.request(
    '/api/moderation/queue',
    { headers: { authorization: 'Bearer sai' } },
    { incoming: { socket: { remoteAddress: '192.0.2.50' } } },
  );
  assert.equal(r.status, 429);
});

/** Starts `server/main.ts` and waits for it to exit; answers its code and output. */
function startExpectingExit(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

test('a weak MODERATOR_TOKEN: the real server refuses to start with one clear line on stderr, exit 78', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-weak-'));
  try {
    for (const [token, why] of [
      ['a', /MODERATOR_TOKEN is 1 characters long: use at least 24 random characters/],
      ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', /MODERATOR_TOKEN uses only 1 different characters/],
      ['mật khẩu rất dài nhưng có dấu cách', /MODERATOR_TOKEN must be printable ASCII/],
    ] as const) {
      const r = await startExpectingExit({ DATA_DIR: dataDir, MODERATOR_TOKEN: token, DATABASE_URL: '' });
      assert.equal(r.code, 78, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.match(r.stderr, why);
      assert.match(r.stderr, /The server did not start\.$/m);
      assert.ok(!r.stderr.includes(token) || token === 'a', 'the token itself is not echoed');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('npm start: a fresh SQLite data folder gets a demo editor whose secret is printed once and signs in; PostgreSQL says how to add one', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-demo-'));
  const env = { ...(await serverDbEnv()), DATA_DIR: dataDir, MODERATOR_TOKEN: '' };
  try {
    const first = await startServer(env);
    const banner = first.output();
    first.child.kill('SIGTERM');
    await first.exited;
    if (TEST_DB === 'postgres') {
      assert.match(banner, /Desk sign-in: +no editors yet: npm run editor -- add <name>/);
      return;
    }
    const line = /Desk sign-in: +name "demo", secret ([A-Za-z0-9_-]{32}) /.exec(banner);
    assert.ok(line, banner);
    const second = await startServer(env);
    try {
      assert.doesNotMatch(second.output(), /Desk sign-in/, 'shown once');
      const r = await fetch(`${second.base}/api/moderation/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'demo', secret: line[1] }),
      });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('set-cookie')!, /; HttpOnly; Secure; SameSite=Strict$/);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
