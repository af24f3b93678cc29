import type { Contact } from '../types';
import { InvalidRequestError, matchesFilters, parseFilters } from './filters';
import { defaultFixtures } from './fixtures';
import { fakeOperations } from './spec';

const filters = fakeOperations().find((o) => o.operationId === 'queryContacts')?.filters ?? [];
const [ada] = defaultFixtures.contacts.filter((c) => c.firstname === 'Ada');
const [alan] = defaultFixtures.contacts.filter((c) => c.firstname === 'Alan');
if (!ada || !alan) throw new Error('fixtures changed: Ada and Alan are expected');

const matches = (contact: Contact, values: Record<string, string[]>) =>
  matchesFilters(contact, values, filters);

describe('parseFilters with the filters of POST /contact/query', () => {
  it('accepts {} and every documented filter', () => {
    expect(parseFilters({}, filters, 'contacts')).toEqual({});
    const all = { tags: ['a'], categories: [], source_names: ['b'], last_call_statuses: ['busy'] };
    expect(parseFilters(all, filters, 'contacts')).toEqual(all);
  });

  it.each([
    ['an array', [], /must be a JSON object; send \{\} for all contacts/],
    ['null', null, /must be a JSON object/],
    ['a string', 'vip', /must be a JSON object/],
    ['an unknown filter', { tag: ['vip'] }, /Unknown filter "tag"; the filters are tags, /],
    ['a non-array filter', { tags: 'vip' }, /"tags" must be an array of strings/],
    ['a non-string value', { tags: [1] }, /"tags" must be an array of strings/],
  ])('rejects %s with a message that says how to fix it', (_what, body, message) => {
    expect(() => parseFilters(body, filters, 'contacts')).toThrow(InvalidRequestError);
    expect(() => parseFilters(body, filters, 'contacts')).toThrow(message);
  });

  it('names its error, as stack traces and logs show it', () => {
    expect(String(new InvalidRequestError('bad'))).toBe('InvalidRequestError: bad');
  });
});

describe('matchesFilters', () => {
  it('matches any contact without filters or with empty lists', () => {
    expect(matches(ada, {})).toBe(true);
    expect(matches(ada, { tags: [], last_call_statuses: [] })).toBe(true);
  });

  it('matches any of the values within a filter, and every filter', () => {
    expect(matches(ada, { tags: ['renewal', 'vip'] })).toBe(true);
    expect(matches(ada, { tags: ['vip'], categories: ['lead'] })).toBe(false);
    expect(
      matches(ada, {
        tags: ['vip'],
        categories: ['customer'],
        source_names: ['website'],
        last_call_statuses: ['no-answer'],
      }),
    ).toBe(true);
  });

  it('never matches a status filter on a contact never called', () => {
    expect(matches(alan, { last_call_statuses: ['no-answer', 'null', ''] })).toBe(false);
  });
});
