/**
 * The reserve CSS (src/*\/reserve.css, dist/cdn/news-widgets.css) keeps each box's space while
 * the script loads; if the script never loads (blocked, 404) the boxes give their space back
 * after 4 s, with CSS only. The page is the README snippet with a script that 404s.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';

const BOXES = ['news-share', 'news-related', 'news-most-read', 'news-comments'];

async function openPage(url: string): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:600px';
  frame.src = url;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow!;
}

describe('reserve CSS when the script never loads', function () {
  this.timeout(20000);
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("holds each box's space at first, then gives it back after about 4 s (the fallback links stay)", async () => {
    const win = await openPage('/test/fixtures/pages/no-script.html');
    const opened = performance.now();
    const doc = win.document;
    const height = (tag: string) => doc.querySelector(tag)!.getBoundingClientRect().height;
    const below = () => doc.getElementById('below')!.getBoundingClientRect().top;
    expect(BOXES.map((tag) => win.customElements.get(tag))).to.deep.equal(BOXES.map(() => undefined));
    // Reserved: the sizes of the widgets' loading states.
    expect(height('news-share')).to.be.above(80);
    expect(height('news-related')).to.be.above(500);
    expect(height('news-most-read')).to.be.above(800);
    expect(height('news-comments')).to.be.above(700);
    const reservedBelow = below();
    const fallback = doc.getElementById('fallback')!.getBoundingClientRect().height;

    await waitUntil(() => height('news-most-read') === 0, 'most-read gives its space back', { timeout: 12000 });
    // Never before the delay (a slow machine only makes it later).
    expect(performance.now() - opened).to.be.above(3500);
    await waitUntil(() => BOXES.every((tag) => height(tag) <= Math.max(fallback, 0) + 1), 'every box released');
    expect(height('news-share')).to.equal(0);
    expect(height('news-comments')).to.equal(0);
    expect(height('news-related')).to.be.closeTo(fallback, 1);
    expect(doc.querySelector('news-comment-count')!.getBoundingClientRect().width).to.equal(0);
    // The publisher's links inside <news-related> are what is left, and the page closed up.
    expect(doc.querySelector('#fallback a')!.getBoundingClientRect().height).to.be.above(0);
    expect(reservedBelow - below()).to.be.above(2000);
  });

  it('never runs on an element that is defined (a script in time changes nothing)', async () => {
    const win = await openPage('/test/fixtures/pages/no-script.html');
    const share = win.document.querySelector('news-share')!;
    expect(win.getComputedStyle(share).animationName).to.equal('news-widgets-release');
    const { HTMLElement: FrameElement } = win as unknown as typeof globalThis;
    win.customElements.define('news-share', class extends FrameElement {});
    expect(win.getComputedStyle(share).animationName).to.equal('none');
  });
});
