import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comments/index.js';
import type { NewsCommentCount } from '../../src/comments/news-comment-count.js';
import { FAKE_BASE } from './fake-api.js';
import { $, newThread, useFakeApi } from './helpers.js';

describe('<news-comment-count>', () => {
  const api = useFakeApi();
  const text = (el: Element) => el.shadowRoot!.textContent!.trim();

  it('shows "N bình luận" in Vietnamese for 0, 1 and 12, linking to #comments', async () => {
    const [zero, one, twelve] = [newThread('c'), newThread('c'), newThread('c')];
    api().seed(one, 1);
    api().seed(twelve, 10, 0);
    const top = api().add(twelve);
    api().add(twelve, { parentId: top.id });
    const box = await fixture(
      html`<div>
        <news-comment-count thread=${zero} api=${FAKE_BASE}></news-comment-count>
        <news-comment-count thread=${one} api=${FAKE_BASE}></news-comment-count>
        <news-comment-count thread=${twelve} api=${FAKE_BASE} href="/bai-viet#binh-luan"></news-comment-count>
      </div>`,
    );
    const counts = [...box.querySelectorAll<NewsCommentCount>('news-comment-count')];
    await waitUntil(() => counts.every((c) => !!$(c, 'a')));
    expect(counts.map(text)).to.deep.equal(['0 bình luận', '1 bình luận', '12 bình luận']);
    expect($(counts[0], 'a')!.getAttribute('href')).to.equal('#comments');
    expect($(counts[2], 'a')!.getAttribute('href')).to.equal('/bai-viet#binh-luan');
    // One batched request for all three.
    const batches = api().gets('/counts');
    expect(batches).to.have.length(1);
    expect(batches[0].url.searchParams.get('threads')!.split(',')).to.have.members([zero, one, twelve]);
    await expect(box).to.be.accessible();
  });

  it('uses Intl plural rules in English', async () => {
    const [zero, one, two] = [newThread('e'), newThread('e'), newThread('e')];
    api().seed(one, 1);
    api().seed(two, 2);
    const box = await fixture(
      html`<div lang="en">
        <news-comment-count thread=${zero} api=${FAKE_BASE}></news-comment-count>
        <news-comment-count thread=${one} api=${FAKE_BASE}></news-comment-count>
        <news-comment-count thread=${two} api=${FAKE_BASE}></news-comment-count>
      </div>`,
    );
    const counts = [...box.querySelectorAll('news-comment-count')];
    await waitUntil(() => counts.every((c) => !!$(c, 'a')));
    expect(counts.map(text)).to.deep.equal(['0 comments', '1 comment', '2 comments']);
  });

  it('batches per API base and encodes odd thread ids; an id with a comma asks on its own', async () => {
    const other = 'https://api.test/other';
    const odd = `a b&c/%é?${newThread()}`;
    const comma = `x,y-${newThread()}`;
    api().seed(comma, 2);
    api().seed(odd, 3);
    const box = await fixture(
      html`<div>
        <news-comment-count thread=${odd} api=${FAKE_BASE}></news-comment-count>
        <news-comment-count thread=${newThread()} api=${other}></news-comment-count>
        <news-comment-count thread=${comma} api=${FAKE_BASE}></news-comment-count>
      </div>`,
    );
    const [first, , third] = [...box.querySelectorAll('news-comment-count')];
    await waitUntil(() => !!$(first, 'a') && !!$(third, 'a'));
    expect(text(first)).to.equal('3 bình luận');
    expect(text(third)).to.equal('2 bình luận');
    expect(api().gets('/counts')).to.have.length(1);
    expect(api().gets('/counts')[0].url.search).to.include(encodeURIComponent(odd));
  });

  it('falls back to plain "Bình luận" and fires news-error when the count cannot load', async () => {
    api().failNext = 1;
    const el = document.createElement('news-comment-count');
    el.thread = newThread();
    el.setAttribute('api', FAKE_BASE);
    const errors: unknown[] = [];
    el.addEventListener('news-error', (e) => errors.push(e.detail));
    document.body.append(el);
    await waitUntil(() => errors.length === 1);
    await el.updateComplete;
    expect(text(el)).to.equal('Bình luận');
    expect(errors[0]).to.include({ widget: 'news-comment-count', reason: 'http' });
    el.remove();
  });

  it('takes a known count without fetching', async () => {
    const el = await fixture<NewsCommentCount>(
      html`<news-comment-count thread="x" api=${FAKE_BASE} .count=${5}></news-comment-count>`,
    );
    expect(text(el)).to.equal('5 bình luận');
    await new Promise((r) => setTimeout(r, 20));
    expect(api().requests).to.have.length(0);
  });
});
