/**
 * Realistic records for the fake API: every shape the spec allows in practice (a contact never
 * called, one outside any campaign, a phone number without a country, campaigns in each status),
 * with the variety its filters and `limit` need. Each record is laid over the first record of its
 * operation's success example in openapi.yaml, so a field the spec adds (with its example, which
 * the spec lint requires) reaches every fixture with no edit here. They validate against the spec
 * (fixtures.test.ts checks it).
 */

import type { SpecNode } from '../core/spec-schemas';
import type { Campaign, Contact, PhoneNumber, WebhookFlow } from '../types';
import { fakeOperations, SPEC } from './spec';

export interface FakeFixtures {
  contacts: readonly Contact[];
  phoneNumbers: readonly PhoneNumber[];
  campaigns: readonly Campaign[];
  webhookFlows: readonly WebhookFlow[];
}

/** The operation that serves each fixture list (hand-written semantics: filters, `limit`). */
export const FIXTURE_OPERATIONS = {
  contacts: 'queryContacts',
  phoneNumbers: 'listPhoneNumbers',
  campaigns: 'listCampaigns',
  webhookFlows: 'listWebhookFlows',
} as const satisfies Record<keyof FakeFixtures, string>;

/** The fields a fixture spells out; lists of records hold fixtures of their own. */
type Fixture<T> = {
  [K in keyof T]?: T[K] extends readonly (infer Item)[]
    ? Item extends readonly unknown[]
      ? T[K]
      : Item extends object
        ? Fixture<Item>[]
        : T[K]
    : T[K];
};

const COMPANY_ID = '9b2f6a1e-4c3d-4e8f-a1b2-7c6d5e4f3a21';
const SPRING_RENEWALS_ID = '7f1d2c3b-5a4e-4f6d-9c8b-1a2b3c4d5e6f';
const PARTNER_OUTREACH_ID = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';

function contact(
  fields: Pick<
    Contact,
    'id' | 'firstname' | 'lastname' | 'phone_number' | 'tag_name' | 'category_name' | 'source_name'
  > &
    Fixture<Contact>,
): Fixture<Contact> {
  return {
    company_id: COMPANY_ID,
    metadata: {},
    number_country_code: '+1',
    last_call_status: null,
    last_call_at: null,
    last_call_duration: null,
    last_call_feedback: null,
    notes: '',
    created_at: '2024-01-02T09:00:00Z',
    updated_at: '2024-01-02T09:00:00Z',
    campaign_id: null,
    status: 'new',
    ...fields,
  };
}

