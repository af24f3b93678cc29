/**
 * The servers the contract checks are proven on: the package's fake server (the reference, which
 * must pass with every check run in full) and a loopback proxy per broken variant in front of it
 * (each must fail with the violations expected of it). Shared by `npm run test:contract:variants`
 * (in-process) and the packed-tarball test of `callab contract-test`.
 */
import { junitReport, textReport } from '../../src/contract/formats';
import { allViolations, type ContractReport } from '../../src/contract/report';
import { startFakeServer } from '../../src/testing';
import { startBrokenUpstream } from './broken-upstream';
import { VARIANTS } from './variants';

/** Distinctive, so that a report quoting it is easy to catch. */
export const TARGET_API_KEY = 'sk-contract-variants-5f3a9c1e7b';

/** Fixed, so that every run tries the same cases. */
export const TARGET_SEED = 20_240_314;

export interface Target {
  name: string;
  defect: string;
  url: string;
  /** What is wrong with the report of a run against this target; empty when it is as expected. */
  judge(report: ContractReport, printed: readonly string[]): string[];
}

export interface Targets {
  apiKey: string;
  targets: Target[];
  close(): Promise<void>;
}

/** Every form a report is printed or written in. */
export function printedForms(report: ContractReport): string[] {
  return [JSON.stringify(report), textReport(report), junitReport(report)];
}

/** The key must appear in nothing printed or written, whatever the server echoed. */
function keyLeaks(printed: readonly string[]): string[] {
  return printed.some((text) => text.includes(TARGET_API_KEY))
    ? ['the API key appears in the output or a report']
    : [];
}

function judgeReference(report: ContractReport, printed: readonly string[]): string[] {
  const incomplete = report.testcases.flatMap((t) => [
    ...(t.skipped ? [`${t.operationId} ${t.check} skipped: ${t.skipped}`] : []),
    ...t.limitations.map((line) => `${t.operationId} ${t.check} did not exercise: ${line}`),
  ]);
  return [
    ...(report.result === 'passed' ? [] : [`${report.result}:`, ...allViolations(report)]),
    ...incomplete,
    ...keyLeaks(printed),
  ];
}

function judgeVariant(
  expected: readonly RegExp[],
  report: ContractReport,
  printed: readonly string[],
): string[] {
  const violations = allViolations(report);
  const missing = expected.filter((pattern) => !violations.some((line) => pattern.test(line)));
  return [
    ...(report.result === 'failed' ? [] : [`the run ended ${report.result}, not failed`]),
    ...(missing.length > 0
      ? [`no violation matches ${missing.join(', ')}; violations:`, ...violations]
      : []),
    ...keyLeaks(printed),
  ];
}

export async function startTargets(): Promise<Targets> {
  const reference = await startFakeServer({ apiKey: TARGET_API_KEY });
  const upstreams = await Promise.all(
    VARIANTS.map((variant) => startBrokenUpstream(reference.url, variant.break(TARGET_API_KEY))),
  );
  return {
    apiKey: TARGET_API_KEY,
    targets: [
      { name: 'reference', defect: 'none', url: reference.url, judge: judgeReference },
      ...VARIANTS.map((variant, index) => ({
        name: variant.name,
        defect: variant.defect,
        url: String(upstreams[index]?.url),
        judge: (report: ContractReport, printed: readonly string[]) =>
          judgeVariant(variant.expectedFailures, report, printed),
      })),
    ],
    close: async () => {
      await Promise.all([reference.close(), ...upstreams.map((upstream) => upstream.close())]);
    },
  };
}

/** One verdict line: `✓ name (defect: …): …`. */
export function verdictLine(target: Target, report: ContractReport, problems: string[]): string {
  const [example] = allViolations(report);
  const summary =
    problems.length > 0
      ? `NOT AS EXPECTED:\n    ${problems.join('\n    ')}`
      : target.name === 'reference'
        ? `passed, every check run in full (${report.counts.passed} testcases)`
        : `failed as expected (${report.counts.failed} failing testcases), e.g. ${example}`;
  return `${problems.length > 0 ? '✗' : '✓'} ${target.name} (defect: ${target.defect}), ${report.seconds.toFixed(1)} s: ${summary}`;
}
