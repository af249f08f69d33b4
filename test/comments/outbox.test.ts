import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/comments/index.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import {
  flushOutbox,
  loadDraft,
  loadOutbox,
  loadPending,
  outboxEvents,
  resetOutboxForTests,
  retryDelays,
  submit,
} from '../../src/comments/outbox.js';
import { FAKE_BASE } from './fake-api.js';
import { $, newThread, type, useFakeApi } from './helpers.js';

const nextResult = () =>
  new Promise<void>((done) => outboxEvents.addEventListener('result', () => done(), { once: true }));

describe('outbox', () => {
  const api = useFakeApi();

  it('backs off 1, 2, 4, 8, 16, then 30 s, keeping one Idempotency-Key', async () => {
    api().failNext = 100;
    const thread = newThread('o');
    const { entry, result } = submit(FAKE_BASE, thread, { name: 'A', body: 'B' });
    expect((await result).kind).to.equal('retry');
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const [stored] = loadOutbox();
      delays.push(Math.round((stored.nextAt - Date.now()) / 1000));
      const next = nextResult();
      flushOutbox();
      await next;
    }
    expect(delays).to.deep.equal([1, 2, 4, 8, 16, 30, 30]);
    expect(loadOutbox()[0].attempts).to.equal(8);
    expect(
      new Set(
        api()
          .posts()
          .map((p) => p.headers.get('idempotency-key')),
      ),
    ).to.deep.equal(new Set([entry.key]));
  });

  it('puts a refused comment back into an empty draft, never losing it', async () => {
    const thread = newThread('o');
    api().forceInvalid = { code: 'invalid_input', message: 'no', field: 'body' };
    const { result } = submit(FAKE_BASE, thread, { name: 'An', body: 'Giữ lại tôi', parentId: 'c9' });
    expect((await result).kind).to.equal('invalid');
    expect(loadDraft(thread, 'c9')).to.deep.equal({ name: 'An', body: 'Giữ lại tôi' });
    expect(loadOutbox()).to.have.length(0);
  });

  it('sends a comment queued on an earlier visit by itself, with only the list on the page', async () => {
    const thread = newThread('o');
    api().offline = true;
    retryDelays.base = 60;
    await submit(FAKE_BASE, thread, { name: 'Hà', body: 'Gửi lại sau' }).result;
    expect(loadOutbox()).to.have.length(1);
    // "Reload": the in-memory outbox state is gone, the stored entry stays.
    resetOutboxForTests();
    api().offline = false;
    await fixture(html`<news-comment-list thread=${thread} api=${FAKE_BASE}></news-comment-list>`);
    await waitUntil(() => api().comments.some((c) => c.thread === thread && c.body === 'Gửi lại sau'), 'not sent');
    await waitUntil(() => loadOutbox().length === 0 && loadPending(thread).length === 1);
  });

  it('keeps working when localStorage throws (private mode, full quota)', async () => {
    const thread = newThread('o');
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const el = await fixture<NewsCommentForm>(
        html`<news-comment-form thread=${thread} api=${FAKE_BASE} loading="eager"></news-comment-form>`,
      );
      type($<HTMLInputElement>(el, '#name')!, 'Riêng tư');
      type($<HTMLTextAreaElement>(el, '#body')!, 'Chế độ ẩn danh');
      expect(loadDraft(thread)).to.deep.equal({ name: 'Riêng tư', body: 'Chế độ ẩn danh' });
      $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await waitUntil(() => $(el, '[role="status"]')!.textContent === 'Đã gửi. Bình luận của bạn đang chờ duyệt.');
      expect(loadPending(thread)).to.have.length(1);
      expect(localStorage.getItem(`news-widgets:pending:${thread}`)).to.equal(null);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
