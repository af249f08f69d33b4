import { expect } from '@open-wc/testing';
import { comparableUrl, safeHttpUrl } from '../../src/core/url.js';

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

describe('comparableUrl', () => {
  it('ignores hash, tracking parameters, www, scheme and trailing slash', () => {
    const canonical = comparableUrl('https://tinhnha.example/thoi-su/bai-1.html');
    expect(comparableUrl('http://www.tinhnha.example/thoi-su/bai-1.html?utm_source=zalo&fbclid=1#binh-luan')).to.equal(
      canonical,
    );
    expect(comparableUrl('https://tinhnha.example/thoi-su/bai-1.html?page=2')).not.to.equal(canonical);
  });
});
