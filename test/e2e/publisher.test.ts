/**
 * The publisher's real path, end to end in Chromium: the README's snippet, read from README.md as
 * written (only `https://api.baotinh.example` replaced by the API's origin), on a static article
 * page of one loopback origin; the REAL server process (`server/main.ts`, spawned, temp DATA_DIR)
 * on another, with its articles coming only from the publisher's RSS feed (`FEEDS`, polled at
 * start; nothing ingested by hand, no demo seed), and the desk signed in with an editor made by
 * the real CLI (`npm run editor -- add`).
 *
 *   page origin  http://localhost:{port}   the article page (the snippet) and the site's RSS feed
 *   API origin   http://127.0.0.1:{port}   /api, /cdn/<version>/ (the snippet's SRI-pinned files), /moderation
 *
 * 1. Configured (`ALLOWED_ORIGINS` = the page's origin; `SITE_ORIGINS` defaults to it): related
 *    shows the feed's articles; the most-read `track` beacon (publisher id "12345", matched by
 *    URL) is counted, and the article then appears in `GET /api/most-read?window=day` and in the
 *    most-read box on a reload; a comment posted through the page's form goes pending, is approved
 *    in the desk (signed in through its form) and is shown on the article after a reload.
 * 2. `ALLOWED_ORIGINS` unset (fresh server and data): one kit warning naming ALLOWED_ORIGINS, the
 *    comment heading reads "Bình luận" (no skeleton), the online reader is never told "Sẽ gửi khi
 *    có mạng", the comment stays in the outbox, and the desk's "Tình trạng tích hợp" lists the
 *    page's origin among the refused ones.
 *
 * Headless Chromium calls itself "HeadlessChrome", which the server rightly counts as a bot: the
 * reader's page uses the same browser's user agent with "Chrome" instead.
 *
 * Run: `npm run build && node --import tsx --test test/e2e/publisher.test.ts`.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { puppeteerCore } from '@web/test-runner-chrome';
import { printedSecret, runEditorCli, startServer, type Running } from '../../server/test/process.ts';
import { CHROME_CANDIDATES, CHROMIUM_FLAGS, firstExisting } from '../../scripts/browsers.mjs';
import { listen, waitFor } from './support.ts';
import { publisherSnippet } from '../../scripts/publisher-snippet.mjs';
import type { IntegrationStatus } from '../../src/core/contract.ts';

type Browser = Awaited<ReturnType<typeof puppeteerCore.launch>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

const DIST = resolve('dist/cdn');
const FEED_FILE = resolve('demo/feeds/tin-tuc.rss.xml');
/** The origin the demo feed's links use; rewritten to the page's origin (the publisher's site). */
const FEED_SITE = 'https://tinhnha.example';
/** The origin the README's snippet uses for the API. */
const SNIPPET_API = 'https://api.baotinh.example';
const ARTICLE_PATH = '/an-ninh-trat-tu/camera-an-ninh-thon-xom.html';
const FEED_PATH = '/rss/tin-tuc.rss';
const EDITOR = 'Biên tập Lan';
const OUTBOX_KEY = 'news-widgets:outbox';

/** The feed's items: title and link path (the feed file is the one source of truth). */
const FEED_ITEMS = [...readFileSync(FEED_FILE, 'utf8').matchAll(/<item>[\s\S]*?<\/item>/g)].map(([item]) => ({
  title: decodeXml(/<title>([\s\S]*?)<\/title>/.exec(item)![1]),
  path: new URL(/<link>([\s\S]*?)<\/link>/.exec(item)![1]).pathname,
}));
const ARTICLE_TITLE = FEED_ITEMS.find((item) => item.path === ARTICLE_PATH)!.title;

function decodeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  );
}

/** Texts of the elements `selector` finds through the shadow roots (puppeteer's `>>>`). */
const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (nodes) => nodes.map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()));

/** The page's outbox: the comments the kit still has to deliver. */
const outbox = (page: Page) =>
  page.evaluate(
    (key: string) => JSON.parse(localStorage.getItem(key) ?? '[]') as { post: { body: string } }[],
    OUTBOX_KEY,
  );

async function postComment(page: Page, name: string, body: string): Promise<void> {
  await page.$eval('news-comments', (element) => element.scrollIntoView());
  await page.locator('news-comments >>> news-comment-form >>> #name').fill(name);
  await page.locator('news-comments >>> news-comment-form >>> #body').fill(body);
  await page.locator('news-comments >>> news-comment-form >>> [part~="submit"]').click();
}

/** Records every text the form's status line shows, from now on (polled in the page). */
const recordStatuses = (page: Page) =>
  page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
    setInterval(() => {
      const form = document.querySelector('news-comments')?.shadowRoot?.querySelector('news-comment-form');
      const text = (form?.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '').trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    }, 20);
  });
const statusesSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);

/**
 * Opens `url` (again) until `check` passes within a few seconds of the load, `element` scrolled
 * into view (the boxes load when near the viewport).
 */
async function shownAfterLoad(
  page: Page,
  url: string,
  element: string,
  what: string,
  check: () => Promise<boolean>,
): Promise<void> {
  await waitFor(
    what,
    async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.$eval(element, (node) => node.scrollIntoView());
      const end = Date.now() + 5000;
      while (Date.now() < end) {
        if (await check()) return true;
        await new Promise((next) => setTimeout(next, 100));
      }
      return false;
    },
    30_000,
  );
}

describe(
  'the publisher path: the README snippet on another origin, the real server, its feed',
  { timeout: 240_000 },
  () => {
    const executablePath = firstExisting(CHROME_CANDIDATES);
    if (!executablePath && process.env.CI) throw new Error('e2e cannot run in CI: no chromium installed');
    const skip = !executablePath && 'no chromium installed';

    let pageServer: Server;
    let pageOrigin = '';
    /** The API the page's snippet points at (each test starts its own server). */
    let apiOrigin = '';
    let snippet = '';
    let browser: Browser | undefined;
    let readerAgent = '';
    const servers: Running[] = [];
    const dataDirs: string[] = [];

    before(async () => {
      if (skip) return;
      assert.ok(existsSync(join(DIST, 'integrity.json')), 'run `npm run build` first');
      snippet = publisherSnippet();
      assert.ok(snippet.includes(SNIPPET_API), 'the README snippet names the example API origin');
      pageServer = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === FEED_PATH) {
          res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
          return void res.end(readFileSync(FEED_FILE, 'utf8').replaceAll(FEED_SITE, pageOrigin));
        }
        if (path.startsWith('/demo/img/') && /^[\w./-]+\.svg$/.test(path) && !path.includes('..')) {
          res.writeHead(200, { 'content-type': 'image/svg+xml' });
          return void res.end(readFileSync(resolve(`.${path}`)));
        }
        const index = FEED_ITEMS.findIndex((item) => item.path === path);
        if (index < 0) return void res.writeHead(404).end();
        // The snippet as the README shows it, with the API's origin and, as the README says, the
        // article's id in the CMS ("12345" for the article under test); the publisher's own title
        // and text around it.
        const { title } = FEED_ITEMS[index];
        const head = snippet
          .replaceAll(SNIPPET_API, apiOrigin)
          .replaceAll('"12345"', path === ARTICLE_PATH ? '"12345"' : `"${20000 + index}"`);
        const page = `<!doctype html>
<html lang="vi">
${head
  .replace('<head>', `<head>\n  <title>${title}</title>`)
  .replace('<article>…</article>', `<article><h1>${title}</h1><p>Nội dung bài viết.</p></article>`)}
</html>`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(page);
      });
      pageOrigin = `http://localhost:${await listen(pageServer, '127.0.0.1')}`;
      browser = await puppeteerCore.launch({ browser: 'chrome', executablePath, headless: true, args: CHROMIUM_FLAGS });
      readerAgent = (await browser.userAgent()).replace('HeadlessChrome', 'Chrome');
    });

    after(async () => {
      await browser?.close();
      pageServer?.close();
      for (const server of servers) {
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
        await server.exited;
      }
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    });

    /** A fresh server process on a fresh data folder, its feed polled, and an editor made with the CLI. */
    async function startApi(env: Record<string, string>) {
      const dataDir = mkdtempSync(join(tmpdir(), 'nw-publisher-'));
      dataDirs.push(dataDir);
      const token = randomBytes(24).toString('base64url');
      const feed = `${pageOrigin.replace('localhost', '127.0.0.1')}${FEED_PATH}`;
      const base = { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', SEED_DEMO: 'off', MODERATOR_TOKEN: token };
      const server = await startServer({
        ...base,
        FEEDS: feed,
        VIEW_FLUSH_MS: '200',
        MOST_READ_CACHE_MS: '1000',
        ...env,
      });
      servers.push(server);
      apiOrigin = server.base;
      const added = await runEditorCli(base, 'add', EDITOR);
      assert.equal(added.code, 0, added.stderr);
      const secret = printedSecret(added.stdout);
      const integration = async () => {
        const response = await fetch(`${server.base}/api/moderation/integration`, {
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(response.status, 200);
        return (await response.json()) as IntegrationStatus;
      };
      await waitFor('the feed polled', async () => (await integration()).feeds[0]?.status != null);
      const [polled] = (await integration()).feeds;
      assert.equal(polled.status, 'ok', `${polled.status}: ${polled.message}\n${server.output()}`);
      assert.equal(polled.itemCount, FEED_ITEMS.length);
      return { server, token, secret, integration };
    }

    /** A reader's tab in its own browser context (own localStorage), recording the console. */
    async function readerPage() {
      const context = await browser!.createBrowserContext();
      const page = await context.newPage();
      await page.setUserAgent(readerAgent);
      const warnings: string[] = [];
      const errors: string[] = [];
      page.on('console', (message) => {
        if (['warn', 'warning'].includes(message.type())) warnings.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      return { page, warnings, errors, context };
    }

    /** The desk at `<api>/moderation`, signed in through its form. */
    async function signedInDesk(page: Page, secret: string): Promise<void> {
      await page.goto(`${apiOrigin}/moderation`, { waitUntil: 'load' });
      await page.locator('news-moderation >>> #editor').fill(EDITOR);
      await page.locator('news-moderation >>> #secret').fill(secret);
      await page.locator('news-moderation >>> form[part~="signin"] button[type="submit"]').click();
      await page.waitForSelector('news-moderation >>> [part~="tabs"]', { timeout: 20_000 });
    }

    it(
      'configured: related from the feed, the beacon counted into most-read, a comment approved in the desk',
      { skip },
      async () => {
        const started = Date.now();
        const { token, secret, integration } = await startApi({ ALLOWED_ORIGINS: pageOrigin });
        const articleUrl = `${pageOrigin}${ARTICLE_PATH}`;
        const { page, errors, warnings, context } = await readerPage();
        try {
          // The beacon's clock starts once the page shows: not before this.
          const openedAt = Date.now();
          await page.goto(articleUrl, { waitUntil: 'load' });

          // Related: the feed's other articles, as links to the publisher's pages.
          const related = 'news-related >>> a[part~="link"]';
          await waitFor('related shows the feed', async () => (await texts(page, related)).length >= 2);
          const shown = await texts(page, related);
          const others = FEED_ITEMS.filter((item) => item.path !== ARTICLE_PATH).map((item) => item.title);
          for (const title of shown)
            assert.ok(others.includes(title), `not a feed title (or the page itself): ${title}`);
          const hrefs = await page.$$eval(related, (links) => links.map((link) => (link as HTMLAnchorElement).href));
          for (const href of hrefs) assert.ok(href.startsWith(`${pageOrigin}/`), href);

          // A comment through the page's form, cross-origin to the API: pending.
          const body = `Camera an ninh ở thôn tôi cũng giúp bắt được kẻ trộm, cảm ơn bài viết (${Date.now()}).`;
          await postComment(page, 'Trần Thị Mai', body);
          await waitFor('"Đã gửi"', async () =>
            (await texts(page, 'news-comments >>> news-comment-form >>> [part~="status"]')).some((t) =>
              t.startsWith('Đã gửi'),
            ),
          );
          const pending = await fetch(`${apiOrigin}/api/moderation/queue?status=pending`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const queue = (await pending.json()) as { items: { thread: string; body: string }[] };
          assert.deepEqual(
            queue.items.map((item) => [item.thread, item.body]),
            [['12345', body]],
          );

          // The beacon (after 5 s of visible time) is counted, matched to the feed's article by URL.
          await waitFor('the beacon counted', async () => (await integration()).beacons.counted >= 1, 30_000).catch(
            async (error: Error) => {
              throw new Error(`${error.message}: ${JSON.stringify((await integration()).beacons)}`);
            },
          );
          const beacons = (await integration()).beacons;
          assert.equal(beacons.counted, 1, JSON.stringify(beacons));
          assert.ok(Date.now() - openedAt >= 5000, 'not before 5 s of visible time');

          // The desk: signed in through its form, the comment approved.
          const desk = await context.newPage();
          await signedInDesk(desk, secret);
          const item = `news-moderation >>> article[part~="item"]`;
          await waitFor('the comment in the queue', async () =>
            (await texts(desk, item)).some((t) => t.includes(body)),
          );
          await desk.$$eval(
            item,
            (items, text) => {
              const found = items.find((node) => node.textContent?.includes(text));
              found?.querySelector<HTMLButtonElement>('button[data-action="approve"]')?.click();
            },
            body,
          );
          await waitFor('approved', async () => {
            const response = await fetch(`${apiOrigin}/api/moderation/queue?status=approved`, {
              headers: { authorization: `Bearer ${token}` },
            });
            const { items } = (await response.json()) as { items: { body: string }[] };
            return items.some((approved) => approved.body === body);
          });
          await desk.close();

          // On a reload of the article: the approved comment is shown, to its author (no longer
          // "Đang chờ duyệt") and to another reader (nothing of the author's in their storage).
          const comments = 'news-comments >>> news-comment-list >>> article[part~="comment"]';
          await shownAfterLoad(page, articleUrl, 'news-comments', 'the approved comment, on a reload', async () =>
            (await texts(page, comments)).some((text) => text.includes(body) && !text.includes('Đang chờ duyệt')),
          );
          const another = await readerPage();
          try {
            await shownAfterLoad(
              another.page,
              articleUrl,
              'news-comments',
              'the comment, for another reader',
              async () => (await texts(another.page, comments)).some((text) => text.includes(body)),
            );
            assert.deepEqual(another.errors, []);
          } finally {
            await another.context.close();
          }

          // Most read: the API answers from a cache (MOST_READ_CACHE_MS, 1 s here), so the list the
          // page asked for at load may be that old; the article appears once the cache renews.
          const mostRead = async () => {
            const response = await fetch(`${apiOrigin}/api/most-read?window=day`);
            return ((await response.json()) as { items: { url: string; title: string }[] }).items;
          };
          await waitFor(
            'the article in GET /api/most-read?window=day',
            async () => (await mostRead()).some((article) => article.url === articleUrl),
            30_000,
          );
          assert.deepEqual(
            (await mostRead()).map((article) => [article.url, article.title]),
            [[articleUrl, ARTICLE_TITLE]],
          );
          // The box leaves out the page's own article: the reader opens another article of the site.
          const other = FEED_ITEMS.find((item) => item.path !== ARTICLE_PATH)!;
          await shownAfterLoad(
            page,
            `${pageOrigin}${other.path}`,
            'news-most-read',
            'the article in the most-read box of another article',
            async () => (await texts(page, 'news-most-read >>> a[part~="link"]')).includes(ARTICLE_TITLE),
          );
          assert.deepEqual(await outbox(page), []);
          assert.deepEqual(errors, []);
          assert.deepEqual(
            warnings.filter((text) => text.startsWith('news-widgets')),
            [],
          );
          console.log(`# configured: ${((Date.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await context.close();
        }
      },
    );

    it(
      'ALLOWED_ORIGINS unset: one warning naming it, no skeleton, never "offline", the outbox keeps the comment, the desk lists the origin',
      { skip },
      async () => {
        const started = Date.now();
        const { secret } = await startApi({ ALLOWED_ORIGINS: '' });
        const { page, warnings, errors, context } = await readerPage();
        try {
          await page.goto(`${pageOrigin}${ARTICLE_PATH}`, { waitUntil: 'load' });
          await page.$eval('news-comments', (element) => element.scrollIntoView());
          await recordStatuses(page);

          // The heading gives up its skeleton for the plain label.
          const heading = 'news-comments >>> news-comment-count >>> [part~="count"]';
          await waitFor('the heading "Bình luận"', async () => (await texts(page, heading))[0] === 'Bình luận');
          assert.equal((await page.$$('news-comments >>> news-comment-count >>> .skeleton-line')).length, 0);

          const body = `Bình luận này phải được giữ lại trong hộp thư đi (${Date.now()}).`;
          await postComment(page, 'Lê Văn Nam', body);
          await waitFor('"Chưa gửi được, sẽ thử lại"', async () =>
            (await statusesSeen(page)).includes('Chưa gửi được, sẽ thử lại'),
          );
          assert.deepEqual(
            (await outbox(page)).map((entry) => entry.post.body),
            [body],
          );

          // The desk (same origin as the API, so it works) lists the page's origin as refused.
          const desk = await context.newPage();
          await signedInDesk(desk, secret);
          await desk.locator('news-moderation >>> button[data-view="integration"]').click();
          const refused = 'news-moderation >>> news-integration-panel >>> table[data-table="origins"] td.url';
          await waitFor('the refused origin in the panel', async () =>
            (await texts(desk, refused)).includes(pageOrigin),
          );
          await desk.close();

          // Still in the outbox; the reader, online all along, was never told they are offline.
          assert.deepEqual(
            (await outbox(page)).map((entry) => entry.post.body),
            [body],
          );
          const statuses = await statusesSeen(page);
          assert.ok(!statuses.includes('Sẽ gửi khi có mạng'), statuses.join(' | '));
          assert.equal(await page.evaluate(() => navigator.onLine), true);

          const kitWarnings = warnings.filter(
            (text) => text.includes('news-widgets') || text.includes('ALLOWED_ORIGINS'),
          );
          assert.equal(kitWarnings.length, 1, kitWarnings.join('\n'));
          assert.match(kitWarnings[0], /ALLOWED_ORIGINS/);
          assert.ok(kitWarnings[0].includes(`ALLOWED_ORIGINS=${pageOrigin}`), kitWarnings[0]);
          assert.deepEqual(errors, []);
          console.log(`# ALLOWED_ORIGINS unset: ${((Date.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await context.close();
        }
      },
    );
  },
);
