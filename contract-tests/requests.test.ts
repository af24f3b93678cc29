/**
 * The spec's request schemas, enforced by Prism's validator: malformed requests sent through
 * `raw` are refused with a problem+json, valid ContactQuery bodies are all accepted, and every
 * invalid request src/contract generates from the schemas (what `callab contract-test` sends to
 * a real server) is refused too (property-based, fast-check).
 */
import fc from 'fast-check';
import type { ContactQuery } from '../src';
import { badRequestMutations } from '../src/contract/checks';
import { createSender } from '../src/contract/exchange';
import { componentSchema } from '../src/contract/operations';
import { validValues } from '../src/contract/request-values';
import { mediaTypeEssence } from '../src/contract/rules';
import { type Exchange, observeRaw } from './support/client';
import { describeGroup } from './support/modes';
import { type MockTarget, mockTarget } from './support/settings';
import { operationById } from './support/spec';

let target: MockTarget;
// Hooks run only when a test of the file runs: in proxy mode every test here is skipped.
beforeAll(() => {
  target = mockTarget();
});
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

/** The invalid requests src/contract generates; Prism's validator must refuse each one. */
function refusedByPrism(operationId: string) {
  return async () => {
    const operation = operationById(operationId);
    const mutations = badRequestMutations(operation);
    const send = createSender(
      { baseUrl: target.prismUrl, apiKey: target.apiKey, timeoutMs: 20_000 },
      () => undefined,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(...mutations.map((m) => m.arbitrary)), async ({ request }) => {
        const outcome = await send(request);
        expect(outcome).toMatchObject({ status: 422 });
        expect(mediaTypeEssence((outcome as Exchange).headers.get('content-type'))).toBe(
          'application/problem+json',
        );
      }),
      { ...FAST_CHECK, examples: mutations.map((m) => [m.plain]) },
    );
  };
}

describeGroup('requestSchemas', 'generated requests, property-based', () => {
  it('accepts every valid ContactQuery', async () => {
    await fc.assert(
      fc.asyncProperty(validValues(componentSchema('ContactQuery')), async (query) => {
        const exchange = await queryContactsRaw(query);
        expect(exchange.status).toBe(200);
        expect(exchange.headers.get('sl-violations')).toBeNull();
      }),
      FAST_CHECK,
    );
  });

  it(
    'refuses every invalid queryContacts request src/contract generates',
    refusedByPrism('queryContacts'),
  );
  it(
    'refuses every invalid listCampaigns request src/contract generates',
    refusedByPrism('listCampaigns'),
  );
});
