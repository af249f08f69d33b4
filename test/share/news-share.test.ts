import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/share/index.js';
import type { NewsShare } from '../../src/share/index.js';
import { DEFAULT_NETWORKS } from '../../src/share/news-share.js';
import {
  emailShareUrl,
  facebookShareUrl,
  linkedinShareUrl,
  telegramShareUrl,
  whatsappShareUrl,
  xShareUrl,
  zaloShareUrl,
} from '../../src/share/share-urls.js';

const ARTICLE = 'https://tin.example/thoi-su/mua-lon-ha-noi-123.html';
const TITLE = 'Mưa lớn ở Hà Nội & "ngập" sâu';

/** Links and buttons, in display order, by their network part. */
const items = (el: NewsShare) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=button]')];
const networkOf = (item: Element) => item.getAttribute('part')!.split(' ')[1];
const byNetwork = (el: NewsShare, network: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${network}]`)!;
const nameOf = (item: Element) => item.querySelector('[part=label]')!.textContent!.trim();
const statusText = (el: NewsShare) => el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim();

/** Redefines a member (navigator.share, document.execCommand, …) for one test; afterEach puts the browser's own back. */
const stubs: Array<() => void> = [];
function stub<T extends object>(target: T, key: string, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  stubs.push(() => (own ? Object.defineProperty(target, key, own) : delete (target as Record<string, unknown>)[key]));
}

async function make(markup: ReturnType<typeof html>): Promise<NewsShare> {
  const wrapper = await fixture<HTMLElement>(markup);
  const el = (wrapper.localName === 'news-share' ? wrapper : wrapper.querySelector('news-share')) as NewsShare;
  await el.updateComplete;
  return el;
}

// Never follow share links during tests; the widget's own click handler still runs first.
const noNavigation = (event: Event) => event.preventDefault();

describe('<news-share>', () => {
  let head: HTMLElement[] = [];
  const addHead = (tag: string, attrs: Record<string, string>) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    document.head.append(node);
    head.push(node);
  };
  let savedTitle = '';

  beforeEach(() => {
    savedTitle = document.title;
    window.addEventListener('click', noNavigation);
  });
  afterEach(() => {
    head.forEach((node) => node.remove());
    head = [];
    document.title = savedTitle;
    stubs
      .splice(0)
      .reverse()
      .forEach((restore) => restore());
    window.removeEventListener('click', noNavigation);
    sessionStorage.clear();
  });

  describe('links', () => {
    it('renders a real link with the exact share URL for every network, in the given order', async () => {
      const el = await make(
        html`<news-share
          lang="vi"
          url=${ARTICLE}
          title=${TITLE}
          networks="facebook,zalo,x,linkedin,telegram,whatsapp,email,copy"
        ></news-share>`,
      );
      expect(items(el).map(networkOf)).to.deep.equal([
        'facebook',
        'zalo',
        'x',
        'linkedin',
        'telegram',
        'whatsapp',
        'email',
        'copy',
      ]);
      const expected: Record<string, string> = {
        facebook: facebookShareUrl(ARTICLE),
        zalo: zaloShareUrl(ARTICLE),
        x: xShareUrl(ARTICLE, TITLE),
        linkedin: linkedinShareUrl(ARTICLE),
        telegram: telegramShareUrl(ARTICLE, TITLE),
        whatsapp: whatsappShareUrl(ARTICLE, TITLE),
        email: emailShareUrl(ARTICLE, TITLE),
      };
      for (const [network, href] of Object.entries(expected)) {
        const link = byNetwork(el, network) as HTMLAnchorElement;
        expect(link.localName, network).to.equal('a');
        expect(link.getAttribute('href'), network).to.equal(href);
        expect(link.target, network).to.equal('_blank');
        expect(link.rel.split(' '), network).to.include.members(['noopener', 'noreferrer']);
      }
      expect(byNetwork(el, 'facebook').getAttribute('href')).to.equal(
        'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Ftin.example%2Fthoi-su%2Fmua-lon-ha-noi-123.html',
      );
      expect(byNetwork(el, 'email').getAttribute('href')).to.equal(
        'mailto:?subject=M%C6%B0a%20l%E1%BB%9Bn%20%E1%BB%9F%20H%C3%A0%20N%E1%BB%99i%20%26%20%22ng%E1%BA%ADp%22%20s%C3%A2u' +
          '&body=M%C6%B0a%20l%E1%BB%9Bn%20%E1%BB%9F%20H%C3%A0%20N%E1%BB%99i%20%26%20%22ng%E1%BA%ADp%22%20s%C3%A2u%0Ahttps%3A%2F%2Ftin.example%2Fthoi-su%2Fmua-lon-ha-noi-123.html',
      );
      expect(byNetwork(el, 'copy').localName).to.equal('button');
    });

    it('respects the networks attribute order, ignores unknown names and duplicates, and re-renders on change', async () => {
      const el = await make(
        html`<news-share lang="vi" url=${ARTICLE} networks="email, X ,myspace,facebook,email"></news-share>`,
      );
      expect(items(el).map(networkOf)).to.deep.equal(['email', 'x', 'facebook']);
      el.networks = 'telegram,zalo';
      await el.updateComplete;
      expect(items(el).map(networkOf)).to.deep.equal(['telegram', 'zalo']);
    });

    it('adds utm_source={network}&utm_medium=social only when utm is set', async () => {
      const off = await make(html`<news-share lang="vi" url=${ARTICLE} networks="facebook,zalo"></news-share>`);
      expect(byNetwork(off, 'facebook').getAttribute('href')).to.equal(facebookShareUrl(ARTICLE));
      expect(byNetwork(off, 'facebook').getAttribute('href')).to.not.include('utm_');

      const on = await make(html`<news-share lang="vi" utm url=${ARTICLE} networks="facebook,zalo"></news-share>`);
      expect(byNetwork(on, 'facebook').getAttribute('href')).to.equal(
        facebookShareUrl(`${ARTICLE}?utm_source=facebook&utm_medium=social`),
      );
      expect(byNetwork(on, 'zalo').getAttribute('href')).to.equal(
        zaloShareUrl(`${ARTICLE}?utm_source=zalo&utm_medium=social`),
      );
    });

    it('fires news-share {network, url} on a link click', async () => {
      const el = await make(html`<news-share lang="vi" utm url=${ARTICLE} networks="zalo,x"></news-share>`);
      setTimeout(() => byNetwork(el, 'zalo').click());
      const event = await oneEvent(el, 'news-share');
      expect(event.detail).to.deep.equal({ network: 'zalo', url: `${ARTICLE}?utm_source=zalo&utm_medium=social` });
      expect(event.composed && event.bubbles).to.equal(true);
    });
  });

  describe('what is shared', () => {
    it('defaults the url to <link rel=canonical> and the title to og:title', async () => {
      addHead('link', { rel: 'canonical', href: 'https://tin.example/canonical-bai.html' });
      addHead('meta', { property: 'og:title', content: 'Tiêu đề OG' });
      document.title = 'Tiêu đề tài liệu';
      const el = await make(html`<news-share lang="vi" networks="x"></news-share>`);
      expect(byNetwork(el, 'x').getAttribute('href')).to.equal(
        xShareUrl('https://tin.example/canonical-bai.html', 'Tiêu đề OG'),
      );
    });

    it('falls back to location (without hash) and document.title', async () => {
      document.title = 'Tiêu đề tài liệu';
      const el = await make(html`<news-share lang="vi" networks="x"></news-share>`);
      const here = new URL(location.href);
      here.hash = '';
      expect(byNetwork(el, 'x').getAttribute('href')).to.equal(xShareUrl(here.href, 'Tiêu đề tài liệu'));
    });

    it('never puts a javascript: url anywhere; a hostile title stays text in the encoded URL', async () => {
      addHead('link', { rel: 'canonical', href: 'https://tin.example/an-toan.html' });
      const hostile = '"><script>window.__pwned = 1</script><img src=x onerror=alert(1)>';
      const el = await make(
        html`<news-share
          lang="vi"
          url="javascript:alert(1)"
          title=${hostile}
          networks="facebook,zalo,x,email,copy"
        ></news-share>`,
      );
      for (const link of el.shadowRoot!.querySelectorAll('a')) {
        expect(link.getAttribute('href')).to.match(/^(https:\/\/|mailto:\?)/);
        expect(decodeURIComponent(link.getAttribute('href')!)).to.not.include('javascript:');
      }
      expect(byNetwork(el, 'facebook').getAttribute('href')).to.equal(
        facebookShareUrl('https://tin.example/an-toan.html'),
      );
      expect(byNetwork(el, 'x').getAttribute('href')).to.equal(xShareUrl('https://tin.example/an-toan.html', hostile));
      expect(el.shadowRoot!.querySelectorAll('script, img, iframe').length).to.equal(0);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('accepts a relative url attribute, resolved against the page', async () => {
      const el = await make(html`<news-share lang="vi" url="/bai-viet/42" networks="facebook"></news-share>`);
      expect(byNetwork(el, 'facebook').getAttribute('href')).to.equal(
        facebookShareUrl(new URL('/bai-viet/42', document.baseURI).href),
      );
    });
  });

  describe('language', () => {
    it('uses Vietnamese strings and a Zalo-first default in Vietnamese', async () => {
      stub(navigator, 'share', undefined);
      const el = await make(html`<news-share lang="vi" url=${ARTICLE}></news-share>`);
      const heading = el.shadowRoot!.querySelector('[role=heading]')!;
      expect(heading.textContent).to.equal('Chia sẻ thông tin với bạn bè!');
      expect(heading.getAttribute('aria-level')).to.equal('2');
      expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-labelledby')).to.equal(heading.id);
      // Native share is unsupported here, so the native button became the copy button.
      expect(items(el).map(networkOf)).to.deep.equal(['zalo', 'facebook', 'x', 'telegram', 'email', 'copy']);
      expect(items(el).map(nameOf)).to.deep.equal([
        'Chia sẻ qua Zalo',
        'Chia sẻ lên Facebook',
        'Chia sẻ lên X',
        'Chia sẻ qua Telegram',
        'Gửi qua email',
        'Sao chép liên kết',
      ]);
    });

    it('uses English strings and no Zalo in the English default, and switches when lang changes', async () => {
      stub(navigator, 'share', async () => {});
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en"><news-share url=${ARTICLE}></news-share></div>`,
      );
      const el = wrapper.querySelector('news-share')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role=heading]')!.textContent).to.equal('Share this with your friends!');
      expect(items(el).map(networkOf)).to.deep.equal(DEFAULT_NETWORKS.en.split(','));
      expect(items(el).map(nameOf)).to.include.members([
        'Share on Facebook',
        'Share on WhatsApp',
        'Send by email',
        'Copy link',
        'Share…',
      ]);

      wrapper.setAttribute('lang', 'vi');
      await waitUntil(
        () => el.shadowRoot!.querySelector('[role=heading]')!.textContent === 'Chia sẻ thông tin với bạn bè!',
      );
      expect(items(el).map(networkOf)[0]).to.equal('zalo');
    });

    it('lets heading, heading-level and messages override the strings', async () => {
      const el = await make(
        html`<news-share lang="vi" heading="Gửi cho người thân" heading-level="3" networks="copy"></news-share>`,
      );
      el.messages = { copy: 'Chép link' };
      await el.updateComplete;
      const heading = el.shadowRoot!.querySelector('[role=heading]')!;
      expect(heading.textContent).to.equal('Gửi cho người thân');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(nameOf(byNetwork(el, 'copy'))).to.equal('Chép link');
    });

    it('shows the names next to the icons with variant="labels", hidden text otherwise', async () => {
      const icons = await make(html`<news-share lang="vi" networks="facebook"></news-share>`);
      const label = icons.shadowRoot!.querySelector('[part=label]')!;
      expect(label.getBoundingClientRect().width).to.be.at.most(1);
      const labels = await make(html`<news-share lang="vi" variant="labels" networks="facebook"></news-share>`);
      expect(labels.shadowRoot!.querySelector('[part=label]')!.getBoundingClientRect().width).to.be.greaterThan(20);
    });

    it('draws icons as inline SVG hidden from assistive tech', async () => {
      const el = await make(
        html`<news-share lang="vi" networks=${DEFAULT_NETWORKS.vi + ',linkedin,whatsapp'}></news-share>`,
      );
      for (const item of items(el)) {
        const icon = item.querySelector('svg')!;
        expect(icon.getAttribute('aria-hidden')).to.equal('true');
        expect(icon.getAttribute('focusable')).to.equal('false');
        expect(icon.querySelector('path')!.getAttribute('d')).to.match(/^M/);
        expect(nameOf(item)).to.not.equal('');
      }
    });
  });

  describe('copy', () => {
    it('copies the URL with the Clipboard API and shows the status for copied-duration, then clears it', async () => {
      let copied: string | null = null;
      stub(navigator, 'clipboard', { writeText: async (text: string) => void (copied = text) });
      const el = await make(html`<news-share lang="vi" url=${ARTICLE} networks="copy"></news-share>`);
      el.copiedDuration = 150;
      expect(statusText(el)).to.equal('');
      setTimeout(() => byNetwork(el, 'copy').click());
      const event = await oneEvent(el, 'news-share');
      expect(event.detail).to.deep.equal({ network: 'copy', url: ARTICLE });
      await waitUntil(() => statusText(el) === 'Đã sao chép liên kết');
      expect(copied).to.equal(ARTICLE);
      expect(el.shadowRoot!.querySelector('[role=status]')!.getAttribute('part')).to.equal('status');
      await waitUntil(() => statusText(el) === '', 'status should clear', { timeout: 2000 });
    });

    it('keeps the status for 3 s by default', async () => {
      const el = await make(html`<news-share networks="copy"></news-share>`);
      expect(el.copiedDuration).to.equal(3000);
    });

    it('falls back to selecting a hidden input and execCommand("copy") when the Clipboard API fails', async () => {
      stub(navigator, 'clipboard', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
      let selected: string | null = null;
      stub(document, 'execCommand', (command: string) => {
        const input = document.querySelector('news-share')!.shadowRoot!.querySelector('input')!;
        selected = command === 'copy' ? input.value.slice(input.selectionStart!, input.selectionEnd!) : null;
        return true;
      });
      const el = await make(html`<news-share lang="en" utm url=${ARTICLE} networks="copy"></news-share>`);
      byNetwork(el, 'copy').click();
      await waitUntil(() => statusText(el) === 'Link copied');
      expect(selected).to.equal(`${ARTICLE}?utm_source=copy&utm_medium=social`);
      expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    });

    it('shows no "copied" status when copying is impossible', async () => {
      stub(navigator, 'clipboard', undefined);
      let attempts = 0;
      stub(document, 'execCommand', () => (attempts++, false));
      const el = await make(html`<news-share lang="vi" url=${ARTICLE} networks="copy"></news-share>`);
      byNetwork(el, 'copy').click();
      // Without the Clipboard API the fallback runs inside the click, synchronously.
      expect(attempts).to.equal(1);
      await nextFrame();
      await el.updateComplete;
      expect(statusText(el)).to.equal('');
    });
  });

  describe('native share', () => {
    it('calls navigator.share with url and title after canShare says yes', async () => {
      const calls: ShareData[] = [];
      stub(navigator, 'canShare', (data: ShareData) => !!data.url);
      stub(navigator, 'share', async (data: ShareData) => void calls.push(data));
      let copies = 0;
      stub(navigator, 'clipboard', { writeText: async () => void copies++ });
      const el = await make(html`<news-share lang="vi" url=${ARTICLE} title=${TITLE} networks="native"></news-share>`);
      expect(nameOf(byNetwork(el, 'native'))).to.equal('Chia sẻ…');
      setTimeout(() => byNetwork(el, 'native').click());
      const event = await oneEvent(el, 'news-share');
      expect(event.detail).to.deep.equal({ network: 'native', url: ARTICLE });
      await waitUntil(() => calls.length === 1);
      expect(calls[0]).to.deep.equal({ url: ARTICLE, title: TITLE });
      await nextFrame();
      await el.updateComplete;
      expect(copies).to.equal(0);
      expect(statusText(el)).to.equal('');
    });

    it('treats AbortError (the reader closed the sheet) as normal: no copy, no error', async () => {
      let copies = 0;
      let shares = 0;
      stub(navigator, 'share', async () => {
        shares++;
        throw new DOMException('Share canceled', 'AbortError');
      });
      stub(navigator, 'clipboard', { writeText: async () => void copies++ });
      const errors: Event[] = [];
      const el = await make(html`<news-share lang="vi" url=${ARTICLE} networks="native"></news-share>`);
      el.addEventListener('news-error', (e) => errors.push(e));
      byNetwork(el, 'native').click();
      await waitUntil(() => shares === 1);
      await nextFrame();
      await el.updateComplete;
      expect(copies).to.equal(0);
      expect(errors).to.deep.equal([]);
      expect(statusText(el)).to.equal('');
    });

    it('copies instead when canShare refuses the data or share fails otherwise', async () => {
      let copied = '';
      stub(navigator, 'canShare', () => false);
      stub(navigator, 'share', async () => expect.fail('must not share'));
      stub(navigator, 'clipboard', { writeText: async (text: string) => void (copied = text) });
      const el = await make(html`<news-share lang="vi" url=${ARTICLE} networks="native"></news-share>`);
      byNetwork(el, 'native').click();
      await waitUntil(() => statusText(el) === 'Đã sao chép liên kết');
      expect(copied).to.equal(ARTICLE);
    });

    it('turns the native button into copy where navigator.share is unsupported (one copy button only)', async () => {
      let copied = '';
      stub(navigator, 'share', undefined);
      stub(navigator, 'clipboard', { writeText: async (text: string) => void (copied = text) });
      const el = await make(html`<news-share lang="vi" url=${ARTICLE} networks="native,facebook,copy"></news-share>`);
      expect(items(el).map(networkOf)).to.deep.equal(['copy', 'facebook']);
      expect(nameOf(items(el)[0])).to.equal('Sao chép liên kết');
      items(el)[0].click();
      await waitUntil(() => statusText(el) === 'Đã sao chép liên kết');
      expect(copied).to.equal(ARTICLE);
    });

    it('puts the native button first on touch screens that can share (Zalo is in the share sheet)', async () => {
      stub(navigator, 'share', async () => {});
      const realMatchMedia = window.matchMedia;
      stub(window, 'matchMedia', (query: string) =>
        query === '(pointer: coarse)' ? ({ matches: true } as MediaQueryList) : realMatchMedia.call(window, query),
      );
      const el = await make(html`<news-share lang="vi" url=${ARTICLE}></news-share>`);
      expect(items(el).map(networkOf)).to.deep.equal(['native', 'zalo', 'facebook', 'x', 'telegram', 'email', 'copy']);
      stubs.pop()!();
      el.requestUpdate();
      await el.updateComplete;
      expect(items(el).map(networkOf)[0]).to.equal('zalo');
    });
  });

  describe('privacy', () => {
    const SHARE_HOSTS =
      /facebook|fbcdn|zalo|zdn\.vn|x\.com|twitter|twimg|linkedin|licdn|t\.me|telegram|wa\.me|whatsapp/i;

    it('requests nothing from any share network before a click (no scripts, iframes or images)', async () => {
      const seen: string[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.name)));
      observer.observe({ type: 'resource', buffered: true });
      const before = document.querySelectorAll('script, iframe').length;

      const el = await make(
        html`<news-share
          lang="vi"
          url=${ARTICLE}
          title=${TITLE}
          networks="facebook,zalo,x,linkedin,telegram,whatsapp,email,copy,native"
        ></news-share>`,
      );
      // Sanity check that the observer sees requests made now: a fixture image from our own server.
      const probe = new Image();
      probe.src = `/test/fixtures/share/probe.svg?${Date.now()}`;
      await probe.decode().catch(() => {});
      await waitUntil(
        () => seen.some((name) => name.includes('/test/fixtures/share/probe.svg')),
        'observer sees requests',
      );
      observer.disconnect();

      const all = [...seen, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
      expect(all.filter((name) => SHARE_HOSTS.test(new URL(name).hostname))).to.deep.equal([]);
      expect(el.shadowRoot!.querySelectorAll('script, iframe, img, link, object, embed').length).to.equal(0);
      expect(document.querySelectorAll('script, iframe').length).to.equal(before);
      expect(items(el).length).to.equal(9 - (typeof navigator.share === 'function' ? 0 : 1));
    });
  });

  describe('accessibility', () => {
    it('has no axe violations and every control has a name', async () => {
      const el = await make(
        html`<news-share
          lang="vi"
          closable
          url=${ARTICLE}
          networks="facebook,zalo,x,linkedin,telegram,whatsapp,email,copy,native"
        ></news-share>`,
      );
      await expect(el).to.be.accessible();
      for (const control of el.shadowRoot!.querySelectorAll('a, button')) {
        expect((control.getAttribute('aria-label') ?? control.textContent)!.trim(), control.outerHTML).to.not.equal('');
      }
    });

    it('has no axe violations with labels, after copying, and in the dark theme', async () => {
      stub(navigator, 'clipboard', { writeText: async () => {} });
      const light = await make(html`<news-share lang="vi" variant="labels" closable url=${ARTICLE}></news-share>`);
      byNetwork(light, 'copy').click();
      await waitUntil(() => statusText(light) !== '');
      await expect(light).to.be.accessible();

      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="background:#121212;color-scheme:dark;padding:8px">
          <news-share theme="dark" lang="en" closable variant="labels" url=${ARTICLE}></news-share>
        </div>`,
      );
      await wrapper.querySelector('news-share')!.updateComplete;
      await expect(wrapper).to.be.accessible();
    });

    it('keeps link contrast in the dark theme (the link colour switches)', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="background:#121212">
          <news-share theme="dark" lang="vi" networks="facebook"></news-share>
        </div>`,
      );
      const el = wrapper.querySelector('news-share')!;
      await el.updateComplete;
      expect(getComputedStyle(byNetwork(el, 'facebook')).color).to.equal('rgb(158, 203, 255)');
    });
  });
});

