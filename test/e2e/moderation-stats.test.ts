/**
 * The desk's charts on the files that ship (`npm run build` first), on the page the server serves at
 * `/moderation` with its strict CSP and Trusted Types: sign in, open the "Thống kê" tab (its module
 * loads then, not before), and the SVG charts and their tables render from the seeded data without
 * a single CSP violation or page error. Chromium and Firefox ESR, through puppeteer-core.
 *
 * Run: `npm run build && node --import tsx --test test/e2e/moderation-stats.test.ts`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { puppeteerCore } from '@web/test-runner-chrome';
import { addTestEditor, createTestApp } from '../../server/testing.ts';
import { firstExisting } from '../../scripts/browsers.mjs';
import { BROWSERS, waitFor } from './support.ts';

describe('the desk’s charts on the built files, under the strict CSP', { timeout: 180_000 }, () => {
  let server: Server;
  let origin = '';
  let close: () => Promise<void>;
  /** The desk's account, made by the server's own account code. */
  let editor: { name: string; secret: string };

  before(async () => {
    assert.ok(existsSync(join(resolve('dist/cdn'), 'news-moderation.js')), 'run `npm run build` first');
    const test = await createTestApp();
    close = test.close;
    editor = { name: 'Biên tập Lan', secret: await addTestEditor(test.storage, 'Biên tập Lan') };
    const now = Date.now();
    await test.storage.articles.upsert([
      { id: 'gia-lua-tang', url: 'https://baotinh.example/gia-lua-tang.html', title: 'Giá lúa tăng' },
      { id: 'bao-so-9', url: 'https://baotinh.example/bao-so-9.html', title: 'Bão số 9 đổ bộ' },
    ]);
    await test.storage.views.addBuckets([
      { articleId: 'bao-so-9', hourMs: now, count: 40 },
      { articleId: 'gia-lua-tang', hourMs: now, count: 25 },
    ]);
    const { id } = await test.storage.comments.create({
      thread: 'gia-lua-tang',
      name: 'Độc giả',
      body: 'Bài hay',
      status: 'pending',
      autoCloseDays: 0,
    });
    await test.storage.moderation.moderate(id, 'approve', {}, 'Biên tập viên');
    server = createServer(getRequestListener(test.app.fetch));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    await close?.();
  });

  for (const target of BROWSERS) {
    const executablePath = firstExisting(target.paths);
    if (!executablePath && process.env.CI) throw new Error(`e2e cannot run in CI: no ${target.name} installed`);
    it(
      `${target.name}: charts and tables render, nothing violates the CSP`,
      { skip: !executablePath && `no ${target.name} installed` },
      async () => {
        const browser = await puppeteerCore.launch({
          browser: target.browser,
          executablePath,
          headless: true,
          args: target.args,
        });
        try {
          const page = await browser.newPage();
          const problems: string[] = [];
          page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
          page.on('console', (m) => {
            if (m.type() === 'error') problems.push(`console: ${m.text()}`);
          });
          await page.evaluateOnNewDocument(() => {
            document.addEventListener('securitypolicyviolation', (e) =>
              ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`),
            );
          });
          const loaded: string[] = [];
          page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
          await page.goto(`${origin}/moderation`, { waitUntil: 'load' });
          await waitFor('sign-in form', () =>
            page.evaluate(() => !!document.querySelector('news-moderation')?.shadowRoot?.querySelector('#secret')),
          );
          await page.evaluate(({ name, secret }) => {
            const root = document.querySelector('news-moderation')!.shadowRoot!;
            root.querySelector<HTMLInputElement>('#editor')!.value = name;
            root.querySelector<HTMLInputElement>('#secret')!.value = secret;
            root.querySelector<HTMLButtonElement>('form.signin button[type=submit]')!.click();
          }, editor);
          await waitFor('the tabs', () =>
            page.evaluate(
              () => !!document.querySelector('news-moderation')!.shadowRoot!.querySelector('button[data-view="stats"]'),
            ),
          );
          assert.ok(!loaded.some((p) => p.includes('news-moderation-stats')), 'the charts module waits for its tab');
          await page.evaluate(() =>
            document
              .querySelector('news-moderation')!
              .shadowRoot!.querySelector<HTMLButtonElement>('button[data-view="stats"]')!
              .click(),
          );
          const stats = () =>
            page.evaluate(() => {
              const root = document
                .querySelector('news-moderation')!
                .shadowRoot!.querySelector('news-moderation-stats')?.shadowRoot;
              if (!root?.querySelector('[data-chart="views"] svg polyline')) return null;
              return {
                lines: root.querySelectorAll('[data-chart="views"] polyline').length,
                totals: [...root.querySelectorAll('[data-chart="views"] tfoot td')].map((c) => c.textContent!.trim()),
                most: [...root.querySelectorAll('[data-chart="most-commented"] tbody td')].map((c) =>
                  c.textContent!.trim(),
                ),
                decided: root.querySelector('[data-value="count"]')?.textContent,
              };
            });
          await waitFor('the charts', async () => (await stats()) !== null);
          assert.deepEqual(await stats(), { lines: 2, totals: ['40', '25'], most: ['1', '1'], decided: '1' });
          assert.ok(
            loaded.some((p) => p.includes('news-moderation-stats')),
            'the charts module loaded with its tab',
          );
          assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []), []);
          assert.deepEqual(problems, []);
        } finally {
          await browser.close();
        }
      },
    );
  }
});
