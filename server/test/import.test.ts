/**
 * `npm run import`: Disqus and WordPress exports into the comments, on the suite's database
 * (SQLite, and PostgreSQL in the second pass): counts, reply trees, states (spam and trash never
 * approved), sanitized bodies, and a second run that changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ArticleInput, Storage } from '../domain.ts';
import { configFromEnv, storageOptions } from '../config.ts';
import { openStorage } from '../storage/index.ts';
import {
  ANONYMOUS,
  formatReport,
  importBody,
  importExport,
  parseExportDate,
  type ImportReport,
} from '../import/index.ts';
import { openTestStorage, serverDbEnv } from './db.ts';
import { ROOT } from './process.ts';

const fx = (f: string) => join(import.meta.dirname, 'fixtures', 'import', f);
const DISQUS = readFileSync(fx('disqus.xml'), 'utf8');
const WORDPRESS = readFileSync(fx('wordpress.xml'), 'utf8');
const NOW = Date.parse('2026-11-29T12:00:00Z');

const IMPORT_ARTICLES: ArticleInput[] = [
  { id: 'gia-lua-tang', url: 'https://baotinh.example/kinh-te/gia-lua-tang.html', title: 'Giá lúa tăng' },
  { id: 'bao-so-9', url: 'https://baotinh.example/thoi-su/bao-so-9', title: 'Bão số 9 đổ bộ' },
  { id: 'le-hoi-den-hung', url: 'https://baotinh.example/van-hoa/le-hoi-den-hung.html', title: 'Lễ hội Đền Hùng' },
  { id: 'thi-tot-nghiep', url: 'https://baotinh.example/giao-duc/thi-tot-nghiep.html', title: 'Thi tốt nghiệp' },
  { id: '4412', url: 'https://baotinh.example/van-hoa/4412.html', title: 'Lễ hội (bài cũ)' },
];

async function store(articles = IMPORT_ARTICLES): Promise<Storage> {
  const s = await openTestStorage(() => NOW);
  await s.articles.upsert(articles);
  return s;
}

/** Everything an import can touch, as the storage API reads it. */
async function snapshot(s: Storage) {
  const queues = await Promise.all(
    (['pending', 'approved', 'rejected'] as const).map((st) => s.moderation.queue(st, 200)),
  );
  const threads = await Promise.all(IMPORT_ARTICLES.map((a) => s.comments.threadPage(a.id, 'oldest', 100)));
  return JSON.stringify({
    n: await s.comments.countAll(),
    queues,
    threads,
    log: await s.moderation.history(200),
  });
}

/** Our comment id of each source id. */
async function ids(s: Storage, source: string, sourceIds: string[]): Promise<Record<string, string>> {
  const known = await s.imports.known(source, sourceIds);
  return Object.fromEntries([...known].map(([k, v]) => [k, v.id]));
}

/** The counts the command prints, without the XML warnings. */
const counts = (r: ImportReport) => ({ ...r, warnings: undefined, source: undefined, format: undefined });

/** Every tag left in a sanitized body is one the sanitizer writes itself (text `<` is escaped). */
const OWN_TAG =
  /^<(?:\/?(?:p|br|b|strong|i|em|blockquote|a)|a href="https?:\/\/[^"<>]*" rel="nofollow ugc noopener")>$/;
const onlyOwnTags = (html: string | null) => (html ?? '').match(/<[^>]*>/g)?.every((t) => OWN_TAG.test(t)) ?? true;

test('Disqus: counts, then a second run that changes nothing', async () => {
  const s = await store();
  const first = await importExport(s, DISQUS, { now: NOW });
  assert.equal(first.format, 'disqus');
  assert.equal(first.source, 'disqus:baotinhnha');
  assert.deepEqual(counts(first), {
    ...counts(first),
    threads: {
      withComments: 4,
      matched: 3,
      unmatched: ['https://baotinh.example/bai-da-go.html'],
      written: 3,
    },
    comments: 13,
    replies: 4,
    approved: 12,
    pending: 1,
    alreadyImported: 0,
    skipped: { spam: 1, deleted: 1, bad_date: 1, empty: 2, no_article: 1, no_id: 1, duplicate_id: 1, no_thread: 1 },
    madeTopLevel: { parent_skipped: 1, parent_missing: 1 },
    dryRun: false,
  });
  assert.equal(await s.comments.countAll(), 13);
  const lines = formatReport(first).join('\n');
  assert.match(lines, /comments imported: 13 \(replies: 4; approved: 12, pending: 1\)/);
  assert.match(lines, /skipped: 9 \(.*spam: 1.*\)/);
  assert.match(lines, /threads: 4 with comments, 3 matched to articles/);

  const before = await snapshot(s);
  const second = await importExport(s, DISQUS, { now: NOW + 3600_000 });
  assert.equal(second.comments, 0);
  assert.equal(second.alreadyImported, 13);
  assert.deepEqual(second.skipped, first.skipped);
  assert.equal(await snapshot(s), before);
  // One log entry, for the run that wrote.
  const log = (await s.moderation.history(10)).items;
  assert.deepEqual(
    log.map((e) => [e.action, e.actor, e.after]),
    [['import', 'import (disqus)', { source: 'disqus:baotinhnha', comments: 13, threads: 3 }]],
  );
  await s.close();
});

