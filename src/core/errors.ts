/**
 * Every failure the SDK reports is a CallabError. The API key never reaches any of them: messages
 * are built from the response, never from the request, and whatever came from the server has been
 * through ./redact before it gets here.
 */

export class CallabError extends Error {
  override readonly name: string = 'CallabError';
}

export interface ApiErrorDetails {
  httpStatus: number;
  /** The envelope's `message`, when the body was an error envelope. */
  serverMessage: string | undefined;
  /** The parsed body (the envelope), or the raw text when it was not JSON. */
  body: unknown;
  headers: Record<string, string>;
  requestId: string | undefined;
  /** The wait the server asked for (`retry-after-ms` or `Retry-After`), when it sent a usable one. */
  retryAfterMs?: number | undefined;
}

/**
 * The server reported a failure: an error envelope (even inside HTTP 200) or a non-2xx status.
 * `retryAfterMs` is here, not on the subclasses, because a 503 sends `Retry-After` as a 429 does:
 * one `catch` can honour it whatever the status.
 */
export class CallabApiError extends CallabError {
  override readonly name: string = 'CallabApiError';
  // `declare`: the constructors assign these, so no field definitions are emitted (bundle size).
  declare readonly httpStatus: number;
  declare readonly serverMessage: string | undefined;
  declare readonly body: unknown;
  declare readonly headers: Record<string, string>;
  declare readonly requestId: string | undefined;
  declare readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ApiErrorDetails) {
    super(message);
    this.httpStatus = details.httpStatus;
    this.serverMessage = details.serverMessage;
    this.body = details.body;
    this.headers = details.headers;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** HTTP 401: the API key is missing or wrong. */
export class CallabAuthenticationError extends CallabApiError {
  override readonly name: string = 'CallabAuthenticationError';
}

/** HTTP 429. */
export class CallabRateLimitError extends CallabApiError {
  override readonly name: string = 'CallabRateLimitError';
}

/** HTTP 5xx; a 503 often says in `retryAfterMs` when to come back. */
export class CallabServerError extends CallabApiError {
  override readonly name: string = 'CallabServerError';
}

/** A 2xx response that is not the API's JSON envelope (HTML, empty, truncated, wrong content type). */
export class CallabUnexpectedResponseError extends CallabError {
  override readonly name: string = 'CallabUnexpectedResponseError';
  declare readonly httpStatus: number;
  declare readonly contentType: string | undefined;
  declare readonly bodySnippet: string;

  constructor(
    operation: string,
    problem: string,
    response: { status: number; contentType: string | undefined; text: string },
  ) {
    const snippet = snippetOf(response.text);
    super(
      `${operation}: ${problem} (HTTP ${response.status}, content-type ${response.contentType ?? 'none'}, ` +
        `body ${snippet ? JSON.stringify(snippet) : 'empty'}). Check that baseUrl points at the Callab API.`,
    );
    this.httpStatus = response.status;
    this.contentType = response.contentType;
    this.bodySnippet = snippet;
  }
}

/**
 * The response body is longer than the runtime's longest string (V8: 0x1fffffe8 characters, about
 * 537 M), so it cannot be read whole. Not a connection failure, and not retried: the same list
 * would fail the same way.
 */
export class CallabResponseTooLargeError extends CallabError {
  override readonly name: string = 'CallabResponseTooLargeError';

  constructor(operation: string) {
    super(
      `${operation}: the response body is too large to read as one string (over 0x1fffffe8 characters, the runtime's longest). ` +
        'A contact list this long can be read as a stream: callab.contacts.queryStream(filters) yields each contact as it arrives, in bounded memory.',
    );
  }
}

/** The request never got a response: DNS, refused or reset connection, TLS. */
export class CallabConnectionError extends CallabError {
  override readonly name: string = 'CallabConnectionError';
}

/** An attempt took longer than `timeoutMs`: a kind of connection failure, caught with it. */
export class CallabTimeoutError extends CallabConnectionError {
  override readonly name: string = 'CallabTimeoutError';
}

/** The caller's `signal` aborted the request. Never retried. */
export class CallabAbortError extends CallabError {
  override readonly name: string = 'CallabAbortError';
}

/** With `validate: true`: the response does not match openapi.yaml. */
export class CallabResponseValidationError extends CallabError {
  override readonly name: string = 'CallabResponseValidationError';
  /** One entry per violation: `<json path> <message>`, e.g. `/data/0/id must match format "uuid"`. */
  declare readonly errors: string[];

  constructor(operation: string, errors: string[]) {
    super(
      `${operation}: the response does not match the API schema: ${errors.slice(0, 5).join('; ')}`,
    );
    this.errors = errors;
  }
}

const SNIPPET_LENGTH = 200;

/** The start of a body, for messages: enough to recognise an HTML page or a truncated document. */
export function snippetOf(text: string): string {
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text;
}
