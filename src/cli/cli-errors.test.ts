/** `callab` when things go wrong (in-process, and the built bin for pipes and packaging): usage mistakes, API failures, the network, a closed pipe. */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contact } from '..';
import { defaultFixtures, type FakeServer, startFakeServer } from '../testing';
import {
  BUILT_CLI,
  type CliResult,
  finished,
  requireBuiltCli,
  runBuiltCli,
  runCli,
  spawnCli,
  UNSAFE_PRINTED,
} from './test-support';

// `/` and `+`: a server escaping `/` as `\/` in JSON, or URL-encoding, must not get the key through.
const SECRET = 'sk-live/SECRET+4242';

/** A terminal escape (window title, clear screen), an 8-bit CSI and a bidi override. */
const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil\u2066';
/** Header values are bytes: an 8-bit CSI, and U+202E as UTF-8 (fetch reads it as C1 characters). */
const HOSTILE_HEADER = `req\u009b2J${Buffer.from('\u202e').toString('latin1')}1`;

interface Route {
  status: number;
  type: string;
  headers?: Record<string, string>;
  body: (auth: string) => string;
}

const ok = (data: unknown) => JSON.stringify({ status: 'ok', message: '', data });

/** Each route answers like a misbehaving Callab API; the route is the base URL's path. */
const ROUTES: Record<string, Route> = {
  '/http-500': {
    status: 500,
    type: 'application/json',
    body: () => JSON.stringify({ status: 'error', message: 'Database on fire', data: '' }),
  },
  '/error-in-200': {
    status: 200,
    type: 'application/json',
    body: () => JSON.stringify({ status: 'error', message: 'Unknown company', data: '' }),
  },
  '/html': { status: 200, type: 'text/html', body: () => '<html><body>Login</body></html>' },
  '/hostile-error': {
    status: 500,
    type: 'application/json',
    headers: { 'x-request-id': HOSTILE_HEADER },
    body: () => JSON.stringify({ status: 'error', message: `down ${HOSTILE}`, data: '' }),
  },
  '/hostile-data': {
    status: 200,
    type: 'application/json',
    headers: { 'x-request-id': HOSTILE_HEADER },
    body: () =>
      ok([{ nickname: `Sales ${HOSTILE}`, phone_number: '+14155550123', [HOSTILE]: HOSTILE }]),
  },
  '/data-null': { status: 200, type: 'application/json', body: () => ok(null) },
  '/data-text': { status: 200, type: 'application/json', body: () => ok('abc') },
  '/data-numbers': { status: 200, type: 'application/json', body: () => ok([1, 2]) },
  '/echo-key': {
    status: 401,
    type: 'application/json',
    body: (auth) =>
      JSON.stringify({ status: 'error', message: `rejected ${auth}`, data: '' }).replace(
        /\//g,
        '\\/',
      ),
  },
};

