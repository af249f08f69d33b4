import { expect, fixture, html, aTimeout, waitUntil } from '@open-wc/testing';
import '../../src/comments/index.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import { FAKE_BASE } from './fake-api.js';
import { $, $$, articles, loaded, newThread, useFakeApi } from './helpers.js';

describe('<news-comment-list> aborts what it no longer needs', () => {
  const api = useFakeApi();
  let signals: { url: string; signal?: AbortSignal | null }[] = [];
  let orig: typeof fetch;
  beforeEach(() => {
    signals = [];
    orig = window.fetch;
    const inner = window.fetch;
    window.fetch = ((input: any, init?: RequestInit) => {
      signals.push({ url: String(input), signal: init?.signal });
      return inner(input, init);
    }) as typeof fetch;
  });
  afterEach(() => (window.fetch = orig));

  it('first page gets a signal, sort change aborts it', async () => {
    const t = newThread();
    api().seed(t, 5);
    api().delay = 200;
    const errors: unknown[] = [];
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${t}
        api=${FAKE_BASE}
        loading="eager"
        @news-error=${(e: Event) => errors.push(e)}
      ></news-comment-list>`,
    );
    await aTimeout(20);
    expect(signals.filter((s) => s.url.includes('/comments?'))).to.have.length(1);
    const first = signals[0].signal!;
    expect(first.aborted).to.equal(false);
    el.sort = 'oldest';
    await el.updateComplete;
    await aTimeout(0);
    expect(signals.filter((s) => s.url.includes('/comments?'))).to.have.length(2);
    expect(first.aborted).to.equal(true);
    await loaded(el);
    await waitUntil(() => articles(el).length === 5);
    expect(errors).to.have.length(0);
    api().delay = 0;
  });

  it('load more aborts on sort change and on disconnect', async () => {
    const t = newThread();
    api().seed(t, 45);
    const errors: unknown[] = [];
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${t}
        api=${FAKE_BASE}
        loading="eager"
        @news-error=${(e: Event) => errors.push(e)}
      ></news-comment-list>`,
    );
    await loaded(el);
    await waitUntil(() => articles(el).length === 20);
    api().delay = 200;
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await aTimeout(10);
    const more = signals.at(-1)!;
    expect(more.url).to.contain('cursor=20');
    expect($<HTMLButtonElement>(el, '[part~="more"]')!.disabled).to.equal(true);
    $$<HTMLButtonElement>(el, '[part~="sort"]')[1].click();
    await aTimeout(10);
    expect(more.signal!.aborted).to.equal(true);
    await aTimeout(400);
    expect($$(el, 'section[part~="list"] > article')).to.have.length(20);
    expect($<HTMLButtonElement>(el, '[part~="more"]')!.disabled).to.equal(false);
    expect(errors).to.have.length(0);
    // disconnect
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await aTimeout(10);
    const more2 = signals.at(-1)!;
    const parent = el.parentNode!;
    el.remove();
    expect(more2.signal!.aborted).to.equal(true);
    await aTimeout(400);
    parent.append(el);
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '[part~="more"]')!.disabled).to.equal(false);
    expect($$(el, 'section[part~="list"] > article')).to.have.length(20);
    expect(errors).to.have.length(0);
    api().delay = 0;
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await waitUntil(() => $$(el, 'section[part~="list"] > article').length === 40);
  });

  it('lazy: no request before near; comments given then removed', async () => {
    const t = newThread();
    api().seed(t, 3);
    const el = await fixture<NewsCommentList>(
      html`<div style="height:5000px"></div>
        <news-comment-list thread=${t} api=${FAKE_BASE}></news-comment-list>`.strings
        ? html`<news-comment-list
            style="margin-top:5000px;display:block"
            thread=${t}
            api=${FAKE_BASE}
          ></news-comment-list>`
        : html``,
    );
    await aTimeout(100);
    expect(signals.filter((s) => s.url.includes('/comments?'))).to.have.length(0);
    expect($(el, '[part~="skeleton"]')).to.not.equal(null);
    el.comments = [{ id: 'x', name: 'X', body: 'given', createdAt: new Date().toISOString() }];
    await el.updateComplete;
    el.loading = 'eager';
    await el.updateComplete;
    await aTimeout(50);
    expect(signals.filter((s) => s.url.includes('/comments?'))).to.have.length(0);
    expect(articles(el)).to.have.length(1);
    el.comments = undefined;
    await el.updateComplete;
    await aTimeout(100);
    expect(signals.filter((s) => s.url.includes('/comments?'))).to.have.length(1);
    await waitUntil(() => articles(el).length === 3);
  });
});
