/**
 * `npm run bench:server`: the API server under load on loopback, with autocannon.
 *
 * Measures GET comments of a 1,000-comment thread, GET /api/most-read, POST /api/views and
 * POST comments, beside a bare `node:http` server answering a constant JSON body of the same
 * size as the thread page, in the same run. Prints req/s, p99 and the ratios.
 * Target: reads at ≥ 50 % of the bare baseline.
 *
 * Both servers run as child processes (one process each, like production); autocannon runs
 * here. Rate limits are off for the bench (RATE_LIMIT_*=0) and TRUST_PROXY=1 lets the views
 * bench use a new X-Forwarded-For per request, so every view is a new reader (a write).
 * Each target runs BENCH_ROUNDS (3) interleaved rounds of BENCH_SECONDS (4) with BENCH_CONNECTIONS (50);
 * req/s is the mean over rounds, p99 the worst round.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../server/storage/sqlite/index.ts';
import { seedDemo } from '../server/seed.ts';
import { freePort, ROOT } from '../server/test/process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const THREAD = 'bench/thread-1000';
const TOKEN = 'bench-token';
const DEMO_URL = 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

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

async function run(name: string, opts: autocannon.Options) {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  const non2xx = r.non2xx + r.errors + r.timeouts;
  return {
    name,
    rps: r.requests.average,
    p99: r.latency.p99,
    bytes: r.throughput.average,
    non2xx,
    total: r.requests.total,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-bench-'));
  const children: ChildProcess[] = [];
  try {
    // Data: the demo articles and a thread of 1,000 approved comments (900 top-level, 100 replies).
    const store = new SqliteStorage({ file: join(dataDir, 'news-widgets.sqlite') });
    await seedDemo(store, ROOT, Date.now());
    await store.meta.set('seeded', '1');
    const top: string[] = [];
    {
      for (let i = 0; i < 1000; i++) {
        const parentId = i >= 900 ? top[i % 900] : undefined;
        const { id } = await store.comments.create({
          thread: THREAD,
          name: `Độc giả ${i}`,
          body: `Bình luận thứ ${i} về an ninh trật tự ở nông thôn mới, ý kiến của bạn đọc gửi về tòa soạn.`,
          parentId,
          status: 'approved',
          autoCloseDays: 0,
        });
        if (i < 900) top.push(id);
      }
    }
    await store.close();

    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        MODERATOR_TOKEN: TOKEN,
        RATE_LIMIT_COMMENTS: '0',
        RATE_LIMIT_VIEWS: '0',
        TRUST_PROXY: '1',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(server);
    await waitFor(server, 'listening on');
    const base = `http://127.0.0.1:${port}`;
    const commentsPath = `/api/threads/${encodeURIComponent(THREAD)}/comments`;
    const page = await (await fetch(base + commentsPath)).text();
    const pageJson = JSON.parse(page);
    if (pageJson.thread.count !== 1000 || pageJson.items.length !== 20) throw new Error('unexpected thread page');
    const size = Buffer.byteLength(page);

    // The bare baseline: node:http answering a constant JSON of the same size.
    const barePort = await freePort();
    const bare = spawn(
      process.execPath,
      [
        '-e',
        `const body = Buffer.from(JSON.stringify({ pad: 'x'.repeat(${size} - 10) }));
         require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); res.end(body); })
           .listen(${barePort}, '127.0.0.1', () => console.log('bare ready'));`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(bare);
    await waitFor(bare, 'bare ready');

    console.log(
      `bench:server — ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)}, Node ${process.version}, ${CONNECTIONS} connections, ${ROUNDS}×${SECONDS} s each; thread page ${size} bytes`,
    );
    // Warm up both.
    await autocannon({ url: base + commentsPath, connections: 10, duration: 1 });
    await autocannon({ url: `http://127.0.0.1:${barePort}/`, connections: 10, duration: 1 });

    let n = 0;
    const targets: [string, autocannon.Options][] = [
      ['bare node:http (same size JSON)', { url: `http://127.0.0.1:${barePort}/` }],
      ['GET comments (1,000-comment thread)', { url: base + commentsPath }],
      ['GET /api/most-read', { url: `${base}/api/most-read?window=week&limit=10` }],
      [
        'POST /api/views (new reader each)',
        {
          url: `${base}/api/views`,
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA },
          body: JSON.stringify({ url: DEMO_URL }),
          setupRequest: (req) => {
            n++;
            req.headers = { ...req.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
            return req;
          },
        },
      ],
      [
        'POST comments',
        {
          url: `${base}/api/threads/an-ninh-nong-thon-moi-2026/comments`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Bạn đọc', body: 'Bình luận thử tải: an ninh trật tự ở nông thôn mới.' }),
        },
      ],
    ];
    // Interleaved rounds (bare, then each endpoint, repeated), so a busy machine skews all alike.
    const sums = targets.map(([name]) => ({ name, rps: 0, p99: 0, bytes: 0, non2xx: 0, total: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < targets.length; i++) {
        const r = await run(targets[i]![0], targets[i]![1]);
        const sum = sums[i]!;
        sum.rps += r.rps / ROUNDS;
        sum.p99 = Math.max(sum.p99, r.p99);
        sum.non2xx += r.non2xx;
        sum.total += r.total;
      }
    }
    const results = sums;
    const baseline = results[0]!.rps;
    const pad = (s: string, w: number) => s.padEnd(w);
    console.log('');
    console.log(
      `${pad('endpoint', 38)}${pad('req/s', 10)}${pad('p99 ms', 9)}${pad('vs bare', 9)}non-2xx   (load average now ${loadavg()[0]!.toFixed(1)})`,
    );
    for (const r of results) {
      console.log(
        `${pad(r.name, 38)}${pad(r.rps.toFixed(0), 10)}${pad(String(r.p99), 9)}${pad(((r.rps / baseline) * 100).toFixed(0) + ' %', 9)}${r.non2xx}`,
      );
    }
    const reads = results.slice(1, 3);
    const ok = reads.every((r) => r.rps >= baseline * 0.5);
    console.log('');
    console.log(
      `Reads at ≥ 50 % of the bare baseline: ${ok ? 'yes' : 'NO'} (${reads.map((r) => `${r.name.split(' (')[0]}: ${((r.rps / baseline) * 100).toFixed(0)} %`).join(', ')})`,
    );
    const bad = results.filter((r) => r.non2xx > 0);
    if (bad.length) console.log(`Non-2xx answers: ${bad.map((r) => `${r.name}: ${r.non2xx}`).join(', ')}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