const contacts: Fixture<Contact>[] = [
  contact({
    id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    firstname: 'Ada',
    lastname: 'Lovelace',
    phone_number: '+14155550123',
    metadata: { plan: 'enterprise', account_manager: 'Grace' },
    tag_name: 'vip',
    category_name: 'customer',
    source_name: 'website',
    last_call_status: 'no-answer',
    last_call_at: '2024-03-14T15:09:26Z',
    last_call_duration: 0,
    last_call_feedback: 'Voicemail full',
    notes: 'Prefers calls after 4pm',
    updated_at: '2024-03-14T15:10:02Z',
    campaign_id: SPRING_RENEWALS_ID,
    status: 'active',
  }),
  contact({
    id: '8e7d6c5b-4a39-4827-9165-0f1e2d3c4b5a',
    firstname: 'Grace',
    lastname: 'Hopper',
    phone_number: '+12025550147',
    metadata: { plan: 'team' },
    tag_name: 'vip',
    category_name: 'customer',
    source_name: 'import',
    last_call_status: 'completed',
    last_call_at: '2024-03-12T10:02:11Z',
    last_call_duration: 184,
    last_call_feedback: 'Renewal confirmed',
    updated_at: '2024-03-12T10:05:40Z',
    campaign_id: SPRING_RENEWALS_ID,
    status: 'active',
  }),
  contact({
    id: '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    firstname: 'Alan',
    lastname: 'Turing',
    phone_number: '+442079460000',
    number_country_code: '+44',
    tag_name: 'renewal',
    category_name: 'lead',
    source_name: 'website',
    created_at: '2024-03-01T12:30:00Z',
    updated_at: '2024-03-01T12:30:00Z',
  }),
  contact({
    id: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
    firstname: 'Katherine',
    lastname: 'Johnson',
    phone_number: '+17575550188',
    tag_name: 'renewal',
    category_name: 'lead',
    source_name: 'referral',
    last_call_status: 'busy',
    last_call_at: '2024-03-13T16:45:00Z',
    last_call_duration: 0,
    last_call_feedback: '',
    updated_at: '2024-03-13T16:45:30Z',
    campaign_id: PARTNER_OUTREACH_ID,
    status: 'active',
  }),
  contact({
    id: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
    firstname: 'Linus',
    lastname: 'Torvalds',
    phone_number: '+358405550123',
    number_country_code: '+358',
    metadata: { crm_id: 'CRM-1042' },
    tag_name: 'churn-risk',
    category_name: 'customer',
    source_name: 'import',
    last_call_status: 'answered',
    last_call_at: '2024-02-28T09:15:00Z',
    last_call_duration: 312,
    last_call_feedback: 'Asked for a discount',
    notes: 'Left the spring campaign after the call',
    updated_at: '2024-02-28T09:25:00Z',
    status: 'inactive',
  }),
  contact({
    id: '6b5a4938-2716-4f05-9e4d-3c2b1a098f7e',
    firstname: 'Margaret',
    lastname: 'Hamilton',
    phone_number: '+16175550112',
    tag_name: 'vip',
    category_name: 'partner',
    source_name: 'referral',
    campaign_id: PARTNER_OUTREACH_ID,
    status: 'queued',
  }),
];

const phoneNumbers: Fixture<PhoneNumber>[] = [
  {
    nickname: 'Sales line',
    phone_number: '+14155550199',
    number_country_code: 'US',
    created_at: '2024-01-05T10:15:00',
    updated_at: '2024-02-11T08:45:30',
  },
  {
    nickname: 'Support overflow',
    phone_number: '+442079460123',
    number_country_code: null,
    created_at: '2024-02-20T16:00:00',
    updated_at: '2024-02-20T16:00:00',
  },
];

function campaign(
  fields: Pick<Campaign, 'name' | 'status' | 'campaign_type'> & Fixture<Campaign>,
): Fixture<Campaign> {
  return {
    notes: '',
    time_zone: 'America/New_York',
    company_id: COMPANY_ID,
    owner_user_id: '2e4c6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b',
    ai_agent_id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
    inbound_phone_number_id: '0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e',
    outbound_phone_number_id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    webhook_id: '4b3a2918-0716-4f5e-8d4c-3b2a19080706',
    contacts_list_source: [],
    contacts_list_tags: [],
    contacts_list_categories: [],
    contacts_list_source_metadata: {},
    agent_variables_contact_metadata_mapping: {},
    webhook_mapping_variables: {},
    webhook_mapping_variables_sources: {},
    call_progress: 0,
    call_time_of_day_from: '09:00:00',
    call_time_of_day_to: '17:00:00',
    number_of_call_attempts: [3],
    retry_delay: [30],
    retry_delay_unit: ['minutes'],
    days_of_week: [1, 2, 3, 4, 5],
    allow_non_local_calls: false,
    created_at: '2024-03-01T08:00:00Z',
    updated_at: '2024-03-01T08:00:00Z',
    deleted_at: null,
    started_at: '2024-03-04',
    ended_at: '2024-04-30',
    ...fields,
  };
}

