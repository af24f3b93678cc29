import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { sleep } from './core/retry';
import {
  Callab,
  CallabAbortError,
  CallabApiError,
  CallabAuthenticationError,
  CallabConnectionError,
  CallabError,
  type CallabOptions,
  CallabRateLimitError,
  CallabResponseValidationError,
  CallabServerError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
  type Contact,
} from './index';
import { loadSpec, mediaTypesOf } from './internal/spec-document';
import {
  type Handler,
  reply,
  type ScriptedServer,
  startScriptedServer,
} from './test-support/scripted-server';

const API_KEY = 'sk-test-0123456789abcdef';
const okExample = mediaTypesOf(loadSpec()).find(
  (m) => m.operation.operationId === 'queryContacts' && m.status === '200',
)?.examples.ok as { data: Contact[] };
const contacts = okExample.data;
const ok = (data: unknown) => ({ status: 'ok', message: 'fine', data });
const errorEnvelope = (message: string) => ({ status: 'error', message, data: '' });

let server: ScriptedServer;
let sleeps: number[];

async function serve(handler: Handler, options: CallabOptions = {}): Promise<Callab> {
  server = await startScriptedServer(handler);
  sleeps = [];
  return new Callab({
    apiKey: API_KEY,
    baseUrl: server.url,
    logLevel: 'off',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
}

afterEach(async () => {
  await server?.close();
});

async function failure(promise: Promise<unknown>): Promise<CallabError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CallabError);
  return error as CallabError;
}

describe('construction', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('fails at once without a key, saying how to fix it', () => {
    delete process.env.CALLAB_API_KEY;
    expect(() => new Callab()).toThrow(/CALLAB_API_KEY/);
    expect(() => new Callab()).toThrow(CallabError);
  });

  it('reads the key, base URL and log level from the environment', async () => {
    const handler: Handler = (_req, res) => reply(res, 200, ok([]));
    server = await startScriptedServer(handler);
    process.env.CALLAB_API_KEY = API_KEY;
    process.env.CALLAB_BASE_URL = `${server.url}/`;
    process.env.CALLAB_LOG = 'off';
    const callab = new Callab();
    expect(callab.baseUrl).toBe(server.url);
    await expect(callab.phoneNumbers.list()).resolves.toEqual([]);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it.each([
    ['a trailing newline', '/v1\n'],
    ['a trailing slash and newline', '/v1/\n'],
    ['a trailing space', '/v1 '],
    ['surrounding spaces and a tab', '/v1/\t '],
  ])('trims %s from the base URL', async (_name, suffix) => {
    server = await startScriptedServer((_req, res) => reply(res, 200, ok([])));
    const callab = new Callab({
      apiKey: API_KEY,
      baseUrl: ` ${server.url}${suffix}`,
      logLevel: 'off',
    });
    expect(callab.baseUrl).toBe(`${server.url}/v1`);
    await callab.phoneNumbers.list();
    await callab.raw.GET('/phone_number');
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/phone_number', '/v1/phone_number']);
  });

  it('defaults to the production server', () => {
    delete process.env.CALLAB_BASE_URL;
    expect(new Callab({ apiKey: API_KEY }).baseUrl).toBe('https://api.callab.ai');
  });

  it.each([
    [{ baseUrl: 'api.callab.ai' }, /Invalid baseUrl "api.callab.ai"/],
    [{ baseUrl: 'ftp://x' }, /Invalid baseUrl "ftp:\/\/x": expected an absolute http\(s\) URL/],
    [
      { baseUrl: 'https://user:hunter2@api.callab.ai' },
      /^Invalid baseUrl: it contains a user name or password;[^2]*$/,
    ],
    [{ baseUrl: 'https://api.callab.ai/v1?x=1' }, /remove the query string or fragment/],
    [{ baseUrl: 'https://api.callab.ai/v1?' }, /remove the query string or fragment/],
    [
      { baseUrl: 'https://api.callab.ai/my v1' },
      /^Invalid baseUrl "https:\/\/api.callab.ai\/my v1": it contains a space or a line break/,
    ],
    [{ baseUrl: 'https://api.callab.ai/v1\n/v2' }, /it contains a space or a line break/],
    [{ apiKey: '' }, /apiKey is an empty string/],
    [
      { apiKey: 'sk-\u201cquoted\u201d' },
      /^Invalid API key: it contains .* smart quote[^\u201c]*$/,
    ],
    [{ apiKey: 'sk-abc\n' }, /Invalid API key: it contains a space, a line break/],
    [
      { timeoutMs: 3e9 },
      /Invalid timeoutMs 3000000000 \(new Callab\(\)\): expected milliseconds from 1 to 2147483647/,
    ],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /Invalid timeoutMs Infinity/],
    [{ defaultHeaders: { 'x-bad': 'a\nb' } }, /Invalid header "x-bad" \(defaultHeaders\)/],
    [{ logLevel: 'constructor' as never }, /Invalid log level "constructor"/],
    [{ timeoutMs: 0 }, /Invalid timeoutMs 0/],
    [{ maxRetries: 1.5 }, /Invalid maxRetries 1.5 \(new Callab\(\)\): expected a whole number/],
    [{ logLevel: 'loud' as never }, /Invalid log level "loud"/],
  ])('rejects %j with a clear message', (options, message) => {
    expect(() => new Callab({ apiKey: API_KEY, ...options })).toThrow(message);
    expect(() => new Callab({ apiKey: API_KEY, ...options })).toThrow(CallabError);
  });

  it('keeps the key out of JSON.stringify(client)', () => {
    expect(JSON.stringify(new Callab({ apiKey: API_KEY }))).not.toContain(API_KEY);
  });
});

