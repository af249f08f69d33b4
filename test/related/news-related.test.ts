import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/related/index.js';
import type { NewsRelated } from '../../src/related/index.js';
import {
  FEEDS,
  LISTS,
  body,
  count,
  counted,
  errors,
  failed,
  hrefs,
  isSkeleton,
  items,
  links,
  loaded,
  reservedHeights,
  resetErrors,
  root,
  titles,
  uniqueKey,
  expectNoPushDown,
} from '../fixtures/lists/helpers.js';

async function related(template: unknown): Promise<NewsRelated> {
  const host = await fixture<HTMLElement>(template as never);
  return (host.localName === 'news-related' ? host : host.querySelector('news-related')!) as NewsRelated;
}

describe('news-related', () => {
  beforeEach(() => {
    resetErrors();
    delete window.__xss;
  });

  describe('semantics and defaults', () => {
    it('is a region labelled by its heading, with a list of real links, 5 by default', async () => {
      const el = await related(html`<div lang="vi"><news-related src="${LISTS}/related.json"></news-related></div>`);
      await loaded(el);
      const section = root(el).querySelector('section')!;
      const heading = root(el).getElementById(section.getAttribute('aria-labelledby')!)!;
      expect(heading.textContent?.trim()).to.equal('Tin liên quan');
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('2');
      expect(root(el).querySelector('ul[part~="list"]')).to.exist;
      expect(items(el)).to.have.length(5);
      expect(titles(el)[0]).to.equal('Giá xăng giảm lần thứ ba liên tiếp');
      expect(hrefs(el)[0]).to.equal('https://tin.example.vn/bai-1.html');
      expect(errors).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('takes heading, heading-level and limit from attributes', async () => {
      const el = await related(
        html`<news-related
          src="${LISTS}/related.json"
          heading="Cùng chuyên mục"
          heading-level="3"
          limit="3"
        ></news-related>`,
      );
      await loaded(el);
      const heading = root(el).querySelector('[part~="heading"]')!;
      expect(heading.textContent?.trim()).to.equal('Cùng chuyên mục');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(items(el)).to.have.length(3);
    });

    it('lets the messages property override any string', async () => {
      const el = await related(
        html`<news-related lang="en" src="${LISTS}/related.json" .messages=${{ heading: 'See also' }}></news-related>`,
      );
      await loaded(el);
      expect(root(el).querySelector('[part~="heading"]')!.textContent?.trim()).to.equal('See also');
    });

    it('switches strings when an ancestor lang changes', async () => {
      const host = await fixture<HTMLDivElement>(
        html`<div lang="vi"><news-related src="${LISTS}/related.json"></news-related></div>`,
      );
      const el = host.querySelector('news-related')!;
      await loaded(el);
      const heading = () => root(el).querySelector('[part~="heading"]')!.textContent?.trim();
      expect(heading()).to.equal('Tin liên quan');
      host.lang = 'en-GB';
      await waitUntil(() => heading() === 'Related news', 'English heading');
      host.lang = 'vi-VN';
      await waitUntil(() => heading() === 'Tin liên quan', 'Vietnamese heading');
    });

    it('reflects layout and renders images with width, height, alt, lazy loading and async decoding', async () => {
      const el = await related(html`<news-related src="${LISTS}/related.json" layout="thumbnails"></news-related>`);
      await loaded(el);
      expect(el.getAttribute('layout')).to.equal('thumbnails');
      const img = root(el).querySelector('img')!;
      expect(img.getAttribute('part')).to.equal('image');
      expect(img.src).to.equal(new URL(`${LISTS}/thumb.svg`, location.href).href);
      expect(img.getAttribute('width')).to.equal('120');
      expect(img.getAttribute('height')).to.equal('80');
      expect(img.getAttribute('alt')).to.equal('');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      el.layout = 'list';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('list');
      expect(root(el).querySelector('img')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows no picture box for an item without an image, and hides a thumbnail that fails, keeping its place', async () => {
      const el = await related(
        html`<news-related
          layout="thumbnails"
          .items=${[
            { url: 'https://tin.example.vn/co-anh.html', title: 'Có ảnh', image: `${LISTS}/thumb.svg` },
            { url: 'https://tin.example.vn/khong-anh.html', title: 'Không có ảnh' },
            { url: 'https://tin.example.vn/anh-hong.html', title: 'Ảnh hỏng', image: '/__fixture/status/404?thumb=1' },
          ]}
        ></news-related>`,
      );
      await loaded(el);
      const [withImage, withoutImage, broken] = items(el);
      expect(withoutImage.querySelector('[part~="image"]')).to.equal(null);
      // Its title starts where the row starts, not after an empty box.
      expect(withoutImage.querySelector('a')!.getBoundingClientRect().left).to.equal(
        withoutImage.getBoundingClientRect().left,
      );
      const failed = broken.querySelector('img')!;
      await waitUntil(() => getComputedStyle(failed).visibility === 'hidden', 'the failed thumbnail stays visible', {
        timeout: 5000,
      });
      expect(failed.getBoundingClientRect().width).to.equal(
        withImage.querySelector('img')!.getBoundingClientRect().width,
      );
      expect(broken.querySelector('a')!.getBoundingClientRect().left).to.equal(
        withImage.querySelector('a')!.getBoundingClientRect().left,
      );
      expect(getComputedStyle(withImage.querySelector('img')!).visibility).to.equal('visible');
      await expect(el).to.be.accessible();
    });

    it('a one-line title takes one line: no blank line is kept under it once loaded', async () => {
      const el = await related(
        html`<news-related
          style="width: 600px"
          .items=${[{ url: 'https://tin.example.vn/ngan.html', title: 'Tin ngắn' }]}
        ></news-related>`,
      );
      await loaded(el);
      const link = links(el)[0];
      const lineHeight = parseFloat(getComputedStyle(link).lineHeight);
      expect(link.getBoundingClientRect().height).to.be.closeTo(lineHeight, 1);
      expect(items(el)[0].getBoundingClientRect().height).to.be.below(lineHeight * 2 + 16);
    });

    it('dark theme changes the computed link colour', async () => {
      const el = await related(html`<news-related src="${LISTS}/related.json" theme="light"></news-related>`);
      await loaded(el);
      const color = () => getComputedStyle(links(el)[0]).color;
      const light = color();
      el.setAttribute('theme', 'dark');
      expect(color()).to.not.equal(light);
      expect(color()).to.equal('rgb(158, 203, 255)');
    });
  });

  describe('sources', () => {
    it('reads VnExpress RSS: Vietnamese titles, links, a picture from the description', async () => {
      const el = await related(
        html`<news-related
          src="${FEEDS}/vnexpress-tin-moi-nhat-2019-02-18.rss.xml"
          layout="thumbnails"
        ></news-related>`,
      );
      await loaded(el);
      expect(titles(el)[0]).to.equal("Ngộ độc rượu, bệnh nhân thấy ảo giác 'bị ma quỷ truy đuổi'");
      expect(hrefs(el)[0]).to.equal(
        'https://vnexpress.net/suc-khoe/ngo-doc-ruou-benh-nhan-thay-ao-giac-bi-ma-quy-truy-duoi-3882905.html',
      );
      expect(root(el).querySelector('img')!.src).to.match(/^https:\/\/.*vnecdn\.net\//);
    });

    it('trims the padded titles of the Chrome copy of VnExpress and skips its placeholder item', async () => {
      const el = await related(
        html`<news-related
          limit="100"
          src="${FEEDS}/vnexpress-tin-moi-nhat-2017-11-14.chrome-view.rss.xml"
        ></news-related>`,
      );
      await loaded(el);
      expect(titles(el).length).to.equal(24);
      for (const title of titles(el)) {
        expect(title).to.equal(title.trim());
        expect(title).to.not.match(/\s{2}|\n/);
      }
      for (const href of hrefs(el)) expect(href).to.match(/^https?:\/\/([\w-]+\.)?vnexpress\.net\//);
    });

    it('parses the Dân Trí item fragment', async () => {
      const el = await related(html`<news-related src="${FEEDS}/dantri-2017-06-12.items-fragment.xml"></news-related>`);
      await loaded(el);
      expect(titles(el)).to.deep.equal([
        'Dự án cao cấp quận Long Biên đã trở lại đường đua',
        'Dùng ảnh người khác tạo tài khoản Facebook bị phạt 10-20 triệu đồng',
      ]);
    });

    it('picks the Guardian media:content closest to the thumbnail size', async () => {
      const el = await related(
        html`<news-related src="${FEEDS}/guardian-us-2018-01-31.rss.xml" layout="grid"></news-related>`,
      );
      await loaded(el);
      expect(titles(el)[0]).to.equal('Trump State of the Union address promised unity but emphasized discord');
      const src = root(el).querySelector('img')!.getAttribute('src')!;
      expect(src).to.contain('i.guim.co.uk');
      expect(src).to.contain('w=460&q=55');
    });

    it("reads Atom (heise) and resolves Sam Ruby's relative links against the feed URL", async () => {
      const heise = await related(
        html`<news-related src="${FEEDS}/heise-developer-2016-02-01.atom.xml"></news-related>`,
      );
      await loaded(heise);
      expect(hrefs(heise)[0]).to.match(/^https?:\/\/www\.heise\.de\//);
      const ruby = await related(
        html`<news-related src="${FEEDS}/samruby-intertwingly-2013-02-23.relative-urls.atom.xml"></news-related>`,
      );
      await loaded(ruby);
      expect(hrefs(ruby)[0]).to.equal(new URL('/blog/2013/01/30/Plex', location.origin).href);
      for (const href of hrefs(ruby)) expect(new URL(href).origin).to.equal(location.origin);
    });

    it('reads the real malformed UOL feed (undeclared Latin-1) or fails cleanly', async () => {
      const el = await related(
        html`<news-related limit="15" src="${FEEDS}/uol-noticias-2018-09-24.malformed.rss.xml"></news-related>`,
      );
      await loaded(el);
      const all = titles(el).join(' ');
      expect(all).to.not.contain('\uFFFD');
      expect(all).to.match(/[áâãçéêíóôõú]/);
      expect(errors).to.deep.equal([]);
    });

    it('decodes the ISO-8859-1 feed by its declaration', async () => {
      const el = await related(
        html`<news-related limit="40" src="${FEEDS}/jn-ultimas-2018-01-03.iso-8859-1.rss.xml"></news-related>`,
      );
      await loaded(el);
      const all = titles(el).join(' ');
      expect(all).to.not.contain('\uFFFD');
      expect(all).to.match(/[áàâãçéêíóôõú]/);
    });

    it('reads JSON Feed 1.1 and 1.0', async () => {
      const df = await related(
        html`<news-related src="${FEEDS}/daringfireball-2021-02-27.feed-1.1.json"></news-related>`,
      );
      await loaded(df);
      expect(items(df)).to.have.length(5);
      for (const href of hrefs(df)) expect(href).to.match(/^https?:\/\//);
      const hc = await related(
        html`<news-related src="${FEEDS}/hypercritical-2016-12-18.feed-1.0.json"></news-related>`,
      );
      await loaded(hc);
      expect(hrefs(hc)[0]).to.match(/^http:\/\/hypercritical\.co\//);
    });

    it('takes items from the items property', async () => {
      const el = await related(
        html`<news-related
          .items=${[
            { url: 'https://tin.example.vn/x.html', title: 'Tin X' },
            { url: 'https://tin.example.vn/y.html', title: 'Tin Y' },
          ]}
        ></news-related>`,
      );
      await loaded(el);
      expect(titles(el)).to.deep.equal(['Tin X', 'Tin Y']);
      el.items = [{ url: 'https://tin.example.vn/z.html', title: 'Tin Z' }];
      await waitUntil(() => titles(el).length === 1, 'new items not shown');
      expect(titles(el)).to.deep.equal(['Tin Z']);
    });

    it("turns the publisher's light-DOM links into the styled list", async () => {
      const el = await related(
        html`<news-related>
          <h2>Tin liên quan</h2>
          <ul>
            <li><a href="https://tin.example.vn/p1.html">Bài của tòa soạn 1</a></li>
            <li><a href="/bai-tuong-doi.html" data-views="12">Bài tương đối</a></li>
          </ul>
        </news-related>`,
      );
      await loaded(el);
      expect(titles(el)).to.deep.equal(['Bài của tòa soạn 1', 'Bài tương đối']);
      expect(hrefs(el)[1]).to.equal(new URL('/bai-tuong-doi.html', document.baseURI).href);
      // The publisher's own markup is not rendered twice.
      expect(root(el).querySelector('slot')).to.equal(null);
      expect(el.querySelector('ul')!.getBoundingClientRect().height).to.equal(0);
      // A link added later shows up.
      const li = document.createElement('li');
      li.innerHTML = '<a href="https://tin.example.vn/p3.html">Bài thêm sau</a>';
      el.querySelector('ul')!.append(li);
      await waitUntil(() => titles(el).length === 3, 'added link not shown');
      expect(titles(el)).to.deep.equal(['Bài của tòa soạn 1', 'Bài tương đối', 'Bài thêm sau']);
    });

    it('fetches {api}/related with the canonical URL, the og:title and the limit when there is no src', async () => {
      const original = window.fetch;
      const seen: string[] = [];
      const canonical = document.createElement('link');
      canonical.rel = 'canonical';
      canonical.href = 'https://tin.example.vn/bai-hien-tai.html';
      const ogTitle = document.createElement('meta');
      ogTitle.setAttribute('property', 'og:title');
      ogTitle.content = 'Bài hiện tại & chuyện khác';
      document.head.append(canonical, ogTitle);
      window.fetch = async (input) => {
        seen.push(String(input));
        return new Response(JSON.stringify({ items: [{ url: 'https://tin.example.vn/k.html', title: 'Từ API' }] }), {
          headers: { 'content-type': 'application/json' },
        });
      };
      try {
        const el = await related(html`<news-related api="https://api.example.vn/v1/" limit="4"></news-related>`);
        await loaded(el);
        expect(seen).to.deep.equal([
          `https://api.example.vn/v1/related?url=${encodeURIComponent('https://tin.example.vn/bai-hien-tai.html')}` +
            `&title=${encodeURIComponent('Bài hiện tại & chuyện khác')}&limit=4`,
        ]);
        expect(titles(el)).to.deep.equal(['Từ API']);
      } finally {
        window.fetch = original;
        canonical.remove();
        ogTitle.remove();
      }
    });

    it('never turns an image path like /\\evil.example/x.png from the API into a request to another host', async () => {
      const original = window.fetch;
      const answer = {
        items: [
          { url: 'https://tin.example.vn/1.html', title: 'Ảnh lừa 1', image: '/\\evil.example/x.png' },
          { url: 'https://tin.example.vn/2.html', title: 'Ảnh lừa 2', image: '\\\\evil.example/y.png' },
          { url: 'https://tin.example.vn/3.html', title: 'Ảnh của API', image: '/demo/anh.svg' },
          { url: 'https://tin.example.vn/4.html', title: 'Ảnh CDN', image: 'https://cdn.example.vn/z.svg' },
        ],
      };
      window.fetch = async () =>
        new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
      try {
        const el = await related(
          html`<news-related api="https://api.example.vn/v1/" layout="thumbnails"></news-related>`,
        );
        await loaded(el);
        expect(titles(el)).to.deep.equal(['Ảnh lừa 1', 'Ảnh lừa 2', 'Ảnh của API', 'Ảnh CDN']);
        const sources = Array.from(root(el).querySelectorAll('img')).map((img) => img.getAttribute('src'));
        expect(sources).to.deep.equal(['https://api.example.vn/demo/anh.svg', 'https://cdn.example.vn/z.svg']);
        expect(root(el).innerHTML).not.to.include('evil.example');
      } finally {
        window.fetch = original;
      }
    });

    it('shares one request between two widgets with the same src', async () => {
      const key = uniqueKey('related-shared');
      const src = counted(key, `${LISTS}/related.json`);
      const host = await fixture<HTMLElement>(
        html`<div>
          <news-related loading="eager" src="${src}"></news-related>
          <news-related loading="eager" src="${src}" layout="compact"></news-related>
        </div>`,
      );
      const [a, b] = Array.from(host.querySelectorAll('news-related'));
      await loaded(a);
      await loaded(b);
      expect(await count(key)).to.equal(1);
    });
  });

  describe('exclusion and limit', () => {
    it('leaves out exclude URLs (tracking parameters and hash ignored) and the canonical URL', async () => {
      const canonical = document.createElement('link');
      canonical.rel = 'canonical';
      canonical.href = 'https://www.tin.example.vn/bai-3.html#binh-luan';
      document.head.append(canonical);
      try {
        const el = await related(
          html`<news-related
            src="${LISTS}/related.json"
            exclude="https://tin.example.vn/bai-1.html https://tin.example.vn/bai-2.html?utm_source=fb"
          ></news-related>`,
        );
        await loaded(el);
        expect(hrefs(el)).to.deep.equal([4, 5, 6, 7, 8].map((n) => `https://tin.example.vn/bai-${n}.html`));
        el.exclude = ['https://tin.example.vn/bai-4.html'];
        await waitUntil(() => hrefs(el)[0] === 'https://tin.example.vn/bai-1.html', 'exclude change not applied');
        expect(hrefs(el)).to.deep.equal([1, 2, 5, 6, 7].map((n) => `https://tin.example.vn/bai-${n}.html`));
      } finally {
        canonical.remove();
      }
    });

    it('never shows the current article, even when it is the only light-DOM link', async () => {
      const canonical = document.createElement('link');
      canonical.rel = 'canonical';
      canonical.href = 'https://tin.example.vn/chinh-no.html';
      document.head.append(canonical);
      try {
        const el = await related(
          html`<news-related
            ><a href="https://tin.example.vn/chinh-no.html?utm_medium=x">Chính bài này</a></news-related
          >`,
        );
        const detail = await failed(el);
        expect(detail.reason).to.equal('empty');
        expect(links(el)).to.have.length(0);
      } finally {
        canonical.remove();
      }
    });

    it('shows only limit items of a 1,000-item list and clamps a huge limit', async () => {
      const el = await related(html`<news-related src="${LISTS}/big-1000.json"></news-related>`);
      await loaded(el);
      expect(titles(el)).to.deep.equal(['Bài số 1', 'Bài số 2', 'Bài số 3', 'Bài số 4', 'Bài số 5']);
      el.limit = 5000;
      await waitUntil(() => items(el).length > 5 && !isSkeleton(el), 'limit change not applied');
      expect(items(el)).to.have.length(100);
    });
  });

  describe('bad input', () => {
    const cases: [string, string, string, number?][] = [
      ['malformed JSON', `${LISTS}/malformed.json`, 'parse'],
      ['malformed XML', `${LISTS}/malformed.xml`, 'parse'],
      ['the real malformed UOL feed or text that is no feed', body('text/plain', 'Xin chào'), 'parse'],
      ['JSON of the wrong shape', `${LISTS}/wrong-shape.json`, 'shape'],
      ['a list of non-objects', `${LISTS}/not-objects.json`, 'shape'],
      ['an empty list', `${LISTS}/empty.json`, 'empty'],
      ['HTTP 404', '/__fixture/status/404', 'http', 404],
      ['HTTP 500', '/__fixture/status/500', 'http', 500],
      ['a network error', 'http://127.0.0.1:9/x', 'network'],
    ];
    for (const [name, src, reason, status] of cases) {
      it(`${name}: hides itself and fires news-error ${reason}`, async () => {
        const el = await related(html`<news-related src="${src}"></news-related>`);
        const detail = await failed(el);
        expect(detail).to.include({ widget: 'news-related', reason });
        if (status) expect(detail.status).to.equal(status);
        await el.updateComplete;
        expect(el.hidden).to.equal(true);
        expect(el.getBoundingClientRect().height).to.equal(0);
        expect(errors).to.have.length(1);
      });
    }

    it('times out after the timeout attribute', async () => {
      const el = await related(
        html`<news-related timeout="300" src="/__fixture/delay/2000?then=${LISTS}/related.json"></news-related>`,
      );
      const detail = await failed(el);
      expect(detail.reason).to.equal('timeout');
      expect(el.hidden).to.equal(true);
    });

    it("keeps the publisher's links (and stays visible) when the fetch fails", async () => {
      const el = await related(
        html`<news-related src="/__fixture/status/500">
          <p>Đọc thêm:</p>
          <a href="https://tin.example.vn/du-phong.html">Bài dự phòng</a>
        </news-related>`,
      );
      const detail = await failed(el);
      expect(detail.reason).to.equal('http');
      await el.updateComplete;
      expect(el.hidden).to.equal(false);
      const slot = root(el).querySelector('slot')!;
      expect(slot.assignedElements().map((e) => e.localName)).to.deep.equal(['p', 'a']);
      expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('drops entries without a title or an http(s) link and shows the rest', async () => {
      const el = await related(html`<news-related src="${LISTS}/missing-fields.json"></news-related>`);
      await loaded(el);
      expect(titles(el)).to.deep.equal(['Giá xăng giảm lần thứ ba liên tiếp', 'Chỉ có tiêu đề và đường dẫn']);
    });

    it('a wrong items property fires shape, an empty one fires empty', async () => {
      const el = await related(html`<news-related .items=${'nope' as unknown as unknown[]}></news-related>`);
      expect((await failed(el)).reason).to.equal('shape');
      resetErrors();
      el.items = [];
      expect((await failed(el)).reason).to.equal('empty');
      expect(el.hidden).to.equal(true);
      resetErrors();
      el.items = [{ url: 'https://tin.example.vn/ok.html', title: 'Trở lại' }];
      await loaded(el);
      expect(el.hidden).to.equal(false);
      expect(errors).to.deep.equal([]);
    });

    it('an element without any source fires empty and hides', async () => {
      const el = await related(html`<news-related></news-related>`);
      expect((await failed(el)).reason).to.equal('empty');
      expect(el.hidden).to.equal(true);
    });
  });

  describe('hostile data', () => {
    const safe = (el: HTMLElement) => {
      for (const a of Array.from(root(el).querySelectorAll('a'))) expect(a.protocol).to.match(/^https?:$/);
      for (const img of Array.from(root(el).querySelectorAll('img')))
        expect(new URL(img.src).protocol).to.match(/^https?:$/);
      expect(root(el).querySelectorAll('script, svg, [onerror], [onload]')).to.have.length(0);
    };

    it('JSON: script tags and javascript:/data:/vbscript: URLs never become markup or links', async () => {
      const el = await related(
        html`<news-related src="${LISTS}/hostile.json" limit="20" layout="thumbnails"></news-related>`,
      );
      await loaded(el);
      // Give any injected handler a rendering step to run in.
      await nextFrame();
      await nextFrame();
      safe(el);
      expect(hrefs(el)).to.deep.equal([1, 2, 3, 4].map((n) => `https://tin.example.vn/an-toan-${n}.html`));
      expect(titles(el)[0]).to.equal('Ảnh độc');
      // Titles that look like markup are reduced to their text, never parsed into the page.
      expect(titles(el)[2]).to.equal('">Thuộc tính');
      // Entities are decoded once, into text: the reader sees the characters, nothing is parsed.
      expect(titles(el)[3]).to.equal('<img src=x onerror=window.__xss=11> thực thể');
      expect(window.__xss).to.equal(undefined);
    });

    it('RSS: entity-encoded jav&#x09;ascript:, JaVaScRiPt: and data: links are dropped', async () => {
      const el = await related(
        html`<news-related src="${LISTS}/hostile.rss.xml" limit="20" layout="grid"></news-related>`,
      );
      await loaded(el);
      // Give any injected handler a rendering step to run in.
      await nextFrame();
      await nextFrame();
      safe(el);
      expect(hrefs(el)).to.deep.equal([1, 2, 3].map((n) => `https://tin.example.vn/rss-an-toan-${n}.html`));
      expect(window.__xss).to.equal(undefined);
    });

    it('light DOM: hostile hrefs are skipped', async () => {
      const el = await related(
        html`<news-related>
          <a href="jav&#x09;ascript:window.__xss=31">Tab</a>
          <a href="JaVaScRiPt:window.__xss=32">Case</a>
          <a href="data:text/html,<script>window.__xss=33</script>">Data</a>
          <a href="https://tin.example.vn/an-toan.html">An toàn</a>
        </news-related>`,
      );
      await loaded(el);
      safe(el);
      expect(titles(el)).to.deep.equal(['An toàn']);
      expect(window.__xss).to.equal(undefined);
    });

    it('XSS strings from the PayloadsAllTheThings corpus stay text', async () => {
      const corpus = (await (await fetch('/test/fixtures/xss/patt-XSS_Polyglots.txt')).text())
        .split('\n')
        .filter((line) => line.trim());
      const list = corpus
        .slice(0, 100)
        .map((title, i) => ({ url: `https://tin.example.vn/x-${i}.html`, title, image: title }));
      const el = await related(html`<news-related limit="100" layout="thumbnails" .items=${list}></news-related>`);
      await loaded(el);
      // Give any injected handler a rendering step to run in.
      await nextFrame();
      await nextFrame();
      safe(el);
      expect(window.__xss).to.equal(undefined);
    });
  });

  describe('loading', () => {
    it('does not fetch before it comes near the viewport, then fetches once', async () => {
      const key = uniqueKey('related-lazy');
      const host = await fixture<HTMLElement>(
        html`<div>
          <div style="height: 6000px"></div>
          <news-related src="${counted(key, `${LISTS}/related.json`)}"></news-related>
        </div>`,
      );
      const el = host.querySelector('news-related')!;
      // The IntersectionObserver reports the far-away box within the next rendering steps.
      await nextFrame();
      await nextFrame();
      expect(await count(key)).to.equal(0);
      expect(isSkeleton(el)).to.equal(true);
      el.scrollIntoView();
      await loaded(el);
      expect(await count(key)).to.equal(1);
      window.scrollTo(0, 0);
    });

    it('loading="eager" fetches at once, far below the fold', async () => {
      const key = uniqueKey('related-eager');
      const host = await fixture<HTMLElement>(
        html`<div>
          <div style="height: 6000px"></div>
          <news-related loading="eager" src="${counted(key, `${LISTS}/related.json`)}"></news-related>
        </div>`,
      );
      await loaded(host.querySelector('news-related')!);
      expect(await count(key)).to.equal(1);
    });

    it('is accessible while loading (skeleton, busy region, status text)', async () => {
      const el = await related(
        html`<news-related
          lang="vi"
          loading="eager"
          src="/__fixture/delay/1500?then=${LISTS}/related.json"
        ></news-related>`,
      );
      await el.updateComplete;
      expect(isSkeleton(el)).to.equal(true);
      expect(root(el).querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Đang tải tin liên quan…');
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(root(el).querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    });

    it("reserve.css keeps the skeleton's height before the element is defined", async () => {
      const reserved = await reservedHeights('/src/related/reserve.css');
      for (const layout of ['list', 'thumbnails', 'grid', 'compact']) {
        const host = await fixture<HTMLElement>(
          html`<div style="width: 700px; font-size: 16px">
            <news-related
              layout="${layout}"
              loading="eager"
              src="/__fixture/delay/3000?reserve=${layout}"
            ></news-related>
          </div>`,
        );
        const el = host.querySelector('news-related')!;
        await el.updateComplete;
        expect(isSkeleton(el)).to.equal(true);
        const skeleton = el.getBoundingClientRect().height;
        const min = reserved.get(
          layout === 'list' ? 'news-related:not(:defined)' : `news-related[layout="${layout}"]:not(:defined)`,
        )!;
        expect(min, layout).to.be.a('number');
        expect(min, layout).to.be.at.most(skeleton);
        expect(skeleton - min, layout).to.be.below(4);
      }
    });

    for (const layout of ['list', 'thumbnails', 'grid', 'compact']) {
      it(`never pushes what follows down when the list replaces its skeleton (${layout})`, async () => {
        await expectNoPushDown(
          html`<div style="width: 560px">
            <news-related
              layout="${layout}"
              loading="eager"
              src="/__fixture/delay/400?then=${LISTS}/related.json&shift=${layout}"
            ></news-related>
            <p id="below">Đoạn văn bên dưới</p>
          </div>`,
          'news-related',
        );
      });
    }
  });
});
