import { loadSpec, mediaTypesOf } from '../internal/spec-document';
import { loadValidators, successBodyViolations } from './validation';

/** The `ok` example of each operation's 200 response in openapi.yaml: `{ status, message, data }`. */
const okExamples = Object.fromEntries(
  mediaTypesOf(loadSpec())
    .filter((media) => media.status === '200' && media.examples.ok)
    .map((media) => [media.operation.operationId, media.examples.ok as { data: unknown[] }]),
);
const exampleContact = () => structuredClone(okExamples.queryContacts?.data[0]) as object;
const exampleCampaign = () => structuredClone(okExamples.listCampaigns?.data[0]) as object;

describe('loadValidators', () => {
  it("accepts each operation's documented success example", async () => {
    const validators = await loadValidators();
    expect(Object.keys(okExamples).sort()).toEqual([
      'listCampaigns',
      'listPhoneNumbers',
      'listWebhookFlows',
      'queryContacts',
    ]);
    for (const [operationId, example] of Object.entries(okExamples)) {
      expect(validators.success(operationId as 'queryContacts')(example)).toEqual([]);
    }
  });

  it('success() rejects the error envelope: it checks the ok branch only', async () => {
    const validators = await loadValidators();
    const errors = validators.success('queryContacts')({
      status: 'error',
      message: 'no',
      data: '',
    });
    expect(errors).toContain('/status must be equal to constant');
    expect(errors).toContain('/data must be array');
  });

  it('schema() checks one item, naming its JSON path', async () => {
    const contact = { ...exampleContact(), id: 'not-a-uuid', last_call_duration: '12' };
    const check = (await loadValidators()).schema('Contact');
    expect(check(exampleContact())).toEqual([]);
    expect(check(contact)).toEqual([
      '/id must match format "uuid"',
      '/last_call_duration must be integer,null',
    ]);
    expect(check(contact, '/data/41')).toEqual([
      '/data/41/id must match format "uuid"',
      '/data/41/last_call_duration must be integer,null',
    ]);
  });

  it('checks formats as the spec states them: a date must exist on the calendar', async () => {
    const check = (await loadValidators()).schema('Campaign');
    expect(check({ ...exampleCampaign(), started_at: '2024-02-29' })).toEqual([]);
    expect(check({ ...exampleCampaign(), started_at: '2023-02-29' })).toEqual([
      '/started_at must match format "date"',
    ]);
    expect(check({ ...exampleCampaign(), created_at: '2024-01-01T24:00:00Z' })).toEqual([
      '/created_at must match format "date-time"',
    ]);
  });

  it('says which name is unknown', async () => {
    const validators = await loadValidators();
    expect(() => validators.schema('Contakt' as 'Contact')).toThrow(
      'No validator for schema "Contakt" in openapi.yaml',
    );
    expect(() => validators.success('toString' as 'queryContacts')).toThrow(
      'No validator for operation "toString" in openapi.yaml',
    );
  });
});

describe('successBodyViolations', () => {
  it('finds the operation by method and path, and names each violation', async () => {
    const body = { status: 'ok', message: '', data: [{ ...exampleContact(), firstname: 7 }] };
    await expect(
      successBodyViolations('post', '/contact/query', okExamples.queryContacts),
    ).resolves.toEqual([]);
    await expect(successBodyViolations('post', '/contact/query', body)).resolves.toEqual([
      '/data/0/firstname must be string',
    ]);
  });

  it('refuses an operation openapi.yaml lacks', async () => {
    await expect(successBodyViolations('get', '/nowhere', {})).rejects.toThrow(
      'No operation GET /nowhere in openapi.yaml',
    );
  });
});
