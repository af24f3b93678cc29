/** The contract rules on hand-made responses: each names the operation and rule, and can fail. */
import type { Contact } from '../src';
import {
  credentialProblems,
  expectNoProblems,
  filterProblems,
  limitProblems,
  type ObservedResponse,
  prismProblems,
  responseProblems,
} from './support/rules';
import { operationById, responseMediaTypesOf } from './support/spec';

const phoneNumbers = operationById('listPhoneNumbers');
const contacts = operationById('queryContacts');
const example = (status: string, name: string) =>
  responseMediaTypesOf(phoneNumbers, status)[0]?.examples[name] as Record<string, unknown>;
const ok = example('200', 'ok') as { data: Record<string, unknown>[] };

function response(
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): ObservedResponse {
  return {
    status,
    headers: new Headers(headers),
    text: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const withoutNickname = { ...ok, data: ok.data.map(({ nickname: _, ...rest }) => rest) };

describe('responseProblems (the server answered a valid request)', () => {
  it('finds nothing wrong with the documented success', () => {
    expect(responseProblems(phoneNumbers, response(200, ok))).toEqual([]);
  });

  it.each([
    ['an undeclared status', response(418, ok), '[undeclared status] HTTP 418 is not declared'],
    [
      'an undeclared content type',
      response(200, ok, { 'content-type': 'text/html' }),
      '[content type] HTTP 200 came as text/html',
    ],
    [
      'a body that is not JSON',
      response(200, '<html>'),
      '[schema, Ajv] the body is not valid JSON',
    ],
    [
      'a missing required field',
      response(200, withoutNickname),
      "[schema, Ajv] /data/0 must have required property 'nickname'",
    ],
    [
      'an envelope status other than ok',
      response(200, { ...ok, status: 'success' }),
      '[envelope status] a valid request got HTTP 200 with envelope status "success"',
    ],
    [
      'a documented failure',
      response(503, example('503', 'unavailable')),
      '[envelope status] a valid request got HTTP 503 with envelope status "error"',
    ],
  ])('names %s', (_what, observed, expected) => {
    expect(responseProblems(phoneNumbers, observed).join('\n')).toContain(
      `listPhoneNumbers (GET /phone_number) ${expected}`,
    );
  });
});

describe('prismProblems (what the validating proxy reported)', () => {
  it('reports the errors of sl-violations, not its warnings', () => {
    const violations = [
      { location: ['response', 'body', 'data', '0'], severity: 'Error', message: 'needs nickname' },
      { location: ['response'], severity: 'Warning', message: 'unknown status' },
    ];
    const observed = response(500, '{}', { 'sl-violations': JSON.stringify(violations) });
    expect(prismProblems(phoneNumbers, observed)).toEqual([
      'listPhoneNumbers (GET /phone_number) [schema, reported by Prism] response.body.data.0: needs nickname',
    ]);
  });

  it('reports a problem+json Prism produced for another reason', () => {
    const observed = response(
      502,
      { title: 'Upstream unreachable', detail: 'ECONNREFUSED' },
      { 'content-type': 'application/problem+json' },
    );
    expect(prismProblems(phoneNumbers, observed)).toEqual([
      'listPhoneNumbers (GET /phone_number) [proxy] Prism answered HTTP 502 itself: Upstream unreachable ECONNREFUSED',
    ]);
  });

  it('finds nothing in a clean response', () => {
    expect(prismProblems(phoneNumbers, response(200, ok))).toEqual([]);
  });
});

describe('credentialProblems', () => {
  it.each([
    ['a 401', response(401, example('401', 'unauthorized'))],
    ['an error envelope in HTTP 200', response(200, example('200', 'error'))],
  ])('accepts %s as a refusal', (_what, observed) => {
    expect(credentialProblems(phoneNumbers, 'no key', observed)).toEqual([]);
  });

  it('flags data served without credentials', () => {
    expect(credentialProblems(phoneNumbers, 'no key', response(200, ok))[0]).toMatch(
      /^listPhoneNumbers \(GET \/phone_number\) \[credentials\] served HTTP 200 .* to a request with no key/,
    );
  });
});

describe('semantic rules', () => {
  const contact = { id: 'c1', tag_name: 'vip', category_name: 'lead', source_name: 'web' };
  const asContacts = (...list: object[]) => list as Contact[];

  it('limit: more campaigns than the limit is a problem, as many is not', () => {
    expect(limitProblems(operationById('listCampaigns'), 1, 1)).toEqual([]);
    expect(limitProblems(operationById('listCampaigns'), 1, 3)).toEqual([
      'listCampaigns (GET /campaign/list) [limit] limit=1 returned 3 campaigns',
    ]);
  });

  it('filter: names the contact, the field and the filter it fails', () => {
    const returned = asContacts(contact, { ...contact, id: 'c2', tag_name: 'renewal' });
    expect(filterProblems(contacts, { tags: ['vip'], categories: [] }, returned)).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"],"categories":[]} returned contact c2: tag_name "renewal" is not among tags ["vip"]',
    ]);
  });

  it('filter: a null field matches no listed value', () => {
    const returned = asContacts({ ...contact, last_call_status: null });
    expect(filterProblems(contacts, { last_call_statuses: ['busy'] }, returned)).toHaveLength(1);
  });
});

describe('expectNoProblems', () => {
  it('passes on none and throws every problem, one per line', () => {
    expect(() => expectNoProblems([])).not.toThrow();
    expect(() => expectNoProblems(['a', 'b'])).toThrow('2 contract violation(s):\na\nb');
  });
});
