/**
 * `npm run migrate-to-postgres -- <sqlite-file>`: everything arrives in PostgreSQL with ids, sequence
 * numbers and reply threads intact, and the copy works as a live database afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { verifySecret } from '../auth/secrets.ts';
import { addEditor } from '../editor-accounts.ts';
import { seedDemo } from '../seed.ts';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import { PostgresStorage } from '../storage/postgres/index.ts';
import { freshDatabaseUrl } from './db.ts';
import { ROOT } from './process.ts';

const T = 'an-ninh-nong-thon-moi-2026';

/** Every row of every table, in a comparable form (same query text on both databases). */
const DUMP: Record<string, string> = {
  articles: 'SELECT pk, id, url, title, summary, image, published_at, section, tags, pinned FROM articles ORDER BY pk',
  threads: 'SELECT id, closed FROM threads ORDER BY id',
  comments:
    'SELECT seq, id, thread_id, parent_id, root_id, name, email, body, body_html, original_body, status, created_at, likes, reports, hidden, author_hash, body_hash, held_by, no_diacritics, silent FROM comments ORDER BY seq',
  idempotency: 'SELECT thread_id, key, comment_id FROM idempotency ORDER BY thread_id, key',
  moderation_log:
    'SELECT seq, at, actor, action, comment_id, thread_id, before, after FROM moderation_log ORDER BY seq',
  views_hourly: 'SELECT article_pk, hour, count FROM views_hourly ORDER BY article_pk, hour',
  editors: 'SELECT id, name, name_key, secret_hash, created_at, disabled_at, last_sign_in_at FROM editors ORDER BY id',
  likes: 'SELECT comment_id, reader, created_at FROM likes ORDER BY comment_id, reader',
  like_events: 'SELECT seq, thread_id, comment_id, delta, at FROM like_events ORDER BY seq',
  reports: 'SELECT seq, comment_id, reader, reason, text, created_at, resolved_at FROM reports ORDER BY seq',
  moderation_rules: 'SELECT id, kind, action, enabled, config, created_at FROM moderation_rules ORDER BY id',
  bans: 'SELECT id, author_hash, email, comment_id, name, created_by, created_at, expires_at, lifted_at FROM bans ORDER BY id',
};

