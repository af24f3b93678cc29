/**
 * Every operation, with a valid request, through the client against Prism's mock: the answer
 * passes the rules of src/contract (declared status and content type, schema, `ok` envelope),
 * Prism reports no violation, and the client returns the data. A real server gets the same rules
 * from src/contract in proxy mode.
 */

import { problem, responseProblems } from '../src/contract/rules';
import { loadValidators } from '../src/core/validation';
import { observeCall } from './support/client';
import { describeGroup } from './support/modes';
import { expectNoProblems, prismProblems, SUITE_RULES } from './support/rules';
import { mockTarget } from './support/settings';
import { operations } from './support/spec';

describeGroup('mockConformance', 'every operation answers a valid request as the spec says', () => {
  const target = mockTarget();

  it.each(
    operations.map((op) => [`${op.operationId} (${op.method.toUpperCase()} ${op.path})`, op]),
  )('%s', async (_title, operation) => {
    const { outcome, exchange } = await observeCall(target, operation.operationId);
    const problems = [
      ...prismProblems(operation, exchange),
      ...responseProblems(await loadValidators(), operation, 'a valid request', exchange).problems,
    ];
    if (problems.length === 0 && 'error' in outcome) {
      problems.push(problem(operation, SUITE_RULES.client, String(outcome.error)));
    }
    expectNoProblems(problems);
  });
});