test('Disqus: reply trees, authors, times, states and sanitized bodies', async () => {
  const s = await store();
  await importExport(s, DISQUS, { now: NOW });
  const id = await ids(s, 'disqus:baotinhnha', [
    '9001',
    '9002',
    '9003',
    '9005',
    '9006',
    '9011',
    '9012',
    '9013',
    '9016',
    '9020',
    '9021',
    '9022',
  ]);
  const page = await s.comments.threadPage('gia-lua-tang', 'oldest', 20);
  // Top level, oldest first; the spam reply's child and the orphan are top-level; pending is not shown.
  assert.deepEqual(
    page.items.map((c) => [c.id, c.name, c.replies.map((r) => [r.id, r.parentId])]),
    [
      [
        id['9001'],
        'Nguyễn Văn An',
        [
          [id['9002'], id['9001']],
          [id['9003'], id['9002']],
        ],
      ],
      [id['9005'], 'Đỗ Dũng', []],
      [id['9006'], 'Ngô Em', []],
      // The reply came first in the file: its parent was still written before it.
      [id['9021'], 'Võ Thị Mai', [[id['9020'], id['9021']]]],
    ],
  );
  const an = page.items[0]!;
  assert.equal(an.createdAt, '2019-05-01T02:00:00.000Z');
  assert.equal(an.email, 'an.nguyen@example.vn');
  // Paragraphs only: plain text, no formatted body.
  assert.equal(an.body, 'Giá lúa năm nay tăng thật, bà con ở Châu Thành mừng lắm.\nMong giá giữ được đến vụ sau.');
  assert.equal(an.bodyHtml, null);
  const binh = an.replies[0]!;
  assert.equal(binh.rootId, an.id);
  assert.equal(binh.body, 'Đúng vậy, nhưng giá phân bón cũng tăng theo, anh xem bài này.');
  assert.equal(
    binh.bodyHtml,
    '<p>Đúng vậy, nhưng <b>giá phân bón</b> cũng tăng theo, anh <a href="https://baotinh.example/kinh-te/phan-bon.html" rel="nofollow ugc noopener">xem bài này</a>.</p>',
  );
  assert.equal(an.replies[1]!.rootId, an.id);
  assert.equal((await s.comments.get(id['9016']!))!.status, 'pending');

  // Hostile bodies: only our own tags and attributes are left, and names stay text as written.
  const storm = await s.comments.threadPage('bao-so-9', 'oldest', 20);
  assert.deepEqual(
    storm.items.map((c) => [c.id, c.replies.map((r) => r.id)]),
    [
      [id['9011'], [id['9012']]],
      [id['9013'], []],
    ],
  );
  assert.equal(storm.items[0]!.name, '"><svg onload=alert(1)//');
  for (const c of [storm.items[0]!, storm.items[0]!.replies[0]!, storm.items[1]!]) {
    assert.ok(onlyOwnTags(c.bodyHtml), c.bodyHtml ?? '');
    assert.ok(c.body.length > 0);
  }
  assert.equal((await s.comments.get(id['9022']!))!.name, '<img src=x onerror="window.__xss=1">');

  // Spam and deleted comments were not written at all.
  const all = await Promise.all(
    (['pending', 'approved', 'rejected'] as const).map((st) => s.moderation.queue(st, 200)),
  );
  const bodies = all.flatMap((q) => q.items.map((i) => i.body)).join('\n');
  assert.ok(!bodies.includes('Vay tiền'));
  assert.ok(!bodies.includes('đã bị xóa'));
  assert.deepEqual(all[0]!.counts, { pending: 1, approved: 12, rejected: 0 });
  await s.close();
});

