/**
 * The spec's request schemas, enforced by Prism's validator: malformed requests sent through
 * `raw` are refused with a problem+json, valid ContactQuery bodies are all accepted, and every
 * mutation of one into an invalid body is refused (property-based, fast-check).
 */
import fc from 'fast-check';
import type { ContactQuery } from '../src';
import { type Exchange, observeRaw } from './support/client';
import { describeGroup } from './support/modes';
import { FILTERED_FIELDS, type FilterName } from './support/rules';
import { contractTarget } from './support/settings';
import { mediaTypeEssence } from './support/spec';

const target = contractTarget();
const FILTER_NAMES = Object.keys(FILTERED_FIELDS) as FilterName[];
/** Fixed, so that a failure reproduces; change it to explore other inputs. */
const FAST_CHECK = { numRuns: 50, seed: 4242 };

interface Refusal {
  status: number;
  contentType: string | undefined;
  /** Prism's findings, `<location> <message>`, such as `body.tags must be array`. */
  findings: string[];
}

function refusalOf(exchange: Exchange): Refusal {
  const body = JSON.parse(exchange.text) as {
    validation?: { location?: string[]; message?: string }[];
  };
  return {
    status: exchange.status,
    contentType: mediaTypeEssence(exchange.headers.get('content-type')),
    findings: (body.validation ?? []).map((v) => `${(v.location ?? []).join('.')} ${v.message}`),
  };
}

function queryContactsRaw(body: unknown) {
  return observeRaw(target, (callab) =>
    callab.raw.POST('/contact/query', { body: body as ContactQuery }),
  );
}

function listCampaignsRaw(limit: unknown) {
  return observeRaw(target, (callab) =>
    callab.raw.GET('/campaign/list', { params: { query: { limit: limit as number } } }),
  );
}

const refused = (finding: string) => ({
  status: 422,
  contentType: 'application/problem+json',
  findings: expect.arrayContaining([expect.stringContaining(finding)]),
});

describeGroup('requestSchemas', 'malformed requests are refused by the spec', () => {
  it.each([
    [
      'a filter that is a string, not a list',
      { tags: 'vip' },
      'body.tags Request body property tags must be array',
    ],
    ['a filter list holding a number', { categories: [42] }, 'categories.0 must be string'],
    [
      'an unknown property',
      { colour: ['red'] },
      "must NOT have additional properties; found 'colour'",
    ],
    ['a misspelled filter', { tag: ['vip'] }, "must NOT have additional properties; found 'tag'"],
    ['an array instead of an object', [['vip']], 'body Request body must be object'],
    ['no body (it is required)', undefined, 'Body parameter is required'],
  ])('POST /contact/query with %s', async (_what, body, finding) => {
    expect(refusalOf(await queryContactsRaw(body))).toEqual(refused(finding));
  });

  it.each([
    ['-1', -1, 'limit must be >= 1'],
    ['0 (the minimum is 1)', 0, 'limit must be >= 1'],
    ['"x"', 'x', 'limit must be integer'],
    ['1.5', 1.5, 'limit must be integer'],
  ])('GET /campaign/list with limit %s', async (_what, limit, finding) => {
    expect(refusalOf(await listCampaignsRaw(limit))).toEqual(refused(`query parameter ${finding}`));
  });

  it('accepts the smallest valid limit (the refusals above are about the value)', async () => {
    expect((await listCampaignsRaw(1)).status).toBe(200);
  });
});

const filterValues = fc.array(fc.string(), { maxLength: 3 });
const validQuery: fc.Arbitrary<ContactQuery> = fc.record(
  Object.fromEntries(FILTER_NAMES.map((name) => [name, filterValues])) as Record<
    FilterName,
    typeof filterValues
  >,
  { requiredKeys: [] },
);
const filterName = fc.constantFrom(...FILTER_NAMES);
const notAList = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.object());
const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string()),
  fc.object(),
);

/** A valid query broken in exactly one way. */
const invalidQuery = fc.oneof(
  fc
    .tuple(
      validQuery,
      fc.string().filter((name) => !(FILTER_NAMES as string[]).includes(name)),
      fc.jsonValue(),
    )
    .map(([query, name, value]) => ({ ...query, [name]: value })),
  fc
    .tuple(validQuery, filterName, notAList)
    .map(([query, name, value]) => ({ ...query, [name]: value })),
  fc
    .tuple(validQuery, filterName, filterValues, notAString)
    .map(([query, name, values, item]) => ({ ...query, [name]: [...values, item] })),
  fc.oneof(fc.array(fc.jsonValue()), fc.string(), fc.integer(), fc.boolean()),
);

describeGroup('requestSchemas', 'ContactQuery bodies, property-based', () => {
  it('accepts every valid query', async () => {
    await fc.assert(
      fc.asyncProperty(validQuery, async (query) => {
        const exchange = await queryContactsRaw(query);
        expect(exchange.status).toBe(200);
        expect(exchange.headers.get('sl-violations')).toBeNull();
      }),
      FAST_CHECK,
    );
  });

  it('refuses every mutation of a valid query', async () => {
    await fc.assert(
      fc.asyncProperty(invalidQuery, async (body) => {
        const refusal = refusalOf(await queryContactsRaw(body));
        expect(refusal).toMatchObject({ status: 422, contentType: 'application/problem+json' });
      }),
      FAST_CHECK,
    );
  });
});
