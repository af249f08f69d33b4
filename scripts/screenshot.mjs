// Regenerates docs/screenshot.png from a running server: `npm start`, then
// `node scripts/screenshot.mjs [http://localhost:8080/]`. The desk (docs/moderation.png) signs in
// first with the account the first start printed:
// `DESK_NAME=demo DESK_SECRET=… node scripts/screenshot.mjs http://localhost:8080/moderation docs/moderation.png`.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './browsers.mjs';

const url = process.argv[2] ?? 'http://localhost:8080/';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
await page.goto(url, { waitUntil: 'networkidle' });
if (process.env.DESK_SECRET) {
  await page.fill('news-moderation >> #editor', process.env.DESK_NAME ?? 'demo');
  await page.fill('news-moderation >> #secret', process.env.DESK_SECRET);
  await page.click('news-moderation >> form.signin button[type=submit]');
  await page.waitForSelector('news-moderation >> article.item');
}
// Scroll through so the lazy boxes load, then back to the top.
for (let y = 0; y < 6000; y += 600) {
  await page.mouse.wheel(0, 600);
  await page.waitForTimeout(150);
}
await page.waitForLoadState('networkidle');
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: process.argv[3] ?? 'docs/screenshot.png', fullPage: true });
await browser.close();
console.log('wrote', process.argv[3] ?? 'docs/screenshot.png');
