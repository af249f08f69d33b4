/**
 * End-to-end in Chromium against the real server (spawned, temp DATA_DIR):
 * a reader posts, sees it pending; a second reader does not see it; the editor approves it in
 * the desk; the second reader sees it after reload; the count updates. The same for a comment
 * the editor edits ("biên tập") before approving.
 *
 * Needs the built bundles (`npm run build`; `npm test` builds first) and Chromium
 * (CHROME_PATH, default /usr/bin/chromium).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printedSecret, ROOT, runEditorCli, startServer, type Running } from './process.ts';
import { serverDbEnv } from './db.ts';
import { configFromEnv, storageOptions } from '../config.ts';
import { openStorage } from '../storage/index.ts';
import { CHROMIUM_FLAGS } from '../../scripts/browsers.mjs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const BUNDLES = ['dist/cdn/news-widgets.iife.js', 'dist/cdn/news-moderation.js'].map((f) => join(ROOT, f));
const missing = BUNDLES.filter((f) => !existsSync(f));
const skip = missing.length
  ? `built bundles missing (${missing.map((f) => f.slice(ROOT.length + 1)).join(', ')}): run \`npm run build\` first`
  : !existsSync(CHROME)
    ? `no Chromium at ${CHROME} (set CHROME_PATH)`
    : false;
// In CI nothing may be skipped silently: `npm test` builds first and .ci/run installs Chromium.
if (skip && process.env.CI) throw new Error(`e2e cannot run in CI: ${skip}`);
if (skip) console.log(`# e2e skipped: ${skip}`);

const TOKEN = 'e2e-moderator-token-4242424';

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

let server: Running;
let browser: Browser;
let dataDir: string;
let dbEnv: Record<string, string>;
/** The desk account, made with the real `npm run editor -- add`. */
let editorSecret: string;

