import { describeErrors, jsonPointer } from '../core/spec-schemas';
import { loadSpec, specSchemas } from '../internal/spec-document';
import type { Contact } from '../types';
import { defaultFixtures, fixturesFor } from './fixtures';

const schemas = specSchemas(loadSpec());

const SCHEMA_OF = {
  contacts: 'Contact',
  phoneNumbers: 'PhoneNumber',
  campaigns: 'Campaign',
  webhookFlows: 'WebhookFlow',
} as const;

describe('defaultFixtures', () => {
  const records = Object.entries(SCHEMA_OF).flatMap(([list, schema]) =>
    (defaultFixtures[list as keyof typeof SCHEMA_OF] as unknown[]).map(
      (record, index) => [`${list}[${index}]`, schema, record] as const,
    ),
  );

  it.each(records)(
    '%s validates against the %s schema of openapi.yaml',
    (_name, schema, record) => {
      const validate = schemas.at(jsonPointer('components', 'schemas', schema));
      validate(record);
      expect(describeErrors(validate.errors)).toEqual([]);
    },
  );

  it('cover the shapes consumers must handle', () => {
    const { contacts, phoneNumbers, campaigns, webhookFlows } = defaultFixtures;
    expect(contacts.some((c) => c.last_call_status === null && c.last_call_at === null)).toBe(true);
    expect(contacts.some((c) => c.campaign_id === null && c.last_call_status !== null)).toBe(true);
    expect(new Set(contacts.map((c) => c.tag_name)).size).toBeGreaterThan(1);
    expect(new Set(contacts.map((c) => c.category_name)).size).toBeGreaterThan(1);
    expect(new Set(contacts.map((c) => c.source_name)).size).toBeGreaterThan(1);
    expect(phoneNumbers.map((p) => p.number_country_code)).toContain(null);
    expect(new Set(campaigns.map((c) => c.status))).toEqual(
      new Set(['active', 'paused', 'completed']),
    );
    expect(webhookFlows.length).toBeGreaterThanOrEqual(1);
  });

  it('are unique where the API has ids', () => {
    const ids = [...defaultFixtures.contacts, ...defaultFixtures.webhookFlows].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('defaultFixtures are frozen', () => {
  it('cannot be changed by one test for the next', () => {
    const contacts = defaultFixtures.contacts as Contact[];
    expect(() => contacts.push(contacts[0] as Contact)).toThrow(TypeError);
    expect(() => {
      (contacts[0] as Contact).tag_name = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (contacts[0] as Contact).metadata.plan = 'changed';
    }).toThrow(TypeError);
  });
});

describe('fixturesFor', () => {
  it('lays each record over the first record of its operation example, nested lists too', () => {
    const spec = loadSpec();
    const ok = (method: string, path: string) =>
      spec.paths[path][method].responses['200'].content['application/json'].examples.ok.value;
    Object.assign(ok('post', '/contact/query').data[0], { preferred_language: 'en' });
    Object.assign(ok('get', '/webhook/flow/company/outbound').data[0].steps[0], {
      signing: 'hmac',
    });

    const fixtures = fixturesFor(spec);
    expect(
      fixtures.contacts.map((c) => (c as { preferred_language?: string }).preferred_language),
    ).toEqual(defaultFixtures.contacts.map(() => 'en'));
    const steps = fixtures.webhookFlows.flatMap((flow) => flow.steps);
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.every((step) => (step as { signing?: string }).signing === 'hmac')).toBe(true);
    // What a fixture spells out wins, free-form objects included: never merged with the example's.
    expect(fixtures.contacts.map((c) => c.metadata)).toEqual(
      defaultFixtures.contacts.map((c) => c.metadata),
    );
    expect(fixtures.phoneNumbers).toEqual(defaultFixtures.phoneNumbers);
  });
});
