import type { Client } from 'openapi-fetch';
import { version } from '../package.json';
import { ApiCaller } from './core/api';
import { isBrowserPage } from './core/browser';
import { CallabError } from './core/errors';
import { lazyClient } from './core/lazy-client';
import { createLeveledLogger, isLogLevel, type Logger, type LogLevel } from './core/logger';
import { checkMaxRetries, checkTimeoutMs } from './core/options';
import { createRedactor } from './core/redact';
import { REQUEST_SERIALIZERS } from './core/request-builder';
import { sleep } from './core/retry';
import { checkHeaders, mergeHeaders, Transport } from './core/transport';
import { createResources, type Resources } from './resources';
import { type StreamingMethods, withStreamingMethods } from './resources/streams';
import type { paths } from './types';

export const DEFAULT_BASE_URL = 'https://api.callab.ai';

export interface CallabOptions {
  /** The API key. Defaults to the `CALLAB_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `CALLAB_BASE_URL`, then `https://api.callab.ai`. Surrounding whitespace is trimmed. */
  baseUrl?: string | undefined;
  /**
   * Time allowed for each attempt, body included, in milliseconds. Default 30 000. For a stream
   * (`contacts.queryStream`): the wait for the response headers, then each silence between chunks.
   */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt for connection errors, timeouts, 408, 409, 429 and 5xx. Default 2. */
  maxRetries?: number | undefined;
  /** The fetch implementation. Defaults to the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. They win over the built-in ones (`User-Agent` included); per-call headers win over them. */
  defaultHeaders?: Record<string, string> | undefined;
  /** Where log lines go. Defaults to `console`. */
  logger?: Logger | undefined;
  /** Defaults to `CALLAB_LOG`, then `warn`. `debug` logs requests with `Authorization` redacted. */
  logLevel?: LogLevel | undefined;
  /** Validate every success response against openapi.yaml (validators precompiled from it, loaded on first use). */
  validate?: boolean | undefined;
  /**
   * Allow `new Callab()` in a web page, where every visitor can read the API key. Default false:
   * the constructor throws there. Workers and server runtimes are not web pages.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Waits between retries; injectable for tests. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * The resources (`contacts`, `campaigns`...) come from the operation table, the streaming methods
 * (`contacts.queryStream`) from a hand-written file beside it: see src/resources/.
 */
export interface Callab extends ClientResources {}

type ClientResources = Resources & StreamingMethods;

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the constructor assigns every resource of the interface (Object.assign), which TypeScript cannot see.
export class Callab {
  /** The typed openapi-fetch client, with the same auth, retries, timeouts and logging. */
  readonly raw: Client<paths>;
  readonly baseUrl: string;

  constructor(options: CallabOptions = {}) {
    if (isBrowserPage() && options.dangerouslyAllowBrowser !== true) {
      throw new CallabError(
        'new Callab() refuses to run in a browser: the API key would be exposed to every visitor of the page. Call the Callab API from your server; if every user of the page may see the key, pass `dangerouslyAllowBrowser: true`.',
      );
    }
    if (options.apiKey === '') {
      throw new CallabError(
        'apiKey is an empty string: pass the key, or leave apiKey out to read CALLAB_API_KEY.',
      );
    }
    const apiKey = checkApiKey(options.apiKey ?? env('CALLAB_API_KEY'));
    this.baseUrl = checkBaseUrl(options.baseUrl ?? env('CALLAB_BASE_URL') ?? DEFAULT_BASE_URL);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new CallabError(
        'No fetch implementation: pass `new Callab({ fetch })` on runtimes without a global fetch.',
      );
    }
    const redact = createRedactor(apiKey);
    const transport = new Transport({
      fetch: fetchImpl,
      timeoutMs: checkTimeoutMs(options.timeoutMs ?? 30_000, 'new Callab()'),
      maxRetries: checkMaxRetries(options.maxRetries ?? 2, 'new Callab()'),
      headers: mergeHeaders(
        {
          accept: 'application/json',
          authorization: `Bearer ${apiKey}`,
          'user-agent': `callab-client/${version}`,
        },
        options.defaultHeaders && checkHeaders(options.defaultHeaders, 'defaultHeaders'),
      ),
      log: createLeveledLogger(
        options.logger ?? console,
        checkLogLevel(options.logLevel ?? env('CALLAB_LOG')),
      ),
      redact,
      sleep: options.sleep ?? sleep,
      random: Math.random,
    });
    const api = new ApiCaller(transport, redact, this.baseUrl, options.validate ?? false);
    Object.assign(this, withStreamingMethods(createResources(api), api));
    // openapi-fetch loads with raw's first call: clients that never use raw never load it.
    const baseUrl = this.baseUrl;
    this.raw = lazyClient(async () => {
      const { createRawClient } = await import('./core/raw-client');
      return createRawClient({ baseUrl, transport, serializers: REQUEST_SERIALIZERS });
    });
  }

  /** What `JSON.stringify(callab)` shows. The key is out of `console.log(callab)` too: it lives in # fields. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[name];
  return value === '' ? undefined : value;
}

/** The key goes into an HTTP header, so a pasted smart quote or newline must fail here, not in fetch. */
function checkApiKey(value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new CallabError(
      'No Callab API key: pass `new Callab({ apiKey })` or set the CALLAB_API_KEY environment variable.',
    );
  }
  if (!/^[\x21-\x7e]+$/.test(value)) {
    throw new CallabError(
      'Invalid API key: it contains a space, a line break or a non-ASCII character (such as a smart quote), which cannot be sent in an HTTP header. Check how the key was copied.',
    );
  }
  return value;
}

/**
 * Surrounding whitespace (a `.env` file's or a CI secret's trailing newline) is trimmed, as URL
 * parsers do; whitespace inside is refused. The result has no trailing slash: paths are appended.
 */
function checkBaseUrl(value: string): string {
  const trimmed = value.trim();
  if (/\s/.test(trimmed)) {
    throw new CallabError(
      `Invalid baseUrl ${JSON.stringify(value)}: it contains a space or a line break; remove it.`,
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new CallabError(
      `Invalid baseUrl ${JSON.stringify(value)}: expected an absolute http(s) URL such as ${DEFAULT_BASE_URL}.`,
    );
  }
  if (url.username || url.password) {
    throw new CallabError(
      'Invalid baseUrl: it contains a user name or password; remove them (the API key is sent as a bearer token).',
    );
  }
  if (url.search || url.hash || trimmed.endsWith('?') || trimmed.endsWith('#')) {
    throw new CallabError(
      `Invalid baseUrl ${JSON.stringify(value)}: remove the query string or fragment; paths are appended to it.`,
    );
  }
  return trimmed.replace(/\/+$/, '');
}

function checkLogLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'warn';
  if (!isLogLevel(value)) {
    throw new CallabError(
      `Invalid log level ${JSON.stringify(value)} (logLevel or CALLAB_LOG): use off, error, warn, info or debug.`,
    );
  }
  return value;
}
