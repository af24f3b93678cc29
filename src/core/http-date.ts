/**
 * HTTP-date (RFC 9110 section 5.6.7), strictly: IMF-fixdate and, as recipients must accept, the
 * obsolete RFC 850 and asctime forms. Anything else is not a date, however lenient `Date.parse`
 * would be with it (it reads `wait 5` as a year).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const DAY_NAME = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = new RegExp(`^${DAY_NAME}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
/** `Sunday, 06-Nov-94 08:49:37 GMT` */
const RFC850_DATE = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`,
);
/** `Sun Nov  6 08:49:37 1994` */
const ASCTIME_DATE = new RegExp(`^${DAY_NAME} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

interface DateParts {
  year: number;
  /** 0 for January. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Milliseconds since the epoch, or undefined when `value` is not an HTTP-date of a real day and time. */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
  const parts = partsOf(value, now);
  if (!parts) return undefined;
  const time = Date.UTC(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  const date = new Date(time);
  // Date.UTC rolls 30 Feb over to March and 25:00 to the next day: such a value is not a date.
  const real =
    date.getUTCFullYear() === parts.year &&
    date.getUTCMonth() === parts.month &&
    date.getUTCDate() === parts.day &&
    date.getUTCHours() === parts.hour &&
    date.getUTCMinutes() === parts.minute &&
    date.getUTCSeconds() === parts.second;
  return real ? time : undefined;
}

function partsOf(value: string, now: number): DateParts | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    const [, day, month, year, hour, minute, second] = match;
    return toParts(Number(year), month, day, hour, minute, second);
  }
  match = RFC850_DATE.exec(value);
  if (match) {
    const [, day, month, year, hour, minute, second] = match;
    return toParts(fullYear(Number(year), now), month, day, hour, minute, second);
  }
  match = ASCTIME_DATE.exec(value);
  if (match) {
    const [, month, day, hour, minute, second, year] = match;
    return toParts(Number(year), month, day, hour, minute, second);
  }
  return undefined;
}

function toParts(year: number, ...rest: (string | undefined)[]): DateParts {
  const [month, day, hour, minute, second] = rest;
  return {
    year,
    month: MONTHS.indexOf(month as string),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
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
