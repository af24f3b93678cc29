/**
 * Deliberately broken variants of the reference server (the package's fake server), one defect
 * each, with the violations each must cause. Together they break every rule of src/contract.
 */
import { filtersOf, operationById } from '../../contract/operations';
import type { Defect, ForwardedRequest, ForwardedResponse } from './broken-upstream';

export interface Variant {
  name: string;
  defect: string;
  /** Each must match a violation of the run. */
  expectedFailures: RegExp[];
  /** Builds the defect; `apiKey` is the reference server's valid key. */
  break(apiKey: string): Defect;
}

// biome-ignore lint/suspicious/noExplicitAny: edits arbitrary response JSON.
type Json = any;

/** A response defect applied to the JSON body of the exchanges `applies` selects. */
function onResponses(
  applies: (request: ForwardedRequest) => boolean,
  edit: (response: ForwardedResponse, body: Json) => void,
): Defect {
  return {
    response(response, request) {
      if (!applies(request)) return;
      const body: Json = JSON.parse(response.body);
      edit(response, body);
      response.body = JSON.stringify(body);
    },
  };
}

/** A response defect applied to the JSON body of one path only. */
function onPath(path: string, edit: (response: ForwardedResponse, body: Json) => void): Defect {
  return onResponses((request) => request.url.pathname === path, edit);
}

