/**
 * The desk's live queue against the real server: a reader's new comment appears in the open
 * desk by itself, with the pending count in the tab title; a comment another editor handled
 * leaves the list; and an editor acting on a comment another one handled first (before the live
 * event could remove it) gets "đã được xử lý" and the server keeps the first decision.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { watchEventSources } from '../support/event-sources.js';
import { waitUntil } from '../support/wait.js';
import '../../src/moderation/index.js';
import type { NewsModeration, QueueItem } from '../../src/moderation/index.js';
import { ServerApi } from '../support/server-api.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const items = (el: Element) => $$(el, 'article.item');
const names = (el: Element) => items(el).map((i) => i.querySelector('.name, strong')?.textContent?.trim());
const bodies = (el: Element) => items(el).map((i) => i.textContent ?? '');
const THREAD = 'bai-viet/truc-tiep';

describe('<news-moderation> live queue', function () {
  this.timeout(20000);
  let api: ServerApi;
  const title = document.title;
  const sources = watchEventSources();

  const post = async (name: string, body: string) => {
    const r = await api.post(THREAD, { name, body });
    return r.json.id!;
  };

  beforeEach(async () => {
    document.documentElement.lang = 'vi';
    document.title = 'Kiểm duyệt';
    api = new ServerApi();
  });
  afterEach(() => {
    document.title = title;
  });

  async function mount(): Promise<NewsModeration> {
    await api.signIn('Hà Phương'); // the desk mounted now starts signed in (its session cookie)
    const el = await fixture<NewsModeration>(html`<news-moderation api=${api.base}></news-moderation>`);
    return el;
  }

  it('a new pending comment appears by itself; the tab title counts; another editor’s approval removes one', async () => {
    const first = await post('Độc giả 1', 'Có từ trước');
    const el = await mount();
    await waitUntil(() => items(el).length === 1, 'queue not loaded');
    await waitUntil(() => document.title === '(1) Kiểm duyệt', `title: ${document.title}`);
    await waitUntil(() => sources().some((s) => s.readyState === EventSource.OPEN), 'desk stream not open');
    expect(sources()[0]!.url).to.match(/\/moderation\/events\?ticket=[\w.-]+$/); // a ticket, never the token
    await post('Độc giả 2', 'Vừa gửi xong');
    await waitUntil(() => items(el).length === 2, 'new pending comment did not appear');
    expect(bodies(el)[1]).to.contain('Vừa gửi xong');
    await waitUntil(() => document.title === '(2) Kiểm duyệt', `title: ${document.title}`);
    await waitUntil(() => $(el, '.count[data-count=pending]')!.textContent!.trim() === '2', 'pending count');
    await expect(el).to.be.accessible();

    // Another editor approves the first one through the API: it leaves this desk's list.
    await api.moderate(`/comments/${encodeURIComponent(first)}/approve`, {});
    await waitUntil(() => items(el).length === 1, 'handled comment still listed');
    expect(bodies(el)[0]).to.contain('Vừa gửi xong');
    await waitUntil(() => document.title === '(1) Kiểm duyệt', `title: ${document.title}`);
    expect($(el, '[role=status]')!.textContent).to.contain('xử lý');
    expect(names(el)).to.have.length(1);
  });

  it('a second editor acting on a handled comment is told "đã được xử lý"; the first decision stands', async () => {
    const id = await post('Độc giả 3', 'Hai người cùng duyệt');
    // This desk hears nothing live (its stream cannot connect), as in the moment before the
    // other editor's action reaches it.
    await api.fault({ kind: 'status', status: 503, path: '/moderation/events' });
    const el = await mount();
    await waitUntil(() => items(el).length === 1, 'queue not loaded');
    await api.moderate(`/comments/${encodeURIComponent(id)}/reject`, {}); // the other editor
    const item = items(el)[0]!;
    item.querySelector<HTMLButtonElement>('button[data-action=approve]')!.click();
    await waitUntil(() => items(el).length === 0, 'handled comment still listed');
    expect($(el, '[role=status]')!.textContent).to.contain('đã được xử lý');
    const rejected = await api.moderate<{ items: QueueItem[] }>('/queue?status=rejected');
    expect(rejected.items.map((i) => i.id)).to.deep.equal([id]);
    await expect(el).to.be.accessible();
  });
});
