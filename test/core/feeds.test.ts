import { expect } from '@open-wc/testing';
import { decodeFeedBytes, FeedError, normalizeItems, parseFeed, type ParsedFeed } from '../../src/core/feeds.js';

const FEEDS = '/test/fixtures/feeds/';

async function load(name: string, feedUrl?: string): Promise<ParsedFeed> {
  const response = await fetch(FEEDS + name);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return parseFeed(decodeFeedBytes(bytes, response.headers.get('content-type')), {
    url: feedUrl ?? new URL(FEEDS + name, location.href).href,
  });
}

function expectFeedError(fn: () => unknown, reason: 'parse' | 'shape') {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).reason).to.equal(reason);
    return;
  }
  expect.fail(`expected a FeedError(${reason})`);
}

describe('parseFeed: real feeds', () => {
  it('VnExpress RSS 2019: titles, links, image and lede from the CDATA description, +0700 dates', async () => {
    const feed = await load('vnexpress-tin-moi-nhat-2019-02-18.rss.xml');
    expect(feed.format).to.equal('rss');
    expect(feed.items).to.have.length(25);
    const first = feed.items[0];
    expect(first.title).to.equal("Ngộ độc rượu, bệnh nhân thấy ảo giác 'bị ma quỷ truy đuổi'");
    expect(first.url).to.equal(
      'https://vnexpress.net/suc-khoe/ngo-doc-ruou-benh-nhan-thay-ao-giac-bi-ma-quy-truy-duoi-3882905.html',
    );
    expect(first.image).to.match(/^https:\/\/i-suckhoe\.vnecdn\.net\/2019\/02\/18\/.*_180x108\.png$/);
    expect(first.summary).to.match(/^Nam bệnh nhân 43 tuổi nhập viện/);
    expect(first.summary).not.to.contain('<');
    expect(first.publishedAt).to.equal('2019-02-18T13:35:51.000Z');
  });

  it('VnExpress as copied from Chrome: padded values are trimmed, the empty placeholder item is skipped', async () => {
    const feed = await load('vnexpress-tin-moi-nhat-2017-11-14.chrome-view.rss.xml');
    expect(feed.items).to.have.length(24);
    for (const item of feed.items) {
      expect(item.title).to.equal(item.title.trim());
      expect(item.title).not.to.contain('\n');
      expect(item.url).to.match(/^https?:\/\/([a-z]+\.)?vnexpress\.net\//);
    }
  });

  it('Dân Trí fragment: bare <item>s, CDATA links, a non-UUID guid and `GMT+7` dates', async () => {
    const feed = await load('dantri-2017-06-12.items-fragment.xml');
    expect(feed.items).to.have.length(2);
    expect(feed.items[0].title).to.equal('Dự án cao cấp quận Long Biên đã trở lại đường đua');
    expect(feed.items[0].url).to.equal(
      'http://dantri.com.vn/nha-dat/du-an-cao-cap-quan-long-bien-da-tro-lai-duong-dua-20170612104930159.htm',
    );
    expect(feed.items[0].image).to.equal('https://dantricdn.com/zoom/80_50/2017/untitled1-1497238454764.jpg');
    expect(feed.items[0].publishedAt).to.match(/^2017-06-12T03:\d\d:00\.000Z$/);
  });

  it('Guardian: media:content picks the image nearest in size, escaped HTML becomes text', async () => {
    const feed = await load('guardian-us-2018-01-31.rss.xml');
    expect(feed.items).to.have.length(55);
    const withImage = feed.items.filter((item) => item.image);
    expect(withImage.length).to.be.greaterThan(40);
    expect(withImage[0].image).to.contain('w=460');
    expect(withImage[0].image).not.to.contain('&amp;');
    for (const item of feed.items) expect(item.summary ?? '').not.to.match(/<\/?[a-z]/i);
  });

  it('HuffPost: trims CDATA padding and never uses a video as the thumbnail', async () => {
    const feed = await load('huffpost-canada-2017-10-17.rss.xml');
    expect(feed.items).to.have.length(2);
    for (const item of feed.items) {
      expect(item.title).to.equal(item.title.trim());
      expect(item.title).not.to.equal('');
      expect(item.image ?? '').not.to.match(/\.mp4(\?|$)/);
    }
  });

  it('heise Atom: html summaries become text, umlauts survive, published date used', async () => {
    const feed = await load('heise-developer-2016-02-01.atom.xml');
    expect(feed.format).to.equal('atom');
    expect(feed.items).to.have.length(15);
    expect(feed.items.some((item) => /[äöüß]/.test(item.title + (item.summary ?? '')))).to.equal(true);
    expect(feed.items[0].url).to.match(/^https?:\/\/www\.heise\.de\//);
    expect(feed.items[0].publishedAt).to.match(/^2016-/);
  });

  it('Sam Ruby Atom: relative links resolve against the feed URL', async () => {
    const feed = await load(
      'samruby-intertwingly-2013-02-23.relative-urls.atom.xml',
      'http://intertwingly.net/blog/index.atom',
    );
    expect(feed.items).to.have.length(20);
    expect(feed.items[0].url).to.equal('http://intertwingly.net/blog/2013/01/30/Plex');
  });

  it('Sam Ruby Atom with a blank line before <?xml (a common server bug) still parses', async () => {
    const response = await fetch(`${FEEDS}samruby-intertwingly-2013-02-23.relative-urls.atom.xml`);
    const feed = parseFeed(`\n${await response.text()}`, { url: 'http://intertwingly.net/blog/index.atom' });
    expect(feed.items).to.have.length(20);
  });

  it('reddit Atom: relative xml:base and absolute links', async () => {
    const feed = await load('reddit-frontpage-2016-01-26.relative-xml-base.atom.xml', 'https://www.reddit.com/.rss');
    expect(feed.items).to.have.length(25);
    expect(feed.items[0].url).to.equal(
      'https://www.reddit.com/r/funny/comments/42tizy/how_the_british_as_seen_by_americans_and_europeans/',
    );
  });

  it('Jornal de Notícias: ISO-8859-1 decoded by its declaration, CRLF dates, no tracking pixel as image', async () => {
    const feed = await load('jn-ultimas-2018-01-03.iso-8859-1.rss.xml');
    expect(feed.items).to.have.length(40);
    expect(feed.title).to.match(/^Jornal de Notícias/);
    expect(feed.items.every((item) => item.publishedAt?.startsWith('2018-01-0'))).to.equal(true);
    expect(feed.items.filter((item) => item.image && /feedburner|~r\//.test(item.image))).to.have.length(0);
    expect(feed.items.some((item) => /[ãçéáõ]/.test(item.title))).to.equal(true);
  });

  it('UOL: undeclared Latin-1 falls back to Windows-1252; Portuguese dates parse', async () => {
    const feed = await load('uol-noticias-2018-09-24.malformed.rss.xml');
    expect(feed.items).to.have.length(15);
    expect(feed.items[0].publishedAt).to.equal('2018-09-24T22:42:40.000Z');
    expect(feed.items.map((item) => item.title).join(' ')).not.to.contain('\uFFFD');
  });

  it('JSON Feed 1.1 (Daring Fireball): permalinks, text lede from content_html', async () => {
    const feed = await load('daringfireball-2021-02-27.feed-1.1.json');
    expect(feed.format).to.equal('json-feed');
    expect(feed.items).to.have.length(48);
    expect(feed.items[0].url).to.match(/^https:\/\/daringfireball\.net\//);
    expect(feed.items[0].summary ?? '').not.to.match(/<[a-z]/i);
  });

  it('JSON Feed 1.0 (Hypercritical): root-relative images resolve against home_page_url', async () => {
    const feed = await load('hypercritical-2016-12-18.feed-1.0.json');
    expect(feed.items).to.have.length(35);
    const image = feed.items.find((item) => item.image)?.image;
    expect(image).to.match(/^http:\/\/hypercritical\.co\/\d{4}\//);
    expect(feed.items.at(-1)!.publishedAt).to.match(/^2010-02-07/);
  });
});

describe('parseFeed: the kit list and bad input', () => {
  it('reads the kit list with views, section and generatedAt', () => {
    const feed = parseFeed(
      JSON.stringify({
        generatedAt: '2026-11-29T01:00:00Z',
        items: [
          {
            url: 'https://a.example/1',
            title: ' Một ',
            views: 1234,
            section: 'Thời sự',
            publishedAt: '2026-11-28T10:00:00+07:00',
          },
        ],
      }),
    );
    expect(feed).to.deep.equal({
      format: 'news-list',
      generatedAt: '2026-11-29T01:00:00.000Z',
      items: [
        {
          url: 'https://a.example/1',
          title: 'Một',
          views: 1234,
          section: 'Thời sự',
          publishedAt: '2026-11-28T03:00:00.000Z',
        },
      ],
    });
  });

  it('drops entries with unsafe or missing links and de-duplicates tracking variants', () => {
    const items = normalizeItems([
      { url: 'javascript:alert(1)', title: 'a' },
      { url: 'JaVaScRiPt:alert(1)', title: 'b' },
      { url: 'java\tscript:alert(1)', title: 'c' },
      { url: 'data:text/html,<script>alert(1)</script>', title: 'd' },
      { url: 'vbscript:msgbox(1)', title: 'e' },
      { url: '//evil.example/x', title: 'protocol-relative without base' },
      { url: 'https://ok.example/a?utm_source=x', title: 'ok' },
      { url: 'https://ok.example/a#comments', title: 'duplicate' },
      { title: 'no url' },
      { url: 'https://ok.example/b' },
    ]);
    expect(items.map((item) => item.title)).to.deep.equal(['ok']);
  });

  it('keeps hostile titles as text only', () => {
    const [item] = normalizeItems([
      {
        url: 'https://ok.example/',
        title: '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>Tiêu đề',
        image: 'javascript:alert(1)',
      },
    ]);
    expect(item.title).to.equal('Tiêu đề');
    expect(item.image).to.equal(undefined);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('rejects malformed JSON and XML as `parse`', () => {
    expectFeedError(() => parseFeed('{"items": ['), 'parse');
    expectFeedError(() => parseFeed('<rss><channel><item><title>x</title></chan'), 'parse');
    expectFeedError(() => parseFeed(''), 'parse');
    expectFeedError(() => parseFeed('Not a feed'), 'parse');
  });

  it('rejects the wrong shape as `shape`', () => {
    expectFeedError(() => parseFeed('{"data": []}'), 'shape');
    expectFeedError(() => parseFeed('"items"'), 'parse');
    expectFeedError(() => parseFeed('<html><body><a href="https://x.example">x</a></body></html>'), 'shape');
    expectFeedError(() => parseFeed('{"items":[{"title":"no link"},{"url":"javascript:x","title":"bad"}]}'), 'shape');
  });

  it('returns an empty list for an empty feed, which widgets report as `empty`', () => {
    expect(parseFeed('{"items":[]}').items).to.deep.equal([]);
    expect(parseFeed('<rss version="2.0"><channel><title>x</title></channel></rss>').items).to.deep.equal([]);
  });

  it('caps a huge list at 500 entries', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ url: `https://n.example/${i}`, title: `Tin ${i}` }));
    expect(parseFeed(JSON.stringify({ items })).items).to.have.length(500);
  });
});