const campaigns: Fixture<Campaign>[] = [
  campaign({
    name: 'Spring renewals',
    notes: 'Call VIP customers whose plan renews in April',
    status: 'active',
    campaign_type: 'outbound',
    contacts_list_source: ['website', 'import'],
    contacts_list_tags: [['vip'], ['renewal', 'enterprise']],
    contacts_list_categories: [['customer']],
    contacts_list_source_metadata: { import: { file: 'april-renewals.csv' } },
    agent_variables_contact_metadata_mapping: { customer_plan: 'plan' },
    webhook_mapping_variables: { crm_id: 'contact.metadata.crm_id' },
    webhook_mapping_variables_sources: { crm_id: 'contact' },
    call_progress: 42,
    call_time_of_day_to: '17:30:00',
    updated_at: '2024-03-14T15:10:02Z',
  }),
  campaign({
    name: 'Partner outreach',
    status: 'paused',
    campaign_type: 'outbound',
    time_zone: 'Europe/London',
    contacts_list_source: ['referral'],
    contacts_list_tags: [['vip', 'renewal']],
    contacts_list_categories: [['lead'], ['partner']],
    call_progress: 10,
    call_time_of_day_from: '10:00:00',
    number_of_call_attempts: [2],
    retry_delay: [1],
    retry_delay_unit: ['days'],
    days_of_week: [2, 4],
    allow_non_local_calls: true,
    started_at: '2024-03-11',
    ended_at: '2024-05-31',
    updated_at: '2024-03-13T18:00:00Z',
  }),
  campaign({
    name: 'Winter support line',
    notes: 'Inbound overflow for the holidays',
    status: 'completed',
    campaign_type: 'inbound',
    call_progress: 100,
    call_time_of_day_from: '08:00:00',
    call_time_of_day_to: '20:00:00',
    days_of_week: [0, 1, 2, 3, 4, 5, 6],
    created_at: '2023-11-20T08:00:00Z',
    updated_at: '2024-01-08T09:00:00Z',
    started_at: '2023-12-01',
    ended_at: '2024-01-07',
  }),
];

