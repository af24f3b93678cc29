/**
 * One HTTP exchange with retries: auth and default headers, a timeout per attempt (covering the
 * body too, or for a stream the wait for its headers), backoff between attempts, caller aborts,
 * and redacted debug logs. Web APIs only (no `node:` import): it runs wherever the main entry runs. It sends a finished
 * URL: the resources (./api) and `raw` both build theirs with ./request-builder's serialisers and both
 * go through `send`, so the same call goes out the same way and is retried the same way.
 */
import {
  CallabAbortError,
  CallabConnectionError,
  CallabError,
  CallabResponseTooLargeError,
  CallabTimeoutError,
} from './errors';
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
  /**
   * Overrides the client's `timeoutMs` for each attempt of this call. For a stream
   * (`contacts.queryStream`) it limits the wait for the response headers and then each silence
   * between chunks, not the whole transfer.
   */
  timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
  /** Extra headers for this call; they win over `defaultHeaders` and the built-in ones. */
  headers?: Record<string, string> | undefined;
}

/** Per-call options of a streaming method (`contacts.queryStream`). */
export interface StreamOptions extends RequestOptions {
  /** Called after each chunk of the body with the bytes and items read so far. */
  onProgress?: ((progress: StreamProgress) => void) | undefined;
}

export interface StreamProgress {
  /** Bytes of the body received so far. */
  bytes: number;
  /** Items yielded so far. */
  items: number;
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

/**
 * A response handed over at headers time, its body unread (`response.body`). `timeoutMs` covered
 * the wait for the headers; from here on it is a limit on silence between chunks (`idleTimeoutMs`),
 * not on the whole transfer. The caller's signal still aborts it until `close()`.
 */
export interface HttpStream {
  response: Response;
  idleTimeoutMs: number;
  /** The error for a failed body read: a CallabAbortError once the caller aborted, else undefined. */
  readError(error: unknown): Error | undefined;
  /** Aborts the exchange (closing the connection if the body is still open) and lets go of the caller's signal. */
  close(): void;
}

/** Node's, Bun's and V8's ways of saying a body is too long for one string. */
const STRING_TOO_LONG = /Cannot create a string longer than|Invalid string length/;

/** Read by shape, not `instanceof Error`: the runtime's own errors may come from another realm. */
function isStringTooLong(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'ERR_STRING_TOO_LONG' || (typeof message === 'string' && STRING_TOO_LONG.test(message))
  );
}

export interface Attempt {
  operation: string;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  caller: AbortSignal | undefined;
}

/**
 * How an attempt reads its response: whole (`send`), or handed over at headers time (the
 * streamed mode, in ./streaming, loaded with the stream reader on first use).
 */
export interface AttemptMode<R> {
  read(exchange: Exchange): Promise<R>;
  status(result: R): Response;
  /** Lets go of a result that is retried rather than returned. */
  discard(result: R): void;
}

/** One attempt whose timeout covers the body too, read whole into a string. */
const BUFFERED: AttemptMode<HttpResult> = {
  async read(exchange) {
    try {
      const response = await exchange.response;
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (isStringTooLong(error)) {
          throw new CallabResponseTooLargeError(exchange.attempt.operation);
        }
        throw error;
      }
      exchange.logResponse(response, { characters: text.length });
      return { response, text };
    } catch (error) {
      throw exchange.failure(error);
    } finally {
      exchange.release();
    }
  },
  status: (result) => result.response,
  discard: () => undefined,
};

export class Transport {
  // Private (#) so that `console.log(callab)` cannot reach the Authorization header.
  readonly #config: TransportConfig;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  /** Sends `request` with retries and reads the whole body, under `timeoutMs` per attempt. */
  send(request: HttpRequest, options: RequestOptions = {}): Promise<HttpResult> {
    return this.exchange(request, options, BUFFERED);
  }

