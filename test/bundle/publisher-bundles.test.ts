/**
 * The built publisher files (dist/cdn, made by `npm run build`, which `npm test` runs first),
 * loaded the way publishers load them, in pages of their own.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';

interface ProbeWindow extends Window {
  __violations: string[];
  __errors: string[];
  __trustedTypesEnforced: boolean;
  __newsErrors: unknown[];
}

/** Waits for a widget in the page; on failure says what the page saw (CI machines are slow). */
async function rendered(win: ProbeWindow, what: string, check: () => boolean) {
  try {
    await waitUntil(check, what, { timeout: 20000 });
  } catch {
    throw new Error(
      `${what} timed out; news-error events: ${JSON.stringify(win.__newsErrors)}; errors: ${JSON.stringify(win.__errors)}`,
    );
  }
}

async function openPage(url: string): Promise<ProbeWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1000px;height:3000px';
  frame.src = url;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as ProbeWindow;
}

const shadow = (win: Window, selector: string) => win.document.querySelector(selector)?.shadowRoot ?? null;

describe('publisher bundles', function () {
  this.timeout(90000);
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('render every widget under a strict CSP with Trusted Types enforced, with no violation', async () => {
    const win = await openPage('/__fixture/csp?page=/test/fixtures/pages/csp.html');
    expect(win.__trustedTypesEnforced, 'the page really enforces Trusted Types').to.equal(true);
    await rendered(
      win,
      'related list rendered',
      () => (shadow(win, 'news-related')?.querySelectorAll('[part~="item"]:not([part~="skeleton"])').length ?? 0) > 0,
    );
    await rendered(
      win,
      'most-read list rendered',
      () => (shadow(win, 'news-most-read')?.querySelectorAll('[part~="item"]:not([part~="skeleton"])').length ?? 0) > 0,
    );
    await rendered(
      win,
      'share links rendered',
      () => (shadow(win, 'news-share')?.querySelectorAll('a[href]').length ?? 0) > 0,
    );
    // The comment list renders the publisher template and an editor's HTML body: both need DOMPurify under TT.
    const commentsText = () => {
      const stack: Node[] = [win.document.querySelector('news-comments')!];
      let text = '';
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
        if ((node as Element).shadowRoot) stack.push((node as Element).shadowRoot!);
        stack.push(...Array.from(node.childNodes).filter((child) => child.nodeName !== 'TEMPLATE'));
      }
      return text;
    };
    await rendered(win, 'comments with the HTML body rendered', () => commentsText().includes('đã đọc'));
    expect(commentsText()).to.contain('Nguyễn Văn A');
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });

  it('load twice, classic and module, with no error', async () => {
    const win = await openPage('/test/fixtures/pages/twice.html');
    await rendered(
      win,
      'share rendered',
      () => (shadow(win, 'news-share')?.querySelectorAll('a[href]').length ?? 0) > 0,
    );
    await rendered(
      win,
      'related rendered',
      () => (shadow(win, 'news-related')?.querySelectorAll('[part~="item"]:not([part~="skeleton"])').length ?? 0) > 0,
    );
    for (const tag of ['news-related', 'news-most-read', 'news-share', 'news-comments', 'news-comment-count']) {
      expect(win.customElements.get(tag), tag).to.be.a('function');
    }
    // The comment list and form are element modules of their own, defined when first needed.
    const widgets = (win as unknown as { NewsWidgets: { loadList(): Promise<void>; loadForm(): Promise<void> } })
      .NewsWidgets;
    await Promise.all([widgets.loadList(), widgets.loadForm()]);
    for (const tag of ['news-comment-list', 'news-comment-form']) {
      expect(win.customElements.get(tag), tag).to.be.a('function');
    }
    expect(win.__errors).to.deep.equal([]);
  });
});
