import { expect } from '@open-wc/testing';
import { comparableUrl, safeHttpUrl, safeImageUrl } from '../../src/core/url.js';

describe('safeHttpUrl', () => {
  it('keeps http and https, resolving relative URLs against a base', () => {
    expect(safeHttpUrl('https://tinhnha.example/a?b=1#c')).to.equal('https://tinhnha.example/a?b=1#c');
    expect(safeHttpUrl('  http://tinhnha.example  ')).to.equal('http://tinhnha.example/');
    expect(safeHttpUrl('/blog/x', 'http://intertwingly.net/blog/index.atom')).to.equal(
      'http://intertwingly.net/blog/x',
    );
    expect(safeHttpUrl('3308.atom', 'http://intertwingly.net/blog/2013/01/30/')).to.equal(
      'http://intertwingly.net/blog/2013/01/30/3308.atom',
    );
  });

  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript&colon;alert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#106;avascript:alert(1)',
    '%6A%61vascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'blob:https://example.com/uuid',
    'https://',
    '',
  ];
  for (const value of hostile) {
    it(`refuses ${JSON.stringify(value)}`, () => {
      // No base: relative-looking junk must not become a same-origin link either.
      expect(safeHttpUrl(value)).to.equal(null);
    });
  }

  it('refuses non-strings', () => {
    expect(safeHttpUrl(undefined)).to.equal(null);
    expect(safeHttpUrl({ toString: () => 'https://x.example' })).to.equal(null);
  });
});

describe('safeImageUrl', () => {
  const base = 'https://api.tinhnha.example/v1/related?url=x';
  it('keeps absolute and scheme-relative images, and relative paths on the base origin', () => {
    expect(safeImageUrl('https://cdn.example.vn/a.jpg', base)).to.equal('https://cdn.example.vn/a.jpg');
    expect(safeImageUrl('//cdn.example.vn/b.jpg', base)).to.equal('https://cdn.example.vn/b.jpg');
    expect(safeImageUrl('/demo/c.jpg', base)).to.equal('https://api.tinhnha.example/demo/c.jpg');
    expect(safeImageUrl('anh/d.jpg', base)).to.equal('https://api.tinhnha.example/v1/anh/d.jpg');
    expect(safeImageUrl('https://cdn.example.vn/a.jpg')).to.equal('https://cdn.example.vn/a.jpg');
  });

  // Paths that look like paths on the site, which the URL parser reads as another host.
  for (const value of [
    '/\\evil.example/x.png',
    '\\\\evil.example/x.png',
    '\\/evil.example/x.png',
    '/\t/evil.example/x.png',
    ' /\\evil.example/x.png',
    '/\n\\evil.example/x.png',
  ]) {
    it(`never turns ${JSON.stringify(value)} into a request to another host`, () => {
      expect(safeHttpUrl(value, base)).to.match(/^https:\/\/evil\.example\//); // what the parser makes of it
      expect(safeImageUrl(value, base)).to.equal(null);
    });
  }
});

describe('comparableUrl', () => {
  it('ignores hash, tracking parameters, www, scheme and trailing slash', () => {
    const canonical = comparableUrl('https://tinhnha.example/thoi-su/bai-1.html');
    expect(comparableUrl('http://www.tinhnha.example/thoi-su/bai-1.html?utm_source=zalo&fbclid=1#binh-luan')).to.equal(
      canonical,
    );
    expect(comparableUrl('https://tinhnha.example/thoi-su/bai-1.html?page=2')).not.to.equal(canonical);
  });
});
