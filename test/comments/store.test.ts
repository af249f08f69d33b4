import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import { CommentStore, sharedCommentStore, type StoreResultDetail } from '../../src/comments/comment-store.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import { $, newThread, posts, spyRequests, text, type, useServer } from './helpers.js';

const nextResult = (store: CommentStore) =>
  oneEvent(store as unknown as HTMLElement, 'result' as keyof HTMLElementEventMap) as unknown as Promise<
    CustomEvent<StoreResultDetail>
  >;

describe('CommentStore', () => {
  const api = useServer();
  const requests = spyRequests();
  let stores: CommentStore[] = [];
  before(() => sharedCommentStore().stop());
  after(() => sharedCommentStore().start());
  afterEach(() => {
    stores.forEach((store) => store.stop());
    stores = [];
  });
  const newStore = (options: ConstructorParameters<typeof CommentStore>[0] = {}) => {
    const store = new CommentStore(options);
    stores.push(store);
    return store;
  };

  it('backs off 1, 2, 4, 8, 16, then 30 s, keeping one Idempotency-Key', async () => {
    await api().fault({ kind: 'status', status: 503, method: 'POST' });
    const store = newStore();
    const { entry, result } = store.submit(api().base, newThread('o'), { name: 'A', body: 'B' });
    expect((await result).kind).to.equal('retry');
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const [stored] = store.outbox();
      delays.push(Math.round((stored.nextAt - Date.now()) / 1000));
      const next = nextResult(store);
      store.flush();
      await next;
    }
    expect(delays).to.deep.equal([1, 2, 4, 8, 16, 30, 30]);
    expect(store.outbox()[0].attempts).to.equal(8);
    expect(new Set(posts(requests()).map((p) => p.headers.get('idempotency-key')))).to.deep.equal(new Set([entry.key]));
  });

  it('files the comment before any answer, and puts a refused one back into an empty draft', async () => {
    const thread = newThread('o');
    const store = newStore();
    const parent = await api().approved(thread, { name: 'Gốc', body: 'x' });
    await api().closeThread(thread);
    const { result } = store.submit(api().base, thread, { name: 'An', body: 'Giữ lại tôi', parentId: parent });
    expect(store.outbox().map((e) => e.post.body)).to.deep.equal(['Giữ lại tôi']);
    expect((await result).kind).to.equal('closed');
    expect(store.draft(thread, parent)).to.deep.equal({ name: 'An', body: 'Giữ lại tôi' });
    expect(store.outbox()).to.have.length(0);
  });

  it('sends a comment queued on an earlier visit by itself, with only the list on the page', async () => {
    const thread = newThread('o');
    await api().fault({ kind: 'network', method: 'POST' });
    const earlier = newStore({ retry: { base: 60_000, max: 60_000 } });
    await earlier.submit(api().base, thread, { name: 'Hà', body: 'Gửi lại sau' }).result;
    expect(earlier.outbox()).to.have.length(1);
    // "Reload": that page's store is gone; the stored entry stays.
    earlier.stop();
    await api().clearFaults();
    const store = newStore({ retry: { base: 50, max: 50 } });
    await fixture(html`<news-comment-list thread=${thread} api=${api().base} .store=${store}></news-comment-list>`);
    await waitUntil(() => store.outbox().length === 0 && store.pending(thread).length === 1, 'not sent');
    expect((await api().pending()).map((c) => c.body)).to.deep.equal(['Gửi lại sau']);
  });

  it('keeps working when localStorage throws (private mode, full quota)', async () => {
    const thread = newThread('o');
    const store = newStore();
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const el = await fixture<NewsCommentForm>(
        html`<news-comment-form thread=${thread} api=${api().base} .store=${store}></news-comment-form>`,
      );
      type($<HTMLInputElement>(el, '#name')!, 'Riêng tư');
      type($<HTMLTextAreaElement>(el, '#body')!, 'Chế độ ẩn danh');
      expect(store.draft(thread)).to.deep.equal({ name: 'Riêng tư', body: 'Chế độ ẩn danh' });
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await waitUntil(() => text($(el, '[role="status"]')) === 'Đã gửi. Bình luận của bạn đang chờ duyệt.');
      expect(store.pending(thread)).to.have.length(1);
      expect(localStorage.getItem(`news-widgets:pending:${thread}`)).to.equal(null);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