describe('resources', () => {
  it('contacts.query posts the filters and returns the envelope data', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok(contacts)));
    await expect(callab.contacts.query({ tags: ['vip'], last_call_statuses: [] })).resolves.toEqual(
      contacts,
    );
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/contact/query' });
    expect(JSON.parse(request?.body ?? '')).toEqual({ tags: ['vip'], last_call_statuses: [] });
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': expect.stringMatching(/^callab-client\/\d+\.\d+\.\d+/),
    });
  });

  it('contacts.query sends {} without filters', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok([])));
    await callab.contacts.query();
    expect(server.requests[0]?.body).toBe('{}');
  });

  it('campaigns.list sends limit; phoneNumbers and webhooks GET their paths', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok([])));
    await callab.campaigns.list({ limit: 5 });
    await callab.campaigns.list();
    await callab.phoneNumbers.list();
    await callab.webhooks.list();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /campaign/list?limit=5',
      'GET /campaign/list',
      'GET /phone_number',
      'GET /webhook/flow/company/outbound',
    ]);
    expect(server.requests[2]?.headers['content-type']).toBeUndefined();
  });

  it('orders headers built-ins, then defaultHeaders, then per-call: each may replace the one before', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok([])), {
      defaultHeaders: { 'x-team': 'billing', 'x-trace': 'default', 'User-Agent': 'billing/2.1' },
    });
    await callab.phoneNumbers.list({ headers: { 'x-trace': 'call' } });
    await callab.contacts.query({}, { headers: { 'USER-AGENT': 'billing/2.1 (job 7)' } });
    await callab.raw.GET('/phone_number', { headers: { 'x-trace': 'raw' } });
    const [first, second, third] = server.requests.map((r) => r.headers);
    expect(first).toMatchObject({
      'x-team': 'billing',
      'x-trace': 'call',
      'user-agent': 'billing/2.1',
      authorization: `Bearer ${API_KEY}`,
    });
    expect(second).toMatchObject({
      'user-agent': 'billing/2.1 (job 7)',
      'content-type': 'application/json',
    });
    expect(third).toMatchObject({ 'x-trace': 'raw', 'user-agent': 'billing/2.1' });
  });

  it('calls fetch unbound, as browser and worker fetch require', async () => {
    const global = globalThis.fetch;
    // Like a browser's fetch: any `this` but undefined or the global object is an Illegal invocation.
    function strictFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return global(input, init);
    }
    const callab = await serve((_req, res) => reply(res, 200, ok([])), { fetch: strictFetch });
    await expect(callab.phoneNumbers.list()).resolves.toEqual([]);
    await expect(callab.raw.GET('/phone_number')).resolves.toMatchObject({ data: ok([]) });
  });

  it('keeps a base URL path prefix', async () => {
    server = await startScriptedServer((_req, res) => reply(res, 200, ok([])));
    const callab = new Callab({
      apiKey: API_KEY,
      baseUrl: `${server.url}/api/v0`,
      logLevel: 'off',
    });
    await callab.phoneNumbers.list();
    expect(server.requests[0]?.url).toBe('/api/v0/phone_number');
  });
});

