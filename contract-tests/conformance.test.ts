/**
 * Every operation, with a valid request, through Prism (the mock, or the validating proxy in
 * front of the upstream) and straight from the server under test. Fails, naming the operation and
 * the rule, on anything Prism reports, an undeclared status (Prism only warns), a content type
 * the spec does not declare, a body Ajv rejects, an envelope other than `ok`, or no response at
 * all. The direct call also sees what Prism would hide: its own 500 in place of the upstream's
 * body, or the mock it substitutes when the upstream answers 501.
 */
import { checkDirectCall, observeCall } from './support/client';
import { expectNoProblems, prismProblems, problem, RULES, responseProblems } from './support/rules';
import { contractTarget } from './support/settings';
import { operations } from './support/spec';

const target = contractTarget();

describe(`every operation answers a valid request as the spec says (${target.mode} mode)`, () => {
  it.each(
    operations.map((op) => [`${op.operationId} (${op.method.toUpperCase()} ${op.path})`, op]),
  )('%s', async (_title, operation) => {
    const viaPrism = await observeCall(target, operation.operationId);
    const problems = [
      ...prismProblems(operation, viaPrism.exchange),
      ...(await checkDirectCall(target, operation, (exchange) =>
        responseProblems(operation, exchange),
      )),
    ];
    if (problems.length === 0 && 'error' in viaPrism.outcome) {
      problems.push(problem(operation, RULES.client, String(viaPrism.outcome.error)));
    }
    expectNoProblems(problems);
  });
});
