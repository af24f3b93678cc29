import type { ServerResponse } from 'node:http';
import { syntheticContact } from '../fake/synthetic';
import {
  Callab,
  CallabAbortError,
  CallabApiError,
  CallabAuthenticationError,
  CallabConnectionError,
  type CallabOptions,
  CallabResponseValidationError,
  CallabServerError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
  type Contact,
} from '../index';
import {
  type Handler,
  reply,
  type ScriptedServer,
  startScriptedServer,
} from '../test-support/scripted-server';

const API_KEY = 'sk-test-stream-0123456789';
const CONTACTS = Array.from({ length: 5 }, (_, i) => syntheticContact(i));
const JSON_HEADERS = { 'content-type': 'application/json' };
const HEAD = '{"status":"ok","message":"Contacts retrieved successfully","data":[';

let server: ScriptedServer;

async function serve(handler: Handler, options: CallabOptions = {}): Promise<Callab> {
  server = await startScriptedServer(handler);
  return new Callab({
    apiKey: API_KEY,
    baseUrl: server.url,
    logLevel: 'off',
    sleep: async () => undefined,
    ...options,
  });
}

afterEach(async () => {
  await server?.close();
});

/** What the loop saw: the contacts, then the error that ended it (if any). */
async function collect(
  stream: AsyncIterable<Contact>,
): Promise<{ items: Contact[]; error: unknown }> {
  const items: Contact[] = [];
  try {
    for await (const contact of stream) items.push(contact);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

/** Writes `chunks` one per `gapMs`, then ends the response (or leaves it open, or destroys it). */
function trickle(
  res: ServerResponse,
  chunks: string[],
  { gapMs = 5, end = 'end' }: { gapMs?: number; end?: 'end' | 'open' | 'destroy' } = {},
): void {
  res.writeHead(200, JSON_HEADERS);
  let next = 0;
  const step = () => {
    if (res.destroyed) return;
    const chunk = chunks[next++];
    if (chunk !== undefined) {
      res.write(chunk);
      setTimeout(step, gapMs);
    } else if (end === 'end') res.end();
    else if (end === 'destroy') res.destroy();
  };
  step();
}

/** A response that never ends: one contact after another until the client goes away. */
function endless(res: ServerResponse, closed: (sent: number) => void): void {
  res.writeHead(200, JSON_HEADERS);
  res.write(HEAD);
  let sent = 0;
  const timer = setInterval(() => {
    res.write(`${sent > 0 ? ',' : ''}${JSON.stringify(syntheticContact(sent))}`);
    sent++;
  }, 2);
  res.on('close', () => {
    clearInterval(timer);
    closed(sent);
  });
}

const items = (contacts: readonly Contact[]) => contacts.map((c) => JSON.stringify(c));

describe('contacts.queryStream', () => {
  it('sends the request contacts.query sends and yields every contact', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 200, { status: 'ok', message: 'ok', data: CONTACTS }),
    );
    const filters = { tags: ['vip'], categories: ['customer'] };
    await callab.contacts.query(filters);
    expect(await collect(callab.contacts.queryStream(filters))).toEqual({
      items: CONTACTS,
      error: undefined,
    });
    await collect(callab.contacts.queryStream());
    await callab.contacts.query();
    const [query, stream, streamAll, queryAll] = server.requests;
    expect(stream).toEqual({ ...query, headers: expect.anything() });
    expect(streamAll?.body).toBe(queryAll?.body);
    expect(streamAll?.body).toBe('{}');
    expect(stream?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(stream?.headers['content-type']).toBe(query?.headers['content-type']);
  });

  it('sends nothing until the loop starts', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 200, { status: 'ok', message: '', data: [] }),
    );
    const stream = callab.contacts.queryStream();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(0);
    await collect(stream);
    expect(server.requests).toHaveLength(1);
  });

  it('yields each contact as its bytes arrive, before the body has ended', async () => {
    let release: () => void = () => undefined;
    const callab = await serve((_req, res) => {
      res.writeHead(200, JSON_HEADERS);
      res.write(`${HEAD}${JSON.stringify(CONTACTS[0])},`);
      release = () => res.end(`${JSON.stringify(CONTACTS[1])}]}`);
    });
    const iterator = callab.contacts.queryStream()[Symbol.asyncIterator]();
    // The body is still open here: the first contact must not wait for the rest.
    expect(await iterator.next()).toEqual({ done: false, value: CONTACTS[0] });
    release();
    expect(await iterator.next()).toEqual({ done: false, value: CONTACTS[1] });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('handles status after data, and an error status after data throws after the items', async () => {
    const data = `{"data":[${items(CONTACTS.slice(0, 2)).join(',')}]`;
    const callab = await serve((_req, res, attempt) =>
      trickle(res, [data, `,"message":"m","status":"${attempt === 1 ? 'ok' : 'error'}"}`]),
    );
    expect(await collect(callab.contacts.queryStream())).toEqual({
      items: CONTACTS.slice(0, 2),
      error: undefined,
    });
    const failed = await collect(callab.contacts.queryStream());
    expect(failed.items).toEqual(CONTACTS.slice(0, 2));
    expect(failed.error).toBeInstanceOf(CallabApiError);
    expect((failed.error as CallabApiError).serverMessage).toBe('m');
  });
});

