import fc from 'fast-check';
import { JsonStreamError, readArrayMember } from './json-stream';

const encode = (text: string) => new TextEncoder().encode(text);

/** The bytes cut at `cuts` (sorted byte offsets). */
function cutAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const bounds = [0, ...cuts, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

interface Outcome {
  elements: unknown[];
  members: Record<string, unknown>;
  arrayState: string;
  error?: string;
}

/** Feeds `chunks` to a reader of the `data` member and reports everything it saw. */
function read(chunks: Uint8Array[]): Outcome {
  const reader = readArrayMember('data');
  const elements: unknown[] = [];
  const outcome = (error?: unknown): Outcome => ({
    elements,
    members: Object.fromEntries(reader.members),
    arrayState: reader.arrayState,
    ...(error !== undefined && {
      error: error instanceof JsonStreamError ? error.message : `not a JsonStreamError: ${error}`,
    }),
  });
  try {
    for (const chunk of chunks) {
      elements.push(...reader.push(chunk));
      if (reader.failure) return outcome(reader.failure);
    }
    reader.end();
  } catch (error) {
    return outcome(error);
  }
  return outcome();
}

const readText = (text: string, cuts: number[] = []) => read(cutAt(encode(text), cuts));

/** What JSON.parse makes of a document: its `data` and its other members. */
function expected(text: string) {
  const { data, ...members } = JSON.parse(text);
  return { elements: data, members, arrayState: 'closed' };
}

/** Every way of cutting `text` in two, plus byte by byte. */
function everySplit(text: string): Uint8Array[][] {
  const bytes = encode(text);
  const splits = Array.from({ length: bytes.length + 1 }, (_, at) => cutAt(bytes, [at]));
  return [...splits, Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))];
}

const CASES: Record<string, string> = {
  'escaped quotes and backslashes': String.raw`{"status":"ok","data":[{"a":"say \"hi\"","b":"C:\\dir\\","c":"\\\"","d":"\\"},"\\\\"]}`,
  '\\u escapes, a surrogate pair and a quote': String.raw`{"data":["\u00e9\ud83d\ude00\u0022\u005c",{"k\u0022ey":"\u002F"}]}`,
  'multi-byte UTF-8 (2, 3 and 4 bytes)':
    '{"data":["é","€","😀",{"名前":"Zoë Müller 😀"}],"message":"ça va"}',
  'nesting inside elements':
    '{"data":[{"a":[[{"b":[]}],{"c":{"d":{}}}]},[[1,[2]],[]],"]}{[",{"}":"{"}]}',
  'scalars as elements': '{"data":[0,-1.5e+3,true,false,null,"",1e-7]}',
  'whitespace everywhere JSON allows':
    ' \r\n\t{ \n"status" : "ok" ,\t"data" :\r[ \n{ "a" : [ 1 , 2 ] } , 3 ,\t"x" \n] , "message" : "m" }\n ',
  'an empty array': '{"status":"ok","message":"m","data":[]}',
  'an empty array with whitespace': '{"data":[ \n ]}',
  'status and message after data': '{"data":[{"id":1},{"id":2}],"status":"ok","message":"m"}',
  'status before data, other members around':
    '{"status":"ok","extra":{"n":[1,{"x":"]"}]},"data":[1],"message":"m","z":null}',
  '`},{` inside strings and nested arrays, where one parse per chunk cannot be used':
    '{"data":[{"a":"},{"},{"b":[{"c":1},{"d":2}]},{"e":"x},{y"}]}',
};

