/** The filter cases generated from a server's data, and what thin data leaves unexercised. */
import fc from 'fast-check';
import { jsonPointer } from '../core/spec-schemas';
import { specSchemas } from '../internal/spec-document';
import { defaultFixtures } from '../testing';
import { filtersOf, operationById } from './operations';
import { filterExamples, filterLimitations, filterQueries, NO_SUCH_VALUE } from './semantics';

const filters = filtersOf(operationById('queryContacts'));
const contacts = defaultFixtures.contacts as unknown as Record<string, unknown>[];
const contact = (fields: object) => ({
  id: 'c',
  tag_name: 'vip',
  category_name: 'lead',
  ...fields,
});

describe('the filters read from the spec', () => {
  it('are the four ContactQuery properties, each with the Contact field it matches', () => {
    expect(filters).toEqual([
      { name: 'tags', matches: 'tag_name' },
      { name: 'categories', matches: 'category_name' },
      { name: 'source_names', matches: 'source_name' },
      { name: 'last_call_statuses', matches: 'last_call_status' },
    ]);
  });
});

describe('filterQueries', () => {
  it('generates only valid ContactQuery bodies, with several values, empty lists and combinations', () => {
    const valid = specSchemas().at(jsonPointer('components', 'schemas', 'ContactQuery'));
    const queries = fc.sample(filterQueries(filters, contacts), { seed: 3, numRuns: 300 });
    expect(queries.filter((query) => !valid(query))).toEqual([]);
    const lists = queries.flatMap((query) => Object.values(query));
    expect(lists.some((values) => values.length === 0)).toBe(true);
    expect(lists.some((values) => values.length > 1)).toBe(true);
    expect(queries.some((query) => Object.keys(query).length > 1)).toBe(true);
  });
});

describe('filterExamples (always tried)', () => {
  it('tries every value of a filter at once, one value that tells contacts apart, all filters, empty lists and a value no contact has', () => {
    const examples = filterExamples(filters, contacts);
    expect(examples).toEqual(
      expect.arrayContaining([
        { tags: ['vip', 'renewal', 'churn-risk'] },
        { tags: ['vip'] },
        { last_call_statuses: ['no-answer', 'completed', 'busy', 'answered'] },
        {
          tags: ['vip'],
          categories: ['customer'],
          source_names: ['website'],
          last_call_statuses: ['no-answer'],
        },
        { tags: [], categories: [], source_names: [], last_call_statuses: [] },
        { tags: [NO_SUCH_VALUE] },
      ]),
    );
  });
});

describe('filterLimitations', () => {
  it('finds nothing missing in the fake server’s fixtures', () => {
    expect(filterLimitations(filters, contacts)).toEqual([]);
  });

  it('names each filter thin data cannot exercise', () => {
    const thin = [contact({ source_name: 'web' }), contact({ id: 'd', source_name: 'import' })];
    expect(filterLimitations(filters, thin)).toEqual([
      'every contact has tag_name "vip": a server ignoring tags would pass',
      'every contact has category_name "lead": a server ignoring categories would pass',
      'no contact has a last_call_status, so last_call_statuses is never seen to select anything',
      'no contact has all of tag_name, category_name, source_name, last_call_status: the filters are never checked all at once',
    ]);
    expect(
      filterLimitations(filters, [contact({}), contact({ id: 'd', tag_name: null })]),
    ).toContain(
      'only one tag_name ("vip") among the contacts: several values per tags are never checked',
    );
  });
});
