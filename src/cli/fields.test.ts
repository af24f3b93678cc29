import { allColumns, fieldsOf, parseFieldList } from './fields';

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
});
