import { expect } from '@open-wc/testing';
import { formatDateTime, formatRelativeTime, parseDate } from '../../src/core/time.js';

describe('parseDate', () => {
  const cases: [string, string][] = [
    ['Mon, 18 Feb 2019 20:35:51 +0700', '2019-02-18T13:35:51.000Z'],
    ['Mon, 12 Jun 2017 10:50:00 GMT+7', '2017-06-12T03:50:00.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Wed, 03 Jan 2018 13:47:00 GMT\r\n      ', '2018-01-03T13:47:00.000Z'],
    ['2016-02-01T10:15:00+01:00', '2016-02-01T09:15:00.000Z'],
    ['2021-02-27T01:02:03Z', '2021-02-27T01:02:03.000Z'],
    ['Mon, 05 Oct 26 14:10:00 +07', '2026-10-05T07:10:00.000Z'],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parseDate(input)?.toISOString()).to.equal(expected);
    });
  }

  it('gives null, never an Invalid Date', () => {
    for (const bad of ['', 'không phải ngày', 'Mon, 99 Foo 2019', null, undefined, {}, NaN]) {
      expect(parseDate(bad)).to.equal(null);
    }
  });
});

describe('formatting', () => {
  const now = Date.parse('2026-11-29T08:00:00Z');
  it('is relative for the last week, in the page language', () => {
    expect(formatRelativeTime(new Date(now - 5 * 60_000), 'vi', now)).to.equal('5 phút trước');
    expect(formatRelativeTime(new Date(now - 3 * 3600_000), 'en', now)).to.equal('3 hours ago');
    expect(formatRelativeTime(new Date(now - 24 * 3600_000), 'en', now)).to.equal('yesterday');
  });

  it('is absolute after a week', () => {
    const date = new Date(now - 30 * 24 * 3600_000);
    expect(formatRelativeTime(date, 'vi', now)).to.equal(formatDateTime(date, 'vi'));
    expect(formatDateTime(date, 'vi', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })).to.equal(
      '30/10/2026',
    );
  });
});
