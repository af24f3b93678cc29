import { createRedactor, redactDeep, redactHeaders } from './redact';

// `/`, `+` and `"` are what JSON and URL encoders rewrite.
const KEY = 'sk/live+abc/123';

describe('createRedactor', () => {
  const redact = createRedactor(KEY);

  it.each([
    ['raw', KEY],
    ['JSON with \\/ (PHP)', 'sk\\/live+abc\\/123'],
    ['JSON with \\u002f', 'sk\\u002flive\\u002babc\\u002f123'],
    ['JSON with \\u002F', 'sk\\u002Flive\\u002Babc\\u002F123'],
    ['percent-encoded, upper case', encodeURIComponent(KEY)],
    ['percent-encoded, lower case (.NET)', 'sk%2flive%2babc%2f123'],
    ['percent-encoded letters too', '%73%6b%2F%6C%69%76%65%2B%61%62%63%2F%31%32%33'],
    ['mixed forms', 'sk\\/live%2babc\\u002F123'],
  ])('scrubs the key %s, wherever it stands', (_form, form) => {
    const redact = createRedactor(KEY);
    expect(redact(`a ${form} b`)).toBe('a [redacted] b');
    expect(redact(`key%3D${form}%26`)).toBe('key%3D[redacted]%26');
    expect(redact(`${form}${form}`)).toBe('[redacted][redacted]');
  });

  it('leaves text without the key alone, and a near miss too', () => {
    expect(redact('sk/live+abc/12 and sk/Live+abc/123')).toBe('sk/live+abc/12 and sk/Live+abc/123');
  });

  it('scrubs keys with JSON-escaped quotes and backslashes', () => {
    const quoted = createRedactor('sk"odd\\key');
    expect(quoted(JSON.stringify({ m: 'bad sk"odd\\key' }))).toBe('{"m":"bad [redacted]"}');
    expect(quoted('bad sk"odd\\key')).toBe('bad [redacted]');
  });

  it('keeps JSON text valid when the key follows an escaped backslash', () => {
    // Only `/`, `"` and `\\` have two-character JSON escapes: `\\s` is not a form of `s`.
    // Its own redactor (as above), so that a mutation run credits what createRedactor builds to
    // this test: one made while jest collects the tests is credited to none.
    const redact = createRedactor(KEY);
    const text = JSON.stringify({ path: `C:\\${KEY}` });
    expect(JSON.parse(redact(text))).toEqual({ path: 'C:\\[redacted]' });
  });

  it('scrubs a control character of the key in its two-digit percent and \\u00 forms', () => {
    // The contract tool sends the key it is given unchecked; a tab is legal in a header value.
    const tabbed = createRedactor('sk\tlive-0123456789');
    expect(tabbed('a sk%09live-0123456789 b')).toBe('a [redacted] b');
    expect(tabbed('a sk\\u0009live-0123456789 b')).toBe('a [redacted] b');
  });

  it('replaces a key shorter than 8 characters only where it stands alone', () => {
    const short = createRedactor('test');
    expect(short('testing the contest: test, "test" test.test x-test-y test')).toBe(
      'testing the contest: [redacted], "[redacted]" [redacted].[redacted] x-[redacted]-y [redacted]',
    );
    expect(short('test')).toBe('[redacted]');
    expect(short('Bearer test')).toBe('Bearer [redacted]');
    expect(short('tests attest test1 1test')).toBe('tests attest test1 1test');
    expect(short('t%65st')).toBe('[redacted]');
  });

  it('replaces a key of 8 characters or more inside words too', () => {
    const long = createRedactor('abcd1234');
    expect(long('xabcd1234y')).toBe('x[redacted]y');
    expect(createRedactor('abcd123')('xabcd123y')).toBe('xabcd123y');
  });

  it.each([...'\\^$.*+?()[]{}|/-"'])('matches %s in the key literally, not as a pattern', (c) => {
    const key = `sk-${c}-0123456789`;
    const redact = createRedactor(key);
    expect(redact(`x ${key} y`)).toBe('x [redacted] y');
    // What the character would match if it were read as a pattern: another character, or none.
    for (const nearMiss of ['sk-Q-0123456789', 'sk--0123456789']) {
      expect(redact(nearMiss)).toBe(nearMiss);
    }
  });
});

describe('redactDeep', () => {
  const redact = createRedactor(KEY);

  it('scrubs strings at any depth, in arrays and in keys, and keeps other values', () => {
    const body = {
      status: 'error',
      message: `bad key ${KEY}`,
      data: [`${KEY}`, { [KEY]: [1, null, true, [`x ${KEY}`]] }],
    };
    expect(redactDeep(body, redact)).toEqual({
      status: 'error',
      message: 'bad key [redacted]',
      data: ['[redacted]', { '[redacted]': [1, null, true, ['x [redacted]']] }],
    });
    expect(redactDeep(null, redact)).toBeNull();
    expect(redactDeep([KEY], redact)).toEqual(['[redacted]']);
  });
});

describe('redactHeaders', () => {
  const redact = createRedactor(KEY);

  it.each(['authorization', 'Authorization', 'proxy-authorization', 'cookie', 'set-cookie'])(
    'replaces %s whatever it holds',
    (name) => {
      expect(redactHeaders({ [name]: 'session=abc' }, redact)).toEqual({ [name]: '[redacted]' });
    },
  );

  it('scrubs the key from other headers, from a Headers object too', () => {
    const headers = new Headers({ 'x-echo': `Bearer ${KEY}`, 'set-cookie': 'a=1', 'x-ok': 'fine' });
    expect(redactHeaders(headers, redact)).toEqual({
      'x-echo': 'Bearer [redacted]',
      'set-cookie': '[redacted]',
      'x-ok': 'fine',
    });
  });
});
