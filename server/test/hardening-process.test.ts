/**
 * Issue 12, the findings that only a real server process shows: memory under cache-busting
 * requests (1), an unusable DATA_DIR at start (6), Node's own errors and aborted bodies (11), and
 * the database's file modes (12). Servers run on this pass's database (SQLite or PostgreSQL);
 * the SQLite-file cases use SQLite in both passes.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import { serverDbEnv } from './db.ts';
import { ROOT, startServer } from './process.ts';

const strongToken = () => randomBytes(24).toString('base64url');
const made: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `nw-hardening-${name}-`));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) {
    chmodSync(dir, 0o700); // the read-only ones
    rmSync(dir, { recursive: true, force: true });
  }
});

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ------------------------------------------------------------------ 1. memory

/** The resident set of a process, in bytes (Linux). */
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

test('finding 1: 400 cache-busting requests on a thread of 100 long comments grow the server by less than 20 MB', async () => {
  const server = await startServer({
    ...(await serverDbEnv()),
    DATA_DIR: tempDir('memory'),
    MODERATOR_TOKEN: strongToken(),
    SEED_DEMO: '0',
    PREMODERATION: 'off',
    RATE_LIMIT_COMMENTS: '0',
    // Long enough that nothing expires during the test: what is kept is what the keys make.
    THREAD_CACHE_MS: '600000',
  });
  try {
    const page = `${server.base}/api/threads/bai-dai/comments`;
    const body = 'Bình luận dài về chính sách giao thông đô thị và quy hoạch. '.repeat(33).slice(0, 2000);
    for (let i = 0; i < 100; i++) {
      const r = await fetch(page, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Bạn đọc ${i}`, body }),
      });
      assert.equal(r.status, 202);
    }
    const first = await fetch(`${page}?limit=100`);
    const bytes = (await first.arrayBuffer()).byteLength;
    assert.ok(bytes > 250_000, `a page is ${bytes} bytes`);
    // Warm up (JIT, buffers, the one cache entry) before the baseline.
    for (let i = 0; i < 20; i++) await (await fetch(`${page}?limit=100`)).arrayBuffer();
    const before = rss(server.child.pid!);
    for (let i = 0; i < 400; i++) {
      const r = await fetch(`${page}?limit=100&x=${i}`);
      assert.equal(r.status, 200);
      await r.arrayBuffer();
    }
    const growth = rss(server.child.pid!) - before;
    console.log(
      `# RSS growth after 400 cache-busting requests: ${(growth / 1048576).toFixed(1)} MB (page ${bytes} bytes)`,
    );
    assert.ok(growth < 20 * 1024 * 1024, `RSS grew by ${(growth / 1048576).toFixed(1)} MB`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

// ------------------------------------------------------------------ 6. an unusable DATA_DIR

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

const isRoot = process.getuid?.() === 0;

/**
 * Runs `server/main.ts` until it exits. `as: 'other'` runs it as `nobody` when the tests run as
 * root (root ignores file modes, so a read-only directory would not stop it); `wrap` prefixes
 * the command (a private mount namespace).
 */
function runServer(env: Record<string, string>, opts: { as?: 'other'; wrap?: string[] } = {}): Promise<Exit> {
  const assignments = Object.entries({ HOST: '127.0.0.1', PORT: '0', SEED_DEMO: '0', ...env }).map(
    ([k, v]) => `${k}=${v}`,
  );
  let cmd = ['env', `PATH=${process.env.PATH}`, `HOME=${tmpdir()}`, ...assignments];
  cmd.push(process.execPath, '--import', 'tsx', 'server/main.ts');
  if (opts.as === 'other' && isRoot) cmd = ['runuser', '-u', 'nobody', '--', ...cmd];
  if (opts.wrap) cmd = [...opts.wrap, ...cmd];
  const child = spawn(cmd[0]!, cmd.slice(1), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** Exit 78, one line on stderr naming DATA_DIR and the cause, no stack. */
function assertConfigExit(r: Exit, dataDir: string, code: string): void {
  const all = r.stdout + r.stderr;
  assert.equal(r.code, 78, all);
  assert.equal(r.stderr.trim().split('\n').length, 1, all);
  assert.ok(r.stderr.startsWith(`news-widgets: DATA_DIR ${dataDir} is not usable: `), all);
  assert.ok(r.stderr.trim().endsWith(`[${code}]. Point DATA_DIR at a writable directory with free space.`), all);
  assert.doesNotMatch(all, /\n\s+at |listening on/);
}

/** A directory the other user may enter; `mode` its own. */
function openDir(name: string, mode: number): string {
  const d = tempDir(name);
  chmodSync(d, mode);
  return d;
}

test('finding 6: DATA_DIR under a file (ENOTDIR), a directory where the database or the token should be', async () => {
  const file = join(tempDir('file'), 'not-a-dir');
  writeFileSync(file, 'x');
  assertConfigExit(
    await runServer({ ...(await serverDbEnv()), DATA_DIR: join(file, 'data') }),
    join(file, 'data'),
    'ENOTDIR',
  );

  const tokenDir = tempDir('token-dir');
  mkdirSync(join(tokenDir, 'moderator-token'));
  assertConfigExit(await runServer({ ...(await serverDbEnv()), DATA_DIR: tokenDir }), tokenDir, 'EISDIR');

  const dbDir = tempDir('db-dir');
  mkdirSync(join(dbDir, 'news-widgets.sqlite'));
  const r = await runServer({ DATABASE_URL: '', DATA_DIR: dbDir, MODERATOR_TOKEN: strongToken() });
  assertConfigExit(r, dbDir, 'SQLITE_CANTOPEN');
});

test('finding 6: a DATA_DIR the server may not write (EACCES on mkdir, on the token file, on the database; SQLITE_READONLY)', async () => {
  // Run as another user than the files' owner when the tests run as root (root ignores modes).
  const parent = openDir('ro-parent', 0o555);
  const r1 = await runServer({ ...(await serverDbEnv()), DATA_DIR: join(parent, 'data') }, { as: 'other' });
  assertConfigExit(r1, join(parent, 'data'), 'EACCES');

  const readOnly = openDir('ro', 0o555);
  assertConfigExit(
    await runServer({ ...(await serverDbEnv()), DATA_DIR: readOnly }, { as: 'other' }),
    readOnly,
    'EACCES',
  );

  // The directory is read-only, the database does not exist yet: it cannot be created.
  const r3 = await runServer({ DATABASE_URL: '', DATA_DIR: readOnly, MODERATOR_TOKEN: strongToken() }, { as: 'other' });
  assertConfigExit(r3, readOnly, 'EACCES');

  // The database exists but is someone else's and read-only for us.
  const shared = openDir('ro-db', 0o777);
  const db = new SqliteStorage({ file: join(shared, 'news-widgets.sqlite') });
  await db.close();
  chmodSync(join(shared, 'news-widgets.sqlite'), isRoot ? 0o644 : 0o444);
  const r4 = await runServer({ DATABASE_URL: '', DATA_DIR: shared, MODERATOR_TOKEN: strongToken() }, { as: 'other' });
  if (isRoot) assertConfigExit(r4, shared, 'SQLITE_READONLY');
  else {
    // Not root: the owner may make its own file writable again (0600), and does; the server starts.
    assert.match(r4.stdout, /listening on/);
  }
});

/** Whether this process may make a private mount namespace (root with CAP_SYS_ADMIN). */
function canMountTmpfs(): boolean {
  try {
    execFileSync('unshare', ['-m', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('finding 6: a full DATA_DIR (ENOSPC on the token file, SQLITE_FULL on the database)', async (t) => {
  if (!canMountTmpfs()) {
    // A full disk cannot be made without a small file system of our own.
    t.diagnostic('no private mount namespace here (needs root): ENOSPC/SQLITE_FULL not provoked');
    return;
  }
  // A tiny tmpfs in a mount namespace of the server's own: gone when it exits.
  const mountPoint = tempDir('full');
  const full = (size: string, fill: boolean) => [
    'unshare',
    '-m',
    'sh',
    '-c',
    `mount -t tmpfs -o size=${size} tmpfs "$0" && ${fill ? 'dd if=/dev/zero of="$0/fill" bs=4k count=1 2>/dev/null;' : ''} exec "$@"`,
    mountPoint,
  ];
  const dataDir = join(mountPoint, 'data');
  assertConfigExit(
    await runServer({ ...(await serverDbEnv()), DATA_DIR: dataDir }, { wrap: full('4k', true) }),
    dataDir,
    'ENOSPC',
  );
  const r = await runServer(
    { DATABASE_URL: '', DATA_DIR: dataDir, MODERATOR_TOKEN: strongToken() },
    { wrap: full('48k', false) },
  );
  assertConfigExit(r, dataDir, 'SQLITE_FULL');
});

// ------------------------------------------------------------------ 11. every error is JSON

/** Sends raw bytes, returns everything the server answers until it closes the connection. */
function rawHttp(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(20_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(request);
  });
}

/** Status and parsed JSON body of a raw HTTP/1.1 answer (chunked or not). */
function parseAnswer(raw: string): { status: number; type: string; error: { code: string; message: string } } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  let body = rest.join('\r\n\r\n');
  if (/transfer-encoding: chunked/i.test(head!)) body = body.replace(/^[0-9a-f]+\r\n|\r\n[0-9a-f]+\r\n/gi, '');
  const type = /content-type: ([^\r\n]+)/i.exec(head!)?.[1] ?? '';
  return { status: Number(head!.split(' ')[1]), type, error: JSON.parse(body.replace(/\r\n$/, '')).error };
}

test("finding 11: Node's 431 and 400, and a path with a backslash, answer JSON; an aborted body is a quiet 400, not a 500", async () => {
  const server = await startServer({
    ...(await serverDbEnv()),
    DATA_DIR: tempDir('errors'),
    MODERATOR_TOKEN: strongToken(),
    SEED_DEMO: '0',
  });
  try {
    const big = parseAnswer(
      await rawHttp(server.port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    assert.equal(big.status, 431);
    assert.match(big.type, /^application\/json/);
    assert.equal(big.error.code, 'header_too_large');

    const backslash = parseAnswer(
      await rawHttp(server.port, 'GET /api\\health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
    );
    assert.equal(backslash.status, 400);
    assert.match(backslash.type, /^application\/json/);
    assert.equal(backslash.error.code, 'bad_request');

    const garbage = parseAnswer(await rawHttp(server.port, 'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n'));
    assert.equal(garbage.status, 400);
    assert.equal(garbage.error.code, 'bad_request');

    // A client that sends half its body and goes away. "100 Continue" says the route is running.
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    let seen = '';
    socket.on('data', (d) => (seen += d));
    socket.write(
      'POST /api/threads/t/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n',
    );
    await until('100 Continue', () => seen.includes('100 Continue'));
    socket.write('{"name":"Nửa chừng","body":"');
    socket.destroy();
    await until('the log line of the aborted request', () => server.output().includes('mid-body'));
    // The server still answers, and nothing was logged as an internal error.
    assert.equal((await fetch(`${server.base}/api/health`)).status, 200);
    assert.doesNotMatch(server.output(), /\n\s+at |Internal server error|aborted\n/);
    assert.match(server.output(), /POST \/api\/threads\/t\/comments: client closed the connection mid-body/);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

// ------------------------------------------------------------------ 12. file modes

test('finding 12: the SQLite database and its -wal and -shm files are created 0600; older 0644 files are narrowed', async () => {
  const previous = process.umask(0o022); // the usual umask, which would give 0644
  try {
    const dir = tempDir('modes');
    const file = join(dir, 'news-widgets.sqlite');
    const storage = new SqliteStorage({ file });
    await storage.comments.create({ thread: 't', name: 'An', body: 'Xin chào', status: 'pending', autoCloseDays: 0 });
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      assert.equal((statSync(f).mode & 0o777).toString(8), '600', f);
    }
    await storage.close();

    const oldDir = tempDir('modes-old');
    const oldFile = join(oldDir, 'news-widgets.sqlite');
    writeFileSync(oldFile, '', { mode: 0o644 });
    const reopened = new SqliteStorage({ file: oldFile });
    await reopened.comments.countAll();
    for (const f of [oldFile, `${oldFile}-wal`, `${oldFile}-shm`]) {
      assert.equal((statSync(f).mode & 0o777).toString(8), '600', f);
    }
    await reopened.close();
  } finally {
    process.umask(previous);
  }
});
