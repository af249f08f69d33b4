/**
 * Misconfiguration explains itself: an API on another origin that the browser cannot reach while
 * it is online (CORS refusing the page, almost always) gets one console warning per API base,
 * naming the fix. Real widgets, the real server under another origin.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { request } from '../../src/core/fetch.js';
import { ServerApi } from '../support/server-api.js';
import { refusingApi, spyKitWarnings } from '../support/cross-origin.js';
import { waitUntil } from '../support/wait.js';

/** The reasons of the `news-error` events of this test (they bubble out of every widget). */
function spyErrors(): () => string[] {
  let reasons: string[] = [];
  const listener = (event: Event) => reasons.push((event as CustomEvent<{ reason: string }>).detail.reason);
  beforeEach(() => {
    reasons = [];
    document.addEventListener('news-error', listener);
  });
  afterEach(() => document.removeEventListener('news-error', listener));
  return () => reasons;
}

/** Awaits a request that must fail with a network error. */
async function failsWithNetwork(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect((error as { reason?: string }).reason).to.equal('network');
    return;
  }
  throw new Error('expected a rejection');
}

describe('an API that refuses the page', () => {
  const warnings = spyKitWarnings();
  const errors = spyErrors();

  it('logs ONE warning per API base, naming ALLOWED_ORIGINS, the origin and the docs, whatever the widgets', async () => {
    const first = refusingApi();
    const second = refusingApi();
    await fixture(
      html`<div>
        <news-related api=${first.base} loading="eager"></news-related>
        <news-most-read api=${first.base} loading="eager"></news-most-read>
        <news-comment-count thread="bai-1" api=${first.base}></news-comment-count>
        <news-comments thread="bai-1" api=${first.base} loading="eager"></news-comments>
        <news-related api=${second.base} loading="eager"></news-related>
      </div>`,
    );
    // Every widget has failed: related ×2, most-read, the count, the list and the heading's own count.
    await waitUntil(() => errors().length >= 6, 'every widget failed', { timeout: 10000 });
    expect(errors().every((reason) => reason === 'network')).to.equal(true);
    expect(warnings()).to.have.length(2);
    for (const [warning, base] of [
      [warnings().find((w) => w.includes(`${first.base} `)), first.base],
      [warnings().find((w) => w.includes(`${second.base} `)), second.base],
    ] as const) {
      expect(warning, base).to.be.a('string');
      expect(warning).to.contain(`add ${location.origin} to ALLOWED_ORIGINS`);
      expect(warning).to.contain('docs/publishers.md');
    }
    // More failures on the same bases add nothing.
    await failsWithNetwork(request(`${first.base}/most-read`, {}, { api: first.base }));
    await failsWithNetwork(request(`${second.base}/counts?threads=a`, {}, { api: second.base }));
    expect(warnings()).to.have.length(2);
  });

  it("stays quiet when the failing API is on the page's own origin (not CORS) and when the browser is offline", async () => {
    const own = new ServerApi();
    await own.fault({ kind: 'network' });
    await failsWithNetwork(request(`${own.base}/most-read`, {}, { api: own.base }));

    const refusing = refusingApi();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await failsWithNetwork(request(`${refusing.base}/most-read`, {}, { api: refusing.base }));
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    expect(navigator.onLine).to.equal(true);
    expect(warnings()).to.deep.equal([]);
    // Online again, the same base warns.
    await failsWithNetwork(request(`${refusing.base}/most-read`, {}, { api: refusing.base }));
    expect(warnings()).to.have.length(1);
  });

  it('stays quiet for a feed (`src`) that is not the API', async () => {
    const refusing = refusingApi();
    await fixture(html`<news-related src=${`${refusing.base}/related.json`} loading="eager"></news-related>`);
    await waitUntil(() => errors().length === 1, 'the feed failed', { timeout: 10000 });
    expect(errors()).to.deep.equal(['network']);
    expect(warnings()).to.deep.equal([]);
  });
});
