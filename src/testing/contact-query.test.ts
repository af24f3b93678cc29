import { InvalidRequestError, matchesContactQuery, parseContactQuery } from './contact-query';
import { defaultFixtures } from './fixtures';

const [ada] = defaultFixtures.contacts.filter((c) => c.firstname === 'Ada');
const [alan] = defaultFixtures.contacts.filter((c) => c.firstname === 'Alan');
if (!ada || !alan) throw new Error('fixtures changed: Ada and Alan are expected');

describe('parseContactQuery', () => {
  it('accepts {} and every documented filter', () => {
    expect(parseContactQuery({})).toEqual({});
    const all = { tags: ['a'], categories: [], source_names: ['b'], last_call_statuses: ['busy'] };
    expect(parseContactQuery(all)).toEqual(all);
  });

  it.each([
    ['an array', [], /must be a JSON object/],
    ['null', null, /must be a JSON object/],
    ['a string', 'vip', /must be a JSON object/],
    ['an unknown filter', { tag: ['vip'] }, /Unknown filter "tag"; the filters are tags, /],
    ['a non-array filter', { tags: 'vip' }, /"tags" must be an array of strings/],
    ['a non-string value', { tags: [1] }, /"tags" must be an array of strings/],
  ])('rejects %s with a message that says how to fix it', (_what, body, message) => {
    expect(() => parseContactQuery(body)).toThrow(InvalidRequestError);
    expect(() => parseContactQuery(body)).toThrow(message);
  });

  it('names its error, as stack traces and logs show it', () => {
    expect(String(new InvalidRequestError('bad'))).toBe('InvalidRequestError: bad');
  });
});

describe('matchesContactQuery', () => {
  it('matches any contact without filters or with empty lists', () => {
    expect(matchesContactQuery(ada, {})).toBe(true);
    expect(matchesContactQuery(ada, { tags: [], last_call_statuses: [] })).toBe(true);
  });

  it('matches any of the values within a filter, and every filter', () => {
    expect(matchesContactQuery(ada, { tags: ['renewal', 'vip'] })).toBe(true);
    expect(matchesContactQuery(ada, { tags: ['vip'], categories: ['lead'] })).toBe(false);
    expect(
      matchesContactQuery(ada, {
        tags: ['vip'],
        categories: ['customer'],
        source_names: ['website'],
        last_call_statuses: ['no-answer'],
      }),
    ).toBe(true);
  });

  it('never matches a status filter on a contact never called', () => {
    expect(matchesContactQuery(alan, { last_call_statuses: ['no-answer', 'null', ''] })).toBe(
      false,
    );
  });
});