describe('contacts.queryStream: failures of the whole response, before the first item', () => {
  it('an error envelope in HTTP 200 is a CallabApiError, not retried', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 200, { status: 'error', message: 'Invalid filter', data: '' }),
    );
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual([]);
    expect(error).toBeInstanceOf(CallabApiError);
    expect((error as CallabApiError).serverMessage).toBe('Invalid filter');
    expect(server.requests).toHaveLength(1);
  });

  it('HTTP 401 is a CallabAuthenticationError', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 401, { status: 'error', message: 'Unauthorized', data: '' }),
    );
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual([]);
    expect(error).toBeInstanceOf(CallabAuthenticationError);
  });

  it('HTTP 503 is retried before the first item, then succeeds', async () => {
    const callab = await serve((_req, res, attempt) =>
      attempt < 3
        ? reply(res, 503, { status: 'error', message: 'busy', data: '' })
        : reply(res, 200, { status: 'ok', message: '', data: CONTACTS }),
    );
    expect(await collect(callab.contacts.queryStream())).toEqual({
      items: CONTACTS,
      error: undefined,
    });
    expect(server.requests).toHaveLength(3);
  });

  it('HTTP 500 after the retries is the CallabServerError query throws', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 500, { status: 'error', message: 'down', data: '' }),
    );
    const streamed = await collect(callab.contacts.queryStream(undefined, { maxRetries: 1 }));
    const queried = await callab.contacts.query(undefined, { maxRetries: 1 }).catch((e) => e);
    expect(streamed.items).toEqual([]);
    expect(streamed.error).toBeInstanceOf(CallabServerError);
    expect((streamed.error as Error).message).toBe((queried as Error).message);
    expect(server.requests).toHaveLength(4);
  });

  it('a body that is not JSON is the CallabUnexpectedResponseError query throws', async () => {
    const callab = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy login</html>');
    });
    const streamed = await collect(callab.contacts.queryStream());
    const queried = await callab.contacts.query().catch((e) => e);
    expect(streamed.items).toEqual([]);
    expect(streamed.error).toBeInstanceOf(CallabUnexpectedResponseError);
    expect((streamed.error as Error).message).toBe((queried as Error).message);
  });

  it('JSON that is not the envelope is a CallabUnexpectedResponseError', async () => {
    const callab = await serve((_req, res) => trickle(res, ['{"items":[1,2,3]}']));
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual([]);
    expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
  });
});

