import { UnexpectedDataError } from './errors';
import { allColumns, fieldsOf, parseFieldList, rowsOf } from './fields';

describe('fields', () => {
  it('lists the documented fields of each object from openapi.yaml', () => {
    expect(fieldsOf('PhoneNumber')).toEqual([
      'nickname',
      'phone_number',
      'number_country_code',
      'created_at',
      'updated_at',
    ]);
    expect(fieldsOf('Contact')).toContain('last_call_status');
  });

  it('parses --fields in the given order, ignoring spaces and empty entries', () => {
    expect(parseFieldList(' b, a,,', ['a', 'b', 'c'])).toEqual(['b', 'a']);
  });

  it('names every unknown field and the valid ones', () => {
    expect(() => parseFieldList('a,x,y', ['a', 'b'])).toThrow(
      "unknown field 'x', 'y' in --fields; valid fields: a, b",
    );
    expect(() => parseFieldList(' , ', ['a'])).toThrow('--fields needs at least one field name');
    expect(() => parseFieldList('a,a', ['a'])).toThrow("field 'a' is listed twice");
  });

  it('adds fields the server sent beyond the documented ones, after them', () => {
    expect(
      allColumns(
        ['a', 'b'],
        [
          { b: 1, extra: 2 },
          { a: 1, more: 3 },
        ],
      ),
    ).toEqual(['a', 'b', 'extra', 'more']);
  });

  it('prints only a list of objects', () => {
    const rows = [{ a: 1 }, { b: 2 }];
    expect(rowsOf(rows)).toBe(rows);
    expect(rowsOf([])).toEqual([]);
  });

  it.each([
    [null, 'the API returned null where a list was expected'],
    [undefined, 'the API returned undefined where a list was expected'],
    [3, 'the API returned a number where a list was expected'],
    ['abc', 'the API returned a string where a list was expected'],
    [{ a: 1 }, 'the API returned an object where a list was expected'],
    [[{ a: 1 }, 'x'], 'the API returned a list whose item 1 is a string, not an object'],
    [[null], 'the API returned a list whose item 0 is null, not an object'],
    [[[1]], 'the API returned a list whose item 0 is a list, not an object'],
  ])('refuses %j as unexpected data', (data, message) => {
    expect(() => rowsOf(data)).toThrow(UnexpectedDataError);
    expect(() => rowsOf(data)).toThrow(message);
  });
});
