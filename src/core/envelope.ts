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
  snippetOf,
} from './errors';
import { type Redact, redactDeep } from './redact';
import { parseRetryAfter } from './retry';
import type { HttpResult } from './transport';

export interface OkEnvelope {
  status: 'ok';
  message: string;
  data: unknown;
}

export const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;

/** Returns the success envelope, or throws the CallabError that describes the failure. */
export function unwrapEnvelope(operation: string, result: HttpResult, redact: Redact): OkEnvelope {
  const contentType = result.headers.get('content-type') ?? undefined;
  if (result.status < 200 || result.status >= 300) throw apiError(operation, result, redact);

  const unexpected = (problem: string) =>
    new CallabUnexpectedResponseError(operation, problem, {
      status: result.status,
      contentType,
      text: redact(result.text),
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
  if (isEnvelope(body, 'error')) throw apiError(operation, result, redact, body);
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

/** The body as parsed JSON, or as text when it is not JSON (a proxy's HTML page, say). */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function apiError(
  operation: string,
  result: HttpResult,
  redact: Redact,
  parsed: unknown = parseBody(result.text),
): CallabApiError {
  // Redacted after parsing: JSON escapes (`\/`) would hide the key from a search of the raw text.
  const body = redactDeep(parsed, redact);
  const headers: Record<string, string> = {};
  result.headers.forEach((value, name) => {
    headers[name] = redact(value);
  });
  const envelopeMessage = isEnvelope(body, 'error') ? body.message : undefined;
  const serverMessage = typeof envelopeMessage === 'string' ? envelopeMessage : undefined;
  const requestId = headers['x-request-id'];
  const what =
    serverMessage ??
    `the server reported a failure (content-type ${headers['content-type'] ?? 'none'}, body ${
      result.text ? JSON.stringify(snippetOf(redact(result.text))) : 'empty'
    })`;
  const message = `${operation} failed with HTTP ${result.status}: ${what}${
    requestId ? ` (request id ${requestId})` : ''
  }`;
  const details: ApiErrorDetails = {
    httpStatus: result.status,
    serverMessage,
    body,
    headers,
    requestId,
  };
  if (result.status === 401) return new CallabAuthenticationError(message, details);
  if (result.status === 429) {
    return new CallabRateLimitError(message, details, parseRetryAfter(result.headers));
  }
  if (result.status >= 500) return new CallabServerError(message, details);
  return new CallabApiError(message, details);
}