test('WordPress: counts, states (spam and trash never approved), dates, then a no-op second run', async () => {
  const s = await store();
  const first = await importExport(s, WORDPRESS, { now: NOW });
  assert.equal(first.source, 'wordpress:https://baotinh.example');
  assert.deepEqual(counts(first), {
    ...counts(first),
    threads: { withComments: 4, matched: 3, unmatched: ['https://baotinh.example/bai-da-go.html'], written: 3 },
    comments: 10,
    replies: 3,
    approved: 9,
    pending: 1,
    alreadyImported: 0,
    skipped: { spam: 1, trash: 2, pingback: 1, not_comment: 1, bad_date: 1, empty: 1, no_article: 1 },
    madeTopLevel: { parent_skipped: 1, parent_missing: 1 },
  });
  const id = await ids(s, first.source, ['1', '2', '3', '6', '8', '9', '10', '13', '15', '18']);
  assert.equal(Object.keys(id).length, 10);

  const lua = await s.comments.threadPage('gia-lua-tang', 'oldest', 20);
  assert.deepEqual(
    lua.items.map((c) => [c.id, c.replies.map((r) => [r.id, r.parentId])]),
    // Comment 3 (a reply to 2) is held: readers do not see it.
    [
      [id['1'], [[id['2'], id['1']]]],
      [id['6'], []],
    ],
  );
  assert.equal(lua.items[0]!.body, 'Giá lúa năm nay tăng thật.\nBà con ở Châu Thành mừng lắm & mong giá giữ được.');
  assert.equal(lua.items[0]!.bodyHtml, null);
  assert.equal(lua.items[0]!.replies[0]!.bodyHtml, 'Nhưng <strong>giá phân bón</strong> cũng tăng theo, anh ạ.');
  const held = (await s.comments.get(id['3']!))!;
  assert.deepEqual([held.status, held.parentId, held.rootId, held.email], ['pending', id['2'], id['1'], null]);

  const exam = await s.comments.threadPage('thi-tot-nghiep', 'oldest', 20);
  assert.deepEqual(
    exam.items.map((c) => [c.id, c.replies.map((r) => r.id)]),
    [
      [id['8'], [id['18']]],
      [id['9'], []],
      [id['15'], []],
      [id['10'], []],
    ],
  );
  for (const c of exam.items) assert.ok(onlyOwnTags(c.bodyHtml), c.bodyHtml ?? '');
  assert.equal(
    exam.items[1]!.bodyHtml?.includes(
      '<a href="https://baotinh.example/lich-thi" rel="nofollow ugc noopener">trang này</a>',
    ),
    true,
  );
  // The zeroed GMT date falls back to the local one; a nameless author gets the anonymous name.
  assert.equal(exam.items[3]!.createdAt, '2019-06-01T11:00:00.000Z');
  assert.equal(exam.items[2]!.name, ANONYMOUS);
  assert.equal((await s.comments.threadPage('4412', 'oldest', 5)).items.length, 1);

  // No spam, trash, pingback or review anywhere, in any state.
  const all = await Promise.all(
    (['pending', 'approved', 'rejected'] as const).map((st) => s.moderation.queue(st, 200)),
  );
  const bodies = all.flatMap((q) => q.items.map((i) => i.body)).join('\n');
  for (const gone of ['Vay tiền', 'thùng rác', 'Báo Tỉnh Nhà đưa tin', '5 sao', '31 tháng 2', 'đã gỡ'])
    assert.ok(!bodies.includes(gone), gone);
  assert.deepEqual(all[0]!.counts, { pending: 1, approved: 9, rejected: 0 });

  const before = await snapshot(s);
  const second = await importExport(s, WORDPRESS, { now: NOW });
  assert.deepEqual([second.comments, second.alreadyImported], [0, 10]);
  assert.equal(await snapshot(s), before);
  await s.close();
});

test('both exports into one database; a thread whose article arrives later is imported by the next run', async () => {
  const s = await store(IMPORT_ARTICLES.filter((a) => a.id !== 'bao-so-9'));
  const d1 = await importExport(s, DISQUS, { now: NOW });
  assert.deepEqual([d1.comments, d1.skipped.no_article, d1.threads.matched], [10, 4, 2]);
  const w = await importExport(s, WORDPRESS, { now: NOW });
  assert.equal(w.comments, 10);
  assert.equal(await s.comments.countAll(), 20);
  // A moderator's decision on an imported comment survives any later run.
  const an = (await ids(s, 'disqus:baotinhnha', ['9001']))['9001']!;
  await s.moderation.moderate(an, 'reject', {}, 'Biên tập viên');
  await s.articles.upsert([IMPORT_ARTICLES[1]!]);
  const d2 = await importExport(s, DISQUS, { now: NOW });
  assert.deepEqual([d2.comments, d2.replies, d2.alreadyImported, d2.skipped.no_article], [3, 1, 10, 1]);
  assert.equal((await s.comments.get(an))!.status, 'rejected');
  assert.equal(await s.comments.countAll(), 23);
  await s.close();
});

