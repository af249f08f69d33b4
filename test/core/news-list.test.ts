/** The shared base of news-related and news-most-read, exercised through both elements. */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { fetchShared } from '../../src/core/fetch.js';
import '../../src/related/index.js';
import '../../src/most-read/index.js';
import { NewsList } from '../../src/core/news-list.js';
import { NewsRelated } from '../../src/related/index.js';
import { NewsMostRead } from '../../src/most-read/index.js';
import {
  LISTS,
  count,
  counted,
  errors,
  failed,
  hrefs,
  isSkeleton,
  items,
  loaded,
  resetErrors,
  root,
  titles,
  uniqueKey,
} from '../fixtures/lists/helpers.js';

describe('NewsList (shared list base)', () => {
  beforeEach(resetErrors);

  it('is the base class of both list widgets', () => {
    expect(new NewsRelated()).to.be.instanceOf(NewsList);
    expect(new NewsMostRead()).to.be.instanceOf(NewsList);
    expect(new NewsRelated().limit).to.equal(5);
    expect(new NewsMostRead().limit).to.equal(10);
  });

  it('defining the tag again (another copy of the class, as a second bundle carries) does not throw', () => {
    class AnotherCopy extends NewsRelated {}
    expect(() => AnotherCopy.define('news-related')).to.not.throw();
    expect(customElements.get('news-related')).to.equal(NewsRelated);
  });

  it('shows a skeleton of limit rows while loading', async () => {
    const el = await fixture<NewsRelated>(
      html`<news-related
        limit="7"
        loading="eager"
        src="/__fixture/delay/800?then=${LISTS}/related.json&sk=1"
      ></news-related>`,
    );
    await el.updateComplete;
    expect(isSkeleton(el)).to.equal(true);
    expect(root(el).querySelectorAll('[part~="skeleton"]')).to.have.length(7);
    expect(root(el).querySelectorAll('a')).to.have.length(0);
  });

  it('changing limit or exclude re-filters without fetching again', async () => {
    const key = uniqueKey('cache');
    const el = await fixture<NewsRelated>(
      html`<news-related src="${counted(key, `${LISTS}/related.json`)}"></news-related>`,
    );
    await loaded(el);
    el.limit = 2;
    await waitUntil(() => items(el).length === 2, 'limit change not applied');
    el.exclude = 'https://tin.example.vn/bai-1.html, https://tin.example.vn/bai-2.html';
    await waitUntil(() => hrefs(el)[0] === 'https://tin.example.vn/bai-3.html', 'exclude change not applied');
    expect(hrefs(el)).to.deep.equal(['https://tin.example.vn/bai-3.html', 'https://tin.example.vn/bai-4.html']);
    expect(await count(key)).to.equal(1);
  });

  it('a src plus light-DOM fallback links makes exactly one request', async () => {
    const key = uniqueKey('light-and-src');
    const el = await fixture<NewsRelated>(
      html`<news-related src="${counted(key, `${LISTS}/related.json`)}"
        ><a href="https://tin.example.vn/f.html">Dự phòng</a></news-related
      >`,
    );
    await loaded(el);
    await el.updateComplete;
    await nextFrame();
    expect(titles(el)[0]).to.equal('Giá xăng giảm lần thứ ba liên tiếp');
    expect(await count(key)).to.equal(1);
  });

  it('recovers from an error when the source changes', async () => {
    const el = await fixture<NewsRelated>(html`<news-related src="/__fixture/status/503"></news-related>`);
    expect((await failed(el)).status).to.equal(503);
    expect(el.hidden).to.equal(true);
    el.src = `${LISTS}/related.json`;
    el.loading = 'eager'; // hidden elements never intersect; eager skips the wait
    await loaded(el);
    expect(el.hidden).to.equal(false);
    expect(errors).to.have.length(1);
  });

  it('applies stale-after to any list widget', async () => {
    const el = await fixture<NewsRelated>(
      html`<news-related stale-after="5" src="${LISTS}/stale.json"></news-related>`,
    );
    expect((await failed(el)).reason).to.equal('stale');
    expect(el.hidden).to.equal(true);
  });

  it('news-error bubbles out of shadow roots to the document', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = outer.attachShadow({ mode: 'open' });
    const seen: string[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent).detail.reason);
    document.addEventListener('news-error', listener);
    try {
      const el = document.createElement('news-most-read');
      el.src = '/__fixture/status/404';
      shadow.append(el);
      await failed(el);
      expect(seen).to.deep.equal(['http']);
    } finally {
      document.removeEventListener('news-error', listener);
    }
  });

  it('clamps odd attribute values instead of throwing', async () => {
    const el = await fixture<NewsMostRead>(
      html`<news-most-read
        limit="-4"
        heading-level="9"
        layout="bogus"
        windows="day, ,<b>,week"
        .items=${[
          { url: 'https://tin.example.vn/1.html', title: 'Một' },
          { url: 'https://tin.example.vn/2.html', title: 'Hai' },
        ]}
      ></news-most-read>`,
    );
    await loaded(el);
    expect(items(el)).to.have.length(1);
    expect(root(el).querySelector('[part~="heading"]')!.getAttribute('aria-level')).to.equal('6');
    el.headingLevel = Number.NaN;
    el.limit = Number.NaN;
    await el.updateComplete;
    expect(root(el).querySelector('[part~="heading"]')!.getAttribute('aria-level')).to.equal('2');
    expect(errors).to.deep.equal([]);
  });

  it('disconnecting while loading throws nothing', async () => {
    const src = `/__fixture/delay/300?then=${LISTS}/related.json&gone=1`;
    const el = await fixture<NewsRelated>(html`<news-related loading="eager" src=${src}></news-related>`);
    el.remove();
    // Join the element's in-flight request and wait for its answer; the element's own handler runs first.
    await fetchShared(src);
    await nextFrame();
    expect(errors).to.deep.equal([]);
  });
});

