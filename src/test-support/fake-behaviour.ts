/**
 * The behaviour of the fake API, one table run through each adapter (jest: startFakeServer and
 * createFakeFetch in src/fake/api.test.ts; Vitest: createMswHandlers in src/fake/msw.spec.ts,
 * since msw 2.11+ cannot load in jest's CommonJS mode on Node 20). Uses the runner's globals.
 */

import { describeErrors } from '../core/spec-schemas';
import { defaultFixtures } from '../fake/fixtures';
import { DEFAULT_FAKE_API_KEY, type FakeOptions } from '../fake/options';
import { loadSpec, mediaTypesOf, specSchemas } from '../internal/spec-document';

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

export interface StartedFake {
  /** Sends a request to `path` of the fake API. */
  call(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export type StartFake = (options?: FakeOptions) => Promise<StartedFake>;

export function describeFakeApi(start: StartFake): void {
  describe('with the default fixtures', () => {
    let fake: StartedFake;
    beforeAll(async () => {
      fake = await start();
    });
    afterAll(() => fake.close());

    const call = (path: string, init: RequestInit = {}, apiKey = DEFAULT_FAKE_API_KEY) =>
      fake.call(path, {
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

    it.each([
      ['GET', '/phone_number', 'phoneNumbers'],
      ['GET', '/campaign/list', 'campaigns'],
      ['GET', '/webhook/flow/company/outbound', 'webhookFlows'],
    ] as const)(
      '%s %s serves every fixture in the success envelope',
      async (method, path, list) => {
        const body = await expectConforming(path, method.toLowerCase(), await call(path));
        expect(body.status).toBe('ok');
        expect(body.data).toEqual(defaultFixtures[list]);
      },
    );

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
      ['invalid JSON', '{"tags":', /^The request body is not valid JSON\.$/],
      ['an empty body', '', /^The request body is required; send \{\} for all contacts\.$/],
      ['a body that is not an object', '[]', /^The request body must be a JSON object; send \{\}/],
      [
        'an unknown filter',
        '{"tag":["vip"]}',
        /^Unknown filter "tag"; the filters are tags, categories, source_names, last_call_statuses\.$/,
      ],
      [
        'a filter that is not an array',
        '{"tags":"vip"}',
        /^Filter "tags" must be an array of strings\.$/,
      ],
    ])(
      'POST /contact/query answers %s with the documented HTTP 200 error envelope',
      async (_what, body, message) => {
        const reply = await expectConforming('/contact/query', 'post', await query(body));
        expect(reply).toEqual({
          status: 'error',
          message: expect.stringMatching(message),
          data: '',
        });
      },
    );

    it('POST /contact/query requires a JSON content type', async () => {
      const response = await call('/contact/query', { method: 'POST', body: '{}' });
      const reply = await expectConforming('/contact/query', 'post', response);
      expect(reply.message).toMatch(/^Content-Type must be application\/json, got "text\/plain/);
    });

    it('POST /contact/query answers an oversized body instead of dropping the connection', async () => {
      const huge = JSON.stringify({ tags: ['x'.repeat(2 * 1024 * 1024)] });
      const reply = await expectConforming('/contact/query', 'post', await query(huge));
      expect(reply.message).toBe('The request body exceeds 1048576 bytes.');
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

    it.each(['0', '-1', '1.5', 'ten', '', '01', '1&limit=2'])(
      'GET /campaign/list?limit=%s is refused with the error envelope',
      async (limit) => {
        const reply = await expectConforming(
          '/campaign/list',
          'get',
          await call(`/campaign/list?limit=${limit}`),
        );
        expect(reply).toEqual({
          status: 'error',
          message: expect.stringMatching(/^limit must be one integer >= 1, got "/),
          data: '',
        });
      },
    );

    it.each([
      ['no Authorization header', {}],
      ['a wrong key', { authorization: 'Bearer not-the-key' }],
      ['another scheme', { authorization: `Basic ${DEFAULT_FAKE_API_KEY}` }],
    ])('answers %s with 401 and the error envelope', async (_what, headers) => {
      const response = await fake.call('/phone_number', { headers });
      expect([response.status, response.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
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
      expect((await wrongMethod.json()).message).toBe('/contact/query accepts POST only.');
    });
  });

  describe('with options', () => {
    it('serves the fixtures and key it is given, and defaults the rest', async () => {
      const [onlyContact] = defaultFixtures.contacts;
      const fake = await start({
        contacts: onlyContact ? [onlyContact] : [],
        campaigns: [],
        apiKey: 'team-key',
      });
      try {
        const get = async (path: string, init: RequestInit = {}) => {
          const response = await fake.call(path, {
            ...init,
            headers: { authorization: 'bearer team-key', 'content-type': 'application/json' },
          });
          return (await response.json()).data;
        };
        expect(await get('/contact/query', { method: 'POST', body: '{}' })).toEqual([onlyContact]);
        expect(await get('/campaign/list')).toEqual([]);
        expect(await get('/phone_number')).toEqual(defaultFixtures.phoneNumbers);
        const defaultKey = await fake.call('/phone_number', {
          headers: { authorization: `Bearer ${DEFAULT_FAKE_API_KEY}` },
        });
        expect(defaultKey.status).toBe(401);
      } finally {
        await fake.close();
      }
    });

    it('refuses options it cannot serve, with the fix in the message', async () => {
      await expect(start({ apiKey: ' ' })).rejects.toThrow(/^\w+: apiKey must not be empty\.$/);
      await expect(start({ contacts: {} as never })).rejects.toThrow(
        /^\w+: option "contacts" must be an array of records\.$/,
      );
    });
  });
}
