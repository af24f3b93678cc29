import { connect } from 'node:net';
import { describeErrors } from '../core/spec-schemas';
import { loadSpec, mediaTypesOf, specSchemas } from '../internal/spec-document';
import { DEFAULT_FAKE_API_KEY, type FakeServer, startFakeServer } from './fake-server';
import { defaultFixtures } from './fixtures';

const spec = loadSpec();
const schemas = specSchemas(spec);

/** Fails unless the response is JSON that the spec declares for this operation and status. */
async function expectConforming(path: string, method: string, response: Response) {
  expect(response.headers.get('content-type')).toBe('application/json');
  const body: unknown = await response.json();
  const declared = mediaTypesOf(spec).find(
    (m) =>
      m.operation.path === path &&
      m.operation.method === method &&
      m.status === String(response.status) &&
      m.mediaType === 'application/json',
  );
  if (!declared) throw new Error(`${method} ${path} does not declare status ${response.status}`);
  const validate = schemas.at(declared.schemaPointer);
  validate(body);
  expect(describeErrors(validate.errors)).toEqual([]);
  return body as { status: string; message: string; data: unknown };
}

describe('startFakeServer with the default fixtures', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());

  const call = (path: string, init: RequestInit = {}, apiKey = server.apiKey) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${apiKey}`, ...(init.headers as object) },
    });
  const query = (body: string) =>
    call('/contact/query', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
  const namesOf = (data: unknown) => (data as { firstname: string }[]).map((c) => c.firstname);

  it('listens on a free loopback port and accepts the default key', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.apiKey).toBe(DEFAULT_FAKE_API_KEY);
  });

  it.each([
    ['GET', '/phone_number', 'phoneNumbers'],
    ['GET', '/campaign/list', 'campaigns'],
    ['GET', '/webhook/flow/company/outbound', 'webhookFlows'],
  ] as const)('%s %s serves every fixture in the success envelope', async (method, path, list) => {
    const body = await expectConforming(path, method.toLowerCase(), await call(path));
    expect(body.status).toBe('ok');
    expect(body.data).toEqual(defaultFixtures[list]);
  });

  it.each([
    ['no filter', '{}', ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret']],
    [
      'empty lists, like absent filters',
      '{"tags":[],"categories":[]}',
      ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret'],
    ],
    [
      'any of the values within a filter',
      '{"tags":["renewal","churn-risk"]}',
      ['Alan', 'Katherine', 'Linus'],
    ],
    ['every filter (AND)', '{"tags":["vip"],"source_names":["referral"]}', ['Margaret']],
    ['call statuses', '{"last_call_statuses":["busy","no-answer"]}', ['Ada', 'Katherine']],
    [
      'all four filters',
      '{"tags":["vip"],"categories":["customer"],"source_names":["import"],"last_call_statuses":["completed"]}',
      ['Grace'],
    ],
    ['no match', '{"categories":["nobody"]}', []],
  ])('POST /contact/query filters: %s', async (_what, body, expected) => {
    const reply = await expectConforming('/contact/query', 'post', await query(body));
    expect(reply.status).toBe('ok');
    expect(namesOf(reply.data)).toEqual(expected);
  });

  it.each([
    ['invalid JSON', '{"tags":', /not valid JSON/],
    ['an empty body', '', /body is required; send \{\}/],
    ['an unknown filter', '{"tag":["vip"]}', /Unknown filter "tag"/],
    ['a filter that is not an array', '{"tags":"vip"}', /"tags" must be an array of strings/],
  ])(
    'POST /contact/query answers %s with the documented HTTP 200 error envelope',
    async (_what, body, message) => {
      const reply = await expectConforming('/contact/query', 'post', await query(body));
      expect(reply).toEqual({ status: 'error', message: expect.stringMatching(message), data: '' });
    },
  );

  it('POST /contact/query requires a JSON content type', async () => {
    const response = await call('/contact/query', { method: 'POST', body: '{}' });
    const reply = await expectConforming('/contact/query', 'post', response);
    expect(reply.message).toMatch(/Content-Type must be application\/json/);
  });

  it('POST /contact/query answers an oversized body instead of dropping the connection', async () => {
    const huge = JSON.stringify({ tags: ['x'.repeat(2 * 1024 * 1024)] });
    const reply = await expectConforming('/contact/query', 'post', await query(huge));
    expect(reply.message).toMatch(/exceeds 1048576 bytes/);
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['50', 3],
  ])('GET /campaign/list?limit=%s returns at most that many campaigns', async (limit, count) => {
    const reply = await expectConforming(
      '/campaign/list',
      'get',
      await call(`/campaign/list?limit=${limit}`),
    );
    expect(reply.data).toEqual(defaultFixtures.campaigns.slice(0, count));
  });

  it.each(['0', '-1', '1.5', 'ten', '', '1&limit=2'])(
    'GET /campaign/list?limit=%s is refused with the error envelope',
    async (limit) => {
      const reply = await expectConforming(
        '/campaign/list',
        'get',
        await call(`/campaign/list?limit=${limit}`),
      );
      expect(reply).toEqual({
        status: 'error',
        message: expect.stringMatching(/limit must be one integer >= 1/),
        data: '',
      });
    },
  );

  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer not-the-key' }],
    ['another scheme', { authorization: `Basic ${DEFAULT_FAKE_API_KEY}` }],
  ])('answers %s with 401 and the error envelope', async (_what, headers) => {
    const response = await fetch(`${server.url}/phone_number`, { headers });
    expect(response.status).toBe(401);
    const reply = await expectConforming('/phone_number', 'get', response);
    expect(reply).toEqual({ status: 'error', message: 'Invalid or missing API key', data: '' });
  });

  it('answers an unknown path with a JSON 404 and a wrong method with a JSON 405', async () => {
    const missing = await call('/contacts');
    expect([missing.status, missing.headers.get('content-type')]).toEqual([
      404,
      'application/json',
    ]);
    expect(await missing.json()).toEqual({
      status: 'error',
      message: 'No operation at /contacts.',
      data: '',
    });
    const wrongMethod = await call('/contact/query');
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('startFakeServer with options', () => {
  it('serves the fixtures and key it is given, and defaults the rest', async () => {
    const [onlyContact] = defaultFixtures.contacts;
    const server = await startFakeServer({
      contacts: onlyContact ? [onlyContact] : [],
      campaigns: [],
      apiKey: 'team-key',
    });
    try {
      const get = (path: string, init: RequestInit = {}) =>
        fetch(`${server.url}${path}`, {
          ...init,
          headers: { authorization: 'bearer team-key', 'content-type': 'application/json' },
        });
      expect(server.apiKey).toBe('team-key');
      expect(
        (await (await get('/contact/query', { method: 'POST', body: '{}' })).json()).data,
      ).toEqual([onlyContact]);
      expect((await (await get('/campaign/list')).json()).data).toEqual([]);
      expect((await (await get('/phone_number')).json()).data).toEqual(
        defaultFixtures.phoneNumbers,
      );
    } finally {
      await server.close();
    }
  });

  it('refuses options it cannot serve, with the fix in the message', async () => {
    await expect(startFakeServer({ apiKey: ' ' })).rejects.toThrow('apiKey must not be empty');
    await expect(startFakeServer({ contacts: {} as never })).rejects.toThrow(
      'option "contacts" must be an array of records',
    );
  });

  it('reports a port already in use instead of hanging', async () => {
    const first = await startFakeServer();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startFakeServer({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it('close() ends open connections, even mid-request, so the process can exit', async () => {
    const server = await startFakeServer();
    const { hostname, port } = new URL(server.url);
    // A request whose body never comes: only closeAllConnections() lets close() finish.
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // The server resets the connection: that is the point, not a failure.
    socket.on('error', () => undefined);
    socket.write(
      `POST /contact/query HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n`,
    );
    await server.close();
    await socketClosed;
    await expect(fetch(`${server.url}/phone_number`)).rejects.toThrow();
  });
});