describe('NewsList under a strict CSP with Trusted Types', () => {
  it('renders RSS and JSON lists with no CSP or Trusted Types violation', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '600px';
    frame.src = '/__fixture/csp?page=/test/fixtures/lists/csp.html';
    document.body.append(frame);
    try {
      await new Promise((done) => frame.addEventListener('load', done, { once: true }));
      const doc = frame.contentDocument!;
      const [hostile, mostRead, vne] = Array.from(doc.querySelectorAll<HTMLElement>('news-related, news-most-read'));
      for (const el of [hostile, mostRead, vne]) await loaded(el, `${el.localName} did not load under CSP`);
      expect(hrefs(hostile)[0]).to.match(/^https:\/\/vnexpress\.net\//);
      expect(items(mostRead)).to.have.length(10);
      expect(items(vne)).to.have.length(5);
      expect((frame.contentWindow as unknown as { __violations: string[] }).__violations.join('\n')).to.equal('');
      expect((frame.contentWindow as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
    } finally {
      frame.remove();
    }
  });
});

describe('NewsList: a hostile feed under a strict CSP with Trusted Types', () => {
  it('runs nothing and breaks no Trusted Types rule', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/__fixture/csp?page=/test/fixtures/lists/csp-hostile.html';
    document.body.append(frame);
    try {
      await new Promise((done) => frame.addEventListener('load', done, { once: true }));
      const el = frame.contentDocument!.querySelector<HTMLElement>('news-related')!;
      await loaded(el, 'hostile list did not load under CSP');
      // Give any injected handler a rendering step to run in.
      await nextFrame();
      await nextFrame();
      expect(hrefs(el)).to.deep.equal([1, 2, 3].map((n) => `https://tin.example.vn/rss-an-toan-${n}.html`));
      const win = frame.contentWindow as unknown as { __violations: string[]; __xss?: unknown };
      expect(win.__xss).to.equal(undefined);
      // Chromium reports (but never runs) the inline handler of the `<img onerror>` title while the
      // feed parser reads it in an inert DOMParser document; nothing else may be reported.
      expect(win.__violations.filter((v) => !v.startsWith('script-src-attr'))).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
