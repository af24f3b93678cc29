/** Retry policy: what is retried, and how long to wait before the next attempt. */

/** 408, 409, 429 and 5xx are worth another attempt; other statuses will not change. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The server's requested delay from `retry-after-ms` (milliseconds) or `Retry-After` (seconds or
 * an HTTP date), or undefined when absent, unparsable, or outside 0..60 s.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  const retryAfter = headers.get('retry-after');
  let delay: number | undefined;
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) {
    delay = Number(ms);
  } else if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    delay = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
  }
  return delay !== undefined && delay >= 0 && delay <= MAX_RETRY_AFTER_MS ? delay : undefined;
}

/**
 * Exponential backoff with jitter for retry number `retry` (0 for the first retry):
 * 0.5 s × 2^retry capped at 8 s, less up to 25 % jitter so that clients do not retry in step.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** retry, MAX_BACKOFF_MS);
  return base * (1 - 0.25 * random());
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
