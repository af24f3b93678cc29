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

/** What the success `data` of an operation is declared to be (./operations). */
export type DataShape = 'array' | 'object';

export const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;

/**
 * Returns the success envelope, or throws the CallabError that describes the failure. With a
 * `shape`, an ok envelope whose `data` is not of that shape (`null`, a string for an array) is an
 * unexpected response too: it would otherwise reach the caller typed as what it is not.
 */
export function unwrapEnvelope(
  operation: string,
  result: HttpResult,
  redact: Redact,
  shape?: DataShape,
): OkEnvelope {
  const { response, text } = result;
  const contentType = response.headers.get('content-type') ?? undefined;
  if (response.status < 200 || response.status >= 300) throw apiError(operation, result, redact);

  const unexpected = (problem: string) =>
    new CallabUnexpectedResponseError(operation, problem, {
      status: response.status,
      contentType,
      text: redact(text),
    });
  if (!contentType || !JSON_CONTENT_TYPE.test(contentType)) {
    throw unexpected('expected a JSON envelope but the response is not JSON');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw unexpected(
      text.trim() === ''
        ? 'the response body is empty'
        : 'the response body is not valid JSON (truncated?)',
    );
  }
  if (isEnvelope(body, 'ok') && 'data' in body) {
    const { data } = body as OkEnvelope;
    const kind = kindOf(data);
    if (shape && kind !== shape) {
      throw unexpected(`the envelope's data is ${kind}, not the ${shape} the operation returns`);
    }
    return body as OkEnvelope;
  }
  if (isEnvelope(body, 'error')) throw apiError(operation, result, redact, body);
  throw unexpected('the JSON is not a {status: "ok" | "error", message, data} envelope');
}

/** `array`, or JSON's other kinds by their typeof: `object`, `string`, `number`, `boolean`, `null`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
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
  { response, text }: HttpResult,
  redact: Redact,
  parsed: unknown = parseBody(text),
): CallabApiError {
  // Redacted after parsing: JSON escapes (`\/`) would hide the key from a search of the raw text.
  const body = redactDeep(parsed, redact);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = redact(value);
  });
  const envelopeMessage = isEnvelope(body, 'error') ? body.message : undefined;
  const serverMessage = typeof envelopeMessage === 'string' ? envelopeMessage : undefined;
  const requestId = headers['x-request-id'];
  const what =
    serverMessage ??
    `the server reported a failure (content-type ${headers['content-type'] ?? 'none'}, body ${
      text ? JSON.stringify(snippetOf(redact(text))) : 'empty'
    })`;
  const { status } = response;
  const message = `${operation} failed with HTTP ${status}: ${what}${
    requestId ? ` (request id ${requestId})` : ''
  }`;
  const details: ApiErrorDetails = {
    httpStatus: status,
    serverMessage,
    body,
    headers,
    requestId,
    retryAfterMs: parseRetryAfter(response.headers),
  };
  if (status === 401) return new CallabAuthenticationError(message, details);
  if (status === 429) return new CallabRateLimitError(message, details);
  if (status >= 500) return new CallabServerError(message, details);
  return new CallabApiError(message, details);
}
