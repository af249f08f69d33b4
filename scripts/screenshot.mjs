// Regenerates docs/screenshot.png from a running server: `npm start`, then
// `node scripts/screenshot.mjs [http://localhost:8080/]`.
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './browsers.mjs';

const url = process.argv[2] ?? 'http://localhost:8080/';
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
await page.goto(url, { waitUntil: 'networkidle' });
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
