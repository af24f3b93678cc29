import fc from 'fast-check';
import { escapeUnsafe, scrub } from './scrub';
import { anyText, UNSAFE_PRINTED } from './test-support';

const ATTACK = 'ok\u001b]0;owned\u0007\u001b[2J\u009b31m\u007f';
const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

/** Safe in one line: nothing of UNSAFE_PRINTED, and no line break. */
const oneLineSafe = (text: string) => !UNSAFE_PRINTED.test(text) && !/[\n\u2028\u2029]/.test(text);

describe('scrub', () => {
  it('replaces terminal escapes and other controls with U+FFFD, keeping the visible text', () => {
    expect(scrub(ATTACK)).toBe('ok\ufffd]0;owned\ufffd\ufffd[2J\ufffd31m\ufffd');
  });

  it('replaces every bidi embedding, override and isolate', () => {
    expect(BIDI.map((char) => scrub(`a${char}b`))).toEqual(BIDI.map(() => 'a\ufffdb'));
  });

  it('keeps the bidi marks, which belong in Hebrew and Arabic text', () => {
    const marks = 'שלום\u200e \u200f\u061c';
    expect(scrub(marks)).toBe(marks);
  });

  it('turns line breaks and tabs into spaces, or keeps the ones asked for', () => {
    const text = 'a\tb\nc\r\nd\u000be\u000cf\u0085g\u2028h\u2029i';
    expect(scrub(text)).toBe('a b c  d e f g h i');
    expect(scrub(text, '\n')).toBe('a b\nc \nd e f g h i');
    expect(scrub('a\tb\r\n\u0007', '\t\r\n')).toBe('a\tb\r\n\ufffd');
  });

  it('leaves safe text alone and never changes the length in code points', () => {
    expect(scrub('Ada Lovelace, +1 (415) 555-0123 — 𝒜')).toBe(
      'Ada Lovelace, +1 (415) 555-0123 — 𝒜',
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const out = scrub(text);
        expect([...out]).toHaveLength([...text].length);
        expect(oneLineSafe(out)).toBe(true);
      }),
    );
  });
});

describe('escapeUnsafe', () => {
  it('escapes what JSON.stringify leaves raw, so the JSON value stays the same', () => {
    const value = { name: `${ATTACK}${BIDI.join('')}\u2028\u2029`, list: ['\u202e'] };
    const json = escapeUnsafe(JSON.stringify(value, null, 2));
    expect(json).toContain('\\u202e');
    expect(json).toContain('\\u009b');
    expect(json).toContain('\\u007f');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('prints no unsafe character but its own layout, for any value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), anyText, (value, text) => {
        const json = escapeUnsafe(JSON.stringify({ value, text }, null, 2));
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
        expect(oneLineSafe(json.replace(/\n/g, ''))).toBe(true);
      }),
    );
  });
});
