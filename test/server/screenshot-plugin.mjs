/**
 * Test-only command `save-screenshot`: writes a PNG of a region of the test page to
 * test-results/screenshots/<name>.png (git-ignored), so what the widgets look like can be looked at.
 *
 *   await executeServerCommand('save-screenshot', { name: 'share-dark-375', clip: { x, y, width, height } });
 *
 * `clip` is in CSS pixels of the page (document coordinates). Puppeteer-driven browsers only.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

export const SCREENSHOT_DIR = 'test-results/screenshots';

export function screenshotPlugin() {
  return {
    name: 'save-screenshot-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'save-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`No screenshots for ${session.browser.type} browsers`);
      const name = String(payload?.name ?? '').replace(/[^\w.-]+/g, '-');
      if (!name) throw new Error('save-screenshot needs a name');
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const page = session.browser.getPage(session.id);
      await page.screenshot({
        path: resolve(SCREENSHOT_DIR, `${name}.png`),
        clip: payload.clip,
        captureBeyondViewport: true,
      });
      return true;
    },
  };
}
