/**
 * Deliberately broken variants of the reference server, one defect each, covering every rule
 * family of the proxy-mode suite, with the failure each must cause.
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

/** A response defect applied to the JSON body of one path only. */
function onPath(path: string, edit: (response: ForwardedResponse, body: Json) => void): Defect {
  return {
    response(response, request: ForwardedRequest) {
      if (request.url.pathname !== path) return;
      const body: Json = JSON.parse(response.body);
      edit(response, body);
      response.body = JSON.stringify(body);
    },
  };
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
      /listCampaigns \(GET \/campaign\/list\) \[limit\] limit=1 returned \d+ campaigns/,
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
      /queryContacts \(POST \/contact\/query\) \[filter\] \{"tags":\["contract-tests: a tag no contact has"\]\} returned contact/,
      /queryContacts \(POST \/contact\/query\) \[filter\] \{"categories":\[.*\]\} returned contact .*category_name/,
    ],
    break: () => ({
      request(request) {
        if (request.url.pathname === '/contact/query') request.body = '{}';
      },
    }),
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
];
