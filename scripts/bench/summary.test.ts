import type { LargeResult } from './large-worker';
import { summarizeLarge, summarizeSmall } from './summary';

const run = (ms: number, peakMb: number): LargeResult => ({
  ms,
  rssBeforeBytes: 50_000_000,
  peakRssBytes: peakMb * 1_000_000,
});

describe('summarizeSmall', () => {
  const rounds = (...wallMs: number[]) => wallMs.map((ms) => ({ wallMs: ms, cpuMs: ms / 2 }));

  it('reports each variant by its median round, per query and against raw fetch', () => {
    const [fetchRow, callabRow] = summarizeSmall(
      { fetch: rounds(900, 1000, 5000), callab: rounds(1050, 1100, 1000) },
      2000,
    );
    expect(fetchRow).toMatchObject({
      id: 'fetch',
      medianMs: 1000,
      perQueryUs: 500,
      ratioToFetch: 1,
    });
    expect(fetchRow?.cpuPerQueryUs).toBe(250);
    expect(callabRow).toMatchObject({ id: 'callab', medianMs: 1050, ratioToFetch: 1.05 });
    expect(callabRow?.cpuRatioToFetch).toBeCloseTo(1.05);
  });

  it('fails when raw fetch, the baseline, is missing', () => {
    expect(() => summarizeSmall({ callab: rounds(1) }, 1)).toThrow('baseline');
  });
});

describe('summarizeLarge', () => {
  it('takes time and peak RSS medians separately and compares both to raw fetch', () => {
    const rows = summarizeLarge({
      fetch: [run(400, 300), run(500, 320), run(450, 310)],
      callab: [run(600, 330), run(440, 390), run(495, 341)],
    });
    expect(rows[1]).toMatchObject({ medianMs: 495, medianPeakRssMb: 341 });
    expect(rows[1]?.timeRatioToFetch).toBeCloseTo(1.1);
    expect(rows[1]?.rssRatioToFetch).toBeCloseTo(1.1);
  });
});
