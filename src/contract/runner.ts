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

export async function runContract(options: ContractRunOptions): Promise<ContractReport> {
  const started = performance.now();
  const recorder = new CoverageRecorder();
  const context: CheckContext = {
    send: createSender(options, (operation, exchange) => recorder.record(operation, exchange)),
    validators: await loadValidators(),
    property: { seed: options.seed, runs: options.runs },
  };
  const operations = OPERATIONS;

  const conformance = await Promise.all(operations.map((op) => checkConformance(context, op)));
  const unreachable = conformance.every(({ outcome }) => isUnanswered(outcome))
    ? [
        ...new Set(
          conformance.map(({ outcome }) => (isUnanswered(outcome) ? outcome.unanswered : '')),
        ),
      ].join('; ')
    : undefined;
  const rest = unreachable
    ? []
    : await Promise.all(
        operations.flatMap((operation, index) => {
          const data = conformance[index]?.data;
          const filters = filtersOf(operation);
          return [
            ...(hasCredentialChecks(operation) ? checkCredentials(context, operation) : []),
            ...(hasBadRequestCheck(operation) ? [checkBadRequests(context, operation)] : []),
            ...(limitParam(operation) ? [checkLimit(context, operation, data)] : []),
            ...(filters.length > 0 ? [checkFilters(context, operation, filters, data)] : []),
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
    result: unreachable ? 'unreachable' : counts.failed > 0 ? 'failed' : 'passed',
    ...(unreachable && { unreachable }),
    seconds: (performance.now() - started) / 1000,
    counts,
    testcases,
    coverage: recorder.coverage(operations),
    replay: replayCommand({ baseUrl, seed: options.seed, runs: options.runs }),
  };
  return redactDeep(report, createRedactor(options.apiKey)) as ContractReport;
}
