/**
 * Runs one property-based check with fast-check: the examples first (the cases a check always
 * tries), then `runs` generated cases from `seed`. On a failure fast-check shrinks the case; the
 * result holds the violations of the shrunk counterexample and what replays it.
 */
import fc from 'fast-check';
import { InconclusiveCheck } from './rate-limit';

export interface Counterexample {
  /** The shrunk case, as fast-check prints it. */
  value: string;
  seed: number;
  /** How many cases ran before the first failure, and how many shrinking steps followed. */
  failedAfter: number;
  shrinks: number;
}

export interface PropertyOutcome {
  violations: string[];
  /** How many requests the check made (cases tried, shrinking included). */
  cases: number;
  counterexample?: Counterexample;
  /** Why the cases stopped before all ran (the server's rate limit); no case is sent after. */
  inconclusive?: string;
}

export interface PropertyRun {
  seed: number;
  runs: number;
}

export async function checkProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  examples: readonly T[],
  violationsOf: (value: T) => Promise<string[]>,
  { seed, runs }: PropertyRun,
): Promise<PropertyOutcome> {
  let cases = 0;
  let lastFailure: { value: T; violations: string[] } | undefined;
  let inconclusive: string | undefined;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    if (inconclusive !== undefined) return true;
    cases++;
    let violations: string[];
    try {
      violations = await violationsOf(value);
    } catch (error) {
      if (!(error instanceof InconclusiveCheck)) throw error;
      // Counted as a pass so that fast-check ends quickly: nothing more is sent.
      inconclusive = error.message;
      return true;
    }
    if (violations.length === 0) return true;
    lastFailure = { value, violations };
    return false;
  });
  const details = await fc.check(property, {
    seed,
    // fast-check counts the examples in numRuns (and drops those past it).
    numRuns: examples.length + runs,
    examples: examples.map((example): [T] => [example]),
  });
  const stopped = inconclusive === undefined ? {} : { inconclusive };
  if (!details.failed) return { violations: [], cases, ...stopped };
  const [counterexample] = details.counterexample ?? [];
  // Only a property that threw (a bug in a check, not a server defect) fails without violations.
  if (!lastFailure || counterexample === undefined) throw details.errorInstance;
  // Shrinking ends on the last failing case, so it is the counterexample; a server whose answer
  // changed in between is asked once more.
  const violations =
    fc.stringify(lastFailure.value) === fc.stringify(counterexample)
      ? lastFailure.violations
      : await violationsOf(counterexample);
  return {
    violations,
    cases,
    ...stopped,
    counterexample: {
      value: fc.stringify(counterexample),
      seed: details.seed,
      failedAfter: details.numRuns,
      shrinks: details.numShrinks,
    },
  };
}
