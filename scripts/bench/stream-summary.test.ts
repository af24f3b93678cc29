import { evaluateStreamGoals, summarizeStream } from './stream-summary';
import type { StreamResult } from './stream-worker';

const run = (ms: number, peakMb: number, error?: string): StreamResult => ({
  ms,
  rssBeforeBytes: 40e6,
  peakRssBytes: peakMb * 1e6,
  ...(error !== undefined && { error }),
});
const list100k = { contacts: 100_000, bodyBytes: 58_600_000 };
const listHuge = { contacts: 1_200_000, bodyBytes: 703_000_000 };

describe('summarizeStream', () => {
  it('gives medians, rates and ratios to raw fetch on the same list', () => {
    const [fetch, reader] = summarizeStream(
      {
        fetch: [run(1000, 330), run(900, 340), run(1100, 320)],
        'envelope-reader': [run(1050, 100), run(990, 90), run(3000, 95)],
      },
      list100k,
    );
    expect(fetch).toMatchObject({ medianMs: 1000, medianPeakRssMb: 330, timeRatioToFetch: 1 });
    expect(reader).toMatchObject({
      medianMs: 1050,
      medianPeakRssMb: 95,
      contactsPerSecond: 100_000 / 1.05,
      mbPerSecond: 58.6 / 1.05,
      timeRatioToFetch: 1.05,
      rssRatioToFetch: 95 / 330,
    });
    expect(reader?.error).toBeUndefined();
  });

  it('keeps the failure of a run, and gives no ratios when raw fetch failed', () => {
    const rows = summarizeStream(
      {
        'envelope-reader': [run(10_000, 110)],
        fetch: [run(4000, 1500, 'RangeError: Invalid string length')],
      },
      listHuge,
    );
    expect(rows.map((row) => [row.id, row.error, row.timeRatioToFetch])).toEqual([
      ['envelope-reader', undefined, undefined],
      ['fetch', 'RangeError: Invalid string length', undefined],
    ]);
    expect(rows[0]?.contactsPerSecond).toBe(120_000);
  });
});

describe('evaluateStreamGoals', () => {
  const at100k = (ms: number, peakMb: number) =>
    summarizeStream({ fetch: [run(1000, 300)], 'envelope-reader': [run(ms, peakMb)] }, list100k);
  const huge = (peakMb: number) =>
    summarizeStream({ 'envelope-reader': [run(9000, peakMb)] }, listHuge);

  it('meets each goal at its limit and misses it just above', () => {
    const met = evaluateStreamGoals(at100k(1100, 105), huge(200), 'envelope-reader');
    expect(met.map((g) => [g.goal, g.met])).toEqual([
      ['100k contacts streamed: time', true],
      ['100k contacts streamed: peak RSS', true],
      ['1.2M contacts, fetch + readEnvelopeItems (src/core/envelope-stream.ts): peak RSS', true],
    ]);
    const missed = evaluateStreamGoals(at100k(1101, 106), huge(201), 'envelope-reader');
    expect(missed.map((g) => g.met)).toEqual([false, false, false]);
  });

  it('holds each huge variant to the RSS goal: the client and the CLI', () => {
    const both = summarizeStream(
      { 'query-stream': [run(9000, 120)], 'cli-csv': [run(20_000, 201)] },
      listHuge,
    );
    const goals = evaluateStreamGoals(
      summarizeStream({ fetch: [run(1000, 300)], 'query-stream': [run(1000, 90)] }, list100k),
      both,
      'query-stream',
      ['query-stream', 'cli-csv'],
    );
    expect(goals.slice(2).map((g) => [g.goal, g.met])).toEqual([
      ['1.2M contacts, callab.contacts.queryStream(): peak RSS', true],
      [
        '1.2M contacts, callab contacts query --format csv > file (built CLI, its own process): peak RSS',
        false,
      ],
    ]);
  });

  it('fails loudly when the variant was not measured or failed', () => {
    const failed = summarizeStream({ 'envelope-reader': [run(1, 1, 'read 3 contacts')] }, listHuge);
    expect(() => evaluateStreamGoals(at100k(1000, 90), failed, 'envelope-reader')).toThrow(
      'failed: read 3 contacts',
    );
    expect(() => evaluateStreamGoals(huge(90), huge(90), 'envelope-reader')).toThrow(
      'raw fetch, the baseline',
    );
    expect(() => evaluateStreamGoals([], huge(90), 'envelope-reader')).toThrow('not measured');
  });
});
