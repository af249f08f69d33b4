/**
 * `npm run bench` part 3 (also `npm run bench:live`): 1,000 live readers (SSE) on one server
 * process on loopback (SQLite), one approval. Prints the server's memory per open stream (its
 * resident set before and after the streams open, over the count) and the time from the
 * approval's answer until the last of the 1,000 clients has the `comment` event (target ≤ 1 s).
 * BENCH_LIVE_CLIENTS changes the count.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from '../server/test/ports.ts';

const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 1000);
const TARGET_MS = 1000;
const TOKEN = 'bench-live-token';
const THREAD = 'bench/live';

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'nw-bench-live-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: ROOT,
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    MODERATOR_TOKEN: TOKEN,
    SEED_DEMO: 'off',
    RATE_LIMIT_COMMENTS: '0',
    LIVE_MAX_PER_CLIENT: String(CLIENTS + 10),
    LIVE_MAX_CONNECTIONS: String(CLIENTS + 10),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let exitCode = 0;
try {
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const on = (d: Buffer) => (out += d).includes('listening on') && resolve();
    server.stdout!.on('data', on);
    server.stderr!.on('data', on);
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  // A first comment and approval warm the code paths before the baseline.
  const api = async (path: string, body?: unknown, token = false) => {
    const r = await fetch(`${base}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${TOKEN}` } : {}) },
      body: JSON.stringify(body ?? {}),
    });
    return (await r.json()) as { id: string };
  };
  const warm = await api(`/threads/${encodeURIComponent(THREAD)}/comments`, { name: 'Độc giả', body: 'Khởi động' });
  await api(`/moderation/comments/${warm.id}/approve`, {}, true);
  await sleep(500);
  const before = rssKb(server.pid!);

  // 1,000 readers, each its own connection, each watching for the approval's event.
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const requests: http.ClientRequest[] = [];
  let open = 0;
  let received = 0;
  let allReceived: () => void;
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  let lastAt = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < CLIENTS; i++) {
      const req = http.get(`${base}/api/threads/${encodeURIComponent(THREAD)}/events`, { agent }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${i}: HTTP ${res.statusCode}`));
        let text = '';
        let ready = false;
        let got = false;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (!ready && text.includes('event: ready\n')) {
            ready = true;
            if (++open === CLIENTS) resolve();
          }
          if (!got && text.includes('event: comment\n')) {
            got = true;
            lastAt = performance.now();
            if (++received === CLIENTS) allReceived();
          }
        });
      });
      req.on('error', reject);
      requests.push(req);
    }
  });
  await sleep(1000);
  const after = rssKb(server.pid!);

  const pending = await api(`/threads/${encodeURIComponent(THREAD)}/comments`, {
    name: 'Độc giả',
    body: 'Đo thời gian',
  });
  const started = performance.now();
  await api(`/moderation/comments/${pending.id}/approve`, {}, true);
  const answered = performance.now();
  await Promise.race([done, sleep(30_000)]);
  const deliverMs = lastAt - started;

  console.log(`\nLive (SSE), one server process (SQLite) on loopback, ${CLIENTS} streams`);
  console.log(`  server RSS before ${(before / 1024).toFixed(1)} MB, with the streams ${(after / 1024).toFixed(1)} MB`);
  console.log(`  memory per open stream  ${((after - before) / CLIENTS).toFixed(1)} KB`);
  console.log(`  approval answered in    ${(answered - started).toFixed(0)} ms`);
  console.log(
    `  ${received}/${CLIENTS} clients had the event ${deliverMs.toFixed(0)} ms after the approval was sent (target ≤ ${TARGET_MS} ms)`,
  );
  if (received < CLIENTS || deliverMs > TARGET_MS) {
    console.log(
      `OVER live delivery: ${received < CLIENTS ? `${CLIENTS - received} clients missed it` : `${deliverMs.toFixed(0)} ms`}`,
    );
    exitCode = 1;
  }
  for (const req of requests) req.destroy();
  agent.destroy();
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
