import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { cellText, csv, json, ndjson, type Row, TABLE_CELL_MAX, table } from './formats';

const text = (chunks: Iterable<string>) => [...chunks].join('');

const rows: Row[] = [
  { name: 'Ada', notes: 'likes, commas', meta: { plan: 'pro' }, calls: 3, vip: true, gone: null },
  { name: 'Alan "the" Turing', notes: 'two\r\nlines', meta: [], calls: 0, vip: false },
];
const columns = ['name', 'notes', 'meta', 'calls', 'vip', 'gone'];

/** Any JSON-like value the API could send in a field. */
const fieldValue = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.array(fc.string(), { maxLength: 3 }),
);
const anyRows = fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c,d', 'e"f'), fieldValue), {
  maxLength: 8,
});

describe('cellText', () => {
  it('renders null and absent as empty, scalars as text and nested values as compact JSON', () => {
    expect([null, undefined, 'x', 0, false, { a: [1] }, [1, 'b']].map(cellText)).toEqual([
      '',
      '',
      'x',
      '0',
      'false',
      '{"a":[1]}',
      '[1,"b"]',
    ]);
  });
});

describe('json', () => {
  it('streams exactly what JSON.stringify(rows, null, 2) would print, restricted to the columns', () => {
    expect(text(json(rows, ['calls', 'name']))).toBe(
      `${JSON.stringify(
        rows.map((r) => ({ calls: r.calls, name: r.name })),
        null,
        2,
      )}\n`,
    );
    expect(text(json([], columns))).toBe('[]\n');
  });

  it('yields one chunk per row', () => {
    expect([...json(rows, columns)]).toHaveLength(rows.length + 1);
  });

  it('parses back to the picked rows for any input', () => {
    fc.assert(
      fc.property(anyRows, (input) => {
        const picked = input.map((r) => ({ a: r.a, 'c,d': r['c,d'] }));
        expect(JSON.parse(text(json(input, ['a', 'c,d'])))).toEqual(
          JSON.parse(JSON.stringify(picked)),
        );
      }),
    );
  });
});

describe('ndjson', () => {
  it('writes one compact JSON object per line, keys in column order', () => {
    const lines = text(ndjson(rows, ['vip', 'name'])).split('\n');
    expect(lines).toEqual([
      '{"vip":true,"name":"Ada"}',
      '{"vip":false,"name":"Alan \\"the\\" Turing"}',
      '',
    ]);
  });
});

describe('csv', () => {
  it('quotes as RFC 4180 says, ends lines with CRLF and writes nested values as JSON', () => {
    expect(text(csv(rows, columns))).toBe(
      'name,notes,meta,calls,vip,gone\r\n' +
        'Ada,"likes, commas","{""plan"":""pro""}",3,true,\r\n' +
        '"Alan ""the"" Turing","two\r\nlines",[],0,false,\r\n',
    );
  });

  it('writes only the header when there are no rows', () => {
    expect(text(csv([], ['a', 'b']))).toBe('a,b\r\n');
  });

  it('round-trips any values through csv-parse', () => {
    const picked = ['e"f', 'a', 'c,d'];
    fc.assert(
      fc.property(anyRows, (input) => {
        const records: string[][] = parse(text(csv(input, picked)), { relax_column_count: false });
        expect(records).toEqual([picked, ...input.map((r) => picked.map((c) => cellText(r[c])))]);
      }),
    );
  });
});

describe('table', () => {
  it('aligns columns under a dashed rule without trailing spaces', () => {
    expect(text(table(rows, ['name', 'calls', 'gone']))).toBe(
      [
        'name               calls  gone',
        '-----------------  -----  ----',
        'Ada                3',
        'Alan "the" Turing  0',
        '',
      ].join('\n'),
    );
  });

  it('cuts long cells with an ellipsis and replaces control characters', () => {
    const long = 'x'.repeat(TABLE_CELL_MAX + 10);
    const lines = text(table([{ a: long, b: 'one\ntwo\u001b[31m' }], ['a', 'b'])).split('\n');
    expect(lines[2]).toBe(`${'x'.repeat(TABLE_CELL_MAX - 1)}…  one two [31m`);
  });

  it('counts width in code points, so astral characters do not shift columns', () => {
    // Two code points but four UTF-16 units: counted by .length they would get no padding.
    const lines = text(
      table(
        [
          { a: '𝒜𝒷', b: 1 },
          { a: 'abc', b: 2 },
        ],
        ['a', 'b'],
      ),
    ).split('\n');
    expect(lines.slice(2, 4)).toEqual(['𝒜𝒷   1', 'abc  2']);
  });

  it('prints the header alone for no rows', () => {
    expect(text(table([], ['a', 'bb']))).toBe('a  bb\n-  --\n');
  });
});
