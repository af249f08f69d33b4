/**
 * Theming as a reader sees it: the light and dark schemes, a partial dark theme (a page that sets
 * only text, link and accent, with no `color-scheme`), the outer spacing and text on the accent.
 * Every state is checked by axe (contrast included); Chromium also writes screenshots of each
 * widget at 375 and 1280 px to test-results/screenshots/ to be looked at.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { css } from 'lit';
import '../../src/comments/index.js';
import { NewsElement } from '../../src/core/news-element.js';
import { baseStyles } from '../../src/core/styles.js';
import '../../src/most-read/index.js';
import '../../src/related/index.js';
import '../../src/share/index.js';
import * as en from '../../src/translations/en.js';
import * as vi from '../../src/translations/vi.js';
import { ServerApi } from '../support/server-api.js';
import { LISTS, loaded } from '../fixtures/lists/helpers.js';

const THEMES = {
  light: 'background: #fff; color: #1b1b1b; color-scheme: light',
  dark: 'background: #121212; color: #ececec; color-scheme: dark',
  partial:
    'background: #15171c; color: #e8e8e8; --news-color-text: #e8e8e8; --news-color-link: #8ab4f8; --news-color-accent: #f5c518',
};
type Theme = keyof typeof THEMES;

const RELATED = [
  { url: 'https://tin.example.vn/an-ninh.html', title: 'Lắp camera an ninh ở thôn xóm', image: `${LISTS}/thumb.svg` },
  {
    url: 'https://tin.example.vn/nong-thon-moi.html',
    title: 'Giữ vững an ninh trật tự ở các xã nông thôn mới, nhiều mô hình tự quản được nhân rộng',
  },
  {
    url: 'https://tin.example.vn/anh-hong.html',
    title: 'Ảnh của tin này không tải được',
    image: '/__fixture/status/404?t=1',
  },
];

/** A text, link and accent page colour, as a widget resolves them. */
async function page(theme: Theme, width: number, api?: ServerApi, thread?: string): Promise<HTMLElement> {
  await setViewport({ width, height: 900 });
  const wrapper = await fixture<HTMLElement>(
    html`<div lang="vi" style="${THEMES[theme]}; padding: 16px; font: 16px/1.5 system-ui, sans-serif">
      <news-share closable url="https://tin.example.vn/bai.html"></news-share>
      <news-related layout="thumbnails" .items=${RELATED}></news-related>
      <news-most-read
        windows="day,week,month"
        limit="5"
        loading="eager"
        src="${LISTS}/most-read-{window}.json"
      ></news-most-read>
      ${api ? html`<news-comments thread=${thread!} api=${api.base} loading="eager"></news-comments>` : ''}
    </div>`,
  );
  for (const list of wrapper.querySelectorAll<HTMLElement>('news-related, news-most-read')) await loaded(list);
  await nextFrame();
  return wrapper;
}

const isChromium = navigator.userAgent.includes('Chrome/');

