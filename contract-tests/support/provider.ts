/**
 * Proxy mode: the global setup runs the contract checks of src/contract against the upstream,
 * exactly as `callab contract-test` does, and leaves the report for the test file, which turns
 * each testcase into a jest test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractReport, Testcase } from '../../src/contract/report';
import {
  DEFAULT_RUNS,
  DEFAULT_TIMEOUT_MS,
  randomSeed,
  runContract,
} from '../../src/contract/runner';
import type { ContractSettings } from './settings';

const reportFile = (runDir: string) => join(runDir, 'contract-report.json');

export async function runProviderChecks(
  settings: Extract<ContractSettings, { mode: 'proxy' }>,
  runDir: string,
): Promise<ContractReport> {
  const report = await runContract({
    baseUrl: settings.upstream,
    apiKey: settings.apiKey,
    seed: settings.seed ?? randomSeed(),
    runs: settings.runs ?? DEFAULT_RUNS,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  });
  writeFileSync(reportFile(runDir), JSON.stringify(report));
  return report;
}

export function readProviderReport(runDir: string): ContractReport {
  return JSON.parse(readFileSync(reportFile(runDir), 'utf8')) as ContractReport;
}

/**
 * Why the jest test of a testcase that ran fails, or undefined when it passes. An inconclusive
 * check (the server's rate limit did not let it finish) fails too, saying it is no violation: a
 * check that never ran to its end has not passed.
 */
export function testcaseFailure(testcase: Testcase, replay: string): string | undefined {
  const { violations, counterexample, inconclusive } = testcase;
  if (testcase.status === 'inconclusive') {
    return `inconclusive, not a contract violation: ${inconclusive}`;
  }
  if (violations.length === 0) return undefined;
  const replayLines = counterexample
    ? [`counterexample (shrunk): ${counterexample.value}`, `replay: ${replay}`]
    : [];
  return `${violations.length} contract violation(s):\n${[...violations, ...replayLines].join('\n')}`;
}
