/** The performance goals, checked against one run's summaries. */
import type { BundleSize } from './bundle-size';
import type { LargeSummary, SmallSummary } from './summary';
import type { VariantId } from './variants';

export interface Goal {
  goal: string;
  measured: number;
  limit: number;
  unit: 'x raw fetch' | 'bytes gzip' | 'MB';
  met: boolean;
}

export const ROOT_ENTRY_LABEL = 'callab-client';

function find<T extends { id: VariantId }>(rows: T[], id: VariantId): T {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`variant ${id} was not measured`);
  return row;
}

export function goal(name: string, measured: number, limit: number, unit: Goal['unit']): Goal {
  return { goal: name, measured, limit, unit, met: measured <= limit };
}

/** The small-query goal alone, for a run of that part only (`npm run bench -- --only=small`). */
export function smallGoals(small: SmallSummary[]): Goal[] {
  return [goal('small queries: time', find(small, 'callab').ratioToFetch, 1.05, 'x raw fetch')];
}

export function largeGoals(large: LargeSummary[]): Goal[] {
  const callabLarge = find(large, 'callab');
  const validating = find(large, 'callab-validate');
  return [
    goal('100k contacts: time', callabLarge.timeRatioToFetch, 1.1, 'x raw fetch'),
    goal('100k contacts: peak RSS', callabLarge.rssRatioToFetch, 1.25, 'x raw fetch'),
    goal('100k contacts, validate: true: time', validating.timeRatioToFetch, 1.5, 'x raw fetch'),
  ];
}

export function bundleGoals(bundles: BundleSize[]): Goal[] {
  const rootEntry = bundles.find((b) => b.label === ROOT_ENTRY_LABEL);
  if (!rootEntry) throw new Error(`bundle of ${ROOT_ENTRY_LABEL} was not measured`);
  return [
    goal(
      '`.` entry, with openapi-fetch (what a bundle ships)',
      rootEntry.gzipBytes,
      8000,
      'bytes gzip',
    ),
  ];
}

export function evaluateGoals(
  small: SmallSummary[],
  large: LargeSummary[],
  bundles: BundleSize[],
): Goal[] {
  return [...smallGoals(small), ...largeGoals(large), ...bundleGoals(bundles)];
}
