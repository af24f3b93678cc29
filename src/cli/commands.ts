/** Every `callab` command: its words, options and help, and for API commands how to fetch the rows. */
import type { Callab, ContactQuery } from '..';
import type { SchemaName } from './fields';
import type { Row } from './formats';
import {
  CONNECTION_OPTIONS,
  HELP_OPTIONS,
  type OptionSpec,
  type OptionValues,
  OUTPUT_OPTIONS,
  stringValues,
  wholeNumber,
} from './options';

interface CommandBase {
  words: readonly string[];
  summary: string;
  /** Every option the command accepts, the help options included. */
  options: readonly OptionSpec[];
}

/** A command that calls one API operation and prints the returned objects. */
export interface ApiCommand extends CommandBase {
  kind: 'api';
  /** Heading in the demo. */
  title: string;
  schema: SchemaName;
  /** Columns of `--format table` without `--fields`: a short set that fits a terminal. */
  tableColumns: readonly string[];
  /** Checks the command's own flags (before any connection is made) and returns the API call. */
  prepare(values: OptionValues): (client: Callab) => Promise<readonly Row[]>;
}

export interface LocalCommand extends CommandBase {
  kind: 'mock' | 'demo';
}

export type Command = ApiCommand | LocalCommand;

const API_OPTIONS = [...OUTPUT_OPTIONS, ...CONNECTION_OPTIONS, ...HELP_OPTIONS];

/** `--tag` fills `tags`, and so on: repeat a flag to match any of several values. */
const CONTACT_FILTERS: readonly (readonly [
  flag: string,
  field: keyof ContactQuery,
  what: string,
])[] = [
  ['tag', 'tags', 'tag'],
  ['category', 'categories', 'category'],
  ['source', 'source_names', 'source name'],
  ['last-call-status', 'last_call_statuses', 'last call status'],
];

function contactQuery(values: OptionValues): ContactQuery {
  const query: ContactQuery = {};
  for (const [flag, field] of CONTACT_FILTERS) {
    const list = stringValues(values, flag);
    if (list) query[field] = list;
  }
  return query;
}

export const API_COMMANDS: readonly ApiCommand[] = [
  {
    kind: 'api',
    words: ['contacts', 'query'],
    summary: 'contacts matching every filter given (repeat a flag to match any of its values)',
    title: 'Contacts',
    schema: 'Contact',
    tableColumns: [
      'firstname',
      'lastname',
      'phone_number',
      'tag_name',
      'category_name',
      'source_name',
      'last_call_status',
      'status',
    ],
    options: [
      ...CONTACT_FILTERS.map(([flag, , what]) => ({
        name: flag,
        type: 'string' as const,
        multiple: true as const,
        value: 'S',
        description: `contacts whose ${what} is S (S1,S2 or the flag repeated: any of them)`,
      })),
      ...API_OPTIONS,
    ],
    prepare: (values) => {
      const query = contactQuery(values);
      return (client) => client.contacts.query(query);
    },
  },
  {
    kind: 'api',
    words: ['campaigns', 'list'],
    summary: 'the campaigns, at most --limit of them',
    title: 'Campaigns',
    schema: 'Campaign',
    tableColumns: [
      'name',
      'status',
      'campaign_type',
      'call_progress',
      'started_at',
      'ended_at',
      'time_zone',
    ],
    options: [
      {
        name: 'limit',
        type: 'string',
        value: 'N',
        description: 'return at most N campaigns (N >= 1)',
      },
      ...API_OPTIONS,
    ],
    prepare: (values) => {
      const limit = wholeNumber(values, 'limit', 1);
      return (client) => client.campaigns.list(limit === undefined ? {} : { limit });
    },
  },
  {
    kind: 'api',
    words: ['phone-numbers', 'list'],
    summary: "the company's phone numbers",
    title: 'Phone numbers',
    schema: 'PhoneNumber',
    tableColumns: ['nickname', 'phone_number', 'number_country_code', 'created_at'],
    options: API_OPTIONS,
    prepare: () => (client) => client.phoneNumbers.list(),
  },
  {
    kind: 'api',
    words: ['webhooks', 'list'],
    summary: 'the outbound webhook flows (nested lists print as JSON)',
    title: 'Webhook flows',
    schema: 'WebhookFlow',
    tableColumns: [
      'name',
      'status',
      'flow_direction',
      'tag_name',
      'category_name',
      'max_retries',
      'is_template',
    ],
    options: API_OPTIONS,
    prepare: () => (client) => client.webhooks.list(),
  },
];

export const MOCK_DEFAULT_PORT = 4010;
export const MOCK_DEFAULT_HOST = '127.0.0.1';

export const COMMANDS: readonly Command[] = [
  ...API_COMMANDS,
  {
    kind: 'mock',
    words: ['mock'],
    summary: 'serve a mock of the API (from the bundled openapi.yaml) until Ctrl+C',
    options: [
      {
        name: 'port',
        type: 'string',
        value: 'N',
        description: `port to listen on (default ${MOCK_DEFAULT_PORT}; 0 picks a free one)`,
      },
      {
        name: 'host',
        type: 'string',
        value: 'H',
        description: `address to listen on (default ${MOCK_DEFAULT_HOST})`,
      },
      ...HELP_OPTIONS,
    ],
  },
  {
    kind: 'demo',
    words: ['demo'],
    summary: 'show contacts, campaigns, phone numbers and webhook flows from an in-process mock',
    options: HELP_OPTIONS,
  },
];
