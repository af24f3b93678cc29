/** How proxy mode turns a testcase of the contract checks into a jest result. */
import type { Testcase } from '../src/contract/report';
import { testcaseFailure } from './support/provider';

const testcase = (fields: Partial<Testcase>): Testcase => ({
  operationId: 'listCampaigns',
  endpoint: 'GET /campaign/list',
  check: 'limit',
  status: 'passed',
  violations: [],
  limitations: [],
  requests: 1,
  seconds: 0.1,
  ...fields,
});
const replay = 'callab contract-test --base-url http://127.0.0.1:8080 --seed 1';

describe('testcaseFailure', () => {
  it('passes a passed check', () => {
    expect(testcaseFailure(testcase({}), replay)).toBeUndefined();
  });

  it('fails a failed check with its violations and the replay of its counterexample', () => {
    const failed = testcase({
      status: 'failed',
      violations: ['listCampaigns (GET /campaign/list) [limit] limit=1 returned 3 item(s)'],
      counterexample: { value: '1', seed: 1, failedAfter: 1, shrinks: 0 },
    });
    expect(testcaseFailure(failed, replay)).toBe(
      `1 contract violation(s):\nlistCampaigns (GET /campaign/list) [limit] limit=1 returned 3 item(s)\ncounterexample (shrunk): 1\nreplay: ${replay}`,
    );
  });

  it('fails an inconclusive check, saying it is no violation and why it did not finish', () => {
    const limited = testcase({ status: 'inconclusive', inconclusive: 'rate limited: HTTP 429' });
    expect(testcaseFailure(limited, replay)).toBe(
      'inconclusive, not a contract violation: rate limited: HTTP 429',
    );
  });
});