test('a dry run writes nothing; not an export, or not well-formed XML, is refused and writes nothing', async () => {
  const s = await store();
  const dry = await importExport(s, DISQUS, { now: NOW, dryRun: true });
  assert.equal(dry.comments, 13);
  assert.match(formatReport(dry)[0]!, /dry run/);
  for (const bad of [
    '<rss version="2.0"><item/></rss>',
    '<html><body>nope</body></html>',
    '<disqus><post dsq:id="1"><message>unclosed</post></disqus>',
    'not xml at all',
  ])
    await assert.rejects(importExport(s, bad, { now: NOW }), /export|XML/);
  // Entities declared in a DOCTYPE are not expanded (no "billion laughs").
  const lol = `<?xml version="1.0"?><!DOCTYPE disqus [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><link>https://baotinh.example/kinh-te/gia-lua-tang.html</link></thread><post dsq:id="p"><message>&b;</message><createdAt>2019-05-01T00:00:00Z</createdAt><thread dsq:id="1"/><author><name>x</name></author></post></disqus>`;
  const r = await importExport(s, lol, { now: NOW, dryRun: true });
  assert.equal(r.comments, 1);
  assert.equal(await s.comments.countAll(), 0);
  assert.equal((await s.moderation.history(5)).items.length, 0);
  await s.close();
});

test('export dates and bodies', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(parseExportDate('2019-05-01T02:00:00Z', now), Date.parse('2019-05-01T02:00:00Z'));
  assert.equal(parseExportDate('2019-05-01T09:00:00+07:00', now), Date.parse('2019-05-01T02:00:00Z'));
  assert.equal(parseExportDate('2019-05-01 02:00:00', now), Date.parse('2019-05-01T02:00:00Z'));
  assert.equal(parseExportDate('2019-05-01T02:00', now), Date.parse('2019-05-01T02:00:00Z'));
  for (const bad of [
    '',
    'hôm qua',
    '2019-02-31 10:00:00',
    '0000-00-00 00:00:00',
    '1970-01-01T00:00:00Z',
    '2030-01-01T00:00:00Z',
    '2019-13-01 00:00:00',
  ])
    assert.equal(parseExportDate(bad, now), null, bad);
  assert.deepEqual(importBody('<p>a</p><p>b<br>c</p>'), { body: 'a\nb\nc', bodyHtml: null });
  assert.deepEqual(importBody('x <script>alert(1)</script><em>y</em>'), { body: 'x y', bodyHtml: 'x <em>y</em>' });
  assert.deepEqual(importBody('<script>alert(1)</script>'), { body: '', bodyHtml: null });
  // Decomposed Vietnamese is stored composed (NFC), as posted comments are.
  assert.equal(importBody('Tiếng Việt'.normalize('NFD')).body, 'Tiếng Việt');
});

test(
  'npm run import: the command on the configured database prints counts; a second run changes nothing',
  { timeout: 120_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nw-import-'));
    const env = { ...process.env, ...(await serverDbEnv()), DATA_DIR: dataDir };
    const run = promisify(execFile);
    const cmd = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/import.ts', ...args], { cwd: ROOT, env });
    try {
      const s = await openStorage(storageOptions(configFromEnv(env)));
      await s.articles.upsert(IMPORT_ARTICLES);
      await s.close();
      const first = await cmd(['--', fx('wordpress.xml')]);
      assert.match(first.stdout, /WordPress export, source wordpress:https:\/\/baotinh\.example/);
      assert.match(first.stdout, /comments imported: 10 \(replies: 3; approved: 9, pending: 1\)/);
      assert.match(
        first.stdout,
        /skipped: 8 \(spam: 1, trash: 2, pingback\/trackback: 1, not a comment: 1, bad date: 1, empty: 1, no matching article: 1\)/,
      );
      const second = await cmd([fx('wordpress.xml')]);
      assert.match(second.stdout, /comments imported: 0 /);
      assert.match(second.stdout, /already imported, unchanged: 10/);
      // The size cap, and a usage error.
      await assert.rejects(
        cmd(['--max-mb', '0.001', fx('wordpress.xml')]),
        (e: { code: number; stderr: string }) => e.code === 1 && /above the 0 MB cap/.test(e.stderr),
      );
      await assert.rejects(cmd([]), (e: { code: number; stderr: string }) => e.code === 2 && /Usage/.test(e.stderr));
      const after = await openStorage(storageOptions(configFromEnv(env)));
      assert.equal(await after.comments.countAll(), 10);
      await after.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
