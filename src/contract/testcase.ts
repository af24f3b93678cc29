/** What every check shares: how it sends, validates and explores, and how its testcase is built. */

import type { Validators } from '../core/validation';
import type { ContractRequest, Outcome, Send } from './exchange';
import type { ContractOperation } from './operations';
import type { PropertyRun } from './property';
import { InconclusiveCheck, type RateLimitPolicy, rateLimitedSend } from './rate-limit';
import type { CheckName, Testcase } from './report';

export interface CheckContext {
  send: Send;
  validators: Validators;
  property: PropertyRun;
  rateLimit: RateLimitPolicy;
}

/** What a check found; `requests` is counted for it. */
export type Finding = Pick<Testcase, 'violations'> &
  Partial<Pick<Testcase, 'skipped' | 'inconclusive' | 'limitations' | 'counterexample'>>;

function statusOf(finding: Finding): Testcase['status'] {
  if (finding.violations.length > 0) return 'failed';
  if (finding.inconclusive !== undefined) return 'inconclusive';
  return finding.skipped !== undefined ? 'skipped' : 'passed';
}

/** The check's finding; a check the server did not let finish is inconclusive. */
async function settle(body: () => Promise<Finding>): Promise<Finding> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof InconclusiveCheck) return { violations: [], inconclusive: error.message };
    throw error;
  }
}

export function endpointOf(operation: ContractOperation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** Runs `check` with a sender that counts its requests and waits out rate limits, and times it. */
export async function runCheck(
  context: CheckContext,
  operation: ContractOperation,
  check: CheckName,
  body: (send: Send) => Promise<Finding>,
): Promise<Testcase> {
  const started = performance.now();
  let requests = 0;
  const counted = (request: ContractRequest): Promise<Outcome> => {
    requests++;
    return context.send(request);
  };
  const send = rateLimitedSend(counted, context.validators, context.rateLimit, () => requests);
  const finding = await settle(() => body(send));
  return {
    operationId: operation.operationId,
    endpoint: endpointOf(operation),
    check,
    status: statusOf(finding),
    violations: finding.violations,
    ...(finding.skipped !== undefined && { skipped: finding.skipped }),
    ...(finding.inconclusive !== undefined && { inconclusive: finding.inconclusive }),
    limitations: finding.limitations ?? [],
    ...(finding.counterexample && { counterexample: finding.counterexample }),
    requests,
    seconds: (performance.now() - started) / 1000,
  };
}
