/**
 * HTTP-date (RFC 9110 section 5.6.7), strictly: IMF-fixdate and, as recipients must accept, the
 * obsolete RFC 850 and asctime forms. Anything else is not a date, however lenient `Date.parse`
 * would be with it (it reads `wait 5` as a year).
 */
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TIME = '(\\d\\d:\\d\\d:\\d\\d)';
/** `Sunday, 06-Nov-94 08:49:37 GMT` */
const RFC850_DATE = new RegExp(
  `^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d\\d)-([A-Z][a-z]{2})-(\\d\\d) ${TIME} GMT$`,
);
/** `Sun Nov  6 08:49:37 1994` */
const ASCTIME_DATE = new RegExp(`^${DAY} ([A-Z][a-z]{2}) ( \\d|\\d\\d) ${TIME} (\\d{4})$`);

/** Milliseconds since the epoch, or undefined when `value` is not an HTTP-date. */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
  const fixdate = asImfFixdate(value, now);
  const time = Date.parse(fixdate);
  // An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) is what toUTCString writes, character for
  // character: the round trip refuses 30 Feb, 24:00, a wrong weekday, other zones, lower case.
  return Number.isNaN(time) || new Date(time).toUTCString() !== fixdate ? undefined : time;
}

/** The obsolete forms rewritten as IMF-fixdate; anything else as it is. */
function asImfFixdate(value: string, now: number): string {
  let match = RFC850_DATE.exec(value);
  if (match) {
    const [, day = '', date, month, year, time] = match;
    return `${day.slice(0, 3)}, ${date} ${month} ${fullYear(Number(year), now)} ${time} GMT`;
  }
  match = ASCTIME_DATE.exec(value);
  if (match) {
    const [, day, month, date = '', time, year] = match;
    return `${day}, ${date.trim().padStart(2, '0')} ${month} ${year} ${time} GMT`;
  }
  return value;
}

/**
 * RFC 9110: a two-digit year that would be more than 50 years in the future is the most recent
 * past year with the same last two digits.
 */
function fullYear(twoDigits: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  const year = current - (current % 100) + twoDigits;
  return year > current + 50 ? year - 100 : year;
}