let broken: Server;
let brokenUrl: string;
let droppingUrl: string;
let dropping: Server;
beforeAll(async () => {
  requireBuiltCli();
  broken = createServer((request, response) => {
    const route = ROUTES[`/${(request.url ?? '').split('/')[1]}`];
    if (!route) return response.writeHead(404).end();
    // retry-after-ms: 0 lets the client's retries of a 500 run without backoff.
    response.writeHead(route.status, {
      'content-type': route.type,
      'retry-after-ms': '0',
      'x-echo-auth': request.headers.authorization ?? '',
      ...route.headers,
    });
    response.end(route.body(request.headers.authorization ?? ''));
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
  // Drops every connection once the request arrives: a network failure no other process can
  // disturb (a closed port could be taken by another process).
  dropping = createServer((request) => request.socket.destroy());
  await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
  droppingUrl = `http://127.0.0.1:${(dropping.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => broken?.close(resolve));
  await new Promise((resolve) => dropping?.close(resolve));
});

/** One line on stderr, nothing on stdout, no stack trace. */
function expectOneLineFailure(result: CliResult, code: number, message: RegExp) {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^callab: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
}

describe('usage and configuration errors exit 2', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'; commands: contacts query/],
    [['contacts'], /'contacts' needs a subcommand: query/],
    [['contacts', 'query', '--colour'], /unknown option '--colour'/],
    [['campaigns', 'list', '--tag', 'vip'], /--tag is not an option of 'campaigns list'/],
    [['campaigns', 'list', '--limit', 'ten'], /--limit must be a whole number >= 1, got 'ten'/],
    [
      ['phone-numbers', 'list', '--format', 'xml'],
      /unknown format 'xml'; use one of: table, json, ndjson, csv/,
    ],
    [
      ['contacts', 'query', '--fields', 'name'],
      /unknown field 'name' in --fields; valid fields: id, company_id/,
    ],
    [['webhooks', 'list', '--base-url', 'ftp://example.com'], /expected an absolute http\(s\) URL/],
    [
      ['webhooks', 'list', '--mock', '--base-url', 'http://127.0.0.1:9'],
      /--mock cannot be combined with --base-url/,
    ],
    [['mock', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [
      ['campaigns', 'list', '--tags', 'vip'],
      /^callab: unknown option '--tags' \(see 'callab --help'\)\n$/,
    ],
    [['campaigns', 'list', '--limit', '-1'], /write --limit=-1 to pass it as the value/],
    [['contacts', 'query', '--tag', 'vip,'], /--tag needs a value/],
    [
      ['webhooks', 'list', '--csv-raw-formulas', '--format', 'json'],
      /--csv-raw-formulas applies to --format csv only, not json/,
    ],
  ])('callab %j', async (args, message) => {
    expectOneLineFailure(await runCli(args, { CALLAB_API_KEY: SECRET }), 2, message);
  });

  it('a missing key says how to give one', async () => {
    const result = await runCli(['contacts', 'query']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'callab: missing API key: set CALLAB_API_KEY or pass --api-key, or use --mock\n',
    });
  });

  it.each([
    ['--api-key', 'CALLAB_API_KEY'],
    ['--base-url', 'CALLAB_BASE_URL'],
  ])('an empty %s is refused, not replaced by %s', async (flag, variable) => {
    const result = await runCli(['phone-numbers', 'list', flag, ''], {
      CALLAB_API_KEY: SECRET,
      CALLAB_BASE_URL: `${brokenUrl}/http-500`,
    });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `callab: ${flag} is empty: pass a value, or leave ${flag} out to use ${variable}\n`,
    });
  });

  it('a busy port for the mock is a configuration error', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as AddressInfo).port);
    try {
      expectOneLineFailure(await runCli(['mock', '--port', port]), 2, /EADDRINUSE.*another --port/);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});

describe('failures reported by the server or the network', () => {
  const run = (route: string, ...extra: string[]) =>
    runCli(['phone-numbers', 'list', '--base-url', `${brokenUrl}${route}`, ...extra], {
      CALLAB_API_KEY: SECRET,
    });

  it('an HTTP 500 with an error envelope exits 1 with the server message', async () => {
    expectOneLineFailure(await run('/http-500'), 1, /HTTP 500: Database on fire/);
  });

  it('the documented error envelope inside HTTP 200 exits 1', async () => {
    expectOneLineFailure(await run('/error-in-200'), 1, /HTTP 200: Unknown company/);
  });

  it('a 401 exits 1 and points at the key', async () => {
    expectOneLineFailure(await run('/echo-key'), 1, /HTTP 401.*check CALLAB_API_KEY or --api-key/);
  });

  it('a response that is not the API envelope exits 4', async () => {
    expectOneLineFailure(await run('/html'), 4, /text\/html/);
  });

  it('a dropped connection exits 3', async () => {
    const result = await runCli(['phone-numbers', 'list', '--base-url', droppingUrl], {
      CALLAB_API_KEY: SECRET,
    });
    expectOneLineFailure(result, 3, /could not reach/);
  });

  it('--debug adds the stack and the error details', async () => {
    const result = await run('/http-500', '--debug');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/CallabServerError: .*Database on fire\n\s+at /);
    expect(result.stderr).toContain("serverMessage: 'Database on fire'");
  });

  it('--debug keeps the one-line message and its hint, before the details', async () => {
    const result = await run('/echo-key', '--debug');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^(?:callab: (?!GET)[^\n]*\n)*callab: GET \/phone_number failed with HTTP 401: [^\n]* \(check CALLAB_API_KEY or --api-key\)\nCallabAuthenticationError: /m,
    );
  });

  it.each(['/data-null', '/data-text', '/data-numbers'])(
    'an ok envelope whose data is not a list of objects (%s) exits 4',
    async (route) => {
      const result = await run(route);
      expectOneLineFailure(result, 4, /^callab: (?!unexpected failure)/);
    },
  );
});

describe('text from the server reaches the terminal without control or bidi characters', () => {
  const run = (route: string, ...extra: string[]) =>
    runCli(['phone-numbers', 'list', '--base-url', `${brokenUrl}${route}`, ...extra], {
      CALLAB_API_KEY: SECRET,
    });

  it('in the error line', async () => {
    const result = await run('/hostile-error');
    expectOneLineFailure(
      result,
      1,
      /HTTP 500: down \ufffd\]0;owned\ufffd\ufffd\[2J\ufffd31m\ufffdevil/,
    );
    expect(result.stderr).not.toMatch(UNSAFE_PRINTED);
  });

  it('in the details, the stack and the log lines of --debug', async () => {
    const failure = await run('/hostile-error', '--debug');
    // inspect escapes the C0 and C1 characters of the fields; the bidi override is scrubbed.
    expect(failure.stderr).toContain("serverMessage: 'down \\x1B]0;owned");
    expect(failure.stderr).toContain('\ufffdevil');
    expect(failure.stderr).not.toMatch(UNSAFE_PRINTED);
    const success = await run('/hostile-data', '--debug');
    expect(success.stderr).toContain('"x-request-id":"req');
    expect(success.stderr).not.toMatch(UNSAFE_PRINTED);
  });

  it.each(['table', 'csv', 'json', 'ndjson'])(
    'in --format %s, cells and field names',
    async (format) => {
      const result = await run('/hostile-data', '--format', format);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Sales');
      expect(result.stdout.replace(/\r?\n/g, '')).not.toMatch(UNSAFE_PRINTED);
    },
  );
});

describe('the API key is never printed', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeServer({ apiKey: SECRET });
  });
  afterAll(() => fake.close());

  it.each([
    ['a server that echoes the key, with --debug', ['--base-url', '/echo-key', '--debug']],
    ['a server that echoes the key', ['--base-url', '/echo-key']],
    ['a 500, with --debug', ['--base-url', '/http-500', '--debug']],
    ['an unexpected response, with --debug', ['--base-url', '/html', '--debug']],
    ['a success, with --debug', ['--debug']],
    ['a mistyped flag carrying the key', [`--api-kye=${SECRET}`]],
  ])('%s', async (_name, args) => {
    const withUrls = args.map((arg) => (arg.startsWith('/') ? `${brokenUrl}${arg}` : arg));
    for (const keyVia of ['flag', 'env'] as const) {
      const result = await runCli(
        ['webhooks', 'list', ...withUrls, ...(keyVia === 'flag' ? ['--api-key', SECRET] : [])],
        { CALLAB_BASE_URL: fake.url, ...(keyVia === 'env' && { CALLAB_API_KEY: SECRET }) },
      );
      expect(result.stdout + result.stderr).not.toContain(SECRET);
      for (const form of ['SECRET', encodeURIComponent(SECRET), SECRET.replace(/\//g, '\\/')]) {
        expect(result.stdout + result.stderr).not.toContain(form);
      }
    }
  });
});

describe('a reader that closes the pipe early (callab ... | head)', () => {
  it.each(['ndjson', 'csv', 'table', 'json'])('ends quietly with exit 0 in %s', async (format) => {
    const base = defaultFixtures.contacts[0] as Contact;
    const contacts = Array.from({ length: 5000 }, (_, i) => ({
      ...base,
      firstname: `Person ${i}`,
    }));
    const fake = await startFakeServer({ contacts });
    try {
      const child = spawnCli(['contacts', 'query', '--format', format], {
        CALLAB_BASE_URL: fake.url,
        CALLAB_API_KEY: fake.apiKey,
      });
      // Several megabytes of output: the pipe fills, and the writes after this close get EPIPE.
      child.stdout?.once('data', () => child.stdout?.destroy());
      const result = await finished(child);
      expect(result).toMatchObject({ code: 0, stderr: '' });
    } finally {
      await fake.close();
    }
  });
  it('ends quietly when the reader is gone before the first byte', async () => {
    const fake = await startFakeServer();
    try {
      const child = spawnCli(['phone-numbers', 'list'], {
        CALLAB_BASE_URL: fake.url,
        CALLAB_API_KEY: fake.apiKey,
      });
      // A short output fits the pipe buffer, so its write succeeds and EPIPE arrives later.
      child.stdout?.destroy();
      expect(await finished(child)).toMatchObject({ code: 0, stderr: '' });
    } finally {
      await fake.close();
    }
  });
});

describe('without the optional Prism peer dependency', () => {
  it('--mock still works (the fake API needs no peer); callab mock names the packages and exits 2', async () => {
    // A copy of the package with only its runtime dependencies installed.
    const root = mkdtempSync(join(tmpdir(), 'callab-no-prism-'));
    try {
      mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
      copyFileSync(BUILT_CLI, join(root, 'dist', 'cli', 'index.cjs'));
      const repo = join(__dirname, '..', '..');
      writeFileSync(join(root, 'openapi.yaml'), readFileSync(join(repo, 'openapi.yaml')));
      const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
      for (const name of Object.keys(pkg.dependencies ?? {})) {
        mkdirSync(join(root, 'node_modules', name, '..'), { recursive: true });
        symlinkSync(join(repo, 'node_modules', name), join(root, 'node_modules', name));
      }
      const cli = join(root, 'dist', 'cli', 'index.cjs');
      const query = await runBuiltCli(['contacts', 'query', '--mock', '--tag', 'vip'], {}, cli);
      expect(query).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(query.stdout)).toEqual(
        defaultFixtures.contacts.filter((c) => c.tag_name === 'vip'),
      );
      expectOneLineFailure(
        await runBuiltCli(['mock', '--port', '0'], {}, cli),
        2,
        /cannot start the mock: .*npm install .*@stoplight\/prism-http/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
