import { median, ratio, rotated } from './stats';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list instead of returning NaN', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('ratio', () => {
  it('says how many times the baseline a value is', () => {
    expect(ratio(105, 100)).toBeCloseTo(1.05);
  });

  it('refuses a zero baseline instead of returning Infinity', () => {
    expect(() => ratio(1, 0)).toThrow('non-positive baseline');
  });
});

describe('rotated', () => {
  it('starts each round one variant later, so every variant takes every position', () => {
    const rounds = [0, 1, 2, 3].map((round) => rotated(['a', 'b', 'c'], round).join(''));
    expect(rounds).toEqual(['abc', 'bca', 'cab', 'abc']);
  });

  it('leaves an empty list empty', () => {
    expect(rotated([], 3)).toEqual([]);
  });
});
