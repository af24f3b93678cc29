import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import {
  cellText,
  csv,
  FORMATS,
  FORMATTERS,
  isFormat,
  isFormula,
  json,
  ndjson,
  type Row,
  TABLE_CELL_MAX,
  table,
} from './formats';
import { anyText, UNSAFE_PRINTED } from './test-support';

const text = (chunks: Iterable<string>) => [...chunks].join('');

const rows: Row[] = [
  { name: 'Ada', notes: 'likes, commas', meta: { plan: 'pro' }, calls: 3, vip: true, gone: null },
  { name: 'Alan "the" Turing', notes: 'two\r\nlines', meta: [], calls: 0, vip: false },
];
const columns = ['name', 'notes', 'meta', 'calls', 'vip', 'gone'];

/** Any JSON-like value the API could send in a field. */
const fieldValue = fc.oneof(
  anyText,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.array(fc.string(), { maxLength: 3 }),
);
const anyRows = fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c,d', 'e"f'), fieldValue), {
  maxLength: 8,
});

/** What a hostile server can put in a field: a terminal escape, then a bidi override. */
const HOSTILE = 'Ada\u001b]0;owned\u0007\u001b[2J\u202eevil\u2066';

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

describe('FORMATTERS', () => {
  it('has a formatter for each format name, and only those names are formats', () => {
    expect(FORMATTERS).toEqual({ table, json, ndjson, csv });
    expect(FORMATS.filter(isFormat)).toEqual(['table', 'json', 'ndjson', 'csv']);
    expect(['xml', 'CSV', ''].filter(isFormat)).toEqual([]);
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

describe('json and ndjson', () => {
  it.each([
    ['json', json],
    ['ndjson', ndjson],
  ])(
    '%s escapes control and bidi characters, and keys, without changing the value',
    (_name, format) => {
      const row = { [HOSTILE]: HOSTILE, notes: 'C1 \u009b31m, DEL \u007f, LS \u2028' };
      const out = text(format([row], [HOSTILE, 'notes']));
      expect(out).not.toMatch(UNSAFE_PRINTED);
      expect(out).not.toContain('\u2028');
      expect(out).toContain('\\u202e');
      const parsed = format === json ? JSON.parse(out) : JSON.parse(out.trim());
      expect(format === json ? parsed[0] : parsed).toEqual(row);
    },
  );
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

  describe('round-trips any printable values through csv-parse', () => {
    const picked = ['e"f', 'a', 'c,d'];
    const printable = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const printableRows = fc.array(fc.dictionary(fc.constantFrom('a', 'c,d', 'e"f'), printable), {
      maxLength: 8,
    });
    it.each([
      ['as they are with rawFormulas', true],
      ['formulas behind a quote by default', false],
    ])('%s', (_name, rawFormulas) => {
      const shown = (value: unknown) =>
        !rawFormulas && typeof value === 'string' && isFormula(value)
          ? `'${value}`
          : cellText(value);
      fc.assert(
        fc.property(printableRows, (input) => {
          expect(parse(text(csv(input, picked, { rawFormulas })))).toEqual([
            picked,
            ...input.map((r) => picked.map((c) => shown(r[c]))),
          ]);
        }),
      );
    });
  });

  it('neutralises cells a spreadsheet would run as a formula with a leading quote', () => {
    const notes = [
      '=HYPERLINK("http://evil","x")',
      '@SUM(A1:A9)',
      '+cmd|/C calc!A0',
      '-2+3',
      '\t=1',
      '\r=1',
    ];
    const out = text(
      csv(
        notes.map((note) => ({ note })),
        ['note'],
      ),
    );
    expect(parse(out, { relax_quotes: true }).slice(1)).toEqual(notes.map((note) => [`'${note}`]));
  });

  it('writes formulas as they are with rawFormulas', () => {
    expect(text(csv([{ a: '=1+1', b: '@x' }], ['a', 'b'], { rawFormulas: true }))).toBe(
      'a,b\r\n=1+1,@x\r\n',
    );
  });

  it('leaves phone numbers, signed numbers and JSON numbers as they are', () => {
    const row = { phone: '+14155550123', code: '+1', delta: '-5', price: '-1.5', big: -1e21 };
    expect(text(csv([row], Object.keys(row)))).toBe(
      'phone,code,delta,price,big\r\n+14155550123,+1,-5,-1.5,-1e+21\r\n',
    );
  });

  it('neutralises formulas in the header too: field names come from the server', () => {
    expect(text(csv([{ '=x': 1 }], ['=x']))).toBe("'=x\r\n1\r\n");
  });

  it('replaces control and bidi characters, keeping the tabs and line breaks of a quoted field', () => {
    expect(text(csv([{ a: HOSTILE, b: 'two\r\nlines\tand a tab' }], ['a', 'b']))).toBe(
      'a,b\r\nAda\ufffd]0;owned\ufffd\ufffd[2J\ufffdevil\ufffd,"two\r\nlines\tand a tab"\r\n',
    );
  });
});

describe('isFormula', () => {
  it.each([
    ['=1+1', true],
    ['+1+1', true],
    ['-1+1', true],
    ['@A1', true],
    ['\tx', true],
    ['\rx', true],
    ['+', true],
    ['-', true],
    ['+14155550123', false],
    ['-5', false],
    ['+2.5', false],
    ['-12.75', false],
    ['+2.', true],
    ['Ada', false],
    ['a=1', false],
    ['', false],
  ])('%j: %p', (cell, expected) => {
    expect(isFormula(cell)).toBe(expected);
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
    expect(lines[2]).toBe(`${'x'.repeat(TABLE_CELL_MAX - 1)}…  one two\ufffd[31m`);
  });

  it('replaces bidi controls and escapes in cells and in the header', () => {
    const lines = text(table([{ [HOSTILE]: HOSTILE }], [HOSTILE])).split('\n');
    const shown = 'Ada\ufffd]0;owned\ufffd\ufffd[2J\ufffdevil\ufffd';
    expect(lines).toEqual([shown, '-'.repeat([...shown].length), shown, '']);
  });

  it('shows a cell of exactly the longest length whole', () => {
    const longest = 'y'.repeat(TABLE_CELL_MAX);
    expect(text(table([{ a: longest }], ['a'])).split('\n')[2]).toBe(longest);
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