/** Any CSS colour (`oklch()`, `color(srgb …)`, …) as `rgb(r, g, b)` or `rgba(r, g, b, a)`, by painting it. */
function rgb(color: string): string {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 100) / 100})`;
}

async function screenshot(name: string, el: Element): Promise<void> {
  const rect = el.getBoundingClientRect();
  const clip = {
    x: Math.max(0, rect.left + scrollX - 8),
    y: Math.max(0, rect.top + scrollY - 8),
    width: rect.width + 16,
    height: rect.height + 16,
  };
  expect(await executeServerCommand('save-screenshot', { name, clip })).to.equal(true);
}

/** All of an element's text, through shadow roots. */
function deepText(node: Node): string {
  const own = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
  return (
    own +
    Array.from(node.childNodes, (child) =>
      child.nodeType === Node.TEXT_NODE ? child.textContent : deepText(child),
    ).join('')
  );
}

describe('theming', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const theme of Object.keys(THEMES) as Theme[]) {
    it(`${theme} theme: no axe violation (contrast included) at 375 and 1280 px`, async () => {
      for (const width of [375, 1280]) {
        const wrapper = await page(theme, width);
        for (const widget of wrapper.children) await expect(widget).to.be.accessible();
      }
    });
  }

  it('partial dark theme: boxes take the page background, borders and muted text come from the text colour', async () => {
    const wrapper = await page('partial', 800);
    const share = wrapper.querySelector('news-share')!;
    const button = share.shadowRoot!.querySelector('[part~="button"]')!;
    // Not white: the dark page shows through.
    expect(rgb(getComputedStyle(button).backgroundColor)).to.equal('rgba(0, 0, 0, 0)');
    const close = share.shadowRoot!.querySelector('[part="close"]')!;
    expect(rgb(getComputedStyle(close).color)).to.equal('rgb(232, 232, 232)');
    const meta = wrapper.querySelector('news-most-read')!.shadowRoot!.querySelector('[part~="meta"]')!;
    // Muted text is the page's light text, softened: never the light scheme's dark grey.
    const [r, g, b] = rgb(getComputedStyle(meta).color)
      .match(/[\d.]+/g)!
      .map(Number);
    expect(Math.min(r, g, b)).to.be.above(150);
  });

  it('--news-color-background makes the surfaces opaque mixes of text and background', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="--news-color-text: #000; --news-color-background: #fff">
        <news-share variant="labels" url="https://tin.example.vn/bai.html" networks="copy"></news-share>
      </div>`,
    );
    const share = wrapper.querySelector('news-share')!;
    await share.updateComplete;
    const button = share.shadowRoot!.querySelector('[part~="button"]')!;
    expect(rgb(getComputedStyle(button).backgroundColor)).to.equal('rgb(255, 255, 255)');
    expect(rgb(getComputedStyle(button).borderTopColor)).to.equal('rgb(204, 204, 204)');
  });

  it('--news-space-block spaces stacked boxes (1.5rem by default)', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <news-share url="https://tin.example.vn/bai.html"></news-share>
        <news-related .items=${RELATED}></news-related>
      </div>`,
    );
    const [share, related] = wrapper.children as unknown as HTMLElement[];
    await loaded(related);
    const gap = () => related.getBoundingClientRect().top - share.getBoundingClientRect().bottom;
    expect(gap()).to.equal(24);
    wrapper.style.setProperty('--news-space-block', '40px');
    expect(gap()).to.equal(40);
  });

  if (isChromium) {
    it('writes screenshots of every widget, and of the comments section, in each theme at 375 and 1280 px', async () => {
      const api = new ServerApi();
      const thread = 'theming-demo';
      const first = await api.approved(thread, { name: 'Hà Phương', body: 'Bài viết rất hữu ích, cảm ơn tác giả.' });
      await api.approved(thread, { name: 'Minh Anh', body: 'Xã tôi cũng đã lắp camera.', parentId: first });
      for (const theme of Object.keys(THEMES) as Theme[]) {
        for (const width of [375, 1280]) {
          const wrapper = await page(theme, width, api, thread);
          const comments = wrapper.querySelector('news-comments')!;
          await waitUntil(() => deepText(comments).includes('Minh Anh'), 'comments shown', { timeout: 5000 }).catch(
            () => {}, // The comment elements are another folder's; a screenshot of them loading still helps.
          );
          for (const widget of wrapper.children) await screenshot(`${widget.localName}-${theme}-${width}`, widget);
        }
      }
    });
  }
});

/** A widget's text on the accent colour (`--_on-accent`), as the comment form's send button uses it. */
class AccentProbe extends NewsElement<'related'> {
  static override styles = [
    baseStyles,
    css`
      button {
        background: var(--_accent);
        color: var(--_on-accent);
      }
    `,
  ];
  protected readonly localized = { section: 'related', vi: vi.related, en: en.related } as const;
  override render() {
    return html`<button type="button">Gửi bình luận</button>`;
  }
}
AccentProbe.define('test-accent-probe');

describe('text on the accent colour', () => {
  const onAccent = async (style: string) => {
    const el = await fixture<AccentProbe>(html`<test-accent-probe style=${style}></test-accent-probe>`);
    return rgb(getComputedStyle(el.shadowRoot!.querySelector('button')!).color);
  };

  it('is dark on a light accent and white on a dark one, unless --news-color-on-accent says otherwise', async () => {
    expect(await onAccent('--news-color-accent: #f5c518')).to.equal('rgb(0, 0, 0)');
    expect(await onAccent('--news-color-accent: #b3261e')).to.equal('rgb(255, 255, 255)');
    expect(await onAccent('--news-color-accent: #f5c518; --news-color-on-accent: #222')).to.equal('rgb(34, 34, 34)');
  });

  it('passes axe contrast on a yellow accent', async () => {
    const el = await fixture<AccentProbe>(
      html`<test-accent-probe style="--news-color-accent: #f5c518"></test-accent-probe>`,
    );
    await expect(el).to.be.accessible();
  });
});
