/** What the end-to-end tests of the built files share: the browsers, a server on a free port, polling. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROME_CANDIDATES, CHROMIUM_FLAGS, FIREFOX_CANDIDATES } from '../../scripts/browsers.mjs';

/** Chromium (over CDP) and Firefox ESR (over WebDriver BiDi), both driven by puppeteer-core. */
export const BROWSERS = [
  { name: 'chromium', browser: 'chrome' as const, paths: CHROME_CANDIDATES, args: CHROMIUM_FLAGS },
  { name: 'firefox', browser: 'firefox' as const, paths: FIREFOX_CANDIDATES, args: [] as string[] },
];

/** Starts `server` on a free port of `host`; answers the port. */
export const listen = (server: Server, host: string) =>
  new Promise<number>((done) => server.listen(0, host, () => done((server.address() as AddressInfo).port)));

/** Polls `check` until it holds; throws "Timed out: {what}" after `timeout` ms. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out: ${what}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}
