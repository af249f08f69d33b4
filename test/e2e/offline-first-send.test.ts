/**
 * The first comment of a page, sent while the browser is really offline, on the files that
 * ship (`npm run build` first): `dist/cdn/news-comments.js` as an ES module and
 * `dist/cdn/news-widgets.iife.js` as a classic script, loaded cold from another origin than the
 * page, as a publisher's CDN would serve them.
 *
 *   page origin  http://localhost:{port}   the article page (and nothing else)
 *   API origin   http://127.0.0.1:{port}   the real reference server (in-memory SQLite) under
 *                                          /api, and dist/cdn under /cdn with CORS
 *
 * Steps, in Chromium and Firefox ESR (driven by puppeteer-core: CDP for Chromium, WebDriver BiDi
 * `emulation.setNetworkConditions` for Firefox, both the browser's own offline mode, which also
 * sets `navigator.onLine` to false): the page loads and the form shows; the browser goes
 * offline; a comment is typed and "Gửi bình luận" pressed → "Sẽ gửi khi có mạng" and the
 * comment is in the outbox (localStorage); the page reloads while offline (page and scripts
 * from the HTTP cache) → still queued, still shown; back online → the server's pending queue
 * holds it exactly once.
 *
 * Run: `npm run build && node --import tsx --test test/e2e/*.test.ts`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { puppeteerCore } from '@web/test-runner-chrome';
import { createTestApp, TEST_MODERATOR_TOKEN } from '../../server/testing.ts';
import { firstExisting } from '../../scripts/browsers.mjs';
import { BROWSERS, listen, waitFor } from './support.ts';

type Browser = Awaited<ReturnType<typeof puppeteerCore.launch>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

const DIST = resolve('dist/cdn');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
/** Long enough for the offline reload to find page and scripts in the HTTP cache. */
const CACHE = 'public, max-age=3600';

/** The article page: the built file as a module or a classic script, the API in a meta tag. */
function articlePage(apiOrigin: string, build: 'module' | 'iife', thread: string): string {
  const script =
    build === 'module'
      ? `<script type="module" src="${apiOrigin}/cdn/news-comments.js"></script>`
      : `<script src="${apiOrigin}/cdn/news-widgets.iife.js" defer></script>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title>
<meta name="news-widgets:api" content="${apiOrigin}/api">
<link rel="stylesheet" href="${apiOrigin}/cdn/news-widgets.css">${script}</head>
<body><article><h1>Bài viết</h1><p>Nội dung.</p></article>
<news-comments thread="${thread}" loading="eager"></news-comments></body></html>`;
}

/** In the page: an element found through the shadow roots of `news-comments` and its parts. */
const deep = (page: Page, path: string[]) =>
  page.evaluate((steps: string[]) => {
    let root: Document | ShadowRoot | null = document;
    let found: Element | null = null;
    for (const step of steps) {
      found = root?.querySelector(step) ?? null;
      root = found?.shadowRoot ?? null;
    }
    return found ? (found.textContent ?? '').trim() : null;
  }, path);

const FORM = ['news-comments', 'news-comment-form'];
const LIST = ['news-comments', 'news-comment-list'];

