/** checkProperty: the examples always run, then `runs` generated cases; a failure is shrunk. */
import fc from 'fast-check';
import { checkProperty } from './property';

describe('checkProperty', () => {
  it('tries every example, however few generated cases are asked for, then that many more', async () => {
    const tried: number[] = [];
    const examples = [101, 102, 103, 104, 105];
    const outcome = await checkProperty(
      fc.integer({ min: 0, max: 100 }),
      examples,
      async (n) => {
        tried.push(n);
        return [];
      },
      { seed: 1, runs: 2 },
    );
    expect(tried.slice(0, 5)).toEqual(examples);
    expect(tried).toHaveLength(7);
    expect(outcome).toEqual({ violations: [], cases: 7 });
  });

  it('reports the violations of the shrunk counterexample and the seed', async () => {
    const outcome = await checkProperty(
      fc.integer({ min: 0, max: 1000 }),
      [],
      async (n) => (n >= 10 ? [`${n} is too big`] : []),
      { seed: 42, runs: 100 },
    );
    expect(outcome.violations).toEqual(['10 is too big']);
    expect(outcome.counterexample).toMatchObject({ value: '10', seed: 42 });
  });

  it('rethrows what a check throws: a bug, not a violation', async () => {
    const bug = new TypeError('a bug in the check');
    await expect(
      checkProperty(
        fc.integer(),
        [1],
        async () => {
          throw bug;
        },
        { seed: 1, runs: 1 },
      ),
    ).rejects.toThrow(bug);
  });
});