describe('<news-share> needs no further download to act', () => {
  it('copies and closes with nothing requested after the element loaded (so it works offline too)', async () => {
    // A fresh frame: its own module map and resource timeline, so this test sees every request.
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="share" style="width:500px;border:0"></iframe>`);
    const loaded = oneEvent(frame, 'load');
    frame.srcdoc = `<!doctype html><html lang="vi"><body>
<script type="module" src="/src/share/index.ts"></script>
<news-share closable url="${ARTICLE}" networks="facebook,copy"></news-share></body></html>`;
    await loaded;
    const win = frame.contentWindow as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('news-share'), 'news-share defined in the frame', { timeout: 5000 });
    const el = win.document.querySelector('news-share') as NewsShare;
    await el.updateComplete;
    const requests = () => win.performance.getEntriesByType('resource').length;
    const before = requests();
    expect(before).to.be.greaterThan(0); // The frame's timeline does record its modules.
    let copied = '';
    Object.defineProperty(win.navigator, 'clipboard', {
      value: { writeText: async (text: string) => void (copied = text) },
      configurable: true,
    });
    byNetwork(el, 'copy').click();
    await waitUntil(() => statusText(el) === 'Đã sao chép liên kết', 'copied status');
    expect(copied).to.equal(ARTICLE);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!.click();
    expect(el.hidden).to.equal(true);
    await nextFrame();
    expect(requests()).to.equal(before);
  });
});

describe('<news-share> reserved space (reserve.css)', () => {
  it('reserves the rendered height before the element is defined, so nothing shifts', async () => {
    const css = await (await fetch('/src/share/reserve.css')).text();
    const style = document.createElement('style');
    // The same rules for a tag that is never defined stand in for news-share before the script runs.
    style.textContent = css.replaceAll('news-share', 'test-share-undefined');
    document.head.append(style);
    try {
      for (const attrs of [{}, { closable: '' }, { variant: 'labels' }]) {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width:768px"></div>`);
        const reserved = document.createElement('test-share-undefined');
        const real = document.createElement('news-share');
        for (const [name, value] of Object.entries({
          lang: 'vi',
          networks: 'zalo,facebook,x,telegram,email,copy',
          ...attrs,
        })) {
          reserved.setAttribute(name, value);
          real.setAttribute(name, value);
        }
        wrapper.append(reserved, real);
        await real.updateComplete;
        const label = JSON.stringify(attrs);
        expect(
          Math.abs(reserved.getBoundingClientRect().height - real.getBoundingClientRect().height),
          label,
        ).to.be.below(1.5);
      }
    } finally {
      style.remove();
    }
  });
});
