/**
 * The code split, as a page sees it: what a first paint does not need is fetched only when it is
 * needed (each test file runs in its own page, so nothing here was loaded before).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comments/index.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import { clearCommentStorage, FAKE_BASE, FakeApi } from './fake-api.js';

// Not helpers.ts: it imports the outbox module for the other tests, and this page must not.
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Whether the page has fetched the module `src/comments/<name>.ts`. */
const fetched = (name: string) =>
  performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith(`/src/comments/${name}.ts`));

describe('comments: lazy chunks', () => {
  let fake: FakeApi;
  beforeEach(() => {
    clearCommentStorage();
    fake = new FakeApi().install();
  });
  afterEach(() => {
    fake.restore();
    clearCommentStorage();
  });
  const api = () => fake;

  it('loads the form, the list view and the sending machinery only when they are needed', async () => {
    const thread = 'lazy-thread';
    api().seed(thread, 2);
    const page = await fixture(
      html`<div>
        <div style="height:400vh"></div>
        <news-comments thread=${thread} api=${FAKE_BASE}></news-comments>
      </div>`,
    );
    const el = page.querySelector<NewsComments>('news-comments')!;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    // Far below the fold: the boxes hold their place, nothing else is fetched.
    for (const name of ['form-ui', 'list-view', 'comments-data', 'outbox', 'diacritics', 'template'])
      expect(fetched(name), name).to.equal(false);
    expect(api().requests).to.have.length(0);
    const form = $<NewsCommentForm>(el, 'news-comment-form')!;
    expect($(form, '[part~="skeleton"]')).to.not.equal(null);

    el.scrollIntoView();
    await waitUntil(() => !!$($(el, 'news-comment-list')!, '[part~="list"]'), 'list');
    await waitUntil(() => !!$(form, 'form'), 'form');
    expect(fetched('form-ui') && fetched('list-view')).to.equal(true);
    // Nothing to send yet, no HTML body, no template: no outbox, no DOMPurify.
    for (const name of ['outbox', 'template']) expect(fetched(name), name).to.equal(false);
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('dompurify'))).to.equal(false);

    type($<HTMLInputElement>(form, '#name')!, 'Lan');
    type($<HTMLTextAreaElement>(form, '#body')!, 'Bài viết hay');
    $<HTMLButtonElement>(form, '[part~="submit"]')!.click();
    await waitUntil(() => api().posts().length === 1, 'not posted');
    expect(fetched('outbox')).to.equal(true);
  });
});
