import { UsageError } from './errors';
import { flagOrEnv, formatOptions, stringValues, wholeNumber } from './options';

describe('flagOrEnv', () => {
  const env = { CALLAB_API_KEY: 'sk-env' };
  it('gives the flag, else the variable, else undefined', () => {
    expect(flagOrEnv({ 'api-key': 'sk-1' }, 'api-key', env, 'CALLAB_API_KEY')).toBe('sk-1');
    expect(flagOrEnv({}, 'api-key', env, 'CALLAB_API_KEY')).toBe('sk-env');
    expect(flagOrEnv({}, 'api-key', {}, 'CALLAB_API_KEY')).toBeUndefined();
    expect(flagOrEnv({}, 'api-key', { CALLAB_API_KEY: ' ' }, 'CALLAB_API_KEY')).toBeUndefined();
  });

  it.each(['', '  '])('refuses an empty flag (%j) instead of falling back', (value) => {
    const read = () => flagOrEnv({ 'api-key': value }, 'api-key', env, 'CALLAB_API_KEY');
    expect(read).toThrow(UsageError);
    expect(read).toThrow(
      '--api-key is empty: pass a value, or leave --api-key out to use CALLAB_API_KEY',
    );
  });
});

describe('stringValues', () => {
  it('splits each value on commas, so a list is never sent as one value', () => {
    expect(stringValues({ tag: ['vip,renewal', 'b', ' c , d '] }, 'tag')).toEqual([
      'vip',
      'renewal',
      'b',
      'c',
      'd',
    ]);
    expect(stringValues({}, 'tag')).toBeUndefined();
  });

  it.each([[['']], [['vip,']], [['a', ' ']]])('refuses an empty value in %j', (tag) => {
    expect(() => stringValues({ tag }, 'tag')).toThrow(UsageError);
    expect(() => stringValues({ tag }, 'tag')).toThrow(
      '--tag needs a value: --tag S, or --tag S1,S2 for any of several',
    );
  });
});

describe('formatOptions', () => {
  it('neutralises formulas unless --csv-raw-formulas', () => {
    expect(formatOptions({}, 'csv')).toEqual({ rawFormulas: false });
    expect(formatOptions({ 'csv-raw-formulas': true }, 'csv')).toEqual({ rawFormulas: true });
    expect(formatOptions({}, 'json')).toEqual({ rawFormulas: false });
  });

  it('refuses --csv-raw-formulas with another format', () => {
    expect(() => formatOptions({ 'csv-raw-formulas': true }, 'table')).toThrow(
      '--csv-raw-formulas applies to --format csv only, not table',
    );
  });
});

describe('wholeNumber', () => {
  it('reads a whole number within the bounds', () => {
    expect(wholeNumber({ limit: '7' }, 'limit', 1)).toBe(7);
    expect(wholeNumber({ port: '65535' }, 'port', 0, 65535)).toBe(65535);
    expect(wholeNumber({}, 'limit', 1)).toBeUndefined();
  });

  it.each([
    [{ limit: '0' }, 1, undefined, "--limit must be a whole number >= 1, got '0'"],
    [{ limit: '-1' }, 1, undefined, "--limit must be a whole number >= 1, got '-1'"],
    [{ limit: '1.5' }, 1, undefined, "--limit must be a whole number >= 1, got '1.5'"],
    [{ limit: '' }, 1, undefined, "--limit must be a whole number >= 1, got ''"],
    [{ limit: '65536' }, 0, 65535, "--limit must be a whole number from 0 to 65535, got '65536'"],
  ])('refuses %j', (values, min, max, message) => {
    expect(() => wholeNumber(values, 'limit', min, max)).toThrow(message);
  });
});
