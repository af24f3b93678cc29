/**
 * Turns an HTTP result into the envelope's success body, or the right error. The API's quirk:
 * the documented error is HTTP 200 with `{ status: "error" }`, so the status code alone lies.
 */
import {
  type ApiErrorDetails,
  CallabApiError,
  CallabAuthenticationError,
  CallabRateLimitError,
  CallabServerError,
  CallabUnexpectedResponseError,
  scrub,
} from './errors';
import { parseRetryAfter } from './retry';
import type { HttpResult } from './transport';

export interface OkEnvelope {
  status: 'ok';
  message: string;
  data: unknown;
}

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;

/** Returns the success envelope, or throws the CallabError that describes the failure. */
export function unwrapEnvelope(operation: string, result: HttpResult, apiKey: string): OkEnvelope {
  const contentType = result.headers.get('content-type') ?? undefined;
  const ok = result.status >= 200 && result.status < 300;
  if (!ok) throw apiError(operation, result, scrub(result.text, apiKey));

  const unexpected = (problem: string) =>
    new CallabUnexpectedResponseError(operation, problem, {
      status: result.status,
      contentType,
      text: scrub(result.text, apiKey),
    });
  if (!contentType || !JSON_CONTENT_TYPE.test(contentType)) {
    throw unexpected('expected a JSON envelope but the response is not JSON');
  }
  let body: unknown;
  try {
    body = JSON.parse(result.text);
  } catch {
    throw unexpected(
      result.text.trim() === ''
        ? 'the response body is empty'
        : 'the response body is not valid JSON (truncated?)',
    );
  }
  if (isEnvelope(body, 'ok') && 'data' in body) return body as OkEnvelope;
  if (isEnvelope(body, 'error')) throw apiError(operation, result, scrub(result.text, apiKey));
  throw unexpected('the JSON is not a {status: "ok" | "error", message, data} envelope');
}

function isEnvelope(
  body: unknown,
  status: 'ok' | 'error',
): body is { status: string; message?: unknown } {
  return (
    typeof body === 'object' && body !== null && (body as { status?: unknown }).status === status
  );
}

function apiError(operation: string, result: HttpResult, text: string): CallabApiError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, say): keep the text as the body.
  }
  const message = isEnvelope(body, 'error') ? body.message : undefined;
  const headers: Record<string, string> = {};
  result.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const details: ApiErrorDetails = {
    httpStatus: result.status,
    serverMessage: typeof message === 'string' ? message : undefined,
    body,
    headers,
    requestId: result.headers.get('x-request-id') ?? undefined,
  };
  if (result.status === 401) return new CallabAuthenticationError(operation, details);
  if (result.status === 429) {
    return new CallabRateLimitError(operation, details, parseRetryAfter(result.headers));
  }
  if (result.status >= 500) return new CallabServerError(operation, details);
  return new CallabApiError(operation, details);
}
