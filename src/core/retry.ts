/** Retry policy: what is retried, and how long to wait before the next attempt. */
import { parseHttpDate } from './http-date';

/** 408, 409, 429 and 5xx are worth another attempt; other statuses will not change. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A server that asks for a longer wait than this is not retried: the caller decides. */
export const MAX_RETRY_WAIT_MS = 60_000;

/** A non-negative decimal: delay-seconds, with the fraction some servers send (`1.5`). */
const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The wait the server asked for, in milliseconds: `retry-after-ms`, else `Retry-After` as
 * delay-seconds or an HTTP-date in the future (RFC 9110). Undefined for anything else (a date in
 * the past, `-1`, `try again in 60`): the caller then backs off as if nothing had been sent.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && DECIMAL.test(ms)) return Number(ms);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (DECIMAL.test(value)) return Number(value) * 1000;
  const date = parseHttpDate(value, now);
  return date !== undefined && date > now ? date - now : undefined;
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
