/** The contract rules on hand-made exchanges: each names the operation and rule, and can fail. */

import { loadValidators, type Validators } from '../core/validation';
import { loadSpec, mediaTypesOf } from '../internal/spec-document';
import type { Exchange } from './exchange';
import { filtersOf, operationById } from './operations';
import {
  duplicateProblems,
  filterProblems,
  limitProblems,
  RULES,
  refusalProblems,
  responseProblems,
} from './rules';

const phoneNumbers = operationById('listPhoneNumbers');
const contacts = operationById('queryContacts');
const campaigns = operationById('listCampaigns');
const filters = filtersOf(contacts);

const media = mediaTypesOf(loadSpec());
const example = (operationId: string, status: string, name: string) =>
  media.find((m) => m.operation.operationId === operationId && m.status === status)?.examples[
    name
  ] as Record<string, unknown>;
const ok = example('listPhoneNumbers', '200', 'ok') as { data: Record<string, unknown>[] };

function response(
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Exchange {
  return {
    status,
    headers: new Headers(headers),
    text: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

let validators: Validators;
beforeAll(async () => {
  validators = await loadValidators();
});

const withoutNickname = { ...ok, data: ok.data.map(({ nickname: _, ...rest }) => rest) };

describe('responseProblems (the server answered a valid request)', () => {
  const problems = (exchange: Exchange) =>
    responseProblems(validators, phoneNumbers, 'a valid request', exchange).problems;

  it('finds nothing wrong with the documented success, and hands back its data', () => {
    expect(
      responseProblems(validators, phoneNumbers, 'a valid request', response(200, ok)),
    ).toEqual({ problems: [], data: ok.data });
  });

  it.each([
    ['an undeclared status', response(418, ok), '[undeclared status] HTTP 418 is not declared'],
    [
      'an undeclared content type',
      response(200, ok, { 'content-type': 'text/html' }),
      '[content type] HTTP 200 came as text/html',
    ],
    ['a body that is not JSON', response(200, '<html>'), '[schema] the body is not valid JSON'],
    [
      'a missing required field',
      response(200, withoutNickname),
      "[schema] /data/0 must have required property 'nickname'",
    ],
    [
      'an envelope status other than ok',
      response(200, { ...ok, status: 'success' }),
      '[envelope status] a valid request got HTTP 200 with envelope status "success"',
    ],
    [
      'a documented failure',
      response(503, example('listPhoneNumbers', '503', 'unavailable')),
      '[envelope status] a valid request got HTTP 503 with envelope status "error"',
    ],
    [
      'the documented HTTP 200 error envelope',
      response(200, example('listPhoneNumbers', '200', 'error')),
      '[envelope status] a valid request got HTTP 200 with envelope status "error"',
    ],
    [
      'no answer at all',
      { unanswered: 'connect ECONNREFUSED 127.0.0.1:9' },
      '[no response] a valid request: connect ECONNREFUSED 127.0.0.1:9',
    ],
  ])('names %s', (_what, observed, expected) => {
    expect(problems(observed as Exchange).join('\n')).toContain(
      `listPhoneNumbers (GET /phone_number) ${expected}`,
    );
  });
});

describe('refusalProblems (credentials and invalid requests)', () => {
  const refusal = (exchange: Exchange, statuses = ['401']) =>
    refusalProblems(validators, phoneNumbers, RULES.credentials, 'no key', statuses, exchange);

  it.each([
    [
      'a 401 with the error envelope',
      response(401, example('listPhoneNumbers', '401', 'unauthorized')),
    ],
    [
      'the documented HTTP 200 error envelope',
      response(200, example('listPhoneNumbers', '200', 'error')),
    ],
  ])('accepts %s as a refusal', (_what, observed) => {
    expect(refusal(observed)).toEqual([]);
  });

  it('flags data served instead', () => {
    expect(refusal(response(200, ok))[0]).toMatch(
      /^listPhoneNumbers \(GET \/phone_number\) \[credentials\] served HTTP 200 .* to no key; expected a refusal/,
    );
  });

  it.each([500, 404, 403, 400])('flags HTTP %i, which is no documented refusal', (status) => {
    expect(refusal(response(status, example('listPhoneNumbers', '401', 'unauthorized')))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^listPhoneNumbers \\(GET /phone_number\\) \\[credentials\\] answered HTTP ${status} .* to no key; expected a refusal: HTTP 200 or HTTP 401 with the error envelope$`,
        ),
      ),
    ]);
  });

  it('accepts every status it is given, and only those', () => {
    const limited = response(429, example('listPhoneNumbers', '429', 'rateLimited'));
    expect(refusal(limited, ['401', '429'])).toEqual([]);
    expect(refusal(limited)).toHaveLength(1);
  });

  it('checks the refusal body against the spec', () => {
    expect(refusal(response(401, { status: 'error', message: 42, data: '' }))).toEqual([
      'listPhoneNumbers (GET /phone_number) [schema] /message must be string',
    ]);
    expect(refusal(response(401, '<h1>Unauthorized</h1>', {}))).toEqual([
      expect.stringContaining(
        '[content type] HTTP 401 came as no content type; the spec declares application/json',
      ),
    ]);
  });
});

describe('limitProblems', () => {
  const [a, b, c] = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
  const all = [a, b, c];

  it('passes exactly min(limit, M) items of the unlimited list', () => {
    expect(limitProblems(campaigns, 1, all, [c])).toEqual([]);
    expect(limitProblems(campaigns, 4, all, all)).toEqual([]);
  });

  it('flags more or fewer', () => {
    expect(limitProblems(campaigns, 1, all, all)).toEqual([
      'listCampaigns (GET /campaign/list) [limit] limit=1 returned 3 item(s); expected 1 (the unlimited list holds 3)',
    ]);
    expect(limitProblems(campaigns, 2, all, [])).toEqual([
      'listCampaigns (GET /campaign/list) [limit] limit=2 returned 0 item(s); expected 2 (the unlimited list holds 3)',
    ]);
  });

  it('flags an item the unlimited list does not hold, or not that often', () => {
    expect(limitProblems(campaigns, 2, all, [a, { name: 'z' }])).toEqual([
      'listCampaigns (GET /campaign/list) [limit] limit=2 returned 1 item(s) the unlimited list does not hold (as often): "{\\"name\\":\\"z\\"}"',
    ]);
    expect(limitProblems(campaigns, 2, all, [a, a])).toHaveLength(1);
  });
});

describe('filterProblems (compared by id, as a multiset)', () => {
  const contact = (id: string, fields: object = {}) => ({
    id,
    tag_name: 'vip',
    category_name: 'lead',
    source_name: 'web',
    last_call_status: null,
    ...fields,
  });
  const [c1, c2, c3] = [contact('c1'), contact('c2', { tag_name: 'renewal' }), contact('c3')];
  const all = [c1, c2, c3];
  const check = (query: object, returned: object[], from: object[] = all) =>
    filterProblems(contacts, filters, query as never, from as never, returned as never);

  it('passes exactly the matching contacts, in any order', () => {
    expect(check({ tags: ['vip'] }, [c3, c1])).toEqual([]);
    expect(check({ tags: ['vip', 'renewal'] }, all)).toEqual([]);
    expect(check({ tags: [] }, all)).toEqual([]);
  });

  it('names the contacts that do not match, and why', () => {
    expect(check({ tags: ['vip'], categories: [] }, all)).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"],"categories":[]} returned 1 contact(s) that do not match: c2 (tag_name "renewal" is not among tags ["vip"])',
    ]);
  });

  it('names the matching contacts left out, so an empty answer fails', () => {
    expect(check({ tags: ['vip'] }, [])).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"]} left out 2 matching contact(s): c1, c3',
    ]);
  });

  it('names a matching contact returned twice', () => {
    expect(check({ tags: ['vip'] }, [c1, c3, c1])).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"]} returned 1 matching contact(s) more than once: c1 (2 times)',
    ]);
  });

  it('flags a contact the unfiltered query did not return', () => {
    expect(check({}, [contact('c9')], [])).toEqual([
      'queryContacts (POST /contact/query) [filter] {} returned 1 contact(s) that do not match: c9 (not returned by the unfiltered query)',
    ]);
  });

  it('caps the ids listed', () => {
    const many = Array.from({ length: 8 }, (_, i) => contact(`m${i}`));
    expect(check({ tags: ['vip'] }, [], many)).toEqual([
      'queryContacts (POST /contact/query) [filter] {"tags":["vip"]} left out 8 matching contact(s): m0, m1, m2, m3, m4, …and 3 more',
    ]);
  });

  it('a null field matches no listed value', () => {
    const unset = contact('c1');
    expect(check({ last_call_statuses: ['busy'] }, [unset], [unset])).toHaveLength(1);
  });
});

describe('duplicateProblems', () => {
  it('names each key listed more than once', () => {
    expect(
      duplicateProblems(contacts, RULES.filter, 'the unfiltered query', ['a', 'b', 'a']),
    ).toEqual([
      'queryContacts (POST /contact/query) [filter] the unfiltered query returned 1 item(s) more than once: a (2 times)',
    ]);
    expect(duplicateProblems(contacts, RULES.filter, 'the unfiltered query', ['a', 'b'])).toEqual(
      [],
    );
  });
});
