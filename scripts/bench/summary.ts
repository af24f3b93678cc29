/** Turns the workers' raw measurements into medians and ratios to raw fetch. */
import type { LargeResult } from './large-worker';
import type { RoundTimes, SmallResult } from './small-worker';
import { median, ratio } from './stats';
import { VARIANTS, type VariantId } from './variants';

const MB = 1_000_000;

export interface SmallSummary {
  id: VariantId;
  label: string;
  rounds: RoundTimes[];
  /** Median over rounds of the wall time for all the round's queries. */
  medianMs: number;
  perQueryUs: number;
  ratioToFetch: number;
  /** The same for the client process's CPU time. */
  cpuPerQueryUs: number;
  cpuRatioToFetch: number;
}

export interface LargeSummary {
  id: VariantId;
  label: string;
  runs: LargeResult[];
  medianMs: number;
  medianPeakRssMb: number;
  timeRatioToFetch: number;
  rssRatioToFetch: number;
}

function baselineOf<T extends { id: VariantId }>(rows: T[]): T {
  const baseline = rows.find((row) => row.id === 'fetch');
  if (!baseline) throw new Error('raw fetch, the baseline, was not measured');
  return baseline;
}

export function summarizeSmall(raw: SmallResult, queries: number): SmallSummary[] {
  const perQueryUs = (ms: number) => (ms * 1000) / queries;
  const rows = (Object.keys(raw) as VariantId[]).map((id) => {
    const rounds = raw[id] ?? [];
    const medianMs = median(rounds.map((r) => r.wallMs));
    return {
      id,
      label: VARIANTS[id].label,
      rounds,
      medianMs,
      perQueryUs: perQueryUs(medianMs),
      cpuPerQueryUs: perQueryUs(median(rounds.map((r) => r.cpuMs))),
    };
  });
  const baseline = baselineOf(rows);
  return rows.map((row) => ({
    ...row,
    ratioToFetch: ratio(row.medianMs, baseline.medianMs),
    cpuRatioToFetch: ratio(row.cpuPerQueryUs, baseline.cpuPerQueryUs),
  }));
}

export function summarizeLarge(raw: Partial<Record<VariantId, LargeResult[]>>): LargeSummary[] {
  const rows = (Object.keys(raw) as VariantId[]).map((id) => {
    const runs = raw[id] ?? [];
    return {
      id,
      label: VARIANTS[id].label,
      runs,
      medianMs: median(runs.map((run) => run.ms)),
      medianPeakRssMb: median(runs.map((run) => run.peakRssBytes)) / MB,
    };
  });
  const baseline = baselineOf(rows);
  return rows.map((row) => ({
    ...row,
    timeRatioToFetch: ratio(row.medianMs, baseline.medianMs),
    rssRatioToFetch: ratio(row.medianPeakRssMb, baseline.medianPeakRssMb),
  }));
}
