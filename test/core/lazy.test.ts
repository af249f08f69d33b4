import { expect } from '@open-wc/testing';
import { lazyModule, loadFeeds, loadSanitizer } from '../../src/core/lazy.js';

describe('lazyModule', () => {
  it('imports once, and a failed import is tried again at the next need', async () => {
    // The first attempt is a real module request that fails (HTTP 503); the next one succeeds.
    const urls = ['/__fixture/status/503?module=1', '/src/core/url.ts'];
    let attempts = 0;
    const load = lazyModule(() => import(/* @vite-ignore */ urls[Math.min(attempts++, 1)]));
    let failure: unknown;
    await load().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    const module = (await load()) as typeof import('../../src/core/url.js');
    expect(module.safeHttpUrl('https://tin.example/a')).to.equal('https://tin.example/a');
    expect(await load()).to.equal(module);
    expect(attempts).to.equal(2);
  });

  it('loads the feed parser and the sanitizer', async () => {
    const feeds = await loadFeeds();
    expect(feeds.normalizeItems([{ url: 'https://tin.example/a', title: 'A' }])[0].title).to.equal('A');
    const { sanitizeToString } = await loadSanitizer();
    expect(sanitizeToString('<b onclick="x()">Đậm</b>', 'comment')).to.equal('<b>Đậm</b>');
  });
});
