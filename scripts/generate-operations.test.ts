/** The operation table's rules: names, retry safety, filters, table columns, and what it refuses. */

import { loadSpec, type SpecNode } from '../src/internal/spec-document';
import { camelCase, kebabCase, operationTable } from './generate-operations';

/** openapi.yaml with `edit` applied. */
function edited(edit: (spec: SpecNode) => void): SpecNode {
  const spec = loadSpec();
  edit(spec);
  return spec;
}

const campaignList = (spec: SpecNode) => spec.paths['/campaign/list'].get;

/** A copy of `GET /campaign/list` at another path, with `changes` applied. */
function withOperation(path: string, changes: SpecNode): SpecNode {
  return edited((spec) => {
    spec.paths[path] = { get: { ...campaignList(spec), ...changes } };
  });
}

describe('the operation table', () => {
  it('names resources after the tag and methods after the operationId verb', () => {
    const table = operationTable(loadSpec());
    expect(
      Object.values(table).map((e) => [e.operationId, `${e.resource}.${e.name}`, e.command]),
    ).toEqual([
      ['queryContacts', 'contacts.query', ['contacts', 'query']],
      ['listPhoneNumbers', 'phoneNumbers.list', ['phone-numbers', 'list']],
      ['listCampaigns', 'campaigns.list', ['campaigns', 'list']],
      ['listWebhookFlows', 'webhooks.list', ['webhooks', 'list']],
    ]);
  });

  it('carries each filter, the field it matches (x-callab-matches) and its CLI flag', () => {
    expect(operationTable(loadSpec()).queryContacts?.body?.filters).toEqual([
      expect.objectContaining({ name: 'tags', matches: 'tag_name', flag: 'tag' }),
      expect.objectContaining({ name: 'categories', matches: 'category_name', flag: 'category' }),
      expect.objectContaining({ name: 'source_names', matches: 'source_name', flag: 'source' }),
      expect.objectContaining({
        name: 'last_call_statuses',
        matches: 'last_call_status',
        flag: 'last-call-status',
      }),
    ]);
  });

  it('marks GETs and x-callab-read-only POSTs retry-safe, and nothing else', () => {
    const table = operationTable(
      edited((spec) => {
        delete spec.paths['/contact/query'].post['x-callab-read-only'];
        spec.paths['/contact/query'].post.description = 'Now a write.';
        for (const property of Object.values(spec.components.schemas.ContactQuery.properties)) {
          delete (property as SpecNode)['x-callab-matches'];
        }
      }),
    );
    expect(Object.values(table).map((e) => [e.operationId, e.retrySafe])).toEqual([
      ['queryContacts', false],
      ['listPhoneNumbers', true],
      ['listCampaigns', true],
      ['listWebhookFlows', true],
    ]);
    expect(operationTable(loadSpec()).queryContacts?.retrySafe).toBe(true);
  });

  it('orders path parameters as the template does, with their examples', () => {
    const spec = withOperation('/campaign/{campaign_id}/contact/{contact_id}', {
      operationId: 'getCampaignContact',
      parameters: ['contact_id', 'campaign_id'].map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
        example: `${name}-1`,
      })),
    });
    expect(operationTable(spec).getCampaignContact?.pathParams).toEqual([
      expect.objectContaining({
        name: 'campaign_id',
        cli: 'campaign-id',
        example: 'campaign_id-1',
      }),
      expect.objectContaining({ name: 'contact_id', cli: 'contact-id', example: 'contact_id-1' }),
    ]);
  });

  it('takes table columns from x-callab-table-columns, else the first six scalar fields', () => {
    const table = operationTable(
      edited((spec) => {
        delete spec.components.schemas.Campaign['x-callab-table-columns'];
      }),
    );
    expect(table.listCampaigns?.returns?.tableColumns).toEqual([
      'name',
      'notes',
      'time_zone',
      'company_id',
      'owner_user_id',
      'ai_agent_id',
    ]);
    expect(operationTable(loadSpec()).listCampaigns?.returns).toMatchObject({
      schema: 'Campaign',
      list: true,
      tableColumns: [
        'name',
        'status',
        'campaign_type',
        'call_progress',
        'started_at',
        'ended_at',
        'time_zone',
      ],
    });
  });

  it.each<[string, () => SpecNode, string]>([
    [
      'an operationId that is not verb + Noun',
      () => withOperation('/x', { operationId: 'campaigns_get' }),
      'GET /x: operationId "campaigns_get" must be a lower-case verb then capitalised words',
    ],
    [
      'two methods with one name',
      () => withOperation('/campaign/all', { operationId: 'listAllCampaigns' }),
      'GET /campaign/all: callab.campaigns.list is also listCampaigns: set x-callab-method on one of them',
    ],
    [
      'a tag that shadows a member of Callab',
      () => withOperation('/raw', { operationId: 'getRaw', tags: ['Raw'] }),
      "GET /raw: tag 'Raw' would shadow callab.raw",
    ],
    [
      'an operation with two tags',
      () => withOperation('/x', { operationId: 'getX', tags: ['Campaigns', 'Contacts'] }),
      'GET /x: needs exactly one tag (its resource), has 2',
    ],
    [
      'x-callab-matches naming no Contact field',
      () =>
        edited((spec) => {
          spec.components.schemas.ContactQuery.properties.tags['x-callab-matches'] = 'tag';
        }),
      "ContactQuery.tags: x-callab-matches 'tag' is not a property of the returned object",
    ],
    [
      "a read operation's body property without x-callab-matches",
      () =>
        edited((spec) => {
          delete spec.components.schemas.ContactQuery.properties.categories['x-callab-matches'];
        }),
      "ContactQuery.categories: a read operation's body property is a filter: give it x-callab-matches",
    ],
    [
      'a table column that is not a field',
      () =>
        edited((spec) => {
          spec.components.schemas.PhoneNumber['x-callab-table-columns'] = ['nickname', 'label'];
        }),
      "PhoneNumber x-callab-table-columns: 'label' is not a property of the schema",
    ],
    [
      'a parameter without an example',
      () =>
        edited((spec) => {
          const [limit] = campaignList(spec).parameters;
          delete limit.example;
          delete limit.examples;
        }),
      'GET /campaign/list parameter limit: needs an example',
    ],
  ])('refuses %s, saying what to fix', (_what, spec, message) => {
    expect(() => operationTable(spec())).toThrow(message);
  });

  it('accepts x-callab-method to resolve a name collision', () => {
    const spec = withOperation('/campaign/all', {
      operationId: 'listAllCampaigns',
      'x-callab-method': 'listAll',
    });
    expect(operationTable(spec).listAllCampaigns).toMatchObject({
      name: 'listAll',
      command: ['campaigns', 'list-all'],
    });
  });
});

describe('name cases', () => {
  it.each([
    ['Phone Numbers', 'phoneNumbers'],
    ['Contacts', 'contacts'],
    ['webhook flows', 'webhookFlows'],
  ])('camelCase(%s) is %s', (words, expected) => {
    expect(camelCase(words)).toBe(expected);
  });

  it.each([
    ['phoneNumbers', 'phone-numbers'],
    ['last_call_status', 'last-call-status'],
    ['listAll', 'list-all'],
  ])('kebabCase(%s) is %s', (name, expected) => {
    expect(kebabCase(name)).toBe(expected);
  });
});