test(
  'migrate-to-postgres: every article, comment, reply, log entry and view bucket arrives, ids and threads intact',
  {
    timeout: 120_000,
  },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-migrate-'));
    const file = join(dir, 'news-widgets.sqlite');
    try {
      // A lived-in SQLite database: the demo, comments with nested replies in two threads, every moderation action, views.
      let clock = Date.parse('2026-11-29T12:00:00Z');
      const src = new SqliteStorage({ file, now: () => clock });
      await seedDemo(src, ROOT, clock);
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        clock += 1000;
        // Replies (and replies to replies) in T; comments 0 and 7 are in another thread, i % 11 === 5 are rejected.
        const p = i >= 20 ? i - 10 : i % 10;
        const parentId = i >= 10 && ![0, 7].includes(p) && p % 11 !== 5 ? ids[p] : undefined;
        const { id } = await src.comments.create({
          thread: i < 10 && i % 7 === 0 ? 'other/thread' : T,
          name: `Độc giả ${i}`,
          body: `Bình luận ${i}`,
          parentId,
          idempotencyKey: `key-${i}`,
          status: 'pending',
          autoCloseDays: 0,
        });
        ids.push(id);
        if (i % 3 === 0) await src.moderation.moderate(id, 'approve', {}, 'Biên tập A');
        if (i % 11 === 5) await src.moderation.moderate(id, 'reject', {}, 'Biên tập B');
        if (i === 20) await src.moderation.moderate(id, 'edit', { body: 'Đã sửa', bodyHtml: '<i>Đã sửa</i>' }, 'C');
      }
      await src.moderation.setThreadClosed('other/thread', true, 'Biên tập A');
      // Readers' reactions: likes (with their log) and a report on approved comments.
      await src.likes.set(ids[0]!, 'reader-1', true);
      await src.likes.set(ids[3]!, 'reader-1', true);
      await src.likes.set(ids[3]!, 'reader-2', true);
      await src.reports.report(ids[3]!, 'reader-1', { reason: 'other', text: 'Lạc đề' }, 0);
      // The desk: a rule, a comment it held (with its author's hash), a ban of that author.
      const rule = (await src.desk.saveRule(
        null,
        { kind: 'words', action: 'hold', enabled: true, config: { words: [{ word: 'lừa đảo', folded: true }] } },
        'Biên tập A',
      ))!;
      const held = await src.comments.create({
        thread: T,
        name: 'Bị giữ',
        email: 'giu@bao.vn',
        body: 'Bọn lua dao',
        status: 'pending',
        autoCloseDays: 0,
        desk: {
          authorHash: 'h1',
          bodyHash: 'b1',
          heldBy: [{ kind: 'words', action: 'hold', ruleId: rule.id, detail: 'lừa đảo' }],
          noDiacritics: true,
          silent: false,
        },
      });
      await src.desk.ban({ commentId: held.id, days: 7, email: true }, 'Biên tập A');
      await src.views.recordBatch([{ ref: { id: T }, visitor: 'v1', at: clock }], 30 * 60_000);
      const secret = await addEditor(src, 'Hà Phương');
      await addEditor(src, 'Tạm nghỉ');
      await src.editors.setDisabled('Tạm nghỉ', true);
      await src.close();

      const url = await freshDatabaseUrl();
      const run = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'server/migrate-to-postgres.ts', file],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
      );
      assert.match(run.stdout, /comments\s+41 row\(s\)/);

      const sqlite = new Database(file, { readonly: true });
      // BIGINT columns as numbers, as better-sqlite3 gives them.
      const bigintAsNumber = ((oid: number, format?: 'text') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;
      const pgc = new pg.Client({ connectionString: url, types: { getTypeParser: bigintAsNumber } });
      await pgc.connect();
      try {
        for (const [table, query] of Object.entries(DUMP)) {
          const want = sqlite.prepare(query).all() as Record<string, unknown>[];
          const got = (await pgc.query(query)).rows;
          assert.ok(want.length > 0, `${table} has rows to migrate`);
          assert.deepEqual(got, want, table);
        }
      } finally {
        sqlite.close();
        await pgc.end();
      }

      // The copy is a working database: threads, related ranking, new rows after the copied ones.
      const dst = await PostgresStorage.open({ url, allowExitOnIdle: true, changeFeed: false, now: () => clock });
      try {
        // Editor accounts arrive with their secrets' hashes: the same secret signs in.
        const editor = (await dst.editors.credentials('hà phương'))!;
        assert.equal(await verifySecret(secret, editor.secretHash), true);
        assert.equal((await dst.editors.credentials('Tạm nghỉ'))!.disabled, true);
        await addEditor(dst, 'Người mới'); // ids continue after the copied ones
        const page = await dst.comments.threadPage(T, 'oldest', 100);
        assert.ok(
          page.items.some((c) => c.replies.length > 0),
          'reply threads intact',
        );
        assert.ok((await dst.articles.related({ id: T }, 3))!.length === 3, 'full-text postings rebuilt');
        const replay = await dst.comments.create({
          thread: T,
          name: 'x',
          body: 'y',
          idempotencyKey: 'key-1',
          status: 'pending',
          autoCloseDays: 0,
        });
        assert.deepEqual([replay.id, replay.replay], [ids[1], true]);
        const fresh = await dst.comments.create({
          thread: T,
          name: 'Mới',
          body: 'Sau khi chuyển',
          status: 'pending',
          autoCloseDays: 0,
        });
        const queue = await dst.moderation.queue('pending', 200);
        assert.equal(queue.items.at(-1)!.id, fresh.id, 'new comments get sequence numbers after the copied ones');
        assert.equal((await dst.moderation.history(1)).items[0]!.action, 'ban');
        // Rules and bans continue after the copied ones, and the ban is in force.
        assert.equal((await dst.desk.activeBan('h1', undefined))?.email, 'giu@bao.vn');
        const next = await dst.desk.saveRule(
          null,
          { kind: 'links', action: 'hold', enabled: true, config: { max: 2 } },
          'A',
        );
        assert.equal(next!.id, 2);
      } finally {
        await dst.close();
      }
      // A second run refuses: the target is not empty.
      await assert.rejects(
        promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/migrate-to-postgres.ts', file], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: url },
        }),
        (e: { code: number; stderr: string }) => e.code === 1 && /not empty/.test(e.stderr),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
