/** What a contract run found: one testcase per operation × check, and the coverage it reached. */
import type { Counterexample } from './property';

export const CHECKS = [
  'conformance',
  'missing key',
  'wrong key',
  'bad requests',
  'limit',
  'filters',
] as const;

export type CheckName = (typeof CHECKS)[number];

export interface Testcase {
  operationId: string;
  /** `POST /contact/query`. */
  endpoint: string;
  check: CheckName;
  /**
   * `skipped`: the server's data cannot exercise the check. `inconclusive`: the server did not let
   * it finish (a documented 429 or 503 that outlasted the waits), which is no contract violation.
   */
  status: 'passed' | 'failed' | 'skipped' | 'inconclusive';
  /** One line each: `queryContacts (POST /contact/query) [filter] ...`. */
  violations: string[];
  /** Why the check could not run. */
  skipped?: string;
  /** Why the check could not finish; also set on a failed check whose later requests were limited. */
  inconclusive?: string;
  /** What the server's data let the check not exercise. */
  limitations: string[];
  counterexample?: Counterexample;
  requests: number;
  seconds: number;
}

/** A documented (operation, status, content type). */
export interface ResponseKey {
  operationId: string;
  status: string;
  contentType: string;
}

export interface Coverage {
  /** Documented responses the run saw, with how often. */
  seen: (ResponseKey & { count: number })[];
  /** Documented responses the server never produced in this run. */
  neverSeen: ResponseKey[];
  /** Responses the spec does not document (each is also a violation). */
  undocumented: (ResponseKey & { count: number })[];
}

export interface ContractReport {
  tool: string;
  /** The server checked, without any user or password in the URL. */
  baseUrl: string;
  seed: number;
  runs: number;
  /** `failed` when any check found a violation; else `inconclusive` when any check was. */
  result: 'passed' | 'failed' | 'inconclusive' | 'unreachable';
  /** Why the server counts as unreachable. */
  unreachable?: string;
  seconds: number;
  counts: {
    testcases: number;
    passed: number;
    failed: number;
    skipped: number;
    inconclusive: number;
    violations: number;
  };
  testcases: Testcase[];
  coverage: Coverage;
  /** The command line that runs the same cases again. */
  replay: string;
}

export function allViolations(report: Pick<ContractReport, 'testcases'>): string[] {
  return report.testcases.flatMap((testcase) => testcase.violations);
}

export function countTestcases(testcases: readonly Testcase[]): ContractReport['counts'] {
  const count = (status: Testcase['status']) => testcases.filter((t) => t.status === status).length;
  return {
    testcases: testcases.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    inconclusive: count('inconclusive'),
    violations: allViolations({ testcases: [...testcases] }).length,
  };
}
