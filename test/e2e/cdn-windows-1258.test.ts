/**
 * The publisher files from the reference server's versioned `/cdn/<version>/` path, on a page of
 * another origin that is NOT UTF-8 (`text/html; charset=windows-1258`, as many older Vietnamese
 * CMSs still serve), each script and the stylesheet with its `integrity` from
 * dist/cdn/integrity.json and `crossorigin`: the ES module build (`news-share.js`) and the IIFE
 * build (`news-widgets.iife.js`), and the IIFE again from a static host that sends no charset.
 * The share box must read "Tắt ✕", not mojibake ("Tắt âœ•"). A tampered
 * `integrity` is refused by the browser: the element never appears.
 *
 *   page origin  http://localhost:{port}   the article page, bytes in windows-1258
 *   API origin   http://127.0.0.1:{port}   the reference server app itself (/api, /cdn), in-memory SQLite
 *
 * Run: `npm run build && node --import tsx --test test/e2e/cdn-windows-1258.test.ts`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { puppeteerCore } from '@web/test-runner-chrome';
import { createTestApp } from '../../server/testing.ts';
import { firstExisting } from '../../scripts/browsers.mjs';
import { BROWSERS, listen, waitFor } from './support.ts';

type Browser = Awaited<ReturnType<typeof puppeteerCore.launch>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

const DIST = resolve('dist/cdn');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/**
 * "Bài viết" in windows-1258: à is 0xE0; ế has no code of its own there, it is ê (0xEA) followed
 * by the combining acute accent (0xEC). Node has no windows-1258 encoder; these are the bytes.
 */
const TITLE_1258 = Buffer.from([0x42, 0xe0, 0x69, 0x20, 0x76, 0x69, 0xea, 0xec, 0x74]);

/**
 * `plain`: the IIFE from a static host that sends `text/javascript` with no charset (many do):
 * a classic script is then decoded in the page's encoding, and only ASCII survives that.
 */
type Build = 'module' | 'iife' | 'plain' | 'tampered';

/** The article page's bytes: ASCII markup around the windows-1258 title. */
function articlePage(apiOrigin: string, build: Build, integrity: Record<string, string>): Buffer {
  const cdn = `${apiOrigin}/cdn/${VERSION}`;
  const file = build === 'module' ? 'news-share.js' : 'news-widgets.iife.js';
  let hash = integrity[file];
  // One character changed: the browser must refuse the script.
  if (build === 'tampered') hash = hash.slice(0, -3) + (hash.at(-3) === 'A' ? 'B' : 'A') + hash.slice(-2);
  const src = build === 'plain' ? `/plain/${file}` : `${cdn}/${file}`;
  const script =
    build === 'module'
      ? `<script type="module" src="${cdn}/${file}" integrity="${hash}" crossorigin="anonymous"></script>`
      : `<script src="${src}" integrity="${hash}" crossorigin="anonymous" defer></script>`;
  const head = `<!doctype html><html lang="vi"><head><meta charset="windows-1258"><title>`;
  const rest = `</title>
<meta name="news-widgets:api" content="${apiOrigin}/api">
<link rel="stylesheet" href="${cdn}/news-widgets.css" integrity="${integrity['news-widgets.css']}" crossorigin="anonymous">
${script}</head>
<body><article><h1>Tin</h1></article><news-share closable></news-share></body></html>`;
  return Buffer.concat([Buffer.from(head, 'ascii'), TITLE_1258, Buffer.from(rest, 'ascii')]);
}

