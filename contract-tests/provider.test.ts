/**
 * Proxy mode: the contract checks of src/contract, run against CONTRACT_UPSTREAM by the global
 * setup (what `callab contract-test` runs), one jest test per operation × check. A check the
 * server's data could not run, or could not fully exercise, is a skipped test with the reason in
 * its name, never a silent pass.
 */
import { describeGroup } from './support/modes';
import { readProviderReport } from './support/provider';
import { proxyRunDir } from './support/settings';

describeGroup('provider', 'the upstream implements the contract (src/contract checks)', () => {
  const report = readProviderReport(proxyRunDir());
  for (const testcase of report.testcases) {
    const title = `${testcase.operationId} (${testcase.endpoint}) ${testcase.check}`;
    if (testcase.status === 'skipped') {
      it.skip(`${title} [skipped: ${testcase.skipped}]`, () => undefined);
      continue;
    }
    it(title, () => {
      const { violations, counterexample } = testcase;
      if (violations.length === 0) return;
      const replay = counterexample
        ? [`counterexample (shrunk): ${counterexample.value}`, `replay: ${report.replay}`]
        : [];
      throw new Error(
        `${violations.length} contract violation(s):\n${[...violations, ...replay].join('\n')}`,
      );
    });
    for (const limitation of testcase.limitations) {
      it.skip(`${title} [not exercised: ${limitation}]`, () => undefined);
    }
  }
});
