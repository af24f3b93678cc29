import type { BundleSize } from './bundle-size';
import { evaluateGoals, ROOT_ENTRY_LABEL } from './goals';
import type { LargeSummary, SmallSummary } from './summary';

const small = (id: 'fetch' | 'callab', ratioToFetch: number) =>
  ({ id, ratioToFetch }) as SmallSummary;
const large = (id: 'callab' | 'callab-validate', time: number, rss: number) =>
  ({ id, timeRatioToFetch: time, rssRatioToFetch: rss }) as LargeSummary;
const bundle = (gzipBytes: number) => ({ label: ROOT_ENTRY_LABEL, gzipBytes }) as BundleSize;

describe('evaluateGoals', () => {
  it('meets a goal at its limit and misses it just above', () => {
    const goals = evaluateGoals(
      [small('fetch', 1), small('callab', 1.05)],
      [large('callab', 1.11, 1.25), large('callab-validate', 1.5, 2)],
      [bundle(8001)],
    );
    expect(goals.map((g) => [g.goal, g.met])).toEqual([
      ['small queries: time', true],
      ['100k contacts: time', false],
      ['100k contacts: peak RSS', true],
      ['100k contacts, validate: true: time', true],
      ['`.` entry, with openapi-fetch (what a bundle ships)', false],
    ]);
  });

  it('fails loudly when a measurement a goal needs is missing', () => {
    expect(() => evaluateGoals([small('fetch', 1)], [], [])).toThrow('callab');
  });
});
