import { fullFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { COMMON_DATE_TIME, formats } from './validator-formats';

const full = (fullFormats['date-time'] as { validate: (value: string) => boolean }).validate;
const check = formats['date-time'].validate;

/** Strings shaped like date-times, each part in or just outside its range. */
const two = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const dateTimeLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    two(0, 13),
    two(0, 32),
    fc.constantFrom('T', 'T', 'T', 't', ' ', 'x', ''),
    two(0, 24),
    two(0, 60),
    two(0, 61),
    fc.constantFrom('', '', '.5', '.123456', '.'),
    fc.constantFrom(
      'Z',
      'Z',
      'z',
      '',
      '+00:00',
      '-05:30',
      '+23:59',
      '+24:00',
      '+01:60',
      '+0100',
      '+01',
    ),
  )
  .map(([y, mo, d, sep, h, mi, s, frac, tz]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac}${tz}`);

describe("validator-formats: date-time is ajv-formats' full check, with a fast path", () => {
  it('the fast path accepts only what the full check accepts', () => {
    fc.assert(
      fc.property(fc.oneof(dateTimeLike, fc.string()), (value) => {
        if (COMMON_DATE_TIME.test(value)) expect(full(value)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2024-03-14T15:09:26Z', true, true],
    ['2024-02-29T00:00:00Z', true, false],
    ['2023-02-29T00:00:00Z', false, false],
    ['2024-04-31T00:00:00Z', false, false],
    ['2016-12-31T23:59:60Z', true, false],
    ['2024-03-14T15:09:26+01:00', true, true],
    ['2024-03-14T15:09:26+0100', true, false],
    ['2024-03-14 15:09:26Z', true, false],
    ['2024-03-14T15:09:26', false, false],
  ])('%s: valid %s (fast path: %s)', (value, valid, fast) => {
    expect(check(value)).toBe(valid);
    expect(COMMON_DATE_TIME.test(value)).toBe(fast);
  });
});