  /**
   * Sends `request` with retries, each attempt read by `mode`: a response is retried when its
   * status is, a connection failure or timeout when attempts remain.
   */
  async exchange<R>(
    request: HttpRequest,
    options: RequestOptions,
    mode: AttemptMode<R>,
  ): Promise<R> {
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
    const caller = options.signal && followSignal(options.signal);
    const attempt: Attempt = { operation, url: request.url, init, timeoutMs, caller };
    for (let retry = 0; ; retry++) {
      let result: R | undefined;
      let failure: CallabConnectionError | undefined;
      try {
        result = await mode.read(new Exchange(attempt, config));
      } catch (error) {
        if (!(error instanceof CallabConnectionError)) throw error;
        failure = error;
      }
      const response = result === undefined ? undefined : mode.status(result);
      const status = response?.status;
      if (retry >= maxRetries || (status !== undefined && !isRetryableStatus(status))) {
        if (failure) throw failure;
        return result as R;
      }
      const requested = response && parseRetryAfter(response.headers);
      if (requested !== undefined && requested > MAX_RETRY_WAIT_MS) {
        config.log.warn?.(
          `${operation}: HTTP ${status} asks to wait ${Math.round(requested / 1000)} s, over ${MAX_RETRY_WAIT_MS / 1000} s: not retrying`,
        );
        return result as R;
      }
      if (result !== undefined) mode.discard(result);
      const delay = requested ?? backoffDelay(retry, config.random);
      config.log.info?.(
        `${failure ? failure.message : `${operation}: HTTP ${status}`}; retry ${retry + 1} of ${maxRetries} in ${Math.round(delay)} ms`,
      );
      try {
        await config.sleep(delay, caller);
      } catch (reason) {
        throw abortError(operation, reason);
      }
    }
  }
}

/**
 * One attempt in flight: the fetch under its own controller, linked to the caller's signal and
 * the timer. Made on every call, so the timer and the caller's listener are this object's methods
 * rather than closures (`setTimeout`'s argument, EventTarget's `handleEvent`).
 */
export class Exchange {
  declare readonly attempt: Attempt;
  declare readonly started: number;
  declare readonly response: Promise<Response>;
  readonly #config: TransportConfig;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  #timedOut = false;

  constructor(attempt: Attempt, config: TransportConfig) {
    const { operation, url, init, timeoutMs, caller } = attempt;
    if (caller?.aborted) throw abortError(operation, caller.reason);
    this.attempt = attempt;
    this.#config = config;
    this.#timer = setTimeout(Exchange.#timeOut, timeoutMs, this);
    caller?.addEventListener('abort', this, { once: true });
    this.started = Date.now();
    config.log.debug?.(`→ ${operation}`, {
      url: config.redact(url),
      headers: redactHeaders(init.headers as HeaderRecord, config.redact),
    });
    this.response = this.#fetch(url, init);
  }

  /**
   * A fetch that throws instead of rejecting (a caller's stand-in; the standard one always
   * rejects) fails the attempt the same way, so its timer and listener are released.
   */
  #fetch(url: string, init: RequestInit): Promise<Response> {
    // Called unbound: browsers' and workers' fetch throw "Illegal invocation" on another `this`.
    const { fetch } = this.#config;
    try {
      return fetch(url, { ...init, signal: this.#controller.signal });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  static #timeOut(exchange: Exchange): void {
    exchange.#timedOut = true;
    exchange.#controller.abort();
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.#controller.abort(this.attempt.caller?.reason);
  }

  stopTimer(): void {
    clearTimeout(this.#timer);
  }

  /** Aborts the fetch, closing the connection if the body is still open. */
  abort(): void {
    this.#controller.abort();
  }

  /** Stops the timer and lets go of the caller's signal. */
  release(): void {
    clearTimeout(this.#timer);
    this.attempt.caller?.removeEventListener('abort', this);
  }

  /** A CallabAbortError once the caller has aborted, else undefined. */
  callerAbort(): CallabAbortError | undefined {
    const { caller, operation } = this.attempt;
    return caller?.aborted ? abortError(operation, caller.reason) : undefined;
  }

  /** The CallabError for what went wrong in this attempt. */
  failure(error: unknown): Error {
    const { operation, url, timeoutMs } = this.attempt;
    if (error instanceof CallabError) return error;
    const aborted = this.callerAbort();
    if (aborted) return aborted;
    if (this.#timedOut)
      return new CallabTimeoutError(`${operation} timed out after ${timeoutMs} ms`);
    return new CallabConnectionError(
      `${operation}: could not reach ${new URL(url).origin}: ${describeNetworkError(error)}`,
      { cause: error },
    );
  }

  logResponse(response: Response, detail: object): void {
    const { log, redact } = this.#config;
    log.debug?.(
      `← ${this.attempt.operation} HTTP ${response.status} in ${Date.now() - this.started} ms`,
      { headers: redactHeaders(response.headers, redact), ...detail },
    );
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