/** The body of a contact query, when it is a JSON object. */
function contactQuery(request: ForwardedRequest): Record<string, Json> | undefined {
  if (request.url.pathname !== '/contact/query') return undefined;
  try {
    const body: Json = JSON.parse(request.body);
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** A contact query with at least one non-empty filter. */
function isFilteredContactQuery(request: ForwardedRequest): boolean {
  return Object.values(contactQuery(request) ?? {}).some(
    (values) => Array.isArray(values) && values.length > 0,
  );
}

const FILTER_NAMES = filtersOf(operationById('queryContacts')).map((filter) => filter.name);

const isStringList = (values: Json) =>
  Array.isArray(values) && values.every((value) => typeof value === 'string');

/**
 * Rewrites the body of each contact query that `applies` to (by default, the valid ones: a
 * server validates a request before it applies the filters, so the defect touches those only).
 */
function onContactQueries(
  edit: (query: Record<string, Json>) => void,
  applies = (query: Record<string, Json>) =>
    Object.entries(query).every(
      ([name, values]) => FILTER_NAMES.includes(name) && isStringList(values),
    ),
): Defect {
  return {
    request(request) {
      const query = contactQuery(request);
      if (!query || !applies(query)) return;
      edit(query);
      request.body = JSON.stringify(query);
    },
  };
}

function isLimitedCampaignList(request: ForwardedRequest): boolean {
  return request.url.pathname === '/campaign/list' && request.url.searchParams.has('limit');
}

export const VARIANTS: Variant[] = [
  {
    name: 'missing-field',
    defect: 'drops the required `nickname` of every phone number',
    expectedFailures: [
      /^listPhoneNumbers \(GET \/phone_number\) \[schema\] \/data\/0 must have required property 'nickname'$/,
    ],
    break: () =>
      onPath('/phone_number', (_response, body) => {
        for (const phoneNumber of body.data) delete phoneNumber.nickname;
      }),
  },
  {
    name: 'wrong-type',
    defect: 'sends `call_progress` of every campaign as a string',
    expectedFailures: [
      /^listCampaigns \(GET \/campaign\/list\) \[schema\] \/data\/0\/call_progress must be integer$/,
    ],
    break: () =>
      onPath('/campaign/list', (_response, body) => {
        for (const campaign of body.data) campaign.call_progress = String(campaign.call_progress);
      }),
  },
  {
    name: 'undeclared-status',
    defect: 'answers the webhook flows with HTTP 418',
    expectedFailures: [
      /^listWebhookFlows \(GET \/webhook\/flow\/company\/outbound\) \[undeclared status\] HTTP 418 is not declared/,
    ],
    break: () =>
      onPath('/webhook/flow/company/outbound', (response) => {
        response.status = 418;
      }),
  },
  {
    name: 'wrong-content-type',
    defect: 'labels the phone numbers text/html',
    expectedFailures: [
      /^listPhoneNumbers \(GET \/phone_number\) \[content type\] HTTP 200 came as text\/html/,
    ],
    break: () =>
      onPath('/phone_number', (response) => {
        response.headers.set('content-type', 'text/html; charset=utf-8');
      }),
  },
  {
    name: 'envelope-status',
    defect: 'says "success" instead of "ok" in the contacts envelope',
    expectedFailures: [
      /^queryContacts \(POST \/contact\/query\) \[envelope status\] a valid request \(.*\) got HTTP 200 with envelope status "success"/,
    ],
    break: () =>
      onPath('/contact/query', (_response, body) => {
        body.status = 'success';
      }),
  },
  {
    name: 'ignores-limit',
    defect: 'ignores `limit` and returns every campaign',
    expectedFailures: [
      /^listCampaigns \(GET \/campaign\/list\) \[limit\] limit=\d+ returned 3 item\(s\); expected [12] /,
    ],
    break: () => ({
      request(request) {
        request.url.searchParams.delete('limit');
      },
    }),
  },
  {
    name: 'ignores-filters',
    defect: 'ignores the contact filters and returns every contact',
    expectedFailures: [
      /^queryContacts \(POST \/contact\/query\) \[filter\] \{.+\} returned \d+ contact\(s\) that do not match: [0-9a-f-]+ \([a-z_]+ .* is not among /,
    ],
    break: () =>
      onContactQueries((query) => {
        for (const name of Object.keys(query)) delete query[name];
      }),
  },
  {
    name: 'returns-nothing',
    defect: 'answers `data: []` to any filtered contact query and any campaign list with a limit',
    expectedFailures: [
      /^listCampaigns \(GET \/campaign\/list\) \[limit\] limit=\d+ returned 0 item\(s\); expected [1-9]/,
      /^queryContacts \(POST \/contact\/query\) \[filter\] \{.+\} left out \d+ matching contact\(s\): /,
    ],
    break: () =>
      onResponses(
        (request) => isFilteredContactQuery(request) || isLimitedCampaignList(request),
        (_response, body) => {
          if (body.status === 'ok') body.data = [];
        },
      ),
  },
  {
    name: 'second-filter-value',
    defect: 'ignores the second value of every filter (`tags: [a, b]` is read as `[a]`)',
    expectedFailures: [
      /^queryContacts \(POST \/contact\/query\) \[filter\] \{"[a-z_]+":\["[^"]*","[^"]*"(,"[^"]*")*\]\} left out \d+ matching contact\(s\): /,
    ],
    break: () =>
      onContactQueries((query) => {
        for (const values of Object.values(query)) {
          if (Array.isArray(values)) values.splice(1, 1);
        }
      }),
  },
  {
    name: 'first-filter-only',
    defect: 'applies only the first filter of a query and ignores the others',
    expectedFailures: [
      /^queryContacts \(POST \/contact\/query\) \[filter\] \{"[a-z_]+":\[[^\]]+\],"[a-z_]+":\[[^\]]+\].*\} returned \d+ contact\(s\) that do not match: /,
    ],
    break: () =>
      onContactQueries((query) => {
        const [, ...others] = Object.keys(query).filter((name) => query[name]?.length > 0);
        for (const name of others) delete query[name];
      }),
  },
  {
    name: 'duplicates-contact',
    defect: 'sends the first contact of every filtered answer twice',
    expectedFailures: [
      /^queryContacts \(POST \/contact\/query\) \[filter\] \{.+\} returned 1 matching contact\(s\) more than once: [0-9a-f-]+ \(2 times\)$/,
    ],
    break: () =>
      onResponses(isFilteredContactQuery, (_response, body) => {
        if (body.status === 'ok' && body.data.length > 0) body.data.push(body.data[0]);
      }),
  },
  {
    name: 'refuses-with-400',
    defect: 'refuses invalid requests with HTTP 400, which the spec does not declare',
    expectedFailures: [
      /^queryContacts \(POST \/contact\/query\) \[bad request\] answered HTTP 400 .* to an invalid request \(.+\); expected a refusal: HTTP 200 or HTTP 401 or HTTP 429 with the error envelope$/,
      /^listCampaigns \(GET \/campaign\/list\) \[bad request\] answered HTTP 400 .* to an invalid request \(limit /,
    ],
    break: () =>
      onResponses(
        () => true,
        (response, body) => {
          if (response.status === 200 && body.status === 'error') response.status = 400;
        },
      ),
  },
  {
    name: 'accepts-unknown-filters',
    defect: 'ignores unknown properties of a contact query, so a misspelled filter returns data',
    expectedFailures: [
      /^queryContacts \(POST \/contact\/query\) \[bad request\] served HTTP 200 .* to an invalid request \(the body has an unknown property: /,
    ],
    break: () =>
      onContactQueries(
        (query) => {
          for (const name of Object.keys(query)) {
            if (!FILTER_NAMES.includes(name)) delete query[name];
          }
        },
        (query) => Object.values(query).every(isStringList),
      ),
  },
  {
    name: 'no-auth',
    defect: 'serves data whatever the credential (its gateway injects the real key)',
    expectedFailures: [
      /\[credentials\] served HTTP 200 .* to a request with no Authorization header/,
      /\[credentials\] served HTTP 200 .* to a request with a wrong API key/,
    ],
    break: (apiKey) => ({
      request(request) {
        request.headers.set('authorization', `Bearer ${apiKey}`);
      },
    }),
  },
  {
    name: 'auth-crashes',
    defect: 'answers HTTP 500 (error envelope) when the key is missing or wrong',
    expectedFailures: [
      /\[credentials\] answered HTTP 500 .* to a request with no Authorization header; expected a refusal: HTTP 200 or HTTP 401/,
      /\[credentials\] answered HTTP 500 .* to a request with a wrong API key/,
    ],
    break: (apiKey) =>
      onResponses(
        (request) => request.headers.get('authorization') !== `Bearer ${apiKey}`,
        (response, body) => {
          response.status = 500;
          body.message = 'Internal server error';
        },
      ),
  },
  {
    name: 'answers-501',
    defect:
      'answers the webhook flows with HTTP 501 (which Prism would replace with a mock response)',
    expectedFailures: [
      /^listWebhookFlows \(GET \/webhook\/flow\/company\/outbound\) \[undeclared status\] HTTP 501 is not declared/,
    ],
    break: () =>
      onPath('/webhook/flow/company/outbound', (response, body) => {
        response.status = 501;
        Object.assign(body, { status: 'error', message: 'Not implemented', data: '' });
      }),
  },
  {
    name: 'hangs-up',
    defect: 'closes the connection without answering the phone numbers',
    expectedFailures: [/^listPhoneNumbers \(GET \/phone_number\) \[no response\] /],
    break: () => ({ hangUp: (request) => request.url.pathname === '/phone_number' }),
  },
  {
    name: 'echoes-key',
    defect: 'echoes the Authorization header it got in every body, phone numbers as text/plain',
    expectedFailures: [
      /^listPhoneNumbers \(GET \/phone_number\) \[content type\] HTTP 200 came as text\/plain; the spec declares application\/json \(body ".*\[redacted\]/,
    ],
    break: () => ({
      response(response, request) {
        const echo = `you sent Authorization: ${request.headers.get('authorization') ?? 'nothing'}`;
        if (request.url.pathname === '/phone_number' && response.status === 200) {
          response.headers.set('content-type', 'text/plain');
          response.body = echo;
          return;
        }
        const body: Json = JSON.parse(response.body);
        body.message = `${body.message} (${echo})`;
        response.body = JSON.stringify(body);
      },
    }),
  },
];