describe('offline first send, on the built files', { timeout: 180_000 }, () => {
  let apiServer: Server;
  let pageServer: Server;
  let apiOrigin = '';
  let apiPort = 0;
  /** The API server is stopped (Firefox's reload); restarted whatever happens. */
  let apiDown = false;
  let pageOrigin = '';
  let closeApp: () => Promise<void>;
  let pageHits = 0;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'news-comments.js')), 'run `npm run build` first');
    pageServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith('/article-')) return void res.writeHead(404).end();
      pageHits++;
      const build = url.pathname.includes('iife') ? 'iife' : 'module';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': CACHE });
      res.end(articlePage(apiOrigin, build, url.searchParams.get('thread') ?? 'bai-viet'));
    });
    const pagePort = await listen(pageServer, '127.0.0.1');
    pageOrigin = `http://localhost:${pagePort}`;
    // A fresh server per run; the page's origin may call it (CORS), 50 comments a minute.
    const { app, close } = await createTestApp({ allowedOrigins: [pageOrigin], commentsPerMinute: 50 });
    closeApp = close;
    const api = getRequestListener(app.fetch);
    apiServer = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith('/cdn/')) return api(req, res);
      const file = resolve(DIST, `.${path.slice('/cdn'.length)}`);
      if (!file.startsWith(DIST)) return void res.writeHead(400).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'access-control-allow-origin': '*',
          'cache-control': CACHE,
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    apiPort = await listen(apiServer, '127.0.0.1');
    apiOrigin = `http://127.0.0.1:${apiPort}`;
  });

  async function stopApi(): Promise<void> {
    const closed = new Promise((done) => apiServer.close(done));
    apiServer.closeAllConnections();
    await closed;
  }

  async function startApi(): Promise<void> {
    await new Promise<void>((done) => apiServer.listen(apiPort, '127.0.0.1', done));
  }

  after(async () => {
    apiServer?.close();
    pageServer?.close();
    await closeApp?.();
  });

  /** The pending queue of the server, as the moderators see it. */
  async function pendingOf(thread: string): Promise<{ body: string }[]> {
    const response = await fetch(`${apiOrigin}/api/moderation/queue?status=pending`, {
      headers: { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` },
    });
    const { items } = (await response.json()) as { items: { thread: string; body: string }[] };
    return items.filter((item) => item.thread === thread);
  }

  for (const target of BROWSERS) {
    const executablePath = firstExisting(target.paths);
    // CI installs both browsers: there, a missing one is a failure, never a silent skip.
    if (!executablePath && process.env.CI) throw new Error(`e2e cannot run in CI: no ${target.name} installed`);
    for (const build of ['module', 'iife'] as const) {
      it(
        `${target.name}, ${build}: queued offline, kept across an offline reload, delivered once`,
        {
          skip: !executablePath && `no ${target.name} installed`,
        },
        async () => {
          const browser = await puppeteerCore.launch({
            browser: target.browser,
            executablePath,
            headless: true,
            args: target.args,
          });
          try {
            const page = await browser.newPage();
            const thread = `offline-${target.name}-${build}`;
            const body = `Gửi khi mất mạng (${target.name}, ${build})`;
            const hitsBefore = pageHits;
            const url = `${pageOrigin}/article-${build}.html?thread=${thread}`;
            await page.goto(url, { waitUntil: 'load' });
            await waitFor('the form', async () => (await deep(page, [...FORM, '#body'])) !== null);

            await page.setOfflineMode(true);
            assert.equal(await page.evaluate(() => navigator.onLine), false);
            await page.evaluate(
              (steps: string[], name: string, text: string) => {
                const form = document.querySelector(steps[0])!.shadowRoot!.querySelector(steps[1])!.shadowRoot!;
                for (const [id, value] of [
                  ['name', name],
                  ['body', text],
                ]) {
                  const field = form.querySelector<HTMLInputElement>(`#${id}`)!;
                  field.value = value;
                  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
                }
                form.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
              },
              FORM,
              'Độc giả',
              body,
            );
            await waitFor(
              '"Sẽ gửi khi có mạng"',
              async () => (await deep(page, [...FORM, '[part~="status"]'])) === 'Sẽ gửi khi có mạng',
            );
            const outbox = async () =>
              page.evaluate(
                () => JSON.parse(localStorage.getItem('news-widgets:outbox') ?? '[]') as { post: { body: string } }[],
              );
            assert.deepEqual(
              (await outbox()).map((entry) => entry.post.body),
              [body],
            );

            if (target.name === 'chromium') {
              // Open the article again while offline: page and scripts come from the HTTP cache.
              await page.goto(url, { waitUntil: 'load' });
              assert.equal(pageHits, hitsBefore + 1, 'the offline page load reached no server');
            } else {
              // Firefox's offline mode refuses every navigation, cached or not (NS_ERROR_OFFLINE).
              // The nearest honest reload: the API and CDN origin is really down (its server
              // stopped), the page comes from its own origin, the scripts from the HTTP cache,
              // and the browser goes offline again as soon as the page has loaded.
              await stopApi();
              apiDown = true;
              await page.setOfflineMode(false);
              await page.goto(url, { waitUntil: 'load' });
              await page.setOfflineMode(true);
            }
            assert.equal(await page.evaluate(() => navigator.onLine), false);
            await waitFor(
              'still queued after the reload',
              async () => (await deep(page, [...FORM, '[part~="status"]'])) === 'Sẽ gửi khi có mạng',
            );
            await waitFor(
              'the queued comment shown in the list',
              async () => (await deep(page, [...LIST, '[part~="comment-status"]'])) === 'Sẽ gửi khi có mạng',
            );
            assert.equal((await outbox()).length, 1);
            if (apiDown) await startApi();
            apiDown = false;
            assert.deepEqual(await pendingOf(thread), []);

            // Back online: delivered, exactly once.
            await page.setOfflineMode(false);
            await waitFor(
              'delivered',
              async () => (await pendingOf(thread)).length > 0 && (await outbox()).length === 0,
            );
            await waitFor(
              '"Đã gửi"',
              async () => (await deep(page, [...FORM, '[part~="status"]']))?.startsWith('Đã gửi') ?? false,
            );
            const pending = await pendingOf(thread);
            assert.deepEqual(
              pending.map((comment) => comment.body),
              [body],
            );
          } finally {
            await browser.close();
          }
        },
      );
    }
  }
});
