import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonPointer } from '../src/core/spec-schemas';
import {
  loadSpec,
  mediaTypesOf,
  operationsOf,
  resolveRef,
  type SpecNode,
  specSchemas,
} from '../src/internal/spec-document';
import { GENERATED_DIR, ROOT } from './paths';
import { runCommandOutcome } from './run-command';

const spec = loadSpec();
const schemas = specSchemas(spec);
const schema = (name: string) => schemas.at(jsonPointer('components', 'schemas', name));

function expectValid(name: string, value: unknown) {
  const validate = schema(name);
  validate(value);
  expect(validate.errors ?? []).toEqual([]);
}

function expectInvalid(name: string, value: unknown, because: RegExp) {
  const validate = schema(name);
  expect(validate(value)).toBe(false);
  expect(JSON.stringify(validate.errors)).toMatch(because);
}

describe('the spec document', () => {
  it('uses the JSON Schema 2020-12 dialect, so Prism does not fall back to draft-07', () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('models only reads (GET, or a POST marked x-callab-read-only): the contract suite calls every operation of a provider server', () => {
    const writes = operationsOf(spec).filter(
      (op) => op.method !== 'get' && op.node['x-callab-read-only'] !== true,
    );
    expect(writes.map((op) => `${op.method.toUpperCase()} ${op.path}`)).toEqual([]);
  });

  it.each(operationsOf(spec).map((op) => [op.operationId, op]))(
    '%s declares bearer auth, 200/401/429/5xx and a 200 that is success or error envelope',
    (_id, op) => {
      expect(op.node.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(op.node.responses)).toEqual(['200', '401', '429', '500', '503']);
      const ok = op.node.responses['200'].content['application/json'].schema.oneOf;
      expect(ok.map((s: SpecNode) => s.$ref)).toContain('#/components/schemas/ErrorEnvelope');
    },
  );

  it('describes every property of every named schema (descriptions become JSDoc)', () => {
    const undescribed = Object.entries(spec.components.schemas as SpecNode).flatMap(([name, s]) => [
      ...(s.description ? [] : [name]),
      ...Object.entries((s.properties ?? {}) as SpecNode)
        .filter(([, p]) => !p.description && !resolveRef(spec, p, '').node.description)
        .map(([prop]) => `${name}.${prop}`),
    ]);
    expect(undescribed).toEqual([]);
  });

  it('marks every nullable field as inferred unless the docs document it', () => {
    const documentedNullable = new Set(['PhoneNumber.number_country_code']);
    const unmarked = Object.entries(spec.components.schemas as SpecNode).flatMap(([name, s]) =>
      Object.entries((s.properties ?? {}) as SpecNode)
        .filter(([, p]) => Array.isArray(p.type) && p.type.includes('null'))
        .filter(([prop, p]) => !p['x-inferred'] && !documentedNullable.has(`${name}.${prop}`))
        .map(([prop]) => `${name}.${prop}`),
    );
    expect(unmarked).toEqual([]);
  });
});

describe('every named example validates against its schema', () => {
  const cases = mediaTypesOf(spec).flatMap((media) =>
    Object.entries(media.examples).map(([name, value]) => [
      `${media.operation.operationId} ${media.status ?? 'request'} ${name}`,
      media.schemaPointer,
      value,
    ]),
  );

  it('has a named example on every request body and every response', () => {
    const withoutExamples = mediaTypesOf(spec)
      .filter((m) => Object.keys(m.examples).length === 0)
      .map((m) => `${m.operation.operationId} ${m.status ?? 'request'}`);
    expect(withoutExamples).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(24);
  });

  it.each(cases)('%s', (_label, pointer, value) => {
    const validate = schemas.at(pointer as string);
    validate(value);
    expect(validate.errors ?? []).toEqual([]);
  });
});

const uuid = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const documentedContact = {
  id: uuid,
  company_id: uuid,
  firstname: '<string>',
  lastname: '<string>',
  phone_number: '<string>',
  metadata: {},
  number_country_code: '<string>',
  last_call_status: '<string>',
  last_call_at: '2023-11-07T05:31:56Z',
  last_call_duration: 123,
  last_call_feedback: '<string>',
  source_name: '<string>',
  tag_name: '<string>',
  category_name: '<string>',
  notes: '<string>',
  created_at: '2023-11-07T05:31:56Z',
  updated_at: '2023-11-07T05:31:56Z',
  campaign_id: uuid,
  status: '<string>',
};
const documentedCampaign = {
  name: 'Spring',
  notes: '',
  time_zone: 'UTC',
  company_id: uuid,
  owner_user_id: uuid,
  ai_agent_id: uuid,
  inbound_phone_number_id: uuid,
  outbound_phone_number_id: uuid,
  webhook_id: uuid,
  status: 'active',
  campaign_type: 'outbound',
  contacts_list_source: ['<string>'],
  contacts_list_tags: [['<string>']],
  contacts_list_categories: [['<string>']],
  contacts_list_source_metadata: {},
  agent_variables_contact_metadata_mapping: {},
  webhook_mapping_variables: {},
  webhook_mapping_variables_sources: {},
  call_progress: 50,
  call_time_of_day_from: '09:00:00',
  call_time_of_day_to: '17:00:00',
  number_of_call_attempts: [3],
  retry_delay: [60],
  retry_delay_unit: ['seconds'],
  days_of_week: [1],
  allow_non_local_calls: true,
  created_at: '2023-11-07T05:31:56Z',
  updated_at: '2023-11-07T05:31:56Z',
  deleted_at: '2023-11-07T05:31:56Z',
  started_at: '2023-12-25',
  ended_at: '2023-12-25',
};

describe('the documented payloads validate', () => {
  it('the seed page request body', () => {
    expectValid('ContactQuery', {
      tags: ['<string>'],
      categories: ['<string>'],
      source_names: ['<string>'],
      last_call_statuses: ['<string>'],
    });
  });

  it('the seed page response', () => {
    expectValid('ContactQueryResponse', {
      status: 'ok',
      message: '<string>',
      data: [documentedContact],
    });
  });

  it('the documented error: HTTP 200 with a string data', () => {
    const ok200 = schemas.at(
      jsonPointer(
        'paths',
        '/contact/query',
        'post',
        'responses',
        '200',
        'content',
        'application/json',
        'schema',
      ),
    );
    expect(ok200({ status: 'error', message: 'error', data: '' })).toBe(true);
    expectValid('ErrorEnvelope', { status: 'error', message: 'error', data: '' });
  });

  it('a phone number with a null country code and zone-less timestamps', () => {
    expectValid('PhoneNumber', {
      nickname: 'Main',
      phone_number: '+14155550199',
      number_country_code: null,
      created_at: '2024-01-05T10:15:00',
      updated_at: '2024-01-05T10:15:00',
    });
  });

  it('a campaign whose contacts_list_tags is an array of arrays', () => {
    expectValid('Campaign', documentedCampaign);
  });

  it('a contact never called, outside any campaign', () => {
    expectValid('Contact', {
      ...documentedContact,
      campaign_id: null,
      last_call_status: null,
      last_call_at: null,
      last_call_duration: null,
      last_call_feedback: null,
    });
  });
});

describe('near misses are rejected', () => {
  it('a contact with last_call_duration "120"', () => {
    expectInvalid(
      'Contact',
      { ...documentedContact, last_call_duration: '120' },
      /last_call_duration/,
    );
  });
  it('a contact missing a documented field', () => {
    const { tag_name: _omitted, ...contact } = documentedContact;
    expectInvalid('Contact', contact, /tag_name/);
  });
  it('a campaign with status "running"', () => {
    expectInvalid('Campaign', { ...documentedCampaign, status: 'running' }, /allowedValues/);
  });
  it('a campaign whose contacts_list_tags is flat', () => {
    expectInvalid(
      'Campaign',
      { ...documentedCampaign, contacts_list_tags: ['vip'] },
      /contacts_list_tags/,
    );
  });
  it('a campaign whose started_at is a date-time', () => {
    expectInvalid(
      'Campaign',
      { ...documentedCampaign, started_at: '2023-11-07T05:31:56Z' },
      /started_at/,
    );
  });
  it('a query with tag: [...] (unknown property)', () => {
    expectInvalid('ContactQuery', { tag: ['vip'] }, /additionalProperties/);
  });
  it('a query whose filter is a string, not a list', () => {
    expectInvalid('ContactQuery', { tags: 'vip' }, /must be array/);
  });
  it('a success envelope with status "success"', () => {
    expectInvalid('ContactQueryResponse', { status: 'success', message: '', data: [] }, /status/);
  });
  it('an error envelope whose data is the success shape', () => {
    expectInvalid('ErrorEnvelope', { status: 'error', message: 'error', data: [] }, /data/);
  });
  it('a phone number with a zoned timestamp or a non-E.164 number', () => {
    const phone = {
      nickname: 'Main',
      phone_number: '+14155550199',
      number_country_code: 'US',
      created_at: '2024-01-05T10:15:00',
      updated_at: '2024-01-05T10:15:00',
    };
    expectInvalid('PhoneNumber', { ...phone, created_at: '2024-01-05T10:15:00Z' }, /created_at/);
    expectInvalid('PhoneNumber', { ...phone, phone_number: '415-555-0199' }, /phone_number/);
  });
});

/** Runs the drift check as CI does, on `dir`. */
function runDriftCheck(dir: string) {
  return runCommandOutcome(join(ROOT, 'node_modules/.bin/tsx'), [
    join(ROOT, 'scripts/check-generated.ts'),
    dir,
  ]);
}

// That it passes on the committed output is `npm test`'s own check:generated step, on the same files.
describe('the drift check', () => {
  let copy: string;
  beforeEach(async () => {
    copy = await mkdtemp(join(tmpdir(), 'callab-drift-'));
    await cp(GENERATED_DIR, copy, { recursive: true });
  });
  afterEach(() => rm(copy, { recursive: true, force: true }));

  it('fails, naming the file, on a hand edit', async () => {
    const file = join(copy, 'openapi.ts');
    const original = await readFile(file, 'utf8');
    const edited = original.replace('firstname: string', 'firstname: number');
    expect(edited).not.toBe(original);
    await writeFile(file, edited);
    const result = await runDriftCheck(copy);
    expect(result.code).toBe(1);
    expect(result.output).toContain(file);
    expect(result.output).not.toContain('spec.json');
  });
});
