import { constants } from 'node:buffer';
import { Callab, CallabConnectionError, CallabResponseTooLargeError } from '../index';

/**
 * The error Node's fetch throws from text() and json() on a body past V8's longest string,
 * made for real: Buffer.alloc's pages stay untouched (calloc), and the length check comes first,
 * so this costs no 512 MB.
 */
function realStringTooLong(): Error {
  try {
    Buffer.alloc(constants.MAX_STRING_LENGTH + 1).toString('latin1');
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected Node to refuse a string this long');
}

/** A fetch whose answer is a 200 JSON response whose body read fails with `error`. */
function fetchFailingRead(error: Error) {
  const calls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    calls.push(String(input));
    const response = new Response('{}', { headers: { 'content-type': 'application/json' } });
    response.text = () => Promise.reject(error);
    return response;
  };
  return { fetch, calls };
}

const client = (fetch: typeof globalThis.fetch) =>
  new Callab({
    apiKey: 'sk-test',
    baseUrl: 'http://127.0.0.1:9',
    fetch,
    logLevel: 'off',
    sleep: async () => undefined,
  });

describe('contacts.query on a body too large for one string', () => {
  it("recognises Node's real error", () => {
    const error = realStringTooLong();
    expect(error.message).toBe('Cannot create a string longer than 0x1fffffe8 characters');
    expect((error as { code?: string }).code).toBe('ERR_STRING_TOO_LONG');
  });

  it('throws CallabResponseTooLargeError naming contacts.queryStream, once, without retrying', async () => {
    const { fetch, calls } = fetchFailingRead(realStringTooLong());
    const callab = client(fetch);
    const error = await callab.contacts.query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallabResponseTooLargeError);
    expect(error).not.toBeInstanceOf(CallabConnectionError);
    expect((error as Error).message).toMatch(
      /^POST \/contact\/query: the response body is too large/,
    );
    expect((error as Error).message).toContain('callab.contacts.queryStream(filters)');
    expect(calls).toHaveLength(1);
  });

  it('a V8 "Invalid string length" (another runtime\'s way) is recognised too', async () => {
    const { fetch } = fetchFailingRead(new RangeError('Invalid string length'));
    const callab = client(fetch);
    await expect(callab.contacts.query()).rejects.toBeInstanceOf(CallabResponseTooLargeError);
  });

  it('any other read failure stays a retried connection error', async () => {
    const { fetch, calls } = fetchFailingRead(new TypeError('terminated'));
    const callab = client(fetch);
    await expect(callab.contacts.query()).rejects.toBeInstanceOf(CallabConnectionError);
    expect(calls).toHaveLength(3);
  });
});
