/** The resource reader: arguments by position (path, query, body, options) into a request, and back. */
import type { OperationEntry } from '../../generated/operations';
import { OPERATIONS } from '../../generated/operations';
import { ApiCaller } from '../core/api';
import { CallabError } from '../core/errors';
import { createRedactor } from '../core/redact';
import type { HttpRequest, Transport } from '../core/transport';
import { createResources, invokeOperation, type Resources, requestOf } from '.';

/** An operation with every kind of argument: two path parameters, a query and a body. */
const everything: OperationEntry = {
  ...OPERATIONS.queryContacts,
  path: '/campaign/{campaign_id}/contact/{contact_id}',
  pathParams: ['campaign_id', 'contact_id'].map((name) => ({
    name,
    cli: name,
    required: true,
    description: '',
    schema: { type: 'string' },
    example: 'x',
  })),
  queryParams: OPERATIONS.listCampaigns.queryParams,
};

describe('requestOf', () => {
  it('reads path parameters, then the query, then the body, then the options', () => {
    const options = { maxRetries: 0 };
    expect(requestOf(everything, ['c 1', 'k/2', { limit: 3 }, { tags: ['vip'] }, options])).toEqual(
      {
        input: {
          path: { campaign_id: 'c 1', contact_id: 'k/2' },
          query: { limit: 3 },
          body: { tags: ['vip'] },
        },
        options,
      },
    );
  });

  it('sends {} for an omitted body the spec requires, and no query when none is given', () => {
    expect(requestOf(OPERATIONS.queryContacts, [])).toEqual({
      input: { body: {} },
      options: undefined,
    });
    expect(requestOf(OPERATIONS.listCampaigns, [undefined, { timeoutMs: 5 }])).toEqual({
      input: {},
      options: { timeoutMs: 5 },
    });
    expect(requestOf(OPERATIONS.listPhoneNumbers, [{ timeoutMs: 5 }])).toEqual({
      input: {},
      options: { timeoutMs: 5 },
    });
  });

  it.each([[[]], [['']], [[42]]])(
    'refuses a path parameter that is not a non-empty string: %j',
    (args) => {
      expect(() => requestOf(everything, args)).toThrow(CallabError);
      expect(() => requestOf(everything, args)).toThrow(/campaign_id must be a non-empty string/);
    },
  );
});

describe('invokeOperation', () => {
  it('places named parts where the method expects them', async () => {
    const seen: unknown[][] = [];
    const resources = {
      contacts: {
        query: async (...args: unknown[]) => {
          seen.push(args);
          return [];
        },
      },
    } as unknown as Resources;
    const options = { maxRetries: 1 };
    await invokeOperation(
      resources,
      everything,
      { path: { contact_id: 'k', campaign_id: 'c' }, query: { limit: 1 }, body: { tags: [] } },
      options,
    );
    expect(seen).toEqual([['c', 'k', { limit: 1 }, { tags: [] }, options]]);
    expect(requestOf(everything, seen[0] ?? []).input.path).toEqual({
      campaign_id: 'c',
      contact_id: 'k',
    });
  });

  it('says which method is missing', () => {
    expect(() => invokeOperation({} as Resources, OPERATIONS.listCampaigns)).toThrow(
      'no method campaigns.list',
    );
  });
});

describe('createResources', () => {
  it('sends each method to its operation, path parameters encoded into the path', async () => {
    const sent: HttpRequest[] = [];
    const transport = {
      send: async (request: HttpRequest) => {
        sent.push(request);
        return {
          response: new Response(null, {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
          text: '{"status":"ok","message":"ok","data":[]}',
        };
      },
    } as unknown as Transport;
    const api = new ApiCaller(transport, createRedactor('k'), 'https://api.test/v1', false);
    const resources = createResources(api);
    await resources.campaigns.list({ limit: 2 });
    await resources.contacts.query();
    await api.call(
      'get',
      '/campaign/{campaign_id}' as '/phone_number',
      {
        path: { campaign_id: 'a b/c' },
      } as object,
    );
    expect(sent.map(({ method, path, url, body }) => ({ method, path, url, body }))).toEqual([
      {
        method: 'GET',
        path: '/campaign/list',
        url: 'https://api.test/v1/campaign/list?limit=2',
        body: undefined,
      },
      {
        method: 'POST',
        path: '/contact/query',
        url: 'https://api.test/v1/contact/query',
        body: '{}',
      },
      {
        method: 'GET',
        path: '/campaign/{campaign_id}',
        url: 'https://api.test/v1/campaign/a%20b%2Fc',
        body: undefined,
      },
    ]);
  });
});
