/** The streaming benchmark's figures: medians, rates, ratios to raw fetch, and its goals. */
import { type Goal, goal } from './goals';
import { median, ratio } from './stats';
import { STREAM_VARIANTS, type StreamVariantId } from './stream-variants';
import type { StreamResult } from './stream-worker';

const MB = 1_000_000;

export interface StreamList {
  contacts: number;
  bodyBytes: number;
}

export interface StreamSummary extends StreamList {
  id: StreamVariantId;
  label: string;
  runs: StreamResult[];
  medianMs: number;
  medianPeakRssMb: number;
  contactsPerSecond: number;
  mbPerSecond: number;
  /** Against raw fetch + json() on the same list in the same run, when raw fetch could read it. */
  timeRatioToFetch?: number;
  rssRatioToFetch?: number;
  /** The first failure among the runs. */
  error?: string;
}

export function summarizeStream(
  raw: Partial<Record<StreamVariantId, StreamResult[]>>,
  list: StreamList,
): StreamSummary[] {
  const rows = (Object.keys(raw) as StreamVariantId[]).map((id) => {
    const runs = raw[id] ?? [];
    const medianMs = median(runs.map((run) => run.ms));
    const error = runs.find((run) => run.error !== undefined)?.error;
    return {
      id,
      label: STREAM_VARIANTS[id].label,
      ...list,
      runs,
      medianMs,
      medianPeakRssMb: median(runs.map((run) => run.peakRssBytes)) / MB,
      contactsPerSecond: (list.contacts * 1000) / medianMs,
      mbPerSecond: (list.bodyBytes / MB) * (1000 / medianMs),
      ...(error !== undefined && { error }),
    };
  });
  const baseline = rows.find((row) => row.id === 'fetch' && row.error === undefined);
  if (!baseline) return rows;
  return rows.map((row) => ({
    ...row,
    timeRatioToFetch: ratio(row.medianMs, baseline.medianMs),
    rssRatioToFetch: ratio(row.medianPeakRssMb, baseline.medianPeakRssMb),
  }));
}

function measured(rows: StreamSummary[], id: StreamVariantId): StreamSummary {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`streaming variant ${id} was not measured`);
  if (row.error !== undefined) throw new Error(`streaming variant ${id} failed: ${row.error}`);
  return row;
}

/**
 * Issue 12's goals: at 100k, `id` against raw fetch; past V8's longest string, the peak RSS of
 * each of `hugeIds` (the client's method and the CLI's export).
 */
export function evaluateStreamGoals(
  at100k: StreamSummary[],
  huge: StreamSummary[],
  id: StreamVariantId,
  hugeIds: readonly StreamVariantId[] = [id],
): Goal[] {
  const list = measured(at100k, id);
  const ratioOf = (value: number | undefined) => {
    if (value === undefined) throw new Error('raw fetch, the baseline, was not measured at 100k');
    return value;
  };
  return [
    goal('100k contacts streamed: time', ratioOf(list.timeRatioToFetch), 1.1, 'x raw fetch'),
    goal('100k contacts streamed: peak RSS', ratioOf(list.rssRatioToFetch), 0.35, 'x raw fetch'),
    ...hugeIds.map((hugeId) => {
      const big = measured(huge, hugeId);
      return goal(
        `${(big.contacts / 1_000_000).toFixed(1)}M contacts, ${big.label}: peak RSS`,
        big.medianPeakRssMb,
        200,
        'MB',
      );
    }),
  ];
}
