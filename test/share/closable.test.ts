import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { closeBox, closeButton, isRememberedClosed } from '../../src/core/closable.js';
import '../../src/share/index.js';
import type { NewsShare } from '../../src/share/index.js';

const closeOf = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!;
/** The focused element, looking into shadow roots. */
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
const describe_ = (node: Element | null) => (node ? `${node.localName}#${node.id}` : 'null');
const isInside = (node: Element | null, host: Element) =>
  !!node && (host.contains(node) || host.shadowRoot!.contains(node));
// Closing hides the box at once; waiting keeps the tests independent of that timing.
const closed = (el: HTMLElement) => waitUntil(() => el.hidden, 'the box closes');
/** Clicks "Tắt" and waits until the box is hidden. */
async function clickClose(el: HTMLElement): Promise<void> {
  closeOf(el).click();
  await closed(el);
}
/** Clicks "Tắt" on a box whose news-close will be cancelled, and waits for that event. */
async function clickCancelledClose(el: HTMLElement): Promise<void> {
  const event = oneEvent(el, 'news-close');
  closeOf(el).click();
  expect((await event).defaultPrevented).to.equal(true);
}

/** A page with a focusable element before and after a closable box; `attrs` are extra attributes. */
async function page(
  attrs: Record<string, string> = {},
): Promise<{ before: HTMLButtonElement; el: NewsShare; after: HTMLAnchorElement }> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button id="before">Trước</button>
      <div id="slot"></div>
      <p>Đoạn văn <a id="after" href="#tiep">Đọc tiếp</a></p>
    </div>`,
  );
  const el = document.createElement('news-share');
  for (const [name, value] of Object.entries({
    lang: 'vi',
    closable: '',
    url: 'https://tin.example/a',
    networks: 'facebook,copy',
    ...attrs,
  })) {
    el.setAttribute(name, value);
  }
  wrapper.querySelector('#slot')!.append(el);
  await el.updateComplete;
  return { before: wrapper.querySelector('#before')!, el, after: wrapper.querySelector('#after')! };
}

describe('closable (Tắt [X])', () => {
  afterEach(() => sessionStorage.clear());

  it('renders "Tắt" with an X icon, named "Tắt hộp chia sẻ" (visible text inside the name)', async () => {
    const { el } = await page();
    const button = closeOf(el);
    expect(button.localName).to.equal('button');
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Tắt ✕');
    expect(button.querySelector('[aria-hidden=true]')!.textContent).to.equal('✕');
    expect(button.getAttribute('aria-label')).to.equal('Tắt hộp chia sẻ');
    expect(button.getAttribute('aria-label')!.startsWith('Tắt')).to.equal(true);
    expect(button.type).to.equal('button');
  });

  it('is absent without the closable attribute', async () => {
    const el = await fixture<NewsShare>(html`<news-share lang="vi"></news-share>`);
    expect(el.shadowRoot!.querySelector('[part=close]')).to.equal(null);
  });

  it('click fires a cancelable news-close {widget} and hides the box', async () => {
    const { el } = await page();
    setTimeout(() => closeOf(el).click());
    const event = await oneEvent(el, 'news-close');
    expect(event.detail).to.deep.equal({ widget: 'news-share' });
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    expect(el.hidden).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('preventDefault() keeps it open', async () => {
    const { el } = await page();
    el.addEventListener('news-close', (event) => event.preventDefault(), { once: true });
    await clickCancelledClose(el);
    expect(el.hidden).to.equal(false);
    expect(getComputedStyle(el).display).to.equal('block');
  });

  it('closes with Enter and with Space, and moves focus to the next focusable element after the box', async () => {
    for (const key of ['Enter', ' ']) {
      const { el, after } = await page();
      closeOf(el).focus();
      expect(deepActive() === closeOf(el), `focus on ${describe_(deepActive())}`).to.equal(true);
      await sendKeys({ press: key });
      await closed(el);
      expect(deepActive() === after, `focus on ${describe_(deepActive())}`).to.equal(true);
      expect(isInside(document.activeElement, el)).to.equal(false);
    }
  });

  it('sends focus to the focus-after target when given (made focusable if needed)', async () => {
    const target = document.createElement('h2');
    target.id = 'tiep-theo';
    target.textContent = 'Tin liên quan';
    document.body.append(target);
    try {
      const { el } = await page({ 'focus-after': 'tiep-theo' });
      closeOf(el).focus();
      await sendKeys({ press: 'Enter' });
      await closed(el);
      expect(document.activeElement === target, `focus on ${describe_(deepActive())}`).to.equal(true);
      expect(target.tabIndex).to.equal(-1);
    } finally {
      target.remove();
    }
  });

  it('falls back to the previous focusable element, then to <body>, never leaving focus on the hidden box', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="only">Trước</button><news-share lang="vi" closable networks="copy"></news-share></div>`,
    );
    const el = wrapper.querySelector('news-share')!;
    await el.updateComplete;
    closeOf(el).focus();
    await clickClose(el);
    expect(deepActive() === wrapper.querySelector('#only'), `focus on ${describe_(deepActive())}`).to.equal(true);

    wrapper.remove();
    const alone = await fixture<NewsShare>(html`<news-share lang="vi" closable networks="copy"></news-share>`);
    closeOf(alone).focus();
    expect(deepActive() === closeOf(alone), `focus on ${describe_(deepActive())}`).to.equal(true);
    await clickClose(alone);
    expect(document.activeElement === document.body, `focus on ${describe_(deepActive())}`).to.equal(true);
    expect(alone.shadowRoot!.activeElement === null).to.equal(true);
  });

  it('does not steal focus when the box was closed without focus inside', async () => {
    const { el, before } = await page();
    before.focus();
    closeBox(el);
    expect(el.hidden).to.equal(true);
    expect(document.activeElement === before, `focus on ${describe_(deepActive())}`).to.equal(true);
  });

  it('remember-close keeps it closed for the session, also for a re-created element', async () => {
    const first = await page({ 'remember-close': '' });
    await clickClose(first.el);
    expect(sessionStorage.getItem('news-widgets:closed:news-share')).to.equal('1');
    const second = await page({ 'remember-close': '' });
    expect(second.el.hidden).to.equal(true);
    expect(getComputedStyle(second.el).display).to.equal('none');
    // Without remember-close the close is not remembered.
    const third = await page();
    expect(third.el.hidden).to.equal(false);
  });

  it('does not remember when remember-close is absent, and keys by its value when given', async () => {
    const { el } = await page();
    await clickClose(el);
    expect(sessionStorage.length).to.equal(0);
    const keyed = await page({ 'remember-close': 'khuyen-mai' });
    await clickClose(keyed.el);
    expect(sessionStorage.getItem('news-widgets:closed:khuyen-mai')).to.equal('1');
    expect((await page({ 'remember-close': '' })).el.hidden).to.equal(false);
    expect((await page({ 'remember-close': 'khuyen-mai' })).el.hidden).to.equal(true);
  });

  it('a cancelled close is not remembered', async () => {
    const { el } = await page({ 'remember-close': '' });
    el.addEventListener('news-close', (event) => event.preventDefault());
    await clickCancelledClose(el);
    expect(el.hidden).to.equal(false);
    expect(sessionStorage.length).to.equal(0);
    expect(isRememberedClosed(el)).to.equal(false);
  });

  it('has no axe violations after closing (page around it) and in English', async () => {
    const { el } = await page();
    await clickClose(el);
    await expect(el.parentElement!.parentElement!).to.be.accessible();
    const en = await fixture<NewsShare>(html`<news-share lang="en" closable networks="copy"></news-share>`);
    expect(closeOf(en).textContent!.trim()).to.match(/^Close/);
    expect(closeOf(en).getAttribute('aria-label')).to.equal('Close share box');
    await expect(en).to.be.accessible();
  });
});

