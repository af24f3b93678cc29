/**
 * Proxy mode: the global setup runs the contract checks of src/contract against the upstream,
 * exactly as `callab contract-test` does, and leaves the report for the test file, which turns
 * each testcase into a jest test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractReport } from '../../src/contract/report';
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
