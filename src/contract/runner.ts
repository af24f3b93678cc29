/**
 * Runs every check against a server and reports one testcase per operation × check. Only reads:
 * the spec's operations are all reads, and nothing else is sent. The key is scrubbed from the
 * whole report, whatever the server echoed.
 */
import { createRedactor, redactDeep } from '../core/redact';
import { loadValidators } from '../core/validation';
import {
  checkBadRequests,
  checkConformance,
  checkCredentials,
  hasBadRequestCheck,
  hasCredentialChecks,
} from './checks';
import { CoverageRecorder } from './coverage';
import { createSender, isUnanswered } from './exchange';
import { filtersOf, OPERATIONS } from './operations';
import { RATE_LIMIT_POLICY, type RateLimitPolicy } from './rate-limit';
import { CHECKS, type ContractReport, countTestcases, type Testcase } from './report';
import { checkFilters, checkLimit, limitParam } from './semantics';
import type { CheckContext } from './testcase';

export interface ContractRunOptions {
  baseUrl: string;
  apiKey: string;
  /** fast-check's seed; the same seed against the same data replays the same cases. */
  seed: number;
  /** Generated cases per property-based check, on top of the cases always tried. */
  runs: number;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** How documented 429s and 503s are waited out; tests pass a sleep that does not wait. */
  rateLimit?: RateLimitPolicy;
}

export const DEFAULT_RUNS = 100;
export const DEFAULT_TIMEOUT_MS = 20_000;

export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/** The URL as safe to print: any user and password removed. */
export function printableUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.href.replace(/\/$/, '');
}

export function replayCommand(report: Pick<ContractReport, 'baseUrl' | 'seed' | 'runs'>): string {
  const runs = report.runs === DEFAULT_RUNS ? '' : ` --runs ${report.runs}`;
  return `callab contract-test --base-url ${report.baseUrl} --seed ${report.seed}${runs}`;
}

function byOperationAndCheck(operationIds: readonly string[]) {
  const rank = (t: Testcase) =>
    operationIds.indexOf(t.operationId) * CHECKS.length + CHECKS.indexOf(t.check);
  return (a: Testcase, b: Testcase) => rank(a) - rank(b);
}

function resultOf(counts: ContractReport['counts'], unreachable: string | undefined) {
  if (unreachable) return 'unreachable';
  if (counts.failed > 0) return 'failed';
  return counts.inconclusive > 0 ? 'inconclusive' : 'passed';
}

export async function runContract(options: ContractRunOptions): Promise<ContractReport> {
  const started = performance.now();
  const recorder = new CoverageRecorder();
  const context: CheckContext = {
    send: createSender(options, (operation, exchange) => recorder.record(operation, exchange)),
    validators: await loadValidators(),
    property: { seed: options.seed, runs: options.runs },
    rateLimit: options.rateLimit ?? RATE_LIMIT_POLICY,
  };
  const operations = OPERATIONS;

  const conformance = await Promise.all(operations.map((op) => checkConformance(context, op)));
  const unanswered = conformance.flatMap(({ outcome }) =>
    outcome && isUnanswered(outcome) ? [outcome.unanswered] : [],
  );
  const unreachable =
    unanswered.length === conformance.length ? [...new Set(unanswered)].join('; ') : undefined;
  const rest = unreachable
    ? []
    : await Promise.all(
        operations.flatMap((operation, index) => {
          const unfiltered = conformance[index];
          const filters = filtersOf(operation);
          if (!unfiltered) return [];
          return [
            ...(hasCredentialChecks(operation) ? checkCredentials(context, operation) : []),
            ...(hasBadRequestCheck(operation) ? [checkBadRequests(context, operation)] : []),
            ...(limitParam(operation) ? [checkLimit(context, operation, unfiltered)] : []),
            ...(filters.length > 0 ? [checkFilters(context, operation, filters, unfiltered)] : []),
          ];
        }),
      );

  const testcases = [...conformance.map(({ testcase }) => testcase), ...rest].sort(
    byOperationAndCheck(operations.map((op) => op.operationId)),
  );
  const counts = countTestcases(testcases);
  const baseUrl = printableUrl(options.baseUrl);
  const report: ContractReport = {
    tool: 'callab contract-test',
    baseUrl,
    seed: options.seed,
    runs: options.runs,
    result: resultOf(counts, unreachable),
    ...(unreachable && { unreachable }),
    seconds: (performance.now() - started) / 1000,
    counts,
    testcases,
    coverage: recorder.coverage(operations),
    replay: replayCommand({ baseUrl, seed: options.seed, runs: options.runs }),
  };
  return redactDeep(report, createRedactor(options.apiKey)) as ContractReport;
}
