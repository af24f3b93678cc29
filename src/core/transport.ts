/**
 * One HTTP exchange with retries: auth and default headers, a timeout per attempt (covering the
 * body too), backoff between attempts, caller aborts, and redacted debug logs. It sends a finished
 * URL: the resources (./api) and `raw` both build theirs with openapi-fetch's serialisers and both
 * go through `send`, so the same call goes out the same way and is retried the same way.
 */
import { CallabAbortError, CallabConnectionError, CallabError, CallabTimeoutError } from './errors';
import type { LeveledLogger } from './logger';
import { isRetrySafe } from './operations';
import { checkMaxRetries, checkTimeoutMs } from './options';
import { type Redact, redactHeaders } from './redact';
import { backoffDelay, isRetryableStatus, MAX_RETRY_WAIT_MS, parseRetryAfter } from './retry';
import { followSignal } from './signals';

/** Per-call options, the optional last argument of every resource method. */
export interface RequestOptions {
  /** Aborts the call (including retries and backoff waits) with a CallabAbortError. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for each attempt of this call. */
  timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
  /** Extra headers for this call; they win over `defaultHeaders` and the built-in ones. */
  headers?: Record<string, string> | undefined;
}

/**
 * Headers as a plain object with lower-case names. Plain objects, not `Headers`, on the hot path:
 * building and merging `Headers` on every call cost more than 5 % of a loopback query (npm run bench).
 */
export type HeaderRecord = Record<string, string>;

export interface TransportConfig {
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  /** Sent on every request: the built-in ones (auth, user agent), then the caller's defaults. */
  headers: HeaderRecord;
  log: LeveledLogger;
  /** Scrubs the API key from what is logged. */
  redact: Redact;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

export interface HttpRequest {
  /** Upper case. */
  method: string;
  /**
   * The operation's path template from openapi.yaml, such as `/campaign/{campaign_id}`: the retry
   * policy, log lines and messages name the operation, not one URL of it.
   */
  path: string;
  /** The finished URL: base URL, path parameters and query string. */
  url: string;
  body?: string | undefined;
  /** Headers of this request (a JSON body's content type, raw's own); per-call options win over them. */
  headers?: HeaderRecord | undefined;
}

export interface HttpResult {
  /** Its body has been read, into `text`. */
  response: Response;
  text: string;
}

export class Transport {
  // Private (#) so that `console.log(callab)` cannot reach the Authorization header.
  readonly #config: TransportConfig;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  async send(request: HttpRequest, options: RequestOptions = {}): Promise<HttpResult> {
    const config = this.#config;
    const operation = `${request.method} ${request.path}`;
    const init: RequestInit = {
      method: request.method,
      headers: mergeHeaders(
        config.headers,
        request.headers,
        options.headers && checkHeaders(options.headers),
      ),
      body: request.body ?? null,
    };
    const timeoutMs = perCall(options.timeoutMs, config.timeoutMs, checkTimeoutMs);
    const maxRetries = isRetrySafe(request.method, request.path)
      ? perCall(options.maxRetries, config.maxRetries, checkMaxRetries)
      : 0;
    // Attempts and backoff waits listen to this one, never to the caller's (./signals).
    const signal = options.signal && followSignal(options.signal);
    for (let retry = 0; ; retry++) {
      let result: HttpResult | undefined;
      let failure: CallabConnectionError | undefined;
      try {
        result = await this.#attempt(operation, request.url, init, timeoutMs, signal);
      } catch (error) {
        if (!(error instanceof CallabConnectionError)) throw error;
        failure = error;
      }
      const status = result?.response.status;
      if (retry >= maxRetries || (status !== undefined && !isRetryableStatus(status))) {
        if (failure) throw failure;
        return result as HttpResult;
      }
      const requested = result && parseRetryAfter(result.response.headers);
      if (requested !== undefined && requested > MAX_RETRY_WAIT_MS) {
        config.log.warn?.(
          `${operation}: HTTP ${status} asks to wait ${Math.round(requested / 1000)} s, over ${MAX_RETRY_WAIT_MS / 1000} s: not retrying`,
        );
        return result as HttpResult;
      }
      const delay = requested ?? backoffDelay(retry, config.random);
      config.log.info?.(
        `${failure ? failure.message : `${operation}: HTTP ${status}`}; retry ${retry + 1} of ${maxRetries} in ${Math.round(delay)} ms`,
      );
      try {
        await config.sleep(delay, signal);
      } catch (reason) {
        throw abortError(operation, reason);
      }
    }
  }

  async #attempt(
    operation: string,
    url: string,
    init: RequestInit,
    timeoutMs: number,
    caller: AbortSignal | undefined,
  ): Promise<HttpResult> {
    const config = this.#config;
    if (caller?.aborted) throw abortError(operation, caller.reason);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort(caller?.reason);
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    const started = Date.now();
    config.log.debug?.(`→ ${operation}`, {
      url: config.redact(url),
      headers: redactHeaders(init.headers as HeaderRecord, config.redact),
    });
    try {
      // Called unbound: browsers' and workers' fetch throw "Illegal invocation" on another `this`.
      const { fetch } = config;
      const response = await fetch(url, { ...init, signal: controller.signal });
      const text = await response.text();
      config.log.debug?.(`← ${operation} HTTP ${response.status} in ${Date.now() - started} ms`, {
        headers: redactHeaders(response.headers, config.redact),
        characters: text.length,
      });
      return { response, text };
    } catch (error) {
      if (caller?.aborted) throw abortError(operation, caller.reason);
      if (timedOut) throw new CallabTimeoutError(`${operation} timed out after ${timeoutMs} ms`);
      throw new CallabConnectionError(
        `${operation}: could not reach ${new URL(url).origin}: ${describeNetworkError(error)}`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    }
  }
}

/** A per-call override, checked; the client's own value was checked by the constructor. */
function perCall<T>(value: T | undefined, fallback: T, check: (value: T, where: string) => T): T {
  return value === undefined ? fallback : check(value, 'request options');
}

/**
 * Headers fetch will accept: otherwise it throws before sending, which must not pass for a network
 * error. The message names the header, never its value (it may be a credential).
 */
export function checkHeaders(headers: HeaderRecord, where = 'request options'): HeaderRecord {
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch {
      throw new CallabError(
        `Invalid header ${JSON.stringify(name)} (${where}): names must be tokens and values cannot contain newlines or characters outside Latin-1.`,
      );
    }
  }
  return headers;
}

/**
 * Merges header records left to right, later sources winning, names lower-cased. The order is
 * built-ins, `defaultHeaders`, the request's own, per-call: a caller may replace any of them,
 * `User-Agent` and `Authorization` included.
 */
export function mergeHeaders(...sources: (HeaderRecord | undefined)[]): HeaderRecord {
  const merged: HeaderRecord = {};
  for (const source of sources) {
    for (const name in source) merged[name.toLowerCase()] = source[name] as string;
  }
  return merged;
}

function abortError(operation: string, reason: unknown): CallabAbortError {
  return new CallabAbortError(`${operation} was aborted by the caller`, { cause: reason });
}

/** undici says "fetch failed" and keeps the reason (ECONNREFUSED...) in `cause`. */
function describeNetworkError(error: unknown): string {
  const { message = String(error), cause } = (error ?? {}) as {
    message?: string;
    cause?: { code?: unknown; message?: unknown };
  };
  const detail = cause?.code ?? cause?.message;
  return detail ? `${message} (${String(detail)})` : message;
}
