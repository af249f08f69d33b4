/**
 * `npm run bench:server`: the API server under load on loopback, with autocannon, side by side on
 * SQLite (one process), PostgreSQL (one process) and PostgreSQL (two processes, one autocannon
 * client each, req/s summed), each as a ratio to a bare `node:http` server sent the same requests
 * and answering the same bytes (the thread page's size of JSON for GETs, 204 for a beacon, a 202
 * JSON for a comment), measured beside it in the same run.
 *
 * Endpoints: GET comments of a 1,000-comment thread (first page), GET /api/most-read, POST
 * /api/views (a new reader each: X-Forwarded-For with TRUST_PROXY=1) and POST comments.
 * Rate limits are off (RATE_LIMIT_*=0). Targets: reads ≥ 0.5× bare; POST views ≥ 0.4× on SQLite
 * and ≥ 0.25× on PostgreSQL. BENCH_ROUNDS (2) interleaved rounds of BENCH_SECONDS (3) with
 * BENCH_CONNECTIONS (50). PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL_TEST, else the local
 * server (postgres@127.0.0.1:5432); a fresh database is created and dropped.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type ThrowawayDatabase } from '../server/test/pg-database.ts';
import type { Storage } from '../server/domain.ts';
import { seedDemo } from '../server/seed.ts';
import { openStorage } from '../server/storage/index.ts';
import { freePort, ROOT } from '../server/test/ports.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const THREAD = 'bench/thread-1000';
const TOKEN = 'bench-moderator-token-0123456789';
const DEMO_URL = 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const COMMENTS_PATH = `/api/threads/${encodeURIComponent(THREAD)}/comments`;

const children: ChildProcess[] = [];

function waitFor(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const on = (d: Buffer) => {
      out += d;
      if (out.includes(text)) resolve();
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** The demo articles and a thread of 1,000 approved comments (900 top-level, 100 replies). */
async function seed(storage: Storage) {
  await seedDemo(storage, ROOT, Date.now());
  await storage.meta.set('seeded', '1');
  const top: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const { id } = await storage.comments.create({
      thread: THREAD,
      name: `Độc giả ${i}`,
      body: `Bình luận thứ ${i} về an ninh trật tự ở nông thôn mới, ý kiến của bạn đọc gửi về tòa soạn.`,
      parentId: i >= 900 ? top[i % 900] : undefined,
      status: 'approved',
      autoCloseDays: 0,
    });
    if (i < 900) top.push(id);
  }
  await storage.close();
}

async function startServers(n: number, env: Record<string, string>): Promise<string[]> {
  const bases: string[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        MODERATOR_TOKEN: TOKEN,
        RATE_LIMIT_COMMENTS: '0',
        RATE_LIMIT_VIEWS: '0',
        TRUST_PROXY: '1',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    await waitFor(child, 'listening on');
    bases.push(`http://127.0.0.1:${port}`);
  }
  return bases;
}

type Target = (base: string) => autocannon.Options;

