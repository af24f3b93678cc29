/**
 * The request values derived from the schemas: each invalid one really breaks the schema (checked
 * by Ajv, an independent validator; the jest suite also sends them all to Prism), each valid one
 * passes, and the plain cases are the ones a reader expects.
 */
import fc from 'fast-check';
import { jsonPointer } from '../core/spec-schemas';
import { specSchemas } from '../internal/spec-document';
import { badRequestMutations, validRequest } from './checks';
import { componentSchema, operationById } from './operations';
import { invalidValues, invalidWireValues, minimalValue, validValues } from './request-values';

const schemas = specSchemas();
const contactQuery = schemas.at(jsonPointer('components', 'schemas', 'ContactQuery'));

describe('invalidValues (ContactQuery)', () => {
  const mutations = invalidValues(componentSchema('ContactQuery'), 'the body');

  it('breaks the body in every way the schema forbids, each with a plain case', () => {
    expect(mutations.map((m) => [m.what, m.plain])).toEqual(
      expect.arrayContaining([
        ['the body is not object', 'abc'],
        ['tags is not array', { tags: 'abc' }],
        ['an item of tags is not string', { tags: [42] }],
        ['the body has an unknown property', { unknown: [] }],
      ]),
    );
  });

  it('every plain and generated case is rejected by the schema', () => {
    for (const mutation of mutations) {
      expect([mutation.what, contactQuery(mutation.plain)]).toEqual([mutation.what, false]);
      fc.assert(
        fc.property(mutation.arbitrary, (value) => !contactQuery(value)),
        { seed: 1, numRuns: 200 },
      );
    }
  });

  it('validValues and minimalValue are accepted by the schema', () => {
    expect(minimalValue(componentSchema('ContactQuery'))).toEqual({});
    fc.assert(
      fc.property(validValues(componentSchema('ContactQuery')), (value) => contactQuery(value)),
      { seed: 1, numRuns: 200 },
    );
  });
});

describe('invalidWireValues (limit: integer >= 1)', () => {
  const limit = operationById('listCampaigns').queryParams.find((p) => p.name === 'limit');
  const mutations = invalidWireValues(limit?.schema ?? {}, 'limit');

  it('gives limit=abc, limit=0 and limit=1.5 as plain cases', () => {
    expect(mutations.map((m) => [m.what, m.plain])).toEqual([
      ['limit is not a number', 'abc'],
      ['limit is below its minimum', '0'],
      ['limit is not an integer', '1.5'],
    ]);
  });

  it('never generates a whole number of at least 1', () => {
    for (const mutation of mutations) {
      fc.assert(
        fc.property(mutation.arbitrary, (text) => !(/^\d+$/.test(text) && Number(text) >= 1)),
        { seed: 1, numRuns: 200 },
      );
    }
  });
});

describe('the requests the checks send', () => {
  it('a valid request is the smallest one: {} for the contacts, no limit for the campaigns', () => {
    expect(validRequest(operationById('queryContacts')).body).toBe('{}');
    expect(validRequest(operationById('listCampaigns')).query).toBeUndefined();
  });

  it('bad requests include a missing body and every invalid body and query value', () => {
    expect(badRequestMutations(operationById('queryContacts')).map((m) => m.what)).toContain(
      'the body (required) is missing',
    );
    expect(
      badRequestMutations(operationById('listCampaigns')).map((m) => m.plain.request.query),
    ).toEqual([{ limit: 'abc' }, { limit: '0' }, { limit: '1.5' }]);
    expect(badRequestMutations(operationById('listPhoneNumbers'))).toEqual([]);
  });
});