/** The close button's text in the share box, spaces collapsed; null while it is not there. */
const closeText = (page: Page) =>
  page.evaluate(() => {
    const button = document.querySelector('news-share')?.shadowRoot?.querySelector('[part~="close"]');
    return button ? (button.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });

describe('the CDN files on a windows-1258 page of another origin, with SRI', { timeout: 180_000 }, () => {
  let apiServer: Server;
  let pageServer: Server;
  let apiOrigin = '';
  let pageOrigin = '';
  let closeApp: () => Promise<void>;
  let integrity: Record<string, string> = {};
  const cdnRequests: { path: string; origin?: string }[] = [];

  before(async () => {
    assert.ok(existsSync(join(DIST, 'integrity.json')), 'run `npm run build` first');
    integrity = JSON.parse(readFileSync(join(DIST, 'integrity.json'), 'utf8')) as Record<string, string>;
    // The reference server's own app serves /cdn/ (server/routes/cdn.ts) from the project's dist/.
    const { app, close } = await createTestApp();
    closeApp = close;
    const serve = getRequestListener(app.fetch);
    apiServer = createServer((req, res) => {
      if (req.url?.startsWith('/cdn/')) cdnRequests.push({ path: req.url, origin: req.headers.origin });
      return serve(req, res);
    });
    apiOrigin = `http://127.0.0.1:${await listen(apiServer, '127.0.0.1')}`;
    pageServer = createServer((req, res) => {
      if (req.url === '/plain/news-widgets.iife.js') {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
        return void res.end(readFileSync(join(DIST, 'news-widgets.iife.js')));
      }
      const build = /^\/article-(module|iife|plain|tampered)\.html$/.exec(req.url ?? '')?.[1] as Build | undefined;
      if (!build) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1258', 'cache-control': 'no-store' });
      res.end(articlePage(apiOrigin, build, integrity));
    });
    pageOrigin = `http://localhost:${await listen(pageServer, '127.0.0.1')}`;
  });

  after(async () => {
    apiServer?.close();
    pageServer?.close();
    await closeApp?.();
  });

  for (const target of BROWSERS) {
    const executablePath = firstExisting(target.paths);
    if (!executablePath && process.env.CI) throw new Error(`e2e cannot run in CI: no ${target.name} installed`);
    it(
      `${target.name}: the module and the IIFE build show "Tắt ✕"; a tampered integrity is refused`,
      { skip: !executablePath && `no ${target.name} installed` },
      async () => {
        const browser = await puppeteerCore.launch({
          browser: target.browser,
          executablePath,
          headless: true,
          args: target.args,
        });
        try {
          for (const build of ['module', 'iife', 'plain'] as const) {
            const page = await browser.newPage();
            const errors: string[] = [];
            page.on('pageerror', (error) => errors.push(String(error)));
            cdnRequests.length = 0;
            await page.goto(`${pageOrigin}/article-${build}.html`, { waitUntil: 'load' });
            // Really a windows-1258 page: the title's bytes decode to "Bài viết".
            assert.equal(((await page.evaluate(() => document.characterSet)) as string).toLowerCase(), 'windows-1258');
            assert.equal(((await page.evaluate(() => document.title)) as string).normalize('NFC'), 'Bài viết');
            await waitFor(`${build}: the share box`, async () => (await closeText(page)) !== null);
            assert.equal(await closeText(page), 'Tắt ✕', build);
            const heading = await page.evaluate(
              () =>
                document
                  .querySelector('news-share')!
                  .shadowRoot!.querySelector('[part~="heading"]')
                  ?.textContent?.trim() ?? '',
            );
            assert.equal(heading, 'Chia sẻ thông tin với bạn bè!', build);
            // Every file came from the versioned path, as a CORS request from the page's origin.
            // (The stylesheet of the second page comes from the HTTP cache: it is immutable.)
            const file = build === 'module' ? 'news-share.js' : 'news-widgets.iife.js';
            if (build !== 'plain')
              assert.ok(
                cdnRequests.some((request) => request.path === `/cdn/${VERSION}/${file}`),
                `${build}: ${JSON.stringify(cdnRequests)}`,
              );
            for (const request of cdnRequests) {
              assert.ok(request.path.startsWith(`/cdn/${VERSION}/`), request.path);
              assert.equal(request.origin, pageOrigin, request.path);
            }
            assert.deepEqual(errors, [], build);
            await page.close();
          }

          const page = await browser.newPage();
          await page.goto(`${pageOrigin}/article-tampered.html`, { waitUntil: 'load' });
          // A deferred classic script runs before `load`: refused, it never ran.
          assert.equal(await page.evaluate(() => customElements.get('news-share') === undefined), true);
          assert.equal(await closeText(page), null);
          await page.close();
        } finally {
          await browser.close();
        }
      },
    );
  }
});
