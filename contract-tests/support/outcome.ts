/** What the client must do with an envelope response: return `data`, or throw the right error. */
import {
  CallabApiError,
  CallabAuthenticationError,
  CallabRateLimitError,
  CallabServerError,
} from '../../src';
import type { Exchange, Outcome } from './client';

/** The CallabApiError subclass for a failure answered with `httpStatus`. */
function expectedErrorClass(httpStatus: number): new (...args: never[]) => CallabApiError {
  if (httpStatus === 401) return CallabAuthenticationError;
  if (httpStatus === 429) return CallabRateLimitError;
  if (httpStatus >= 500) return CallabServerError;
  return CallabApiError;
}

/**
 * An `ok` envelope in HTTP 200 gives its `data`; any other envelope throws the error class of the
 * HTTP status (exactly that class), carrying the status, the envelope's message and the body.
 */
export function expectClientOutcome(outcome: Outcome, exchange: Exchange): void {
  const body = JSON.parse(exchange.text) as { status?: unknown; message?: unknown; data?: unknown };
  if (exchange.status === 200 && body.status === 'ok') {
    expect(outcome).toEqual({ data: body.data });
    return;
  }
  if (!('error' in outcome)) throw new Error(`expected the call to throw, it returned data`);
  const Expected = expectedErrorClass(exchange.status);
  expect(outcome.error).toBeInstanceOf(Expected);
  expect((outcome.error as object).constructor).toBe(Expected);
  expect(outcome.error).toMatchObject({
    httpStatus: exchange.status,
    serverMessage: body.message,
    body,
  });
  if (outcome.error instanceof CallabRateLimitError) {
    // The spec documents Retry-After in seconds on 429, and the mock sends its example.
    const retryAfter = exchange.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect(outcome.error.retryAfterMs).toBe(Number(retryAfter) * 1000);
  }
}
