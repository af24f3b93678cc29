/** The contract rules on hand-made responses: each names the operation and rule, and can fail. */
import { CallabConnectionError, type Contact } from '../src';
import {
  credentialProblems,
  expectNoProblems,
  filterProblems,
  limitProblems,
  type ObservedResponse,
  prismProblems,
  responseProblems,
  unansweredProblems,
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
    ['a 401 with the error envelope', response(401, example('401', 'unauthorized'))],
    ['the documented HTTP 200 error envelope', response(200, example('200', 'error'))],
  ])('accepts %s as a refusal', (_what, observed) => {
    expect(credentialProblems(phoneNumbers, 'no key', observed)).toEqual([]);
  });

  it('flags data served without credentials', () => {
    expect(credentialProblems(phoneNumbers, 'no key', response(200, ok))[0]).toMatch(
      /^listPhoneNumbers \(GET \/phone_number\) \[credentials\] served HTTP 200 .* to a request with no key; expected a refusal/,
    );
  });

  it.each([
    [500, example('500', 'internalError')],
    [404, example('401', 'unauthorized')],
    [403, example('401', 'unauthorized')],
  ])('flags HTTP %i, which is no documented refusal', (status, body) => {
    expect(credentialProblems(phoneNumbers, 'no key', response(status, body))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^listPhoneNumbers \\(GET /phone_number\\) \\[credentials\\] answered HTTP ${status} .* to a request with no key; expected a refusal: HTTP 401, or HTTP 200, with the error envelope$`,
        ),
      ),
    ]);
  });

  it('checks the refusal body against the spec', () => {
    const refusal = { status: 'error', message: 42, data: '' };
    expect(credentialProblems(phoneNumbers, 'no key', response(401, refusal))).toEqual([
      'listPhoneNumbers (GET /phone_number) [schema, Ajv] /message must be string',
    ]);
    expect(
      credentialProblems(phoneNumbers, 'no key', response(401, '<h1>Unauthorized</h1>', {})),
    ).toEqual([
      expect.stringContaining(
        '[content type] HTTP 401 came as no content type; the spec declares application/json',
      ),
    ]);
  });
});

describe('unansweredProblems', () => {
  it('names a request that got no response, and rethrows any other error', () => {
    const refused = new CallabConnectionError('connect ECONNREFUSED 127.0.0.1:9');
    expect(unansweredProblems(phoneNumbers, refused)).toEqual([
      `listPhoneNumbers (GET /phone_number) [no response] ${refused.message}`,
    ]);
    const bug = new TypeError('not the server');
    expect(() => unansweredProblems(phoneNumbers, bug)).toThrow(bug);
  });
});

describe('semantic rules', () => {
  const campaigns = operationById('listCampaigns');
  const contact = (id: string, fields: object = {}) =>
    ({ id, tag_name: 'vip', category_name: 'lead', source_name: 'web', ...fields }) as Contact;
  const all = [contact('c1'), contact('c2', { tag_name: 'renewal' }), contact('c3')];

  it('limit: exactly min(limit, available) campaigns, neither more nor fewer', () => {
    expect(limitProblems(campaigns, 1, 3, 1)).toEqual([]);
    expect(limitProblems(campaigns, 5, 3, 3)).toEqual([]);
    expect(limitProblems(campaigns, 1, 3, 3)).toEqual([
      'listCampaigns (GET /campaign/list) [limit] limit=1 returned 3 campaigns; expected 1 (the upstream holds 3)',
    ]);
    expect(limitProblems(campaigns, 2, 3, 0)).toEqual([
      'listCampaigns (GET /campaign/list) [limit] limit=2 returned 0 campaigns; expected 2 (the upstream holds 3)',
    ]);
  });

  it('filter: exactly the matching contacts passes', () => {
    expect(filterProblems(contacts, { tags: ['vip'] }, all, [all[2], all[0]] as Contact[])).toEqual(
      [],
    );
  });

  it('filter: names the contacts that do not match, and why', () => {
    expect(filterProblems(contacts, { tags: ['vip'], categories: [] }, all, all)).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"],"categories":[]} returned 1 contact(s) that do not match: c2 (tag_name "renewal" is not among tags ["vip"])',
    ]);
  });

  it('filter: names the matching contacts left out, so an empty answer fails', () => {
    expect(filterProblems(contacts, { tags: ['vip'] }, all, [])).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"]} left out 2 matching contact(s): c1, c3',
    ]);
  });

  it('filter: a contact the unfiltered query did not return is unexpected', () => {
    expect(filterProblems(contacts, { tags: ['vip'] }, all, [...all, contact('c9')])).toEqual([
      expect.stringContaining('returned 2 contact(s) that do not match: c2 (tag_name'),
    ]);
    expect(filterProblems(contacts, {}, [], [contact('c9')])).toEqual([
      'queryContacts (POST /contact/query) [filter] {} returned 1 contact(s) that do not match: c9 (not returned by the unfiltered query)',
    ]);
  });

  it('filter: caps the ids listed', () => {
    const many = Array.from({ length: 8 }, (_, i) => contact(`m${i}`));
    expect(filterProblems(contacts, { tags: ['vip'] }, many, [])).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"]} left out 8 matching contact(s): m0, m1, m2, m3, m4, …and 3 more',
    ]);
  });

  it('filter: a null field matches no listed value', () => {
    const unset = contact('c1', { last_call_status: null });
    expect(
      filterProblems(contacts, { last_call_statuses: ['busy'] }, [unset], [unset]),
    ).toHaveLength(1);
  });
});

describe('expectNoProblems', () => {
  it('passes on none and throws every problem, one per line', () => {
    expect(() => expectNoProblems([])).not.toThrow();
    expect(() => expectNoProblems(['a', 'b'])).toThrow('2 contract violation(s):\na\nb');
  });
});