describe('withResponse()', () => {
  it('gives back the data with the HTTP response and the request id', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 200, ok(contacts), { 'x-request-id': 'req_7', 'x-ratelimit-remaining': '41' }),
    );
    const { data, response, requestId } = await callab.contacts.query().withResponse();
    expect(data).toEqual(contacts);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('41');
    expect(requestId).toBe('req_7');
    await expect(callab.phoneNumbers.list().withResponse()).resolves.toMatchObject({
      data: contacts,
    });
  });

  it('has no request id when the server sent none, and scrubs the key from one it echoed', async () => {
    const callab = await serve((_req, res, attempt) =>
      reply(res, 200, ok([]), attempt === 1 ? {} : { 'x-request-id': `req ${API_KEY}` }),
    );
    expect((await callab.webhooks.list().withResponse()).requestId).toBeUndefined();
    expect((await callab.webhooks.list().withResponse()).requestId).toBe('req [redacted]');
  });

  it('unwraps the envelope and throws the same typed errors as await', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 200, errorEnvelope('no such tag'), { 'x-request-id': 'req_9' }),
    );
    const error = await failure(callab.contacts.query({ tags: ['x'] }).withResponse());
    expect(error).toBeInstanceOf(CallabApiError);
    expect(error).toMatchObject({ serverMessage: 'no such tag', requestId: 'req_9' });
  });

  it('is still a promise: then, catch and finally behave as on any other', async () => {
    const callab = await serve((_req, res, attempt) =>
      attempt === 1 ? reply(res, 200, ok([])) : reply(res, 401, errorEnvelope('bad key')),
    );
    const listed = callab.campaigns.list();
    expect(listed).toBeInstanceOf(Promise);
    let settled = false;
    await expect(listed.then((data) => data.length).finally(() => (settled = true))).resolves.toBe(
      0,
    );
    expect(settled).toBe(true);
    await expect(
      callab.campaigns.list().catch((e: unknown) => (e as CallabApiError).httpStatus),
    ).resolves.toBe(401);
    await expect(Promise.all([callab.campaigns.list().catch(() => 'caught')])).resolves.toEqual([
      'caught',
    ]);
  });
});

