/**
 * A real server may rate-limit the suite. A documented 429 or 503 is not a contract violation:
 * the suite waits as the server asks (`Retry-After`, within bounds) and tries again, and when the
 * answer is still a rate limit, the check is inconclusive (./rules `rateLimitReason`).
 */
import { parseRetryAfter, sleep } from '../../src/core/retry';
import type { ObservedResponse } from './rules';

/** The statuses HTTP pairs with `Retry-After`: too many requests, and unavailable. */
export const RATE_LIMIT_STATUSES: readonly number[] = [429, 503];

export interface RateLimitPolicy {
  /** The longest `Retry-After` the suite waits out. */
  maxWaitMs: number;
  /** How many times it waits and tries again. */
  retries: number;
  sleep(ms: number): Promise<void>;
}

/** Two waits of at most 10 s: with two calls per test, well within the 90 s of timeout.ts. */
export const RATE_LIMIT_POLICY: RateLimitPolicy = {
  maxWaitMs: 10_000,
  retries: 2,
  sleep: (ms) => sleep(ms),
};

/** How long to wait before trying again, or undefined when the answer is not one to wait out. */
export function retryWait(response: ObservedResponse, policy: RateLimitPolicy): number | undefined {
  if (!RATE_LIMIT_STATUSES.includes(response.status)) return undefined;
  const wait = parseRetryAfter(response.headers);
  return wait !== undefined && wait <= policy.maxWaitMs ? wait : undefined;
}

/** Runs `attempt` again after each rate limit it can wait out; the last attempt and how many ran. */
export async function withRateLimitRetries<T>(
  attempt: () => Promise<T>,
  responseOf: (result: T) => ObservedResponse | undefined,
  policy: RateLimitPolicy,
): Promise<{ result: T; attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    const result = await attempt();
    const response = responseOf(result);
    const wait = response && attempts <= policy.retries ? retryWait(response, policy) : undefined;
    if (wait === undefined) return { result, attempts };
    await policy.sleep(wait);
  }
}
