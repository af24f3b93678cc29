/**
 * A real server may rate-limit a contract run. A 429 or 503 that the spec documents for the
 * operation, with a body its schema accepts, is not a contract violation: the check waits as the
 * server asks (`Retry-After`, within bounds) and sends the request again, and when it cannot, the
 * check is inconclusive. A 429 or 503 that breaks the spec is returned like any other answer, so
 * the rules report it: it is never waited out, never excused.
 */

import { parseRetryAfter, sleep } from '../core/retry';
import type { Validators } from '../core/validation';
import { type Exchange, isUnanswered, type Send } from './exchange';
import { isDocumentedAnswer } from './rules';

/** The statuses HTTP pairs with `Retry-After`: too many requests, and unavailable. */
export const RATE_LIMIT_STATUSES: readonly number[] = [429, 503];

export interface RateLimitPolicy {
  /** The longest `Retry-After` a check waits out. */
  maxWaitMs: number;
  /** How many rate limits one check waits out; the next makes it inconclusive. */
  maxWaits: number;
  sleep(ms: number): Promise<void>;
}

/** Each check waits at most twice, 10 s at most each time: a run stays bounded. */
export const RATE_LIMIT_POLICY: RateLimitPolicy = {
  maxWaitMs: 10_000,
  maxWaits: 2,
  sleep: (ms) => sleep(ms),
};

/** Thrown by a check's sender when the server would not let the check finish. */
export class InconclusiveCheck extends Error {
  override name = 'InconclusiveCheck';
}

function asked(exchange: Exchange): string {
  const retryAfter = exchange.headers.get('retry-after');
  return retryAfter === null
    ? 'without Retry-After'
    : `with Retry-After ${JSON.stringify(retryAfter)}`;
}

/**
 * `send` for one check: a documented rate limit is waited out while the policy allows, otherwise
 * it throws InconclusiveCheck with the reason. `sent` says how many requests the check has made.
 */
export function rateLimitedSend(
  send: Send,
  validators: Validators,
  policy: RateLimitPolicy,
  sent: () => number,
): Send {
  let waited = 0;
  return async (request) => {
    for (;;) {
      const outcome = await send(request);
      if (isUnanswered(outcome) || !RATE_LIMIT_STATUSES.includes(outcome.status)) return outcome;
      if (!isDocumentedAnswer(validators, request.operation, outcome)) return outcome;
      const wait = parseRetryAfter(outcome.headers);
      const why =
        wait === undefined
          ? 'no usable wait'
          : wait > policy.maxWaitMs
            ? `longer than the ${policy.maxWaitMs / 1000} s a check waits`
            : waited >= policy.maxWaits
              ? `still limited after waiting ${waited} time(s), the most a check waits`
              : undefined;
      if (why === undefined && wait !== undefined) {
        waited++;
        await policy.sleep(wait);
        continue;
      }
      throw new InconclusiveCheck(
        `rate limited, not a contract violation: HTTP ${outcome.status} ${asked(outcome)} (${why}) after ${sent()} request(s) of this check; run it again when the server's limit allows`,
      );
    }
  };
}
