/**
 * Element-level laziness, as a page sees it: the list and form element modules are fetched only
 * when a section comes near the viewport, together with the thread's first page (each test file
 * runs in its own page, so nothing here was loaded before).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { loadList } from '../../src/comments/index.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import { ServerApi } from '../support/server-api.js';
import { $, articles, clearCommentStorage, newThread, seed, text } from './helpers.js';

/** The page's resource entry for the module `src/comments/<name>.ts`, if it was fetched. */
const moduleEntry = (name: string) =>
  performance
    .getEntriesByType('resource')
    .find((e) => new URL(e.name).pathname.endsWith(`/src/comments/${name}.ts`)) as
    PerformanceResourceTiming | undefined;
/** The widgets' requests to the API: those after `since` (the test's own seeding is before). */
const apiEntries = (api: ServerApi, since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.name.startsWith(`${api.base}/`) && e.startTime > since) as PerformanceResourceTiming[];
const scrolledAway = () => html`<div style="height:400vh"></div>`;

describe('comments: element-level laziness', () => {
  beforeEach(() => {
    document.documentElement.lang = 'vi';
    clearCommentStorage();
    // A test that scrolled leaves the page scrolled: each starts at the top.
    window.scrollTo(0, 0);
  });

  it('fetches the list and form modules only near the viewport, with the first page at the same moment', async () => {
    const api = new ServerApi();
    const thread = newThread('lazy');
    await seed(api, thread, 2);
    const since = performance.now();
    const page = await fixture(
      html`<div>${scrolledAway()}<news-comments thread=${thread} api=${api.base}></news-comments></div>`,
    );
    const el = page.querySelector<NewsComments>('news-comments')!;
    await el.updateComplete;
    // Far below the fold: the parts hold their place, and nothing else is fetched.
    for (const name of ['news-comment-list', 'news-comment-form']) expect(moduleEntry(name), name).to.equal(undefined);
    expect(apiEntries(api, since)).to.have.length(0);
    const form = $(el, 'news-comment-form')!;
    const list = $(el, 'news-comment-list')!;
    expect(customElements.get('news-comment-form')).to.equal(undefined);
    expect(form.getBoundingClientRect().height).to.be.above(400);
    expect(list.getBoundingClientRect().height).to.be.above(150);

    el.scrollIntoView();
    await waitUntil(() => articles(list).length === 2, 'list');
    await waitUntil(() => !!form.shadowRoot?.querySelector('form'), 'form');
    // Code and data in parallel: the thread GET started before the list's code had arrived.
    const [get] = apiEntries(api, since).filter((e) => e.name.includes('/threads/'));
    const code = moduleEntry('news-comment-list')!;
    expect(get.startTime).to.be.below(code.responseEnd);
    expect(apiEntries(api, since).filter((e) => e.name.includes('/threads/'))).to.have.length(1);
    // No HTML body, no template: no DOMPurify.
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('dompurify'))).to.equal(false);
  });

  it('loads standalone lists and forms near the viewport (reserve CSS keeps their space), or at once when eager', async () => {
    const api = new ServerApi();
    const thread = newThread('solo');
    await seed(api, thread, 1);
    const since = performance.now();
    const reserve = document.createElement('link');
    reserve.rel = 'stylesheet';
    reserve.href = '/src/comments/reserve.css';
    const styled = new Promise((done) => reserve.addEventListener('load', done));
    document.head.append(reserve);
    await styled;
    try {
      const page = await fixture(
        html`<div>
          <news-comment-form thread=${thread} api=${api.base} loading="eager"></news-comment-form>
          ${scrolledAway()}
          <news-comment-form thread=${thread} api=${api.base}></news-comment-form>
          <news-comment-list thread=${thread} api=${api.base}></news-comment-list>
        </div>`,
      );
      const [eager, lazy] = [...page.querySelectorAll('news-comment-form')];
      const list = page.querySelector('news-comment-list')!;
      await waitUntil(() => !!eager.shadowRoot?.querySelector('form'), 'eager form');
      // The same tag, defined now: the lazy one is upgraded too, and holds the reserved space meanwhile.
      const reserved = lazy.getBoundingClientRect().height;
      expect(Math.abs(reserved - eager.getBoundingClientRect().height)).to.be.below(4);
      expect(apiEntries(api, since).filter((e) => e.name.includes('/threads/'))).to.have.length(0);
      list.scrollIntoView();
      await waitUntil(() => articles(list).length === 1, 'standalone list');
      expect(text($(lazy, 'label[for="name"]'))).to.equal('Họ tên');
      await expect(lazy).to.be.accessible();
      await expect(list).to.be.accessible();
    } finally {
      reserve.remove();
    }
  });

  it('keeps a standalone list below the fold waiting when its code is already on the page', async () => {
    await loadList();
    const api = new ServerApi();
    const thread = newThread('defined');
    await seed(api, thread, 1);
    const since = performance.now();
    const page = await fixture(
      html`<div>${scrolledAway()}<news-comment-list thread=${thread} api=${api.base}></news-comment-list></div>`,
    );
    const list = page.querySelector('news-comment-list')!;
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    expect(apiEntries(api, since).filter((e) => e.name.includes('/threads/'))).to.have.length(0);
    list.scrollIntoView();
    await waitUntil(() => articles(list).length === 1, 'list near the viewport');
  });
});
