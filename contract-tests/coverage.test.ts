/** The coverage gate's own logic: it must fail when something documented is not exercised. */
import {
  compareCoverage,
  coverageKey,
  expectedCoverage,
  NO_NAMED_EXAMPLE,
  partialRunFilter,
  type RunSelection,
} from './support/coverage';
import { requestMediaTypes, responseMediaTypes, responseMediaTypesOf } from './support/spec';

const phoneNumbers = responseMediaTypesOf('listPhoneNumbers', '200')[0]?.operation;
if (!phoneNumbers) throw new Error('openapi.yaml has no listPhoneNumbers 200 response');

const media = (status: string | undefined, examples: Record<string, unknown>) => ({
  operation: phoneNumbers,
  status,
  mediaType: 'application/json',
  schemaPointer: '#/unused',
  examples,
});

describe('the coverage gate', () => {
  it('expects every named example of the spec, requests included', () => {
    const expected = expectedCoverage([...requestMediaTypes, ...responseMediaTypes]);
    expect(expected).toContain('queryContacts request application/json docs');
    expect(expected).toContain('listCampaigns 200 application/json error');
    expect(expected).toContain('listWebhookFlows 503 application/json unavailable');
    expect(new Set(expected).size).toBe(expected.length);
  });

  it('passes when everything expected was exercised, duplicates and extras aside', () => {
    expect(compareCoverage(['a', 'b'], ['b', 'a', 'a', 'other'])).toEqual({
      covered: 2,
      total: 2,
      missing: [],
      summary: 'contract coverage: 2/2',
    });
  });

  it('fails, naming what is missing, when something was not exercised', () => {
    expect(compareCoverage(['a', 'b', 'c'], ['b'])).toEqual({
      covered: 1,
      total: 3,
      missing: ['a', 'c'],
      summary: 'contract coverage: 1/3',
    });
  });

  it('counts a documented response without a named example as never covered', () => {
    const [key] = expectedCoverage([media('404', {})]);
    expect(key).toBe(`listPhoneNumbers 404 application/json ${NO_NAMED_EXAMPLE}`);
  });

  it('expects nothing of a request body without examples (they are optional)', () => {
    expect(expectedCoverage([media(undefined, {})])).toEqual([]);
    expect(coverageKey(media(undefined, {}), 'x')).toBe(
      'listPhoneNumbers request application/json x',
    );
  });
});

describe('partialRunFilter (when the gate is not enforced)', () => {
  const noPaths = { isSet: () => false, patterns: [] };
  const fullRun: RunSelection = {
    findRelatedTests: false,
    nonFlagArgs: [],
    onlyChanged: false,
    onlyFailures: false,
    testPathPatterns: noPaths,
  };

  it('enforces the gate on a full run', () => {
    expect(partialRunFilter(fullRun)).toBeUndefined();
  });

  it.each<[string, Partial<RunSelection>, string]>([
    ['-t', { testNamePattern: 'limit' }, '-t limit'],
    [
      '--findRelatedTests',
      { findRelatedTests: true, nonFlagArgs: ['src/client.ts'] },
      '--findRelatedTests src/client.ts',
    ],
    [
      'a path pattern',
      { testPathPatterns: { isSet: () => true, patterns: ['auth'] } },
      'paths auth',
    ],
    ['--shard', { shard: { shardIndex: 1, shardCount: 3 } }, '--shard 1/3'],
    ['--changedSince', { changedSince: 'main', onlyChanged: true }, '--changedSince main'],
    ['--onlyChanged', { onlyChanged: true }, '--onlyChanged'],
    ['--onlyFailures', { onlyFailures: true }, '--onlyFailures'],
  ])('names %s', (_option, selection, expected) => {
    expect(partialRunFilter({ ...fullRun, ...selection })).toContain(expected);
  });
});
