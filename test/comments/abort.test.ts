import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import { $, $$, articles, gets, loaded, newThread, seed, spyRequests, useServer } from './helpers.js';

describe('<news-comment-list> aborts what it no longer needs', () => {
  const api = useServer();
  const requests = spyRequests();
  const firstPages = () => gets(requests(), '/comments').filter((r) => !r.url.searchParams.has('cursor'));
  const aborted = (signal?: AbortSignal | null) =>
    new Promise<void>((done) => (signal!.aborted ? done() : signal!.addEventListener('abort', () => done())));

  it('gives the first page a signal, and a sort change aborts it without an error', async () => {
    const t = newThread();
    await seed(api(), t, 3);
    await api().fault({ kind: 'delay', ms: 1500, path: '/threads/', times: 1 });
    const errors: unknown[] = [];
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${t}
        api=${api().base}
        @news-error=${(e: Event) => errors.push(e)}
      ></news-comment-list>`,
    );
    await waitUntil(() => firstPages().length === 1);
    const first = firstPages()[0].signal!;
    expect(first.aborted).to.equal(false);
    el.sort = 'oldest';
    await aborted(first);
    expect(firstPages()).to.have.length(2);
    await waitUntil(() => articles(el).length === 3, 'the new order did not load', { timeout: 5000 });
    expect(errors).to.have.length(0);
  });

  it('aborts "load more" on a sort change and on disconnect', async () => {
    const t = newThread();
    await seed(api(), t, 5);
    const errors: unknown[] = [];
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${t}
        api=${api().base}
        limit="2"
        @news-error=${(e: Event) => errors.push(e)}
      ></news-comment-list>`,
    );
    await loaded(el);
    const top = () => $$(el, 'section[part~="list"] > article');
    const moreButton = () => $<HTMLButtonElement>(el, '[part~="more"]')!;
    const lastMore = () =>
      gets(requests(), '/comments')
        .filter((r) => r.url.searchParams.has('cursor'))
        .at(-1);
    await api().fault({ kind: 'delay', ms: 1500, path: '/threads/', times: 1 });
    moreButton().click();
    await waitUntil(() => !!lastMore());
    const more = lastMore()!;
    await el.updateComplete;
    expect(moreButton().disabled).to.equal(true);
    const reloaded = oneEvent(el, 'news-comments-load');
    $$<HTMLButtonElement>(el, '[part~="sort"]')[1].click();
    await aborted(more.signal);
    // No "Load more" with the old order's cursor while the new first page loads.
    await el.updateComplete;
    expect(moreButton()).to.equal(null);
    await reloaded;
    await waitUntil(() => !moreButton().disabled && firstPages().length === 2, 'sort', { timeout: 5000 });
    expect(top()).to.have.length(2);
    expect(errors).to.have.length(0);
    // Disconnect.
    await api().fault({ kind: 'delay', ms: 1500, path: '/threads/', times: 1 });
    moreButton().click();
    await waitUntil(() => lastMore() !== more);
    const more2 = lastMore()!;
    const parent = el.parentNode!;
    el.remove();
    await aborted(more2.signal);
    parent.append(el);
    await waitUntil(() => !moreButton().disabled, 'load more stayed busy', { timeout: 5000 });
    expect(top()).to.have.length(2);
    expect(errors).to.have.length(0);
    moreButton().click();
    await waitUntil(() => top().length === 4, 'more did not load', { timeout: 5000 });
  });

  it('asks for nothing while comments are given, and loads the thread once they are taken away', async () => {
    const t = newThread();
    await seed(api(), t, 3);
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list
        thread=${t}
        api=${api().base}
        .comments=${[{ id: 'x', name: 'X', body: 'given', createdAt: new Date().toISOString() }]}
      ></news-comment-list>`,
    );
    await el.updateComplete;
    expect(articles(el)).to.have.length(1);
    expect(firstPages()).to.have.length(0);
    const load = oneEvent(el, 'news-comments-load');
    el.comments = undefined;
    await load;
    expect(firstPages()).to.have.length(1);
    await waitUntil(() => articles(el).length === 3, 'the new order did not load', { timeout: 5000 });
  });
});
