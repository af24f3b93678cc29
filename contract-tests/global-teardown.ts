/** Stops Prism and applies the coverage gate (mock mode): every named example was exercised. */
import { rmSync } from 'node:fs';
import type { GlobalConfig } from 'jest';
import {
  compareCoverage,
  expectedCoverage,
  partialRunFilter,
  readExercised,
} from './support/coverage';
import { takeContractRun } from './support/run';
import { settingsFromEnv } from './support/settings';
import { requestMediaTypes, responseMediaTypes } from './support/spec';

export default async function globalTeardown(config: GlobalConfig): Promise<void> {
  const run = takeContractRun();
  if (!run) return;
  await run.prism?.close();
  try {
    if (settingsFromEnv().mode === 'proxy') {
      console.log(
        'contract coverage: the named examples are not measured in proxy mode (they come from the mock); the report lists the responses the server produced',
      );
      return;
    }
    const report = compareCoverage(
      expectedCoverage([...requestMediaTypes, ...responseMediaTypes]),
      readExercised(run.runDir),
    );
    const filter = partialRunFilter(config);
    console.log(
      `${report.summary}${filter ? ` (gate not enforced: run filtered by ${filter})` : ''}`,
    );
    if (report.missing.length > 0 && !filter) {
      throw new Error(
        `contract coverage gate: ${report.missing.length} documented example(s) not exercised:\n  ${report.missing.join('\n  ')}`,
      );
    }
  } finally {
    rmSync(run.runDir, { recursive: true, force: true });
  }
}
