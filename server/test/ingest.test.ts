import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStorage } from '../storage/index.ts';
import { openTestStorage, serverDbEnv } from './db.ts';
import { configFromEnv, storageOptions } from '../config.ts';
import { ingest } from '../ingest.ts';
import { ROOT } from './process.ts';

const fx = (f: string) => join(import.meta.dirname, 'fixtures', f);

test('ingest loads RSS 2.0, Atom and JSON Feed with the kit parser; re-ingest upserts', async () => {
  const store = await openTestStorage(Date.now);
  const logs: string[] = [];
  const n = await ingest(
    [join(ROOT, 'demo/feeds/tin-tuc.rss.xml'), fx('tin-moi.atom.xml'), fx('tin-moi.feed.json')],
    store,
    (s) => logs.push(s),
  );
  // The Atom entry with a relative link is skipped without a base URL.
  assert.equal(n, 32);
  assert.equal(await store.articles.count(), 32);
  const demo = (await store.articles.get('an-ninh-nong-thon-moi-2026'))!;
  assert.equal(demo.title, 'Giữ vững an ninh trật tự ở các xã nông thôn mới');
  assert.equal(demo.section, 'An ninh trật tự');
  // The section is not repeated as a tag (RSS carries both as <category>).
  assert.deepEqual(demo.tags, ['nông thôn mới', 'công an xã']);
  const atom = (await store.articles.getByUrl('https://tinhnha.example/thoi-su/cau-dan-sinh-vung-cao.html'))!;
  assert.equal(atom.id, 'cau-dan-sinh-vung-cao');
  assert.equal(atom.publishedAt, '2026-11-29T00:30:00.000Z');
  const json = (await store.articles.get('gia-lua-tang'))!;
  assert.equal(json.image, 'https://tinhnha.example/img/lua.jpg');
  assert.equal(json.publishedAt, '2026-11-27T02:00:00.000Z');
  // Re-ingesting the same feeds updates in place.
  assert.equal(await ingest([fx('tin-moi.feed.json')], store, () => {}), 1);
  assert.equal(await store.articles.count(), 32);
  // With a base URL the relative link resolves.
  assert.equal(
    await ingest([fx('tin-moi.atom.xml')], store, () => {}, { base: 'https://tinhnha.example/rss/tin-moi.atom' }),
    2,
  );
  assert.equal(
    (await store.articles.get('urn:x:hoi-thi-nau-an'))!.url,
    'https://tinhnha.example/van-hoa/hoi-thi-nau-an.html',
  );
  assert.equal((await store.articles.get('urn:x:hoi-thi-nau-an'))!.summary, 'Hơn 20 đội thi tranh tài.');
  assert.equal((await store.articles.search('gia lua', 1))[0]!.id, 'gia-lua-tang');
});

test('npm run ingest: the CLI writes into DATA_DIR and fails clearly on a bad feed', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-ingest-'));
  const dbEnv = await serverDbEnv();
  const run = promisify(execFile);
  try {
    const ok = await run(
      process.execPath,
      ['--import', 'tsx', 'server/ingest.ts', '--base', 'https://tinhnha.example/', fx('tin-moi.atom.xml')],
      { cwd: ROOT, env: { ...process.env, ...dbEnv, DATA_DIR: dataDir } },
    );
    assert.match(ok.stdout, /2 article\(s\) upserted/);
    const store = await openStorage(storageOptions({ ...configFromEnv({ ...dbEnv, DATA_DIR: dataDir }) }));
    assert.equal(await store.articles.count(), 2);
    await store.close();
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', 'server/ingest.ts', join(ROOT, 'package.json')], {
        cwd: ROOT,
        env: { ...process.env, ...dbEnv, DATA_DIR: dataDir },
      }),
      (e: { code: number; stderr: string }) => e.code === 1 && /ingest failed/.test(e.stderr),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