describe('readArrayMember', () => {
  it.each(Object.entries(CASES))(
    '%s: the same as JSON.parse, however the bytes are cut',
    (_name, text) => {
      const want = expected(text);
      for (const chunks of everySplit(text)) expect(read(chunks)).toEqual(want);
    },
  );

  it('streams a member found under an escaped name, as JSON.parse reads the name', () => {
    expect(readText(String.raw`{"d\u0061ta":[1,2]}`)).toEqual(expected('{"data":[1,2]}'));
  });

  it('keeps a `data` that is not an array as a member, as in the error envelope', () => {
    expect(readText('{"status":"error","message":"bad key","data":""}')).toEqual({
      elements: [],
      members: { status: 'error', message: 'bad key', data: '' },
      arrayState: 'not yet seen',
    });
  });

  it('reports an object without the array', () => {
    expect(readText('{"status":"ok"}')).toEqual({
      elements: [],
      members: { status: 'ok' },
      arrayState: 'not yet seen',
    });
  });

  it('returns the elements of a chunk before the point where the chunk breaks the document', () => {
    const outcome = readText('{"data":[{"a":1},{"b":2},{"c":}]}');
    expect(outcome.elements).toEqual([{ a: 1 }, { b: 2 }]);
    expect(outcome.error).toMatch(/^element 2 of "data" is not valid JSON/);
  });

  it('reads an empty object as a document without the array', () => {
    expect(readText('{}')).toEqual({ elements: [], members: {}, arrayState: 'not yet seen' });
  });

  it('counts characters across chunks when it says where the document broke', () => {
    const text = '{"data":[1],"status":"ok"} x';
    for (const chunks of everySplit(text)) {
      expect(read(chunks).error).toMatch(
        /^expected nothing after the end of the document at character 27 /,
      );
    }
  });

  it('fails as a JsonStreamError, by name too', () => {
    const reader = readArrayMember('data');
    reader.push(encode('[]'));
    expect(reader.failure).toBeInstanceOf(JsonStreamError);
    expect(String(reader.failure)).toMatch(/^JsonStreamError: expected a JSON object/);
  });

  it('keeps its first failure when the body ends inside a multi-byte character', () => {
    const reader = readArrayMember('data');
    // 0xc3 starts a two-byte character that never comes: flushing gives U+FFFD.
    reader.push(new Uint8Array([...encode('{"data":[1]} x'), 0xc3]));
    const first = reader.failure;
    expect(first?.message).toMatch(/after the end of the document at character 13/);
    expect(() => reader.end()).toThrow(first);
  });

  it('fails at a U+FFFD that flushing the cut character leaves where a delimiter belongs', () => {
    const reader = readArrayMember('data');
    reader.push(new Uint8Array([...encode('{"data":[] '), 0xc3]));
    expect(reader.failure).toBeUndefined();
    expect(() => reader.end()).toThrow(/^expected , or \} at character 11 but found "\ufffd"$/);
  });

  it('keeps failing once the document is broken', () => {
    const reader = readArrayMember('data');
    reader.push(encode('{"data":[1]} x'));
    expect(reader.failure?.message).toMatch(/after the end of the document/);
    expect(() => reader.push(encode('1'))).toThrow(reader.failure);
    expect(() => reader.end()).toThrow(reader.failure);
  });

  describe('a body cut off', () => {
    const one = [{ a: 1 }];
    const two = [{ a: 1 }, { b: 2 }];
    it.each([
      ['mid-element', '{"status":"ok","data":[{"a":1},{"b":', /inside element 1 of "data",/, one],
      [
        'mid-string',
        '{"status":"ok","data":[{"a":1},{"b":"wor',
        /element 1 of "data", in a string/,
        one,
      ],
      ['after an escape', '{"data":[{"a":1},"x\\', /element 1 of "data", in a string/, one],
      [
        'after the last element',
        '{"data":[{"a":1},{"b":2}',
        /after an element, before the closing \]/,
        two,
      ],
      ['between elements', '{"data":[{"a":1},{"b":2},', /between elements/, two],
      ['after the array', '{"data":[{"a":1},{"b":2}]', /before the closing \}/, two],
      ['mid-member name', '{"data":[{"a":1},{"b":2}],"sta', /inside a member name/, two],
      ['mid-value', '{"data":[{"a":1},{"b":2}],"status":"o', /inside a member value/, two],
      ['after the opening brace', '{', /after the opening \{/, []],
    ])('%s throws after the elements before the cut', (_where, text, where, elements) => {
      for (const chunks of everySplit(text)) {
        const outcome = read(chunks);
        expect(outcome.error).toMatch(/^the body ended before the JSON document did: cut off /);
        expect(outcome.error).toMatch(where);
        expect(outcome.elements).toEqual(elements);
      }
    });

    it('in a multi-byte character: the U+FFFD text() would give is not a complete document', () => {
      const bytes = encode('{"data":["é"]}');
      expect(read([bytes.subarray(0, 11)]).error).toMatch(/in a string/);
    });
  });

  describe('a body that is not the expected object', () => {
    it.each([
      ['empty', '', /^the body is empty$/],
      ['only whitespace', ' \n', /^the body holds only whitespace$/],
      ['an array', '[1,2]', /^expected a JSON object at character 0 but found "\[1,2\]"/],
      ['a string', '"ok"', /^expected a JSON object/],
      ['null', 'null', /^expected a JSON object/],
      [
        'HTML',
        '<html><body>502 Bad Gateway</body></html>',
        /^expected a JSON object at character 0 but found "<html>/,
      ],
      [
        'trailing garbage',
        '{"data":[1]} x',
        /^expected nothing after the end of the document at character 13/,
      ],
      ['a second document', '{"data":[1]}{}', /^expected nothing after the end of the document/],
      ['a missing colon', '{"data" [1]}', /^expected : at character 8/],
      ['a missing comma between members', '{"a":1 "data":[]}', /^expected , or \}/],
      ['a missing comma between elements', '{"data":[1 2]}', /^expected , or \]/],
      ['a trailing comma in the array', '{"data":[1,]}', /^expected a value/],
      ['a comma for a value', '{"a":,"data":[]}', /^expected a value at character 5 but found ",/],
      ['a } for a value', '{"a":}', /^expected a value at character 5 but found "}"/],
      ['a colon for a value', '{"a"::1}', /^expected a value at character 5 but found ":1}"/],
      ['an invalid member name', '{"a\\x":1}', /^a member name is not valid JSON/],
      [
        'a long tail, quoted only in its first 20 characters',
        `{"data":[]}${'x'.repeat(40)}`,
        /^expected nothing after the end of the document at character 11 but found "x{20}"$/,
      ],
      ['a trailing comma in the object', '{"data":[1],}', /^expected a member name at/],
      ['a key that is not a string', '{data:[1]}', /^expected a member name or \}/],
      [
        'an invalid member value',
        '{"status":okay,"data":[]}',
        /^the value of "status" is not valid JSON/,
      ],
      ['a duplicate member', '{"data":[],"data":[1]}', /^the object has the member "data" twice/],
    ])('%s', (_what, text, message) => {
      expect(readText(text).error).toMatch(message);
    });
  });

  describe('properties', () => {
    const documents = fc
      .record({
        data: fc.array(fc.jsonValue(), { maxLength: 12 }),
        status: fc.constantFrom('ok', 'error'),
        message: fc.string(),
        order: fc.constantFrom(
          ['status', 'message', 'data'],
          ['data', 'status', 'message'],
          ['message', 'data', 'status'],
        ),
        indent: fc.constantFrom(undefined, 1, '\t'),
      })
      .map(({ order, indent, ...members }) =>
        JSON.stringify(
          Object.fromEntries(order.map((key) => [key, members[key as keyof typeof members]])),
          null,
          indent,
        ),
      );
    const withCuts = documents.chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.uniqueArray(fc.nat({ max: encode(text).length }), { maxLength: 8 }),
      ),
    );

    it('any envelope, cut anywhere, reads as JSON.parse reads it', () => {
      fc.assert(
        fc.property(withCuts, ([text, cuts]) => {
          expect(
            readText(
              text,
              cuts.sort((a, b) => a - b),
            ),
          ).toEqual(expected(text));
        }),
      );
    });

    it('a body cut short never reads as complete, and returns only elements that were there', () => {
      fc.assert(
        fc.property(withCuts, ([text, cuts]) => {
          const bytes = encode(text);
          const [end = 0, ...inner] = cuts;
          const outcome = read(
            cutAt(
              bytes.subarray(0, Math.min(end, bytes.length - 1)),
              inner.filter((c) => c < end).sort((a, b) => a - b),
            ),
          );
          expect(outcome.error).toBeDefined();
          expect(expected(text).elements.slice(0, outcome.elements.length)).toEqual(
            outcome.elements,
          );
        }),
      );
    });

    it('strings full of brackets, commas, quotes and backslashes do not fool the scanner', () => {
      const tricky = fc.string({
        unit: fc.constantFrom('{', '}', '[', ']', ',', '"', '\\', ':', 'é', '😀', ' '),
      });
      const element = fc.oneof(
        tricky,
        fc.dictionary(tricky, fc.oneof(tricky, fc.array(fc.dictionary(tricky, tricky)))),
      );
      fc.assert(
        fc.property(fc.array(element, { maxLength: 20 }), fc.nat(), (data, seed) => {
          const text = JSON.stringify({ status: 'ok', data });
          const bytes = encode(text);
          const cuts = [seed % (bytes.length + 1), (seed * 7) % (bytes.length + 1)].sort(
            (a, b) => a - b,
          );
          expect(read(cutAt(bytes, cuts))).toEqual(expected(text));
        }),
      );
    });
  });
});
