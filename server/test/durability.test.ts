import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { startServer } from './process.ts';
import { serverDbEnv } from './db.ts';
import { configFromEnv, storageOptions } from '../config.ts';
import { openStorage } from '../storage/index.ts';

const TOKEN = 'durability-token-1234567890';
const T = 'an-ninh-nong-thon-moi-2026';

test(
  'every 202-accepted comment survives kill -9, exactly once (concurrent posts, kill, restart)',
  { timeout: 180_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nw-durability-'));
    const env = { ...(await serverDbEnv()), DATA_DIR: dataDir, MODERATOR_TOKEN: TOKEN, RATE_LIMIT_COMMENTS: '0' };
    try {
      const s1 = await startServer(env);
      const accepted = new Map<string, string>(); // idempotency key → id
      const sent: { key: string; body: string; thread: string }[] = [];
      let stop = false;
      let n = 0;
      const worker = async () => {
        while (!stop) {
          const i = n++;
          const key = randomUUID();
          const thread = i % 3 === 0 ? 'other/thread' : T;
          const body = `Bình luận số ${i}`;
          sent.push({ key, body, thread });
          try {
            const r = await fetch(`${s1.base}/api/threads/${encodeURIComponent(thread)}/comments`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': key },
              body: JSON.stringify({ name: 'Độc giả', body }),
            });
            if (r.status === 202) accepted.set(key, (await r.json()).id);
            else assert.fail(`unexpected ${r.status}`);
          } catch (e) {
            if (!stop) throw e; // the connection died with the server: fine only after the kill
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      while (accepted.size < 300) await new Promise((r) => setTimeout(r, 5));
      s1.child.kill('SIGKILL');
      stop = true;
      await Promise.allSettled(workers);
      const ex = await s1.exited;
      assert.equal(ex.signal, 'SIGKILL');
      const acceptedBeforeKill = new Map(accepted);
      assert.ok(acceptedBeforeKill.size >= 300);

      const s2 = await startServer(env);
      try {
        const auth = { authorization: `Bearer ${TOKEN}` };
        const rows: { id: string; body: string }[] = [];
        let cursor = '';
        do {
          const r = await (
            await fetch(`${s2.base}/api/moderation/queue?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {
              headers: auth,
            })
          ).json();
          rows.push(...r.items);
          cursor = r.nextCursor ?? '';
        } while (cursor);
        const ids = new Set(rows.map((r) => r.id));
        assert.equal(ids.size, rows.length, 'no duplicate ids');
        const bodies = rows.map((r) => r.body);
        assert.equal(new Set(bodies).size, bodies.length, 'no comment stored twice');
        for (const [, id] of acceptedBeforeKill) assert.ok(ids.has(id), `accepted ${id} is missing after kill -9`);
        // Replaying every request after the restart creates nothing new and answers the same ids.
        for (const { key, body, thread } of sent) {
          const r = await fetch(`${s2.base}/api/threads/${encodeURIComponent(thread)}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ name: 'Độc giả', body }),
          });
          assert.equal(r.status, 202);
          const { id } = await r.json();
          if (acceptedBeforeKill.has(key)) assert.equal(id, acceptedBeforeKill.get(key));
        }
        const after = await (await fetch(`${s2.base}/api/moderation/queue?limit=1`, { headers: auth })).json();
        assert.equal(after.counts.pending, sent.length, 'each request stored exactly once');
      } finally {
        s2.child.kill('SIGTERM');
        await s2.exited;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

test('SIGTERM shuts down gracefully; the token is printed on first start only', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-sigterm-'));
  try {
    const dbEnv = await serverDbEnv();
    const s1 = await startServer({ ...dbEnv, DATA_DIR: dataDir, MODERATOR_TOKEN: '' });
    const m = /Moderator token:\s+(\S+)\s+\(generated/.exec(s1.output());
    assert.ok(m, s1.output());
    const token = m[1]!;
    assert.match(s1.output(), /Seeded 30 sample articles/);
    assert.match(s1.output(), new RegExp(`${s1.base.replace('127.0.0.1', 'localhost')}/moderation`));
    // A request in flight when SIGTERM arrives still completes: its body is half sent at the signal.
    const payload = JSON.stringify({
      id: 'sigterm-1',
      url: 'https://tinhnha.example/x/sigterm-1.html',
      title: 'Bài gửi lúc tắt máy',
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${s1.base}/api/articles`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          connection: 'close',
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write(payload.slice(0, 20));
      setTimeout(() => {
        s1.child.kill('SIGTERM');
        setTimeout(() => req.end(payload.slice(20)), 300);
      }, 300);
    });
    const res = await answer;
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(JSON.parse(res.body), { upserted: 1, ids: ['sigterm-1'] });
    const ex = await s1.exited;
    assert.equal(ex.code, 0);
    assert.match(s1.output(), /SIGTERM: shutting down/);

    const s2 = await startServer({ ...dbEnv, DATA_DIR: dataDir, MODERATOR_TOKEN: '' });
    try {
      assert.ok(!s2.output().includes(token), 'token must not be logged again');
      assert.doesNotMatch(s2.output(), /Seeded/);
      const q = await fetch(`${s2.base}/api/moderation/queue`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(q.status, 200);
      assert.equal((await (await fetch(`${s2.base}/api/articles/sigterm-1`)).json()).title, 'Bài gửi lúc tắt máy');
      const home = await fetch(`${s2.base}/`);
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-security-policy')!, /trusted-types/);
    } finally {
      s2.child.kill('SIGTERM');
      assert.equal((await s2.exited).code, 0);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test(
  'view beacons wait in memory for their batch; SIGTERM writes the last batch; kill -9 loses only the unwritten one',
  {
    timeout: 120_000,
  },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nw-views-'));
    const dbEnv = await serverDbEnv();
    // A batch interval far longer than the test: only a flush at shutdown can write these beacons.
    const env = { ...dbEnv, DATA_DIR: dataDir, MODERATOR_TOKEN: TOKEN, VIEW_FLUSH_MS: '600000', TRUST_PROXY: '1' };
    const beacons = async (base: string, n: number, from: number) => {
      for (let i = 0; i < n; i++) {
        const r = await fetch(`${base}/api/views`, {
          method: 'POST',
          headers: {
            'content-type': 'text/plain;charset=UTF-8',
            'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36',
            'x-forwarded-for': `10.7.0.${from + i}`,
          },
          body: JSON.stringify({ articleId: T }),
        });
        assert.equal(r.status, 204);
      }
    };
    const counted = async () => {
      const storage = await openStorage(storageOptions(configFromEnv({ ...dbEnv, DATA_DIR: dataDir })));
      try {
        return (await storage.views.mostRead(24, 50)).find((a) => a.id === T)?.views ?? 0;
      } finally {
        await storage.close();
      }
    };
    try {
      const s1 = await startServer(env);
      const before = await counted();
      await beacons(s1.base, 7, 1);
      assert.equal((await (await fetch(`${s1.base}/api/health`)).json()).viewsPending, 7);
      assert.equal(await counted(), before, 'not written before the batch');
      s1.child.kill('SIGTERM');
      assert.equal((await s1.exited).code, 0);
      assert.equal(await counted(), before + 7, 'SIGTERM wrote the last batch');

      const s2 = await startServer(env);
      await beacons(s2.base, 3, 100);
      s2.child.kill('SIGKILL');
      await s2.exited;
      assert.equal(await counted(), before + 7, 'kill -9 lost the unwritten batch, nothing else');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
