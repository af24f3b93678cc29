/** What every check shares: how it sends, validates and explores, and how its testcase is built. */

import type { Validators } from '../core/validation';
import type { ContractRequest, Outcome, Send } from './exchange';
import type { ContractOperation } from './operations';
import type { PropertyRun } from './property';
import type { CheckName, Testcase } from './report';

export interface CheckContext {
  send: Send;
  validators: Validators;
  property: PropertyRun;
}

/** What a check found; `requests` is counted for it. */
export type Finding = Pick<Testcase, 'violations'> &
  Partial<Pick<Testcase, 'skipped' | 'limitations' | 'counterexample'>>;

export function endpointOf(operation: ContractOperation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** Runs `check` with a sender that counts its requests, and times it. */
export async function runCheck(
  context: CheckContext,
  operation: ContractOperation,
  check: CheckName,
  body: (send: Send) => Promise<Finding>,
): Promise<Testcase> {
  const started = performance.now();
  let requests = 0;
  const send = (request: ContractRequest): Promise<Outcome> => {
    requests++;
    return context.send(request);
  };
  const finding = await body(send);
  const status = finding.skipped ? 'skipped' : finding.violations.length > 0 ? 'failed' : 'passed';
  return {
    operationId: operation.operationId,
    endpoint: endpointOf(operation),
    check,
    status,
    violations: finding.violations,
    ...(finding.skipped !== undefined && { skipped: finding.skipped }),
    limitations: finding.limitations ?? [],
    ...(finding.counterexample && { counterexample: finding.counterexample }),
    requests,
    seconds: (performance.now() - started) / 1000,
  };
}
