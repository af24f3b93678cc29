import { CallabError } from './errors';
import { checkMaxRetries, checkTimeoutMs } from './options';

describe('checkTimeoutMs', () => {
  it.each([1, 30_000, 2 ** 31 - 1])('accepts %d ms', (value) => {
    expect(checkTimeoutMs(value, 'constructor')).toBe(value);
  });

  it.each([0, 0.5, -1, 2 ** 31, Number.NaN, Number.POSITIVE_INFINITY, '5', null])(
    'refuses %p, saying where and what is allowed',
    (value) => {
      const check = () => checkTimeoutMs(value as number, 'request options');
      expect(check).toThrow(CallabError);
      expect(check).toThrow(
        `Invalid timeoutMs ${String(value)} (request options): expected milliseconds from 1 to 2147483647.`,
      );
    },
  );
});

describe('checkMaxRetries', () => {
  it.each([0, 2, 10])('accepts %d', (value) => {
    expect(checkMaxRetries(value, 'constructor')).toBe(value);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53, '2', null])('refuses %p', (value) => {
    const check = () => checkMaxRetries(value as number, 'constructor');
    expect(check).toThrow(CallabError);
    expect(check).toThrow(
      `Invalid maxRetries ${String(value)} (constructor): expected a whole number >= 0.`,
    );
  });
});
