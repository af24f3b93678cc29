/**
 * Proxy mode: the contract checks of src/contract, run against CONTRACT_UPSTREAM by the global
 * setup (what `callab contract-test` runs), one jest test per operation × check. A check the
 * server's data could not run, or could not fully exercise, is a skipped test with the reason in
 * its name, never a silent pass; one the server's rate limit did not let finish fails with
 * "inconclusive, not a contract violation" and the reason.
 */
import { describeGroup } from './support/modes';
import { readProviderReport, testcaseFailure } from './support/provider';
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
      const failure = testcaseFailure(testcase, report.replay);
      if (failure !== undefined) throw new Error(failure);
    });
    for (const limitation of testcase.limitations) {
      it.skip(`${title} [not exercised: ${limitation}]`, () => undefined);
    }
  }
});
