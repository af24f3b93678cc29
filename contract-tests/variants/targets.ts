/**
 * The servers the contract checks are proven on: the package's fake API (the references, which
 * must pass with every check run in full) and a loopback proxy per broken variant in front of
 * startFakeServer (each must fail with the violations expected of it). Shared by
 * `npm run test:contract:variants` (in-process, every adapter of the fake API as a reference)
 * and the packed-tarball test of `callab contract-test` (startFakeServer alone).
 */
import { junitReport, textReport } from '../../src/contract/formats';
import { allViolations, type ContractReport } from '../../src/contract/report';
import { DEFAULT_FAKE_API_KEY } from '../../src/fake';
import { startBrokenUpstream } from '../../src/test-support/broken-servers/broken-upstream';
import { VARIANTS } from '../../src/test-support/broken-servers/variants';
import { startFakeServer } from '../../src/testing';
import { type Reference, startReferences } from './references';

/** The references' key: a report quoting it is easy to catch. */
const TARGET_API_KEY = DEFAULT_FAKE_API_KEY;

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

/** `every-adapter`: startFakeServer, createFakeFetch and createMswHandlers; else startFakeServer. */
export async function startTargets(references: 'every-adapter' | 'server'): Promise<Targets> {
  const started: Reference[] =
    references === 'every-adapter'
      ? (await startReferences()).references
      : [{ name: 'reference startFakeServer', ...(await startFakeServer()) }];
  const [reference] = started;
  if (!reference) throw new Error('no reference server');
  const upstreams = await Promise.all(
    VARIANTS.map((variant) => startBrokenUpstream(reference.url, variant.break(TARGET_API_KEY))),
  );
  return {
    apiKey: TARGET_API_KEY,
    targets: [
      ...started.map(({ name, url }) => ({ name, defect: 'none', url, judge: judgeReference })),
      ...VARIANTS.map((variant, index) => ({
        name: variant.name,
        defect: variant.defect,
        url: String(upstreams[index]?.url),
        judge: (report: ContractReport, printed: readonly string[]) =>
          judgeVariant(variant.expectedFailures, report, printed),
      })),
    ],
    close: async () => {
      await Promise.all([...started, ...upstreams].map((server) => server.close()));
    },
  };
}

/** One verdict line: `✓ name (defect: …): …`. */
export function verdictLine(target: Target, report: ContractReport, problems: string[]): string {
  const [example] = allViolations(report);
  const summary =
    problems.length > 0
      ? `NOT AS EXPECTED:\n    ${problems.join('\n    ')}`
      : target.defect === 'none'
        ? `passed, every check run in full (${report.counts.passed} testcases)`
        : `failed as expected (${report.counts.failed} failing testcases), e.g. ${example}`;
  return `${problems.length > 0 ? '✗' : '✓'} ${target.name} (defect: ${target.defect}), ${report.seconds.toFixed(1)} s: ${summary}`;
}