const webhookFlows: Fixture<WebhookFlow>[] = [
  {
    id: '4b3a2918-0716-4f5e-8d4c-3b2a19080706',
    company_id: COMPANY_ID,
    created_by: 'ada@example.com',
    name: 'Push call outcome to CRM',
    logo: 'https://cdn.callab.ai/logos/crm.png',
    tag_name: 'crm',
    category_name: 'integrations',
    retry_delay: 30,
    max_retries: 3,
    retry_delay_unit: 'SECONDS',
    status: 'SCHEDULED',
    is_template: false,
    flow_direction: 'INBOUND',
    flow_mapping: { contact_id: 'contact.id' },
    created_at: '2024-02-01T09:00:00Z',
    updated_at: '2024-02-10T11:30:00Z',
    deleted_at: null,
    executions: [
      {
        id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        status: 'scheduled',
        attempt_number: 1,
        next_retry_at: null,
        executed_at: null,
        finished_at: null,
        created_at: '2024-03-14T15:10:02Z',
        updated_at: '2024-03-14T15:10:02Z',
        error_message: null,
      },
      {
        id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
        status: 'failed',
        attempt_number: 2,
        next_retry_at: '2024-03-12T10:06:10Z',
        executed_at: '2024-03-12T10:05:40Z',
        finished_at: '2024-03-12T10:05:41Z',
        created_at: '2024-03-12T10:05:40Z',
        updated_at: '2024-03-12T10:05:41Z',
        error_message: 'CRM answered 503',
      },
    ],
    steps: [
      {
        id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
        step_number: 1,
        webhook_timeout: 10,
        depends_on_step: null,
        retry_limit: 3,
        timeout: 30,
        webhook_url: 'https://crm.example.com/api/calls',
        webhook_method: 'POST',
        webhook_url_params: {},
        webhook_headers: { 'Content-Type': 'application/json' },
        webhook_body: { contact: '{{contact_id}}', outcome: '{{last_call_status}}' },
        success_condition: { status_code: 200 },
        created_at: '2024-02-01T09:00:00Z',
        updated_at: '2024-02-01T09:00:00Z',
        deleted_at: null,
      },
      {
        id: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
        step_number: 2,
        webhook_timeout: 10,
        depends_on_step: 1,
        retry_limit: 1,
        timeout: 30,
        webhook_url: 'https://crm.example.com/api/calls/{{crm_call_id}}/notes',
        webhook_method: 'PUT',
        webhook_url_params: {},
        webhook_headers: { 'Content-Type': 'application/json' },
        webhook_body: { note: '{{last_call_feedback}}' },
        success_condition: { status_code: 204 },
        created_at: '2024-02-01T09:00:00Z',
        updated_at: '2024-02-10T11:30:00Z',
        deleted_at: null,
      },
    ],
    predefinedVariables: [{ name: 'contact_id', value: '{{contact.id}}' }],
    variables: [
      {
        name: 'crm_call_id',
        location: 'body',
        type: 'response',
        dataType: 'string',
        customValue: '',
        stepId: 1,
      },
    ],
  },
  {
    id: '9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0',
    company_id: COMPANY_ID,
    created_by: 'grace@example.com',
    name: 'Notify Slack on completed calls (template)',
    logo: 'https://cdn.callab.ai/logos/slack.png',
    tag_name: 'notifications',
    category_name: 'templates',
    retry_delay: 5,
    max_retries: 0,
    retry_delay_unit: 'MINUTES',
    status: 'ACTIVE',
    is_template: true,
    flow_direction: 'OUTBOUND',
    flow_mapping: {},
    created_at: '2023-12-01T09:00:00Z',
    updated_at: '2023-12-01T09:00:00Z',
    deleted_at: null,
    executions: [],
    steps: [
      {
        id: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
        step_number: 1,
        webhook_timeout: 5,
        depends_on_step: null,
        retry_limit: 0,
        timeout: 10,
        webhook_url: 'https://hooks.slack.com/services/T000/B000/XXXX',
        webhook_method: 'POST',
        webhook_url_params: {},
        webhook_headers: {},
        webhook_body: { text: 'Call with {{contact_name}} completed' },
        success_condition: {},
        created_at: '2023-12-01T09:00:00Z',
        updated_at: '2023-12-01T09:00:00Z',
        deleted_at: null,
      },
    ],
    predefinedVariables: [],
    variables: [],
  },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `fields` over `base`, and each record of a list in `fields` over the first record of the
 * base's list of that name. Free-form objects (`metadata`) replace the base's, never merge.
 */
function over<T>(base: unknown, fields: Fixture<T>): T {
  const result: Record<string, unknown> = isRecord(base) ? { ...base } : {};
  for (const [name, value] of Object.entries(fields)) {
    const first = isRecord(base) && Array.isArray(base[name]) ? base[name][0] : undefined;
    result[name] =
      Array.isArray(value) && isRecord(first)
        ? value.map((item: Fixture<unknown>) => over(first, item))
        : value;
  }
  return result as T;
}

/** The fixtures, each laid over the first record of its operation's success example in `spec`. */
export function fixturesFor(spec: SpecNode): FakeFixtures {
  const operations = fakeOperations(spec);
  function lay<T>(list: keyof FakeFixtures, records: readonly Fixture<T>[]): T[] {
    const operation = operations.find((o) => o.operationId === FIXTURE_OPERATIONS[list]);
    const data = (operation?.success?.body as { data?: unknown } | undefined)?.data;
    const base: unknown = Array.isArray(data) ? data[0] : undefined;
    return records.map((record) => over<T>(base, record));
  }
  return {
    contacts: lay<Contact>('contacts', contacts),
    phoneNumbers: lay<PhoneNumber>('phoneNumbers', phoneNumbers),
    campaigns: lay<Campaign>('campaigns', campaigns),
    webhookFlows: lay<WebhookFlow>('webhookFlows', webhookFlows),
  };
}

/** Freezes `value` and everything in it, so one test cannot change what the next one is served. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** The records the fake serves when you pass none of your own. Frozen, all the way down. */
export const defaultFixtures: Readonly<FakeFixtures> = deepFreeze(fixturesFor(SPEC));