describe('contacts.queryStream: a body cut off part-way throws after the items received', () => {
  it('a body that ends inside the list is a CallabUnexpectedResponseError, not retried', async () => {
    const callab = await serve((_req, res) =>
      trickle(res, [`${HEAD}${items(CONTACTS.slice(0, 2)).join(',')},{"id":"x`]),
    );
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual(CONTACTS.slice(0, 2));
    expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it('a body that ends after a whole item but before the list closes is one too', async () => {
    const callab = await serve((_req, res) =>
      trickle(res, [`${HEAD}${items(CONTACTS.slice(0, 3)).join(',')}`]),
    );
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual(CONTACTS.slice(0, 3));
    expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
  });

  it('a connection that dies part-way is a CallabConnectionError, not retried', async () => {
    const callab = await serve((_req, res) =>
      trickle(res, [HEAD, `${items(CONTACTS.slice(0, 2)).join(',')},`], { end: 'destroy' }),
    );
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual(CONTACTS.slice(0, 2));
    expect(error).toBeInstanceOf(CallabConnectionError);
    expect((error as Error).message).toMatch(/after 2 items/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('contacts.queryStream: timeoutMs limits silence, not the whole transfer', () => {
  it('a transfer longer than timeoutMs whose chunks keep coming succeeds', async () => {
    const body = [HEAD, ...items(CONTACTS).map((c, i) => (i === 0 ? c : `,${c}`)), ']}'].join('');
    // 25 pieces 20 ms apart: 500 ms in all, twice the 250 ms limit, and each silence a twelfth
    // of it, so a busy machine's late timers cannot make one look like a stall.
    const size = Math.ceil(body.length / 25);
    const chunks = Array.from({ length: 25 }, (_, i) => body.slice(i * size, (i + 1) * size));
    const callab = await serve((_req, res) => trickle(res, chunks, { gapMs: 20 }), {
      timeoutMs: 250,
    });
    expect(await collect(callab.contacts.queryStream())).toEqual({
      items: CONTACTS,
      error: undefined,
    });
    // The buffered call, whose limit covers the body, cannot read the same answer.
    await expect(callab.contacts.query(undefined, { maxRetries: 0 })).rejects.toBeInstanceOf(
      CallabTimeoutError,
    );
  });

  it('a silence longer than timeoutMs after some items is a CallabTimeoutError, not retried', async () => {
    const callab = await serve(
      (_req, res) => trickle(res, [`${HEAD}${JSON.stringify(CONTACTS[0])},`], { end: 'open' }),
      { timeoutMs: 50 },
    );
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual(CONTACTS.slice(0, 1));
    expect(error).toBeInstanceOf(CallabTimeoutError);
    expect((error as Error).message).toMatch(/no data from the server for 50 ms .* after 1 items/);
    expect(server.requests).toHaveLength(1);
  });

  it('a server that never sends headers times out per attempt and is retried', async () => {
    const callab = await serve(() => undefined, { timeoutMs: 50, maxRetries: 1 });
    const { error } = await collect(callab.contacts.queryStream());
    expect(error).toBeInstanceOf(CallabTimeoutError);
    expect((error as Error).message).toBe('POST /contact/query timed out after 50 ms');
    expect(server.requests).toHaveLength(2);
  });
});

describe('contacts.queryStream: leaving early closes the connection at once', () => {
  for (const [how, leave] of [
    [
      'break',
      async (stream: AsyncIterable<Contact>) => {
        for await (const _ of stream) break;
      },
    ],
    [
      'a throw in the loop',
      async (stream: AsyncIterable<Contact>) => {
        await expect(
          (async () => {
            for await (const _ of stream) throw new Error('consumer failed');
          })(),
        ).rejects.toThrow('consumer failed');
      },
    ],
    [
      'return from the iterator',
      async (stream: AsyncIterable<Contact>) => {
        const iterator = stream[Symbol.asyncIterator]();
        await iterator.next();
        await iterator.return?.();
      },
    ],
  ] as const) {
    it(`on ${how}, the server sees the connection close`, async () => {
      let closed: (sent: number) => void = () => undefined;
      const serverSawClose = new Promise<number>((resolve) => {
        closed = resolve;
      });
      const callab = await serve((_req, res) => endless(res, closed));
      await leave(callab.contacts.queryStream());
      // Resolves only when the server's response closes: without the cancel it would run forever.
      expect(await serverSawClose).toBeGreaterThan(0);
    });
  }

  it("the caller's abort mid-stream is a CallabAbortError and closes the connection", async () => {
    let closed: (sent: number) => void = () => undefined;
    const serverSawClose = new Promise<number>((resolve) => {
      closed = resolve;
    });
    const callab = await serve((_req, res) => endless(res, closed));
    const controller = new AbortController();
    const seen: Contact[] = [];
    const { error } = await collect(
      (async function* () {
        for await (const contact of callab.contacts.queryStream(undefined, {
          signal: controller.signal,
        })) {
          seen.push(contact);
          if (seen.length === 3) controller.abort(new Error('user cancelled'));
          yield contact;
        }
      })(),
    );
    expect(error).toBeInstanceOf(CallabAbortError);
    expect((error as Error).cause).toEqual(new Error('user cancelled'));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(await serverSawClose).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);
  });

  it('a signal aborted before the loop sends nothing', async () => {
    const callab = await serve((_req, res) =>
      reply(res, 200, { status: 'ok', message: '', data: [] }),
    );
    const { error } = await collect(
      callab.contacts.queryStream(undefined, { signal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(CallabAbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('contacts.queryStream: validate and progress', () => {
  it('validate: true checks each contact as it arrives, naming its index', async () => {
    const broken = { ...CONTACTS[1], phone_number: 42 };
    const callab = await serve(
      (_req, res) =>
        trickle(res, [`${HEAD}${JSON.stringify(CONTACTS[0])},${JSON.stringify(broken)}]}`]),
      { validate: true },
    );
    const { items: got, error } = await collect(callab.contacts.queryStream());
    expect(got).toEqual(CONTACTS.slice(0, 1));
    expect(error).toBeInstanceOf(CallabResponseValidationError);
    expect((error as CallabResponseValidationError).errors).toEqual([
      '/data/1/phone_number must be string',
    ]);
  });

  it('without validate, the same list streams through', async () => {
    const broken = { ...CONTACTS[1], phone_number: 42 };
    const callab = await serve((_req, res) =>
      trickle(res, [`${HEAD}${JSON.stringify(CONTACTS[0])},${JSON.stringify(broken)}]}`]),
    );
    expect((await collect(callab.contacts.queryStream())).items).toHaveLength(2);
  });

  it('onProgress reports the bytes and contacts read so far', async () => {
    const body = JSON.stringify({ status: 'ok', message: '', data: CONTACTS });
    const callab = await serve((_req, res) => trickle(res, [body.slice(0, 700), body.slice(700)]));
    const progress: { bytes: number; items: number }[] = [];
    await collect(
      callab.contacts.queryStream(undefined, { onProgress: (p) => progress.push({ ...p }) }),
    );
    expect(progress.at(-1)).toEqual({ bytes: Buffer.byteLength(body), items: CONTACTS.length });
    expect(progress[0]?.items).toBeLessThan(CONTACTS.length);
  });
});
