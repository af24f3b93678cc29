/** The arithmetic the benchmark reports with. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** How many times `baseline` the `value` is: 1.05 means 5% slower (or bigger). */
export function ratio(value: number, baseline: number): number {
  if (!(baseline > 0)) throw new Error(`ratio to a non-positive baseline (${baseline})`);
  return value / baseline;
}

/**
 * The order of the variants in round `round`: ABCD, BCDA, CDAB... Alternating spreads drift over
 * all variants, and rotating gives each one every position, so none always runs right after the
 * same neighbour (and its garbage).
 */
export function rotated<T>(items: readonly T[], round: number): T[] {
  const start = items.length ? round % items.length : 0;
  return [...items.slice(start), ...items.slice(0, start)];
}