let reader = 0;
const TARGETS: [string, Target][] = [
  ['GET thread (1,000 comments, 1st page)', (base) => ({ url: base + COMMENTS_PATH })],
  ['GET most-read', (base) => ({ url: `${base}/api/most-read?window=week&limit=10` })],
  [
    'POST views (new reader each)',
    (base) => ({
      url: `${base}/api/views`,
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA },
      body: JSON.stringify({ url: DEMO_URL }),
      setupRequest: (req) => {
        reader++;
        req.headers = {
          ...req.headers,
          'x-forwarded-for': `10.${(reader >> 16) & 255}.${(reader >> 8) & 255}.${reader & 255}`,
        };
        return req;
      },
    }),
  ],
  [
    'POST comments',
    (base) => ({
      url: `${base}/api/threads/an-ninh-nong-thon-moi-2026/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bạn đọc', body: 'Bình luận thử tải: an ninh trật tự ở nông thôn mới.' }),
    }),
  ],
];

/** One measurement: one autocannon client per server, at once; req/s summed, p99 the worst. */
async function measure(bases: string[], target: Target) {
  const rs = await Promise.all(
    bases.map((b) =>
      autocannon({ connections: Math.ceil(CONNECTIONS / bases.length), duration: SECONDS, ...target(b) }),
    ),
  );
  return {
    rps: rs.reduce((n, r) => n + r.requests.average, 0),
    p99: Math.max(...rs.map((r) => r.latency.p99)),
    bad: rs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
  };
}

async function postgresDatabase(): Promise<ThrowawayDatabase> {
  const server =
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL_TEST || 'postgres://postgres@127.0.0.1:5432/postgres';
  return createDatabase(server, `nw_bench_${randomBytes(4).toString('hex')}`);
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-bench-'));
  const db = await postgresDatabase();
  try {
    await seed(await openStorage({ sqliteFile: join(dataDir, 'news-widgets.sqlite') }));
    await seed(await openStorage({ databaseUrl: db.url, sqliteFile: '' }));
    const setups: [string, string[]][] = [
      ['SQLite ×1', await startServers(1, { DATA_DIR: dataDir, DATABASE_URL: '' })],
      ['PostgreSQL ×1', await startServers(1, { DATA_DIR: dataDir, DATABASE_URL: db.url })],
      ['PostgreSQL ×2', await startServers(2, { DATA_DIR: dataDir, DATABASE_URL: db.url })],
    ];
    const page = await (await fetch(setups[0]![1][0] + COMMENTS_PATH)).text();
    const pageJson = JSON.parse(page);
    if (pageJson.thread.count !== 1000 || pageJson.items.length !== 20) throw new Error('unexpected thread page');
    const pgPage = JSON.parse(await (await fetch(setups[1]![1][0] + COMMENTS_PATH)).text());
    if (pgPage.thread.count !== 1000 || pgPage.items.length !== 20) throw new Error('unexpected thread page (pg)');
    const size = Buffer.byteLength(page);

    // The bare baseline: node:http answering the same bytes as each endpoint (after reading the
    // request body): the thread page's size of JSON for GETs, 204 for a beacon, a 202 JSON for a comment.
    const barePort = await freePort();
    const bare = spawn(
      process.execPath,
      [
        '-e',
        `const page = Buffer.from(JSON.stringify({ pad: 'x'.repeat(${size} - 10) }));
         const accepted = Buffer.from(JSON.stringify({ id: 'c_0123456789abcdef', status: 'pending' }));
         require('node:http').createServer((req, res) => {
           req.resume();
           req.on('end', () => {
             if (req.method === 'POST' && req.url.endsWith('/views')) { res.writeHead(204); res.end(); }
             else if (req.method === 'POST') { res.writeHead(202, { 'content-type': 'application/json', 'content-length': accepted.length }); res.end(accepted); }
             else { res.writeHead(200, { 'content-type': 'application/json', 'content-length': page.length }); res.end(page); }
           });
         }).listen(${barePort}, '127.0.0.1', () => console.log('bare ready'));`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(bare);
    await waitFor(bare, 'bare ready');
    const bareBase = `http://127.0.0.1:${barePort}`;

    console.log(
      `bench:server — ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)}, Node ${process.version}, ${CONNECTIONS} connections, ${ROUNDS}×${SECONDS} s each; thread page ${size} bytes`,
    );
    for (const [, bases] of setups) for (const b of bases) await autocannon({ url: b + COMMENTS_PATH, duration: 1 });
    await autocannon({ url: bareBase + COMMENTS_PATH, duration: 1 });

    // Interleaved rounds: for each endpoint, bare first, then the endpoint on every setup, so each
    // ratio compares measurements a few seconds apart (a busy machine skews both alike).
    const bareByRow = new Map<string, number>();
    const cells = new Map<string, { rps: number; p99: number; bad: number }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, target] of TARGETS) {
        // The same requests (method, headers, body, a new reader each) to the bare server.
        bareByRow.set(name, (bareByRow.get(name) ?? 0) + (await measure([bareBase], target)).rps / ROUNDS);
        for (const [setup, bases] of setups) {
          const r = await measure(bases, target);
          const key = `${name}|${setup}`;
          const cell = cells.get(key) ?? { rps: 0, p99: 0, bad: 0 };
          cell.rps += r.rps / ROUNDS;
          cell.p99 = Math.max(cell.p99, r.p99);
          cell.bad += r.bad;
          cells.set(key, cell);
        }
      }
    }
    const w = 40;
    const col = 26;
    console.log('');
    console.log(
      `bare node:http: ${[...bareByRow.values()].map((n) => n.toFixed(0)).join(' / ')} req/s for the four rows (each row's ratio uses its own bare run, with the same requests)`,
    );
    console.log('');
    console.log('endpoint'.padEnd(w) + setups.map(([s]) => s.padEnd(col)).join(''));
    for (const [name] of TARGETS) {
      console.log(
        name.padEnd(w) +
          setups
            .map(([s]) => {
              const c = cells.get(`${name}|${s}`)!;
              return `${(c.rps / bareByRow.get(name)!).toFixed(2)}× ${c.rps.toFixed(0)}/s p99 ${c.p99}${c.bad ? ` !${c.bad}` : ''}`.padEnd(
                col,
              );
            })
            .join(''),
      );
    }
    console.log('');
    console.log(
      `Targets: reads ≥ 0.50× bare; POST views ≥ 0.40× (SQLite), ≥ 0.25× (PostgreSQL). "!n": non-2xx answers. Load average now ${loadavg()[0]!.toFixed(1)}.`,
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await db.drop().catch((e) => console.error(`drop: ${e.message}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
