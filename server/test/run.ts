/**
 * `npm run test:server`: the whole server suite twice, on SQLite and on PostgreSQL, each test
 * context on an empty store. PostgreSQL: DATABASE_URL_TEST when set; else the local server on
 * 127.0.0.1:5432 when it answers (user postgres or root, database test); else a throwaway server
 * started here from Debian's binaries in a temporary folder (as `nobody` when run as root:
 * PostgreSQL refuses root). Each run creates a fresh database and drops it at the end.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type ThrowawayDatabase } from './pg-database.ts';
import { freePort, ROOT } from './ports.ts';

const files = readdirSync(join(ROOT, 'server/test'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('server/test', f));

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** A throwaway PostgreSQL in a temporary folder; returns its URL and how to stop it. */
async function throwawayPostgres(): Promise<{ url: string; stop: () => void }> {
  const bin = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((d) =>
    existsSync(join(d, 'initdb')),
  );
  if (!bin) throw new Error('No PostgreSQL reachable and no initdb found: set DATABASE_URL_TEST');
  const dir = mkdtempSync(join(tmpdir(), 'nw-pg-'));
  const asRoot = process.getuid?.() === 0;
  const nobody = asRoot ? Number(execFileSync('id', ['-u', 'nobody']).toString()) : 0;
  if (asRoot) chownSync(dir, nobody, Number(execFileSync('id', ['-g', 'nobody']).toString()));
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, cmd), asRoot ? ['-u', 'nobody', '--', join(bin, cmd), ...args] : args, {
      stdio: 'pipe',
    });
  const port = await freePort();
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  console.log(`# PostgreSQL: throwaway server from ${bin} on port ${port}`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The PostgreSQL server to test on: DATABASE_URL_TEST, the local one, or a throwaway one. */
async function postgresServer(): Promise<{ url: string; stop?: () => void }> {
  if (process.env.DATABASE_URL_TEST) {
    console.log('# PostgreSQL: DATABASE_URL_TEST');
    return { url: process.env.DATABASE_URL_TEST };
  }
  for (const user of ['postgres', 'root']) {
    const url = `postgres://${user}@127.0.0.1:5432/test`;
    if (await answers(url)) {
      console.log(`# PostgreSQL: local server on 127.0.0.1:5432 (user ${user})`);
      return { url };
    }
  }
  return throwawayPostgres();
}

const RUN_ID = randomBytes(5).toString('hex');
/** Every schema the tests create starts with this (see db.ts). */
const SCHEMA_PREFIX = `t_${RUN_ID}_`;

/**
 * A fresh database for this run on `server`; where we may not create one, the given database,
 * where the run's schemas are dropped at the end.
 */
async function freshDatabase(server: string): Promise<ThrowawayDatabase> {
  try {
    return await createDatabase(server, `nw_test_${RUN_ID}`);
  } catch (e) {
    console.log(`# cannot create a database (${(e as Error).message}): fresh schemas in the given one`);
    return { url: server, drop: () => dropSchemas(server) };
  }
}

async function dropSchemas(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ name: string }>(
      'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)',
      [SCHEMA_PREFIX],
    );
    for (const { name } of rows) await c.query(`DROP SCHEMA ${name} CASCADE`);
  } finally {
    await c.end();
  }
}

interface PassResult {
  name: string;
  code: number;
  seconds: number;
  counts: Record<string, number>;
}

function runPass(name: string, env: Record<string, string>): Promise<PassResult> {
  console.log(`\n# ---- server tests on ${name} ----`);
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    cwd: ROOT,
    env: { ...process.env, TEST_SCHEMA_PREFIX: SCHEMA_PREFIX, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d;
    process.stdout.write(d);
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      const counts: Record<string, number> = {};
      for (const m of out.matchAll(/^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm))
        counts[m[1]!] = Number(m[2]);
      resolve({ name, code: code ?? 1, seconds: (Date.now() - t0) / 1000, counts });
    }),
  );
}

// PostgreSQL is needed on both passes: the multi-process tests run on it (shared state in Redis on
// the SQLite pass, in PostgreSQL on the PostgreSQL pass).
const results: PassResult[] = [];
const server = await postgresServer();
try {
  const db = await freshDatabase(server.url);
  try {
    results.push(await runPass('SQLite', { TEST_DB: 'sqlite', TEST_DATABASE_URL: db.url }));
    results.push(await runPass('PostgreSQL', { TEST_DB: 'postgres', TEST_DATABASE_URL: db.url }));
  } finally {
    await db.drop();
  }
} finally {
  server.stop?.();
}

console.log('\n# server tests, both databases:');
for (const r of results) {
  const c = r.counts;
  console.log(
    `#   ${r.name.padEnd(10)} tests ${c.tests ?? '?'}, pass ${c.pass ?? '?'}, fail ${c.fail ?? '?'}, skipped ${c.skipped ?? '?'}, ${r.seconds.toFixed(1)} s`,
  );
}
const ok = results.length === 2 && results.every((r) => r.code === 0 && r.counts.fail === 0 && !r.counts.skipped);
process.exitCode = ok ? 0 : 1;
