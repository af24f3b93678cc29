import type { SpecNode } from '../core/spec-schemas';
import { loadSpec } from '../internal/spec-document';
import { createFakeApi } from './api';
import { settingsFrom } from './options';
import { fakeOperations } from './spec';

const operation = (spec: SpecNode | undefined, id: string) =>
  fakeOperations(spec).find((o) => o.operationId === id);

describe('fakeOperations', () => {
  it("reads each filter's field from x-callab-matches, the one place the spec states it", () => {
    expect(operation(undefined, 'queryContacts')?.filters).toEqual([
      { name: 'tags', matches: 'tag_name' },
      { name: 'categories', matches: 'category_name' },
      { name: 'source_names', matches: 'source_name' },
      { name: 'last_call_statuses', matches: 'last_call_status' },
    ]);
    const spec = loadSpec();
    spec.components.schemas.ContactQuery.properties.tags['x-callab-matches'] = 'category_name';
    expect(operation(spec, 'queryContacts')?.filters[0]).toEqual({
      name: 'tags',
      matches: 'category_name',
    });
  });

  it('reads the lower bound of limit from its schema', () => {
    expect(operation(undefined, 'listCampaigns')?.limitMinimum).toBe(1);
    expect(operation(undefined, 'listPhoneNumbers')?.limitMinimum).toBeUndefined();
  });
});

describe('an operation added to openapi.yaml', () => {
  const spec = loadSpec();
  const example = { status: 'ok', message: 'Campaign retrieved successfully', data: { name: 'X' } };
  // First in the document, so only the rule that a literal path wins can route /campaign/list.
  spec.paths = {
    '/campaign/{campaign_id}': {
      get: {
        operationId: 'getCampaign',
        responses: {
          '200': {
            content: {
              'application/json': {
                examples: {
                  error: { $ref: '#/components/examples/ErrorIn200' },
                  ok: { value: example },
                },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
    },
    ...spec.paths,
  };
  const api = createFakeApi(settingsFrom({}, 'test'), { spec });
  const get = (path: string, init: RequestInit = {}) =>
    api(new Request(`https://api.callab.ai${path}`, init));
  const withKey = { headers: { authorization: 'Bearer fake-api-key' } };

  it('is answered with its success example, with no edit to the fake', async () => {
    const response = await get('/campaign/7f1d2c3b', withKey);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(example);
  });

  it('gets the same routing and auth as the others', async () => {
    expect((await get('/campaign/7f1d2c3b')).status).toBe(401);
    const wrongMethod = await get('/campaign/7f1d2c3b', { ...withKey, method: 'DELETE' });
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET']);
    expect((await get('/campaign/7f1d2c3b/contacts', withKey)).status).toBe(404);
    // OpenAPI: a literal path matches before a template that also matches it.
    expect((await (await get('/campaign/list', withKey)).json()).data).toHaveLength(3);
  });
});
