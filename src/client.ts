import createClient, { type Client } from 'openapi-fetch';
import { version } from '../package.json';
import { ApiCaller } from './core/api';
import { CallabError } from './core/errors';
import { createLeveledLogger, isLogLevel, type Logger, type LogLevel } from './core/logger';
import { sleep } from './core/retry';
import { mergeHeaders, Transport } from './core/transport';
import { Campaigns } from './resources/campaigns';
import { Contacts } from './resources/contacts';
import { PhoneNumbers } from './resources/phone-numbers';
import { Webhooks } from './resources/webhooks';
import type { paths } from './types';

export const DEFAULT_BASE_URL = 'https://api.callab.ai';

export interface CallabOptions {
  /** The API key. Defaults to the `CALLAB_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `CALLAB_BASE_URL`, then `https://api.callab.ai`. */
  baseUrl?: string | undefined;
  /** Time allowed for each attempt, body included, in milliseconds. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt for connection errors, timeouts, 408, 409, 429 and 5xx. Default 2. */
  maxRetries?: number | undefined;
  /** The fetch implementation. Defaults to the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string> | undefined;
  /** Where log lines go. Defaults to `console`. */
  logger?: Logger | undefined;
  /** Defaults to `CALLAB_LOG`, then `warn`. `debug` logs requests with `Authorization` redacted. */
  logLevel?: LogLevel | undefined;
  /** Validate every success response against openapi.yaml (needs the optional `ajv` and `ajv-formats`). */
  validate?: boolean | undefined;
  /** Waits between retries; injectable for tests. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

export class Callab {
  readonly contacts: Contacts;
  readonly phoneNumbers: PhoneNumbers;
  readonly campaigns: Campaigns;
  readonly webhooks: Webhooks;
  /** The typed openapi-fetch client, with the same auth, retries, timeouts and logging. */
  readonly raw: Client<paths>;
  readonly baseUrl: string;

  constructor(options: CallabOptions = {}) {
    const apiKey = options.apiKey ?? env('CALLAB_API_KEY');
    if (!apiKey) {
      throw new CallabError(
        'No Callab API key: pass `new Callab({ apiKey })` or set the CALLAB_API_KEY environment variable.',
      );
    }
    this.baseUrl = checkBaseUrl(options.baseUrl ?? env('CALLAB_BASE_URL') ?? DEFAULT_BASE_URL);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new CallabError(
        'No fetch implementation: pass `new Callab({ fetch })` on runtimes without a global fetch.',
      );
    }
    const transport = new Transport({
      baseUrl: this.baseUrl,
      fetch: fetchImpl,
      timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? 30_000, 1),
      maxRetries: checkNumber('maxRetries', options.maxRetries ?? 2, 0),
      headers: mergeHeaders(options.defaultHeaders, {
        accept: 'application/json',
        authorization: `Bearer ${apiKey}`,
        'user-agent': `callab-client/${version}`,
      }),
      log: createLeveledLogger(
        options.logger ?? console,
        checkLogLevel(options.logLevel ?? env('CALLAB_LOG')),
      ),
      sleep: options.sleep ?? sleep,
      random: Math.random,
    });
    const api = new ApiCaller(transport, apiKey, options.validate ?? false);
    this.contacts = new Contacts(api);
    this.phoneNumbers = new PhoneNumbers(api);
    this.campaigns = new Campaigns(api);
    this.webhooks = new Webhooks(api);
    this.raw = createClient<paths>({
      baseUrl: this.baseUrl,
      fetch: (request) => rawFetch(transport, request),
    });
  }

  /** Keeps the key out of `console.log(callab)` and `JSON.stringify(callab)`. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}

/** openapi-fetch hands over a Request; send it through the transport and hand back a Response. */
async function rawFetch(transport: Transport, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const basePath = new URL(transport.baseUrl).pathname.replace(/\/$/, '');
  const result = await transport.send(
    {
      method: request.method,
      path: url.pathname.slice(basePath.length),
      query: url.search.slice(1),
      ...(request.body && { body: await request.text() }),
      headers: Object.fromEntries(request.headers),
    },
    { signal: request.signal },
  );
  return new Response(result.text === '' ? null : result.text, {
    status: result.status,
    headers: result.headers,
  });
}

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[name];
  return value === '' ? undefined : value;
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CallabError(
      `Invalid baseUrl ${JSON.stringify(value)}: expected an absolute http(s) URL such as ${DEFAULT_BASE_URL}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CallabError(
      `Invalid baseUrl ${JSON.stringify(value)}: only http: and https: are supported.`,
    );
  }
  return value.replace(/\/+$/, '');
}

function checkNumber(name: string, value: number, min: number): number {
  if (
    !Number.isFinite(value) ||
    value < min ||
    (name === 'maxRetries' && !Number.isInteger(value))
  ) {
    throw new CallabError(
      `Invalid ${name} ${String(value)}: expected a ${name === 'maxRetries' ? 'whole ' : ''}number >= ${min}.`,
    );
  }
  return value;
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
