/**
 * Comments on a page whose API, on another origin, refuses it (`ALLOWED_ORIGINS` unset): the
 * heading never stays a skeleton, an online reader is never told they are offline, and the
 * comment stays in the outbox, tried again with back-off. The real server under another origin.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/comments/index.js';
import { CommentStore } from '../../src/comments/comment-store.js';
import type { NewsCommentForm } from '../../src/comments/news-comment-form.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import { ServerApi } from '../support/server-api.js';
import { refusingApi, spyKitWarnings } from '../support/cross-origin.js';
import { waitUntil } from '../support/wait.js';
import { $, newThread, text, type, useServer } from './helpers.js';

describe('comments, API refusing the page', () => {
  const api = useServer();
  const warnings = spyKitWarnings();
  const headingText = (el: Element) =>
    $(el, '[part~="heading"]')!.querySelector('news-comment-count')!.shadowRoot!.textContent!.trim();
  const skeleton = (el: Element) =>
    !!$(el, '[part~="heading"]')!.querySelector('news-comment-count')!.shadowRoot!.querySelector('.skeleton-line');

  it('shows the heading "Bình luận" without a number (not a skeleton), accessible, and warns once', async () => {
    const refusing = refusingApi();
    const el = await fixture<NewsComments>(
      html`<news-comments thread=${newThread('x')} api=${refusing.base} loading="eager"></news-comments>`,
    );
    await waitUntil(() => !skeleton(el), 'the heading leaves its skeleton', { timeout: 10000 });
    expect(headingText(el)).to.equal('Bình luận');
    expect(warnings()).to.have.length(1);
    expect(warnings()[0]).to.contain('ALLOWED_ORIGINS');
    await expect(el).to.be.accessible();
  });

  it('shows "Comments" in English when the first page fails on the same origin (503 to every request)', async () => {
    await api().fault({ kind: 'status', status: 503 });
    const el = await fixture<NewsComments>(
      html`<news-comments lang="en" thread=${newThread('x')} api=${api().base} loading="eager"></news-comments>`,
    );
    await waitUntil(() => !skeleton(el), 'the heading leaves its skeleton', { timeout: 10000 });
    expect(headingText(el)).to.equal('Comments');
    // Same origin: not a CORS refusal, nothing to warn about.
    expect(warnings()).to.deep.equal([]);
  });

  it('an online reader reads "Chưa gửi được, sẽ thử lại", never "Sẽ gửi khi có mạng"; the comment stays queued and is tried again with back-off', async () => {
    const refusing = refusingApi();
    const thread = newThread('x');
    const store = new CommentStore({ retry: { base: 200, max: 800 } });
    const form = await fixture<NewsCommentForm>(
      html`<news-comment-form thread=${thread} api=${refusing.base} .store=${store}></news-comment-form>`,
    );
    // The wait before each next try, as filed after each failed one.
    const delays: number[] = [];
    store.addEventListener('result', () => {
      const queued = store.outbox().find((entry) => entry.thread === thread);
      if (queued) delays.push(queued.nextAt - Date.now());
    });
    try {
      type($<HTMLInputElement>(form, '#name')!, 'Độc giả');
      type($<HTMLTextAreaElement>(form, '#body')!, 'Bình luận gửi sang máy chủ khác');
      $<HTMLButtonElement>(form, '[part~="submit"]')!.click();
      const status = () => text($(form, '[part~="status"]'));
      await waitUntil(() => status() === 'Chưa gửi được, sẽ thử lại', 'the retry message', { timeout: 10000 });
      expect(navigator.onLine).to.equal(true);

      const queued = () => store.outbox().filter((entry) => entry.thread === thread);
      expect(queued().map((entry) => entry.post.body)).to.deep.equal(['Bình luận gửi sang máy chủ khác']);
      // The outbox in localStorage holds it too: a reload would send it again.
      expect(localStorage.getItem('news-widgets:outbox')).to.contain('Bình luận gửi sang máy chủ khác');
      // Tried again by itself, waiting longer each time (200, 400, 800 ms …).
      await waitUntil(() => (queued()[0]?.attempts ?? 0) >= 3, 'three tries', { timeout: 10000 });
      expect(delays.length).to.be.at.least(3);
      expect(delays[1]).to.be.greaterThan(delays[0] + 100);
      expect(delays[2]).to.be.greaterThan(delays[1] + 200);
      expect(status()).to.equal('Chưa gửi được, sẽ thử lại');
      expect(warnings()).to.have.length(1);
      // The server never received it; the reader's text was never lost.
      expect(await new ServerApi(refusing.sameOrigin.split('/__api/')[1]).pending()).to.deep.equal([]);
      await expect(form).to.be.accessible();
    } finally {
      store.stop();
      localStorage.removeItem('news-widgets:outbox');
    }
  });
});
