/**
 * The desk's "Bị báo cáo" tab against the real server: readers' reports (sent here through the
 * reader API, as the report dialog does) appear with reasons and counts; the editor keeps or
 * removes, and the moderation log and the readers' thread show the decision.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../support/wait.js';
import '../../src/moderation/index.js';
import { loadList } from '../../src/comments/loader.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import type { NewsModeration } from '../../src/moderation/index.js';
import { ServerApi } from '../support/server-api.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

const ARTICLE = {
  id: 'gia-vang-tang-manh-2026',
  url: 'https://tinhnha.example/kinh-te/gia-vang-tang-manh-2026.html',
  title: 'Giá vàng tăng mạnh cuối tuần',
};

async function report(api: ServerApi, id: string, body: { reason: string; text?: string }) {
  const response = await fetch(`${api.base}/comments/${encodeURIComponent(id)}/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).to.equal(202);
}

describe('<news-moderation>: the "Bị báo cáo" queue', function () {
  this.timeout(20000);
  let api: ServerApi;
  let spam: string;
  let rude: string;

  beforeEach(async () => {
    document.documentElement.lang = 'vi';
    api = new ServerApi();
    await api.articles(ARTICLE);
    rude = await api.approved(ARTICLE.id, { name: 'Anh Tuấn', body: 'Ý kiến nặng lời' });
    spam = await api.approved(ARTICLE.id, { name: 'Shop Giá Rẻ', body: 'Mua vàng giá rẻ tại ...' });
    await api.approved(ARTICLE.id, { name: 'Chị Mai', body: 'Bài viết hữu ích' });
    await report(api, rude, { reason: 'abuse', text: 'Xúc phạm người khác' });
    await report(api, spam, { reason: 'spam' });
  });

  async function openReported(count = 2) {
    await api.signIn('Hà Phương'); // the desk mounted now starts signed in (its session cookie)
    const el = await fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);
    await waitUntil(() => $(el, '.count[data-count=reported]')?.textContent?.trim() === String(count), 'tab count');
    const tab = $<HTMLButtonElement>(el, '.tabs button[data-view=reported]')!;
    expect(text(tab)).to.equal(`Bị báo cáo ${count}`);
    tab.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!$(el, 'news-reported-queue')?.shadowRoot?.querySelector('article'), 'queue shown');
    return { el, queue: $(el, 'news-reported-queue')! };
  }
  const items = (queue: Element) => $$(queue, 'article.item');

  it("lists reported comments, the first reported first, with reasons, counts and readers' words; accessible", async () => {
    const { el, queue } = await openReported();
    expect(items(queue).map((a) => a.dataset.id)).to.deep.equal([rude, spam]);
    const first = items(queue)[0]!;
    expect(text(first.querySelector('.name'))).to.equal('Anh Tuấn');
    expect(text(first.querySelector('.body'))).to.equal('Ý kiến nặng lời');
    expect(text(first.querySelector('.reports strong'))).to.equal('1 báo cáo');
    expect([...first.querySelectorAll('[data-reason]')].map((r) => text(r))).to.deep.equal(['Xúc phạm: 1']);
    expect([...first.querySelectorAll('.notes li')].map((r) => text(r))).to.deep.equal(['Xúc phạm người khác']);
    expect(text(first.querySelector('.context a'))).to.equal(ARTICLE.title);
    expect([...items(queue)[1]!.querySelectorAll('[data-reason]')].map((r) => text(r))).to.deep.equal([
      'Spam, quảng cáo: 1',
    ]);
    await expect(el).to.be.accessible();
  });

  it('keep clears the reports, remove rejects the comment; both logged, the tab count follows', async () => {
    const { el, queue } = await openReported();
    // Keep, by keyboard.
    items(queue)[0]!.querySelector<HTMLButtonElement>('[data-action=keep]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => items(queue).length === 1, 'kept comment left the queue');
    expect(text($(queue, '[role=status]'))).to.equal('Đã giữ lại bình luận của Anh Tuấn.');
    expect(text($(el, '.count[data-count=reported]'))).to.equal('1');
    // Focus moved on to the next reported comment.
    expect(deepActive()).to.equal(items(queue)[0]);
    items(queue)[0]!.querySelector<HTMLButtonElement>('[data-action=remove]')!.click();
    await waitUntil(() => items(queue).length === 0, 'removed comment left the queue');
    expect(text($(queue, '.empty'))).to.equal('Không có bình luận nào bị báo cáo.');
    expect(text($(el, '.count[data-count=reported]'))).to.equal('0');
    await expect(el).to.be.accessible();

    // The server holds both decisions: the log, the queue and what readers see.
    const log = await api.moderate<{ items: { action: string; commentId: string; actor: string }[] }>('/log');
    expect(log.items.slice(0, 2).map((e) => [e.action, e.commentId, e.actor])).to.deep.equal([
      ['remove', spam, 'Hà Phương'],
      ['keep', rude, 'Hà Phương'],
    ]);
    expect((await api.moderate<{ items: unknown[] }>('/reported')).items).to.deep.equal([]);
    const thread = (await (await fetch(`${api.base}/threads/${ARTICLE.id}/comments?limit=50`)).json()) as {
      items: { id: string }[];
    };
    expect(thread.items.map((i) => i.id))
      .to.include(rude)
      .and.not.include(spam);
    // The log tab shows them too.
    $<HTMLButtonElement>(el, '.tabs button[data-view=log]')!.click();
    await waitUntil(() => $$(el, 'table.log tbody tr').length >= 2, 'log shown');
    expect(
      $$(el, 'table.log tbody tr')
        .slice(0, 2)
        .map((row) => text(row.children[2] as Element)),
    ).to.deep.equal(['remove', 'keep']);
  });

  it("from the reader's dialog to the desk: reported by keyboard, then removed by the editor", async () => {
    await loadList();
    const reader = await fixture<NewsCommentList>(
      html`<news-comment-list thread=${ARTICLE.id} api=${api.base} loading="eager"></news-comment-list>`,
    );
    const mai = await waitUntil(() => !!$(reader, '[data-report]')).then(() =>
      $$(reader, 'article[part~=comment]').find((a) => text(a.querySelector('[part~=comment-name]')) === 'Chị Mai')!,
    );
    const trigger = mai.querySelector<HTMLButtonElement>('[data-report]')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.getAttribute('value') === 'spam', 'dialog open on the first reason');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()?.getAttribute('value')).to.equal('off_topic');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Không liên quan bài viết' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === trigger, 'focus back on "Báo vi phạm"');
    reader.remove();

    const { queue } = await openReported(3);
    await waitUntil(() => items(queue).length === 3);
    const reported = items(queue)[2]!;
    expect(text(reported.querySelector('.name'))).to.equal('Chị Mai');
    expect([...reported.querySelectorAll('[data-reason]')].map((r) => text(r))).to.deep.equal(['Lạc đề: 1']);
    expect([...reported.querySelectorAll('.notes li')].map((r) => text(r))).to.deep.equal(['Không liên quan bài viết']);
    reported.querySelector<HTMLButtonElement>('[data-action=remove]')!.click();
    await waitUntil(() => items(queue).length === 2, 'removed');
    const thread = (await (await fetch(`${api.base}/threads/${ARTICLE.id}/comments?limit=49`)).json()) as {
      items: { name: string }[];
    };
    expect(thread.items.map((i) => i.name)).to.not.include('Chị Mai');
  });
});
