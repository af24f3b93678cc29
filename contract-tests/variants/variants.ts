/**
 * Deliberately broken variants of the reference server, one defect each, with the failure each
 * must cause. They cover every rule family of the proxy-mode suite but `[client]`, which flags the
 * client throwing on an exchange every other rule found valid: a defect of the client, which no
 * broken server can produce.
 */
import type { Defect, ForwardedRequest, ForwardedResponse } from './broken-upstream';

export interface Variant {
  name: string;
  defect: string;
  /** Each must match a failure message of the proxy-mode run. */
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

/** A contact query with at least one non-empty filter. */
function isFilteredContactQuery(request: ForwardedRequest): boolean {
  if (request.url.pathname !== '/contact/query') return false;
  const filters: Json = JSON.parse(request.body || '{}');
  return Object.values(filters).some((values) => Array.isArray(values) && values.length > 0);
}

function isLimitedCampaignList(request: ForwardedRequest): boolean {
  return request.url.pathname === '/campaign/list' && request.url.searchParams.has('limit');
}

export const VARIANTS: Variant[] = [
  {
    name: 'missing-field',
    defect: 'drops the required `nickname` of every phone number',
    expectedFailures: [
      /listPhoneNumbers \(GET \/phone_number\) \[schema, reported by Prism\] .*required property 'nickname'/,
      /listPhoneNumbers \(GET \/phone_number\) \[schema, Ajv\] \/data\/0 must have required property 'nickname'/,
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
      /listCampaigns \(GET \/campaign\/list\) \[schema, Ajv\] \/data\/0\/call_progress must be integer/,
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
      /listWebhookFlows \(GET \/webhook\/flow\/company\/outbound\) \[undeclared status\] HTTP 418 is not declared/,
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
      /listPhoneNumbers \(GET \/phone_number\) \[content type\] HTTP 200 came as text\/html/,
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
      /queryContacts \(POST \/contact\/query\) \[envelope status\] a valid request got HTTP 200 with envelope status "success"/,
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
      /listCampaigns \(GET \/campaign\/list\) \[limit\] limit=\d+ returned \d+ campaigns/,
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
      /queryContacts \(POST \/contact\/query\) \[filter\] \{"tags":\["contract-tests: a tag no contact has"\]\} returned \d+ contact\(s\) that do not match: /,
      /queryContacts \(POST \/contact\/query\) \[filter\] \{"categories":\[.*\]\} returned \d+ contact\(s\) that do not match: .*category_name/,
    ],
    break: () => ({
      request(request) {
        if (request.url.pathname === '/contact/query') request.body = '{}';
      },
    }),
  },
  {
    name: 'returns-nothing',
    defect: 'answers `data: []` to any filtered contact query and any campaign list with a limit',
    expectedFailures: [
      /listCampaigns \(GET \/campaign\/list\) \[limit\] limit=1 returned 0 campaigns; expected 1/,
      /queryContacts \(POST \/contact\/query\) \[filter\] \{"categories":\[.*\]\} left out \d+ matching contact\(s\): /,
    ],
    break: () =>
      onResponses(
        (request) => isFilteredContactQuery(request) || isLimitedCampaignList(request),
        (_response, body) => {
          body.data = [];
        },
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
      /\[credentials\] answered HTTP 500 .* to a request with no Authorization header; expected a refusal: HTTP 401/,
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
    defect: 'answers the webhook flows with HTTP 501, which Prism replaces with a mock response',
    expectedFailures: [
      /listWebhookFlows \(GET \/webhook\/flow\/company\/outbound\) \[undeclared status\] HTTP 501 is not declared/,
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
    expectedFailures: [
      /listPhoneNumbers \(GET \/phone_number\) \[proxy\] Prism answered HTTP \d+ itself/,
      /listPhoneNumbers \(GET \/phone_number\) \[no response\] /,
    ],
    break: () => ({ hangUp: (request) => request.url.pathname === '/phone_number' }),
  },
];
