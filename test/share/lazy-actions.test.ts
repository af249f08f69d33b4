import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import type { NewsShare } from '../../src/share/index.js';

// Import on interaction: copy, native share and close live in src/share/share-actions.ts, which
// must not be fetched while the reader only reads, and must be fetched as soon as they show intent.
// Each test loads the widget in a fresh iframe (its own module map and resource timeline), so one
// test's load cannot hide another's. The test server serves source modules unbundled, so the
// chunk's request is the module URL containing `share-actions`.

const CHUNK = 'share-actions';

interface Frame {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  el: NewsShare;
  fetched: () => string[];
}

async function frame(): Promise<Frame> {
  await sendMouse({ type: 'move', position: [5, 5] }); // Away from where the frame will be.
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="padding:40px 0 0 200px">
      <iframe title="share" style="width:500px;height:240px;border:0"></iframe>
    </div>`,
  );
  const iframe = wrapper.querySelector('iframe')!;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.srcdoc = `<!doctype html><html lang="vi"><body style="margin:0">
<script type="module" src="/src/share/index.ts"></script>
<news-share closable url="https://tin.example/a" networks="facebook,copy"></news-share></body></html>`;
  await loaded;
  const win = iframe.contentWindow as Window & typeof globalThis;
  await waitUntil(() => win.customElements.get('news-share'), 'news-share defined in the frame', { timeout: 5000 });
  const el = win.document.querySelector('news-share') as NewsShare;
  await el.updateComplete;
  const fetched = () =>
    win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.includes(CHUNK));
  return { frame: iframe, win, el, fetched };
}

/** Asserts the chunk is not requested while the widget is only displayed, even after a while. */
async function expectNotFetched(f: Frame): Promise<void> {
  // Sanity check: this frame's timeline does record the widget's own modules.
  expect(
    f.win.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/share/news-share.')),
  ).to.equal(true);
  expect(f.fetched()).to.deep.equal([]);
  await aTimeout(300);
  expect(f.fetched()).to.deep.equal([]);
}

describe('<news-share> import on interaction', () => {
  afterEach(() => resetMouse());

  it('fetches the actions chunk only once the pointer enters the box', async () => {
    const f = await frame();
    await expectNotFetched(f);
    const box = f.frame.getBoundingClientRect();
    const rect = f.el.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.left + rect.left + 20), Math.round(box.top + rect.top + 10)],
    });
    await waitUntil(() => f.fetched().length === 1, 'chunk fetched after pointerenter');
  });

  it('fetches it when focus moves into the box, and then the copy button works', async () => {
    const f = await frame();
    await expectNotFetched(f);
    let copied = '';
    Object.defineProperty(f.win.navigator, 'clipboard', {
      value: { writeText: async (text: string) => void (copied = text) },
      configurable: true,
    });
    const copy = f.el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=copy]')!;
    f.win.focus();
    copy.focus();
    await waitUntil(() => f.fetched().length === 1, 'chunk fetched after focusin');
    copy.click();
    await waitUntil(
      () => f.el.shadowRoot!.querySelector('[role=status]')!.textContent === 'Đã sao chép liên kết',
      'copied status',
    );
    expect(copied).to.equal('https://tin.example/a');
  });

  it('fetches it on touchstart, and a click before it has loaded still closes the box', async () => {
    const f = await frame();
    await expectNotFetched(f);
    f.el
      .shadowRoot!.querySelector('a')!
      .dispatchEvent(new f.win.Event('touchstart', { bubbles: true, composed: true }));
    await waitUntil(() => f.fetched().length === 1, 'chunk fetched after touchstart');

    // No intent at all (e.g. a screen reader's virtual click): the click itself loads the chunk.
    const g = await frame();
    await expectNotFetched(g);
    g.el.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!.click();
    await waitUntil(() => g.el.hidden, 'closed after the chunk loaded');
    expect(g.fetched().length).to.equal(1);
  });
});