// The API as another widget uses it: a closable form inside a shadow root, with its own hide().
class ClosableProbe extends LitElement {
  open = true;
  override render() {
    return this.open ? html`<form>${closeButton(() => {})}</form>` : html``;
  }
}
customElements.define('test-closable-probe', ClosableProbe);

describe('closable API (custom hide and focus)', () => {
  it('uses the given hide() and focus target, with the given widget name', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><button id="write">Viết bình luận</button><test-closable-probe></test-closable-probe></div>`,
    );
    const probe = wrapper.querySelector<ClosableProbe>('test-closable-probe')!;
    await probe.updateComplete;
    const write = wrapper.querySelector<HTMLButtonElement>('#write')!;
    const button = probe.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!;
    expect(button.textContent!.trim()).to.equal('Tắt ✕');
    expect(button.getAttribute('aria-label')).to.equal('Tắt');
    button.focus();
    const events: CustomEvent[] = [];
    wrapper.addEventListener('news-close', (event) => events.push(event as CustomEvent));
    expect(
      closeBox(probe, { widget: 'test-form', hide: () => ((probe.open = false), probe.requestUpdate()), focus: write }),
    ).to.equal(true);
    await probe.updateComplete;
    expect(events.map((event) => event.detail)).to.deep.equal([{ widget: 'test-form' }]);
    expect(probe.hidden).to.equal(false);
    expect(probe.shadowRoot!.querySelector('form')).to.equal(null);
    expect(document.activeElement === write, `focus on ${describe_(deepActive())}`).to.equal(true);
  });
});