describe('server-reported failures', () => {
  it('an error envelope inside HTTP 200 is a CallabApiError and is not retried', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 200, errorEnvelope('tag list too long'), { 'x-request-id': 'req_42' }),
    );
    const error = await failure(callab.contacts.query({ tags: ['vip'] }));
    expect(error).toBeInstanceOf(CallabApiError);
    expect(error).toMatchObject({
      httpStatus: 200,
      serverMessage: 'tag list too long',
      body: errorEnvelope('tag list too long'),
      requestId: 'req_42',
      headers: expect.objectContaining({ 'x-request-id': 'req_42' }),
    });
    expect(error.message).toBe(
      'POST /contact/query failed with HTTP 200: tag list too long (request id req_42)',
    );
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [401, CallabAuthenticationError],
    [400, CallabApiError],
    [403, CallabApiError],
    [404, CallabApiError],
  ])('HTTP %d is %p and is not retried', async (status, type) => {
    const callab = await serve((_req, res) => reply(res, status, errorEnvelope('nope')));
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ httpStatus: status, serverMessage: 'nope' });
    expect(server.requests).toHaveLength(1);
  });

  it.each([408, 409, 429, 500, 502, 503])(
    'HTTP %d is retried maxRetries times, then thrown',
    async (status) => {
      const callab = await serve((_req, res) => reply(res, status, errorEnvelope('busy')));
      const error = await failure(callab.campaigns.list({ limit: 1 }));
      expect(error).toBeInstanceOf(CallabApiError);
      expect(error).toMatchObject({ httpStatus: status });
      if (status >= 500) expect(error).toBeInstanceOf(CallabServerError);
      expect(server.requests).toHaveLength(3);
      expect(sleeps).toHaveLength(2);
    },
  );

  it('succeeds when a retry succeeds', async () => {
    const callab = await serve((_req, res, attempt) =>
      attempt < 3 ? reply(res, 503, errorEnvelope('down')) : reply(res, 200, ok(contacts)),
    );
    await expect(callab.contacts.query()).resolves.toEqual(contacts);
    expect(server.requests).toHaveLength(3);
  });

  it('per-call maxRetries overrides the client', async () => {
    const callab = await serve((_req, res) => reply(res, 500, errorEnvelope('x')), {
      maxRetries: 5,
    });
    await failure(callab.webhooks.list({ maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [{ maxRetries: Number.NaN }, /Invalid maxRetries NaN \(request options\)/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /Invalid timeoutMs Infinity \(request options\)/],
    [{ headers: { 'x-bad': 'line\nbreak' } }, /Invalid header "x-bad" \(request options\)/],
  ])('rejects per-call options %j before sending anything', async (options, message) => {
    const callab = await serve((_req, res) => reply(res, 200, ok([])));
    const error = await failure(callab.phoneNumbers.list(options));
    expect(error.constructor).toBe(CallabError);
    expect(error.message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('a non-JSON error page (a proxy 502) keeps its text as the body', async () => {
    const callab = await serve((_req, res) => reply(res, 502, '<html>Bad gateway</html>'), {
      maxRetries: 0,
    });
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(CallabServerError);
    expect(error).toMatchObject({ body: '<html>Bad gateway</html>', serverMessage: undefined });
    expect(error.message).toBe(
      'GET /phone_number failed with HTTP 502: the server reported a failure (content-type text/plain, body "<html>Bad gateway</html>")',
    );
  });
});

describe('Retry-After', () => {
  const rateLimited = (headers: Record<string, string>) =>
    serve((_req, res, attempt) =>
      attempt === 1
        ? reply(res, 429, errorEnvelope('slow down'), headers)
        : reply(res, 200, ok([])),
    );

  it('honours seconds', async () => {
    const callab = await rateLimited({ 'retry-after': '2' });
    await callab.phoneNumbers.list();
    expect(sleeps).toEqual([2000]);
  });

  it('honours an HTTP date', async () => {
    const callab = await rateLimited({
      'retry-after': new Date(Date.now() + 10_000).toUTCString(),
    });
    await callab.phoneNumbers.list();
    expect(sleeps[0]).toBeGreaterThan(8_000);
    expect(sleeps[0]).toBeLessThanOrEqual(10_000);
  });

  it('honours retry-after-ms over retry-after', async () => {
    const callab = await rateLimited({ 'retry-after-ms': '150', 'retry-after': '9' });
    await callab.phoneNumbers.list();
    expect(sleeps).toEqual([150]);
  });

  it('stops retrying when the server asks for more than 60 s, keeping the delay, and warns', async () => {
    const lines: string[] = [];
    const capture = (line: string) => lines.push(line);
    const callab = await serve(
      (_req, res) => reply(res, 429, errorEnvelope('slow down'), { 'retry-after': '120' }),
      {
        logLevel: 'warn',
        logger: { error: capture, warn: capture, info: capture, debug: capture },
      },
    );
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(CallabRateLimitError);
    expect((error as CallabRateLimitError).retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(lines).toEqual([
      'callab: GET /phone_number: HTTP 429 asks to wait 120 s, over 60 s: not retrying',
    ]);
  });

  it('a 503 with Retry-After is a CallabServerError that carries retryAfterMs, as a 429 does', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 503, errorEnvelope('maintenance'), { 'retry-after': '90' }),
    );
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(CallabServerError);
    expect(error).toMatchObject({ httpStatus: 503, retryAfterMs: 90_000 });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    '-1',
    'soon',
    'try again in 60',
    'wait 5',
    'in 2 minutes',
    'Thu, 01 Jan 2015 00:00:00 GMT',
  ])('ignores %j and backs off instead', async (value) => {
    const callab = await rateLimited({ 'retry-after': value });
    await callab.phoneNumbers.list();
    expect(sleeps[0]).toBeGreaterThanOrEqual(375);
    expect(sleeps[0]).toBeLessThanOrEqual(500);
  });

  it('exposes the parsed delay on the final CallabRateLimitError', async () => {
    const callab = await serve(
      (_req, res) => reply(res, 429, errorEnvelope('slow'), { 'retry-after': '3' }),
      {
        maxRetries: 0,
      },
    );
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(CallabRateLimitError);
    expect((error as CallabRateLimitError).retryAfterMs).toBe(3000);
  });
});

describe('responses that are not the API', () => {
  it.each([
    [
      'HTML',
      { 'content-type': 'text/html' },
      '<!doctype html><h1>Login</h1>',
      /not JSON.*text\/html.*<!doctype html>/,
    ],
    ['empty', { 'content-type': 'application/json' }, '', /body is empty.*body empty/],
    [
      'truncated',
      { 'content-type': 'application/json' },
      '{"status":"ok","data":[{"id"',
      /not valid JSON \(truncated\?\)/,
    ],
    ['no envelope', { 'content-type': 'application/json' }, '[1,2,3]', /not a \{status/],
    ['JSON null', { 'content-type': 'application/json' }, 'null', /not a \{status/],
    [
      '+json lookalike',
      { 'content-type': 'application/jsonp' },
      JSON.stringify(ok([])),
      /not JSON/,
    ],
    [
      'data null',
      { 'content-type': 'application/json' },
      JSON.stringify(ok(null)),
      /the envelope's data is null, not the array the operation returns/,
    ],
    [
      'data a string',
      { 'content-type': 'application/json' },
      JSON.stringify(ok('[]')),
      /the envelope's data is string, not the array the operation returns/,
    ],
    [
      'data an object',
      { 'content-type': 'application/json' },
      JSON.stringify(ok({ items: [] })),
      /the envelope's data is object, not the array the operation returns/,
    ],
    [
      'no data',
      { 'content-type': 'application/json' },
      JSON.stringify({ status: 'ok', message: 'fine' }),
      /not a \{status/,
    ],
    [
      'JSON as text/plain',
      { 'content-type': 'text/plain' },
      JSON.stringify(ok([])),
      /not JSON.*text\/plain/,
    ],
  ])(
    '%s becomes CallabUnexpectedResponseError saying what arrived',
    async (_name, headers, body, message) => {
      const callab = await serve((_req, res) => {
        res.writeHead(200, headers);
        res.end(body);
      });
      const error = await failure(callab.phoneNumbers.list());
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect(error).not.toBeInstanceOf(SyntaxError);
      expect(error.message).toMatch(/HTTP 200/);
      expect(error.message).toMatch(message);
      expect(server.requests).toHaveLength(1);
    },
  );
});

describe('responses that are the API', () => {
  it.each([
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'Application/JSON',
    'application/vnd.callab.v1+json',
    'application/problem+json; charset=utf-8',
  ])('accepts %s', async (contentType) => {
    const callab = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(JSON.stringify(ok(contacts)));
    });
    await expect(callab.contacts.query()).resolves.toEqual(contacts);
  });
});

describe('failure bodies', () => {
  it('a JSON null error body is a CallabServerError with body null, not a TypeError', async () => {
    const callab = await serve(
      (_req, res) => reply(res, 500, 'null', { 'content-type': 'application/json' }),
      {
        maxRetries: 0,
      },
    );
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(CallabServerError);
    expect(error).toMatchObject({ body: null, serverMessage: undefined });
    expect(error.message).toBe(
      'GET /phone_number failed with HTTP 500: the server reported a failure (content-type application/json, body "null")',
    );
  });

  it('a long body is cut to 200 characters in messages and snippets', async () => {
    const page = `<html>${'x'.repeat(5000)}</html>`;
    const callab = await serve(
      (_req, res, attempt) =>
        attempt === 1
          ? reply(res, 200, page, { 'content-type': 'text/html' })
          : reply(res, 502, page, { 'content-type': 'text/html' }),
      { maxRetries: 0 },
    );
    const unexpected = (await failure(callab.phoneNumbers.list())) as CallabUnexpectedResponseError;
    expect(unexpected.bodySnippet).toBe(`${page.slice(0, 200)}…`);
    expect(unexpected.message).toContain(JSON.stringify(`${page.slice(0, 200)}…`));
    expect(unexpected.message).not.toContain(page.slice(0, 201));
    const apiError = (await failure(callab.phoneNumbers.list())) as CallabServerError;
    expect(apiError.body).toBe(page);
    expect(apiError.message).toContain(JSON.stringify(`${page.slice(0, 200)}…`));
    expect(apiError.message).not.toContain(page.slice(0, 201));
  });
});

describe('network failures', () => {
  it('a refused connection is a CallabConnectionError after the retries', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok([])));
    await server.close();
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(CallabConnectionError);
    expect(error).not.toBeInstanceOf(CallabTimeoutError);
    expect(error.message).toMatch(
      /could not reach http:\/\/127\.0\.0\.1:\d+: fetch failed \(ECONNREFUSED\)/,
    );
    // fetch's own error, with the system error under it, for whoever needs more than the message.
    expect(error.cause).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: expect.objectContaining({ code: 'ECONNREFUSED' }),
    });
    expect(sleeps).toHaveLength(2);
  });

  it('a reset connection is retried', async () => {
    const callab = await serve((_req, res, attempt) =>
      attempt === 1 ? res.destroy() : reply(res, 200, ok([])),
    );
    await expect(callab.phoneNumbers.list()).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('a server that never answers times out per attempt, and each attempt is retried', async () => {
    let attempts = 0;
    const countingFetch: typeof fetch = (input, init) => {
      attempts++;
      return globalThis.fetch(input, init);
    };
    const callab = await serve(() => undefined, {
      timeoutMs: 50,
      maxRetries: 1,
      fetch: countingFetch,
    });
    const error = await failure(callab.phoneNumbers.list());
    expect(error).toBeInstanceOf(CallabTimeoutError);
    // One catch for "the network failed", as in openai-node.
    expect(error).toBeInstanceOf(CallabConnectionError);
    expect(error.message).toBe('GET /phone_number timed out after 50 ms');
    expect(attempts).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('the timeout covers a body that stalls', async () => {
    const callab = await serve(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"status":"ok",');
      },
      { timeoutMs: 50, maxRetries: 0 },
    );
    expect(await failure(callab.phoneNumbers.list())).toBeInstanceOf(CallabTimeoutError);
  });

  it("a caller's abort is a CallabAbortError and is never retried", async () => {
    const controller = new AbortController();
    // The server aborts the call once the request has reached it, then never answers.
    const callab = await serve(() => controller.abort());
    const error = await failure(callab.phoneNumbers.list({ signal: controller.signal }));
    expect(error).toBeInstanceOf(CallabAbortError);
    expect(error.cause).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("raw passes the caller's signal on: an abort is a CallabAbortError there too", async () => {
    const controller = new AbortController();
    const callab = await serve(() => controller.abort());
    const error = await failure(callab.raw.GET('/phone_number', { signal: controller.signal }));
    expect(error).toBeInstanceOf(CallabAbortError);
    expect(error.cause).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the reason the caller aborted with', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const callab = await serve(() => controller.abort(reason));
    const error = await failure(callab.phoneNumbers.list({ signal: controller.signal }));
    expect(error).toBeInstanceOf(CallabAbortError);
    expect(error.cause).toBe(reason);
  });

  it('an abort during the backoff wait stops the retries', async () => {
    const controller = new AbortController();
    let waited = 0;
    const callab = await serve((_req, res) => reply(res, 503, errorEnvelope('down')), {
      // The real sleep, aborted as soon as the wait starts: the half-second backoff is cut short.
      sleep: (ms, signal) => {
        waited = ms;
        controller.abort();
        return sleep(ms, signal);
      },
    });
    const error = await failure(callab.phoneNumbers.list({ signal: controller.signal }));
    expect(error).toBeInstanceOf(CallabAbortError);
    expect(waited).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok([])));
    expect(await failure(callab.phoneNumbers.list({ signal: AbortSignal.abort() }))).toBeInstanceOf(
      CallabAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('one signal shared by many calls', () => {
  const CALLS = 1000;
  const okResponse = () =>
    new Response(JSON.stringify(ok([])), { headers: { 'content-type': 'application/json' } });
  const busyResponse = () =>
    new Response(JSON.stringify(errorEnvelope('busy')), {
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after-ms': '1' },
    });
  // jest hands each test file a copy of `process`; Node reports a listener leak on the real one,
  // which a function of the outer realm (any of Node's own) reaches.
  const realProcess = (getEventListeners.constructor as FunctionConstructor)(
    'return process',
  )() as NodeJS.Process;
  let warnings: Error[];
  const onWarning = (warning: Error) => warnings.push(warning);
  beforeEach(() => {
    warnings = [];
    realProcess.on('warning', onWarning);
  });
  afterEach(() => {
    realProcess.off('warning', onWarning);
  });
  /** A client whose `fetch` (the tests') is all it talks to. */
  const offline = (options: CallabOptions) =>
    new Callab({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9', logLevel: 'off', ...options });
  /** Node reports a listener leak on the next tick. */
  const leakWarnings = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map(String);
  };

  it(`holds no listener on it while ${CALLS} concurrent calls are in flight or after, and prints no warning`, async () => {
    const held: (() => void)[] = [];
    const callab = offline({
      fetch: () => new Promise((resolve) => held.push(() => resolve(okResponse()))),
    });
    const controller = new AbortController();
    const calls = Array.from({ length: CALLS }, () =>
      callab.phoneNumbers.list({ signal: controller.signal }),
    );
    expect(held).toHaveLength(CALLS);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    for (const release of held) release();
    await Promise.all(calls);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(await leakWarnings()).toEqual([]);
    // 1,000 calls take more than jest's default 5 s on a loaded 2-core machine.
  }, 30_000);

  it('holds none during the backoff waits either, with the real sleep', async () => {
    // Past the 10 listeners at which Node warns; fewer than CALLS, as each waits on a real timer.
    const waiting = 100;
    const listenersWhileWaiting: number[] = [];
    const controller = new AbortController();
    let attempts = 0;
    const callab = offline({
      fetch: async () => (++attempts <= waiting ? busyResponse() : okResponse()),
      sleep: (ms, signal) => {
        const waiting = sleep(ms, signal);
        listenersWhileWaiting.push(getEventListeners(controller.signal, 'abort').length);
        return waiting;
      },
    });
    await Promise.all(
      Array.from({ length: waiting }, () =>
        callab.phoneNumbers.list({ signal: controller.signal }),
      ),
    );
    expect(listenersWhileWaiting).toHaveLength(waiting);
    expect(Math.max(...listenersWhileWaiting)).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(await leakWarnings()).toEqual([]);
  });

  it('still aborts every call sharing it', async () => {
    const controller = new AbortController();
    const callab = offline({
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    const calls = Array.from({ length: 20 }, () =>
      failure(callab.phoneNumbers.list({ signal: controller.signal })),
    );
    controller.abort();
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(CallabAbortError);
  });

  it('without AbortSignal.any (older runtimes), removes the listeners it added once calls settle', async () => {
    const any = AbortSignal.any;
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
    try {
      const callab = offline({
        fetch: async () => okResponse(),
      });
      const controller = new AbortController();
      await Promise.all(
        Array.from({ length: 5 }, () => callab.phoneNumbers.list({ signal: controller.signal })),
      );
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    } finally {
      Object.defineProperty(AbortSignal, 'any', { value: any, configurable: true });
    }
  });
});

describe('validate: true', () => {
  it('passes a conforming body through', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok(contacts)), { validate: true });
    await expect(callab.contacts.query()).resolves.toEqual(contacts);
  });

  it('names the JSON path that broke the schema', async () => {
    const broken = [{ ...contacts[0], last_call_duration: '120' }];
    const callab = await serve((_req, res) => reply(res, 200, ok(broken)), { validate: true });
    const error = await failure(callab.contacts.query());
    expect(error).toBeInstanceOf(CallabResponseValidationError);
    expect((error as CallabResponseValidationError).errors).toContain(
      '/data/0/last_call_duration must be integer,null',
    );
    expect(error.message).toMatch(
      /POST \/contact\/query: the response does not match the API schema/,
    );
  });

  it('is off by default', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok([{ anything: true }])));
    await expect(callab.contacts.query()).resolves.toEqual([{ anything: true }]);
  });
});

describe('raw sends the request openapi-fetch built', () => {
  it("honours a per-call baseUrl, path included, with the client's auth and retries", async () => {
    const callab = await serve((_req, res, attempt) =>
      attempt === 1 ? reply(res, 503, errorEnvelope('down')) : reply(res, 200, ok([])),
    );
    const other = await startScriptedServer((_req, res, attempt) =>
      attempt === 1 ? reply(res, 503, errorEnvelope('down')) : reply(res, 200, ok(contacts)),
    );
    try {
      const { data } = await callab.raw.POST('/contact/query', {
        baseUrl: `${other.url}/tenant/eu`,
        body: {},
      });
      expect(data).toEqual(ok(contacts));
      expect(other.requests.map((r) => r.url)).toEqual([
        '/tenant/eu/contact/query',
        '/tenant/eu/contact/query',
      ]);
      expect(other.requests[1]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(server.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('keeps a base URL with a path when the per-call one has another', async () => {
    server = await startScriptedServer((_req, res) => reply(res, 200, ok([])));
    const callab = new Callab({
      apiKey: API_KEY,
      baseUrl: `${server.url}/api/v0`,
      logLevel: 'off',
    });
    await callab.raw.GET('/campaign/list', { params: { query: { limit: 1 } } });
    await callab.raw.GET('/campaign/list', {
      baseUrl: `${server.url}/v2`,
      params: { query: { limit: 2 } },
    });
    await callab.raw.GET('/campaign/list', { baseUrl: server.url });
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v0/campaign/list?limit=1',
      '/v2/campaign/list?limit=2',
      '/campaign/list',
    ]);
  });

  it('hands back a body it decoded without the headers of the encoded one', async () => {
    const body = JSON.stringify(ok(contacts));
    const gzipped = gzipSync(body);
    const callab = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(gzipped.length),
        'x-request-id': 'req_1',
      });
      res.end(gzipped);
    });
    const { data, response } = await callab.raw.POST('/contact/query', { body: {} });
    expect(data).toEqual(ok(contacts));
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.status).toBe(200);
  });

  it('hands back an empty body as openapi-fetch expects it', async () => {
    const callab = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const { data, error, response } = await callab.raw.GET('/phone_number');
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  it('sends a Request a middleware replaced, retrying it as its URL path says', async () => {
    const callab = await serve((_req, res, attempt) =>
      attempt === 1 ? reply(res, 500, errorEnvelope('x')) : reply(res, 200, ok([])),
    );
    callab.raw.use({
      onRequest: ({ request }) => new Request(request, { headers: { 'x-tenant': 'eu' } }),
    });
    const { response } = await callab.raw.GET('/phone_number');
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.headers['x-tenant'])).toEqual(['eu', 'eu']);
  });
});

describe("raw builds its URLs with the resources' serialisers", () => {
  it('refuses a query parameter the spec never declares as an object, sending nothing', async () => {
    const callab = await serve((_req, res) => reply(res, 200, ok([])));
    const query = { limit: { nested: 1 } } as unknown as { limit: number };
    const error = await failure(callab.raw.GET('/campaign/list', { params: { query } }));
    expect(error).toBeInstanceOf(CallabError);
    expect(error.message).toBe(
      'query parameter limit is an object: pass a string, a number or a boolean.',
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('raw (openapi-fetch) shares auth, retries and timeouts', () => {
  it('retries and authenticates raw calls', async () => {
    const callab = await serve((_req, res, attempt) =>
      attempt === 1 ? reply(res, 500, errorEnvelope('x')) : reply(res, 200, ok(contacts)),
    );
    const { data, response } = await callab.raw.POST('/contact/query', { body: { tags: ['vip'] } });
    expect(response.status).toBe(200);
    expect(data).toEqual(ok(contacts));
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${API_KEY}`,
      `Bearer ${API_KEY}`,
    ]);
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ tags: ['vip'] });
  });

  it('passes query parameters and returns non-2xx as openapi-fetch errors', async () => {
    const callab = await serve((_req, res) => reply(res, 401, errorEnvelope('bad key')));
    const { error, response } = await callab.raw.GET('/campaign/list', {
      params: { query: { limit: 2 } },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual(errorEnvelope('bad key'));
    expect(server.requests[0]?.url).toBe('/campaign/list?limit=2');
  });
});

describe('the API key never leaks', () => {
  // A key with `/` and `+`: PHP-style JSON escapes `/` as `\/` and URLs encode `+` and `/`.
  const KEY = 'sk/live+abc/123';
  const echo = `your key ${KEY} is wrong`;
  /** Answers like a server that echoes the key: JSON with escaped slashes, and in a header. */
  const echoing =
    (status: number, body: unknown): Handler =>
    (_req, res) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-echo-auth': `Bearer ${KEY}`,
        'x-request-id': `req-${KEY}`,
      });
      res.end(JSON.stringify(body).replace(/\//g, '\\/'));
    };

  it('is absent from every error class (message, stack, JSON, inspect) and from debug logs', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) =>
      lines.push(args.map((a) => JSON.stringify(a)).join(' '));
    const logger = { error: capture, warn: capture, info: capture, debug: capture };
    const scenarios: [Handler, CallabOptions][] = [
      [echoing(401, errorEnvelope(echo)), {}],
      [echoing(429, errorEnvelope(echo)), { maxRetries: 0 }],
      [echoing(500, errorEnvelope(echo)), { maxRetries: 1 }],
      [echoing(200, errorEnvelope(echo)), {}],
      [(_q, res) => reply(res, 502, `<html>${encodeURIComponent(KEY)}</html>`), { maxRetries: 0 }],
      [(_q, res) => reply(res, 200, `<html>${echo}</html>`), {}],
      [echoing(200, ok([{ echo }])), { validate: true }],
      [() => undefined, { timeoutMs: 20, maxRetries: 0 }],
      [(_q, res) => res.destroy(), { maxRetries: 0 }],
    ];
    const errors: unknown[] = [];
    for (const [handler, options] of scenarios) {
      const callab = await serve(handler, { apiKey: KEY, logger, logLevel: 'debug', ...options });
      errors.push(await failure(callab.contacts.query()));
      await server.close();
    }
    const aborted = new Callab({ apiKey: KEY, logLevel: 'off' });
    errors.push(await failure(aborted.phoneNumbers.list({ signal: AbortSignal.abort() })));
    expect(errors.map((e) => (e as Error).name)).toEqual([
      'CallabAuthenticationError',
      'CallabRateLimitError',
      'CallabServerError',
      'CallabApiError',
      'CallabServerError',
      'CallabUnexpectedResponseError',
      'CallabResponseValidationError',
      'CallabTimeoutError',
      'CallabConnectionError',
      'CallabAbortError',
    ]);
    expect(errors[0]).toMatchObject({ serverMessage: 'your key [redacted] is wrong' });
    for (const error of errors) {
      const e = error as Error;
      const serialized = [
        e.message,
        e.stack,
        JSON.stringify(e),
        JSON.stringify(e.cause ?? null),
        String(e),
        inspect(e, { depth: 10 }),
      ].join('\n');
      for (const form of [KEY, encodeURIComponent(KEY), KEY.replace(/\//g, '\\/')]) {
        expect(serialized).not.toContain(form);
      }
    }
    const logged = lines.join('\n');
    expect(logged).toContain('[redacted]');
    expect(logged).not.toContain(KEY);
    expect(logged).not.toContain(KEY.replace(/\//g, '\\/'));
  });

  it('debug logs replace cookies and proxy credentials, sent or received, and scrub the URL', async () => {
    const lines: string[] = [];
    const capture = (line: string) => lines.push(line);
    const callab = await serve(
      (_req, res) => reply(res, 200, ok([]), { 'set-cookie': 'session=s3cr3t-session; HttpOnly' }),
      {
        apiKey: KEY,
        logLevel: 'debug',
        logger: { error: capture, warn: capture, info: capture, debug: capture },
      },
    );
    await callab.phoneNumbers.list({
      headers: { cookie: 'session=c00kie-value', 'proxy-authorization': 'Basic cHJveHk6cGFzcw==' },
    });
    await callab.raw.GET('/campaign/list', { params: { query: { limit: 1, echo: KEY } as never } });
    const logged = lines.join('\n');
    expect(lines).toHaveLength(4);
    for (const secret of [
      's3cr3t-session',
      'c00kie-value',
      'cHJveHk6cGFzcw==',
      KEY,
      encodeURIComponent(KEY),
    ]) {
      expect(logged).not.toContain(secret);
    }
    expect(lines[0]).toMatch(/"cookie":"\[redacted\]"/);
    expect(lines[0]).toMatch(/"proxy-authorization":"\[redacted\]"/);
    expect(lines[0]).toMatch(/"authorization":"\[redacted\]"/);
    expect(lines[1]).toMatch(/"set-cookie":"\[redacted\]"/);
    expect(lines[2]).toMatch(/limit=1&echo=\[redacted\]/);
  });

  it('is absent from console.log(client) and JSON.stringify(client)', () => {
    const callab = new Callab({ apiKey: KEY, defaultHeaders: { 'x-team': 'billing' } });
    for (const shown of [
      inspect(callab, { depth: 10, showHidden: true }),
      JSON.stringify(callab),
    ]) {
      expect(shown).toContain('https://api.callab.ai');
      expect(shown).not.toContain(KEY);
    }
    expect(inspect(callab.contacts, { depth: 10, showHidden: true })).not.toContain(KEY);
  });
});
