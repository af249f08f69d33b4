// Browser tests: real headless Chromium (and Firefox ESR with BROWSERS=chromium,firefox).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fixturesMiddleware } from './test/server/fixtures-middleware.mjs';
import { apiMiddleware } from './test/server/api-middleware.mjs';
import { screenshotPlugin } from './test/server/screenshot-plugin.mjs';
import { cdnCorsMiddleware } from './test/bundle/cdn-cors-middleware.mjs';
import { CHROME_CANDIDATES, CHROMIUM_FLAGS, FIREFOX_CANDIDATES, firstExisting } from './scripts/browsers.mjs';

function findBrowser(name, candidates, hint) {
  const found = firstExisting(candidates);
  if (!found) {
    console.error(`\nNo ${name} found (looked at ${candidates.filter(Boolean).join(', ')}).\n${hint}\n`);
    process.exit(1);
  }
  return found;
}

// Default: Chromium, plus Firefox ESR where it is installed (as in CI). BROWSERS=chromium or
// BROWSERS=firefox runs one.
const defaultBrowsers = firstExisting(FIREFOX_CANDIDATES) ? 'chromium,firefox' : 'chromium';
const wanted = (process.env.BROWSERS ?? defaultBrowsers)
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const browsers = wanted.map((name) => {
  if (name === 'firefox') {
    const executablePath = findBrowser(
      'Firefox',
      FIREFOX_CANDIDATES,
      'Install it with `sudo apt-get install -y firefox-esr`, or set FIREFOX_PATH.',
    );
    return chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath, headless: true, args: ['-headless'] },
    });
  }
  const executablePath = findBrowser(
    'Chromium or Chrome',
    CHROME_CANDIDATES,
    'Install it with `sudo apt-get install -y chromium`, or set CHROME_PATH to a Chrome binary.',
  );
  return chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_FLAGS } });
});

export default {
  rootDir: '.',
  files: ['test/**/*.test.ts', '!test/server/**', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 1,
  browsers,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
  browserStartTimeout: 60000,
  // CI machines have 2 cores shared by two browsers: give slow starts room.
  testsStartTimeout: 60000,
  middleware: [cdnCorsMiddleware, apiMiddleware, fixturesMiddleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }), screenshotPlugin()],
};