before(async () => {
  if (skip) return;
  dataDir = mkdtempSync(join(tmpdir(), 'nw-e2e-'));
  dbEnv = await serverDbEnv();
  server = await startServer({
    ...dbEnv,
    DATA_DIR: dataDir,
    MODERATOR_TOKEN: TOKEN,
    RATE_LIMIT_COMMENTS: '100',
    VIEW_FLUSH_MS: '200',
  });
  const added = await runEditorCli({ ...dbEnv, DATA_DIR: dataDir }, 'add', 'Hà Phương');
  assert.equal(added.code, 0, added.stderr);
  editorSecret = printedSecret(added.stdout);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A page in a fresh browser context (own storage) that records its errors in `page.errors`. */
async function openPage(path: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'vi-VN' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${server.base}${path}`);
  return page;
}

/** A fresh reader on the demo article, comments scrolled into view. */
async function reader(): Promise<Page> {
  const page = await openPage('/');
  await page.locator('news-comments').scrollIntoViewIfNeeded();
  return page;
}

/** The approved-count text, e.g. "2 bình luận". */
const countText = (page: Page) => page.locator('news-comment-count').first();

async function post(page: Page, name: string, body: string) {
  const form = page.locator('news-comments news-comment-form');
  await form.locator('input[name=name]').fill(name);
  await form.locator('textarea[name=body]').fill(body);
  await form.locator('button[type=submit]').click();
}

async function editorDesk(): Promise<Page> {
  const page = await openPage('/moderation');
  await page.locator('news-moderation #editor').fill('Hà Phương');
  await page.locator('news-moderation #secret').fill(editorSecret);
  await page.locator('news-moderation form.signin button[type=submit]').click();
  await page.locator('news-moderation .tabs').waitFor();
  return page;
}

test(
  'reader posts → pending for them only → editor approves → others see it after reload; count updates',
  { skip, timeout: 120_000 },
  async () => {
    const body = 'An ninh ở xã tôi tốt hơn nhiều từ khi có tổ tự quản, cảm ơn bài viết.';
    const a = await reader();
    await assertCount(a, 0);
    await post(a, 'Trần Thị Mai', body);
    // 1. The author sees it, marked pending.
    const mine = a.locator('news-comments').getByText(body);
    await mine.waitFor();
    await a.locator('news-comments').getByText('Đang chờ duyệt').first().waitFor();

    // 2. A second reader does not see it.
    const b = await reader();
    await b.locator('news-comments news-comment-form').waitFor();
    await waitLoaded(b);
    assert.equal(await b.locator('news-comments').getByText(body).count(), 0);

    // 3. The editor approves it in the desk.
    const desk = await editorDesk();
    const item = desk.locator('news-moderation article.item', { hasText: body });
    await item.waitFor();
    await assertContains(item, 'Giữ vững an ninh trật tự ở các xã nông thôn mới');
    await item.locator('button[data-action=approve]').click();
    await item.waitFor({ state: 'detached' });

    // 4. The second reader sees it after reload. 5. The count updates.
    await b.reload();
    await b.locator('news-comments').scrollIntoViewIfNeeded();
    await b.locator('news-comments').getByText(body).waitFor();
    await assertCount(b, 1);
    assert.equal(await b.locator('news-comments').getByText('Đang chờ duyệt').count(), 0);
    assert.deepEqual((b as Page & { errors: string[] }).errors, []);
    assert.deepEqual((a as Page & { errors: string[] }).errors, []);
    // No CSP / Trusted Types violation or script error on the desk either.
    assert.deepEqual((desk as Page & { errors: string[] }).errors, []);
  },
);

test('the same for a comment the editor edits ("Biên tập") before approving', { skip, timeout: 120_000 }, async () => {
  const original = 'Bai viet hay, nhung nen noi them ve camera an ninh o thon xom.';
  const edited = 'Bài viết hay, nhưng nên nói thêm về camera an ninh ở thôn xóm.';
  const a = await reader();
  await post(a, 'Lê Văn Hùng', original);
  // The form may ask to confirm a text without diacritics: send anyway.
  const confirm = a.locator('news-comments news-comment-form button[type=submit]');
  if (!(await a.locator('news-comments').getByText(original).count())) {
    await confirm.click();
  }
  await a.locator('news-comments').getByText(original).waitFor();
  await a.locator('news-comments').getByText('Đang chờ duyệt').first().waitFor();

  const b = await reader();
  await waitLoaded(b);
  assert.equal(await b.locator('news-comments').getByText('camera an ninh').count(), 0);
  const before = await countNumber(b);

  const desk = await editorDesk();
  const item = desk.locator('news-moderation article.item', { hasText: original });
  await item.waitFor();
  await item.locator('button[data-action=edit]').click();
  await item.locator('textarea[name=body]').fill(edited);
  await item
    .locator('textarea[name=bodyHtml]')
    .fill('<p>Bài viết hay, nhưng nên nói thêm về <b>camera an ninh</b> ở thôn xóm.</p><script>alert(1)</script>');
  await item.locator('button[value=approve]').click();
  await item.waitFor({ state: 'detached' });

  await b.reload();
  await b.locator('news-comments').scrollIntoViewIfNeeded();
  const shown = b.locator('news-comments').getByText('camera an ninh', { exact: true });
  await shown.waitFor();
  assert.equal(await shown.evaluate((el) => el.tagName), 'B');
  assert.equal(await b.locator('news-comments').getByText(original).count(), 0);
  await assertCount(b, before + 1);
  // The editor's log has the before and after.
  const log = await (
    await fetch(`${server.base}/api/moderation/log?limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json();
  assert.equal(log.items[0].action, 'edit+approve');
  assert.equal(log.items[0].actor, 'Hà Phương');
  assert.equal(log.items[0].before.body, original);
  assert.equal(log.items[0].after.body, edited);
});

async function waitLoaded(page: Page) {
  await page.waitForFunction(() => {
    const list = document.querySelector('news-comments')?.shadowRoot?.querySelector('news-comment-list');
    return !!list?.shadowRoot?.querySelector('[part~="list"], [part~="empty"]');
  });
}

async function countNumber(page: Page): Promise<number> {
  await page.waitForFunction(() =>
    /\d/.test(document.querySelector('news-comment-count')?.shadowRoot?.textContent ?? ''),
  );
  const text = (await countText(page).evaluate((el) => el.shadowRoot?.textContent ?? '')).trim();
  return Number(/(\d+)/.exec(text)![1]);
}

async function assertCount(page: Page, n: number) {
  await page.waitForFunction(
    (n) =>
      new RegExp(`\\b${n}\\s+bình luận`).test(
        document.querySelector('news-comment-count')?.shadowRoot?.textContent ?? '',
      ),
    n,
  );
}

async function assertContains(loc: import('playwright-core').Locator, text: string) {
  assert.ok((await loc.textContent())!.includes(text), `expected "${text}"`);
}

test(
  'the demo page’s <news-most-read track> beacon is counted once per reader; headless/bot agents are not',
  { skip, timeout: 120_000 },
  async () => {
    // Counted views of the demo article, read through the storage the server uses.
    const views = async () => {
      const storage = await openStorage(storageOptions(configFromEnv({ ...dbEnv, DATA_DIR: dataDir })));
      try {
        const items = await storage.views.mostRead(24 * 30, 50);
        return items.find((a) => a.id === 'an-ninh-nong-thon-moi-2026')?.views ?? 0;
      } finally {
        await storage.close();
      }
    };
    const visit = async (userAgent?: string) => {
      const ctx = await browser.newContext({ locale: 'vi-VN', userAgent });
      const page = await ctx.newPage();
      const beacon = page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST', {
        timeout: 20_000,
      });
      await page.goto(`${server.base}/`);
      const req = await beacon;
      const res = await req.response();
      await ctx.close();
      return { type: req.headers()['content-type'], body: req.postDataJSON(), status: res?.status() };
    };
    const before = await views();
    // Headless Chromium announces itself ("HeadlessChrome"): answered 204, not counted.
    const bot = await visit();
    assert.equal(bot.status, 204);
    await new Promise((r) => setTimeout(r, 600)); // more than VIEW_FLUSH_MS: a counted view would show
    assert.equal(await views(), before);
    const human =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
    const r1 = await visit(human);
    assert.match(r1.type!, /^text\/plain/);
    assert.equal(r1.body.url, 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html');
    assert.equal(r1.status, 204);
    await waitUntil(async () => (await views()) === before + 1);
    // The same reader (address + agent) again within 30 minutes: not counted twice.
    await visit(human);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(await views(), before + 1);
  },
);

async function waitUntil(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

test(
  'the desk over plain http under another name than localhost: the browser drops the Secure cookie, the desk says so',
  { skip, timeout: 120_000 },
  async () => {
    const { chromium } = await import('playwright-core');
    // desk.example resolves to this server: an http origin that browsers do not count as secure.
    const other = await chromium.launch({
      executablePath: CHROME,
      args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP desk.example 127.0.0.1'],
    });
    try {
      const page = await (await other.newContext({ locale: 'vi-VN' })).newPage();
      await page.goto(`http://desk.example:${server.port}/moderation`);
      await page.locator('news-moderation #editor').fill('Hà Phương');
      await page.locator('news-moderation #secret').fill(editorSecret);
      await page.locator('news-moderation form.signin button[type=submit]').click();
      await page
        .locator('news-moderation #signin-error', { hasText: 'Trình duyệt không lưu phiên đăng nhập' })
        .waitFor();
      assert.equal(await page.locator('news-moderation .tabs').count(), 0, 'not shown as signed in');
    } finally {
      await other.close();
    }
  },
);
