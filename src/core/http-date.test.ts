import { parseHttpDate } from './http-date';

describe('parseHttpDate', () => {
  const now = Date.parse('2026-06-15T12:00:00Z');

  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37Z'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', '1994-11-06T08:49:37Z'],
    ['Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37Z'],
    ['Thu Feb 29 23:59:59 2024', '2024-02-29T23:59:59Z'],
    // RFC 850's two-digit year: no more than 50 years ahead, else the century before.
    ['Wednesday, 01-Jan-76 00:00:00 GMT', '2076-01-01T00:00:00Z'],
    ['Saturday, 01-Jan-77 00:00:00 GMT', '1977-01-01T00:00:00Z'],
    ['Monday, 15-Jun-26 12:00:00 GMT', '2026-06-15T12:00:00Z'],
  ])('%s is %s', (value, iso) => {
    expect(parseHttpDate(value, now)).toBe(Date.parse(iso));
  });

  it.each([
    '',
    'soon',
    '2026-06-15T12:00:00Z',
    'Mon, 15 Jun 2026 12:00:00 UTC',
    'Mon, 15 Jun 2026 12:00:00 GMT ',
    'Mon, 15 Jun 26 12:00:00 GMT',
    'Mon 15 Jun 2026 12:00:00 GMT',
    'Sun, 06 Nov 1994 08:49 GMT',
    'Sun, 06 Nvm 1994 08:49:37 GMT',
    'Sun, 31 Nov 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 08:60:37 GMT',
    'Sun, 06 Nov 1994 08:49:61 GMT',
    'Sun, 06 Nov 0094 08:49:37 GMT',
    'Sun Nov 06 08:49:37 94',
    'Sunday, 06-Nov-1994 08:49:37 GMT',
    // A weekday that is not the date's.
    'Mon, 06 Nov 1994 08:49:37 GMT',
    'Monday, 06-Nov-94 08:49:37 GMT',
    'Mon Nov  6 08:49:37 1994',
    'Sunsday, 06-Nov-94 08:49:37 GMT',
  ])('%j is not an HTTP-date', (value) => {
    expect(parseHttpDate(value, now)).toBeUndefined();
  });
});
