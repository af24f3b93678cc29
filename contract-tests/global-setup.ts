/**
 * Mock mode: starts Prism's mock and hands its URL and a scratch directory to the test workers
 * through the environment. Proxy mode: runs the contract checks against CONTRACT_UPSTREAM and
 * leaves their report in the scratch directory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEC_PATH } from '../scripts/paths';
import { coverageLines } from '../src/contract/formats';
import { startMockServer } from '../src/testing';
import { skippedGroups } from './support/modes';
import { runProviderChecks } from './support/provider';
import { setContractRun } from './support/run';
import { RUN_ENV, settingsFromEnv } from './support/settings';

export default async function globalSetup(): Promise<void> {
  const settings = settingsFromEnv();
  const runDir = mkdtempSync(join(tmpdir(), 'callab-contract-'));
  process.env[RUN_ENV.runDir] = runDir;
  const skipped = skippedGroups(settings.mode).map((group) => `  skipped: ${group}`);
  if (settings.mode === 'mock') {
    const prism = await startMockServer({ specPath: SPEC_PATH });
    setContractRun({ prism, runDir });
    process.env[RUN_ENV.prismUrl] = prism.url;
    console.log(`\ncontract suite: mock mode, Prism ${prism.url}\n${skipped.join('\n')}`);
    return;
  }
  setContractRun({ runDir });
  const report = await runProviderChecks(settings, runDir);
  console.log(
    `\ncontract suite: proxy mode, the contract checks against ${report.baseUrl} (seed ${report.seed}, ${report.runs} generated cases per property): ${report.result} in ${report.seconds.toFixed(1)} s\n${[...coverageLines(report), ...skipped].join('\n')}`,
  );
}
