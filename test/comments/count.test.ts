import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import type { NewsCommentCount } from '../../src/comments/news-comment-count.js';
import { ServerApi } from '../support/server-api.js';
import { $, gets, newThread, seed, spyRequests, useServer } from './helpers.js';

describe('<news-comment-count>', () => {
  const api = useServer();
  const requests = spyRequests();
  const text = (el: Element) => el.shadowRoot!.textContent!.trim();

  it('shows "N bình luận" in Vietnamese for 0, 1 and 3 (replies count), linking to #comments', async () => {
    const [zero, one, three] = [newThread('c'), newThread('c'), newThread('c')];
    await seed(api(), one, 1);
    await seed(api(), three, 1, 2);
    const box = await fixture(
      html`<div>
        <news-comment-count thread=${zero} api=${api().base}></news-comment-count>
        <news-comment-count thread=${one} api=${api().base}></news-comment-count>
        <news-comment-count thread=${three} api=${api().base} href="/bai-viet#binh-luan"></news-comment-count>
      </div>`,
    );
    const counts = [...box.querySelectorAll<NewsCommentCount>('news-comment-count')];
    await waitUntil(() => counts.every((c) => !!$(c, 'a')));
    expect(counts.map(text)).to.deep.equal(['0 bình luận', '1 bình luận', '3 bình luận']);
    expect($(counts[0], 'a')!.getAttribute('href')).to.equal('#comments');
    expect($(counts[2], 'a')!.getAttribute('href')).to.equal('/bai-viet#binh-luan');
    // One batched request for all three.
    const batches = gets(requests(), '/counts');
    expect(batches).to.have.length(1);
    expect(batches[0].url.searchParams.get('threads')!.split(',')).to.have.members([zero, one, three]);
    await expect(box).to.be.accessible();
  });

  it('uses Intl plural rules in English', async () => {
    const [zero, one, two] = [newThread('e'), newThread('e'), newThread('e')];
    await seed(api(), one, 1);
    await seed(api(), two, 2);
    const box = await fixture(
      html`<div lang="en">
        <news-comment-count thread=${zero} api=${api().base}></news-comment-count>
        <news-comment-count thread=${one} api=${api().base}></news-comment-count>
        <news-comment-count thread=${two} api=${api().base}></news-comment-count>
      </div>`,
    );
    const counts = [...box.querySelectorAll('news-comment-count')];
    await waitUntil(() => counts.every((c) => !!$(c, 'a')));
    expect(counts.map(text)).to.deep.equal(['0 comments', '1 comment', '2 comments']);
  });

  it('batches per API base and encodes thread ids; an id the server cannot have fails alone', async () => {
    const other = new ServerApi();
    const slashed = `a/b:c.${newThread()}`;
    await seed(api(), slashed, 3);
    const errors: unknown[] = [];
    const box = await fixture(
      html`<div @news-error=${(e: CustomEvent) => errors.push(e.detail)}>
        <news-comment-count thread=${slashed} api=${api().base}></news-comment-count>
        <news-comment-count thread=${newThread()} api=${other.base}></news-comment-count>
        <news-comment-count thread=${`x,y ${newThread()}`} api=${api().base}></news-comment-count>
      </div>`,
    );
    const [first, second, third] = [...box.querySelectorAll('news-comment-count')];
    await waitUntil(() => !!$(first, 'a') && !!$(second, 'a') && !!$(third, 'a'));
    expect(text(first)).to.equal('3 bình luận');
    expect(text(second)).to.equal('0 bình luận');
    expect(text(third)).to.equal('Bình luận');
    expect(errors.map((e) => (e as { reason: string }).reason)).to.deep.equal(['shape']);
    // One request per API base; the odd id asked for nothing.
    const batches = gets(requests(), '/counts');
    expect(batches.map((b) => b.url.href.split('/counts')[0]).sort()).to.deep.equal([api().base, other.base].sort());
    const mine = batches.find((b) => b.url.href.startsWith(`${api().base}/`))!;
    expect(mine.url.search).to.include(encodeURIComponent(slashed));
    expect(mine.url.searchParams.get('threads')).to.equal(slashed);
  });

  it('falls back to plain "Bình luận" and fires news-error when the count cannot load', async () => {
    await api().fault({ kind: 'status', status: 503, times: 1 });
    const el = document.createElement('news-comment-count');
    el.thread = newThread();
    el.setAttribute('api', api().base);
    const error = oneEvent(el, 'news-error');
    document.body.append(el);
    const { detail } = await error;
    await el.updateComplete;
    expect(text(el)).to.equal('Bình luận');
    expect(detail).to.include({ widget: 'news-comment-count', reason: 'http', status: 503 });
    el.remove();
  });

  it('takes a known count without fetching', async () => {
    const asked = newThread('k');
    const box = await fixture(
      html`<div>
        <news-comment-count thread="x" api=${api().base} .count=${5}></news-comment-count>
        <news-comment-count thread=${asked} api=${api().base}></news-comment-count>
      </div>`,
    );
    const [known, fetched] = [...box.querySelectorAll('news-comment-count')];
    expect(text(known)).to.equal('5 bình luận');
    // The batch of that turn went out and came back: it asked only for the other thread.
    await waitUntil(() => !!$(fetched, 'a'));
    expect(gets(requests(), '/counts').map((r) => r.url.searchParams.get('threads'))).to.deep.equal([asked]);
  });
});
