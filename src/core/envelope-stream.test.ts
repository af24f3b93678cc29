import type { ServerResponse } from 'node:http';
import { startScriptedServer } from '../test-support/scripted-server';
import { unwrapEnvelope } from './envelope';
import { type EnvelopeStreamOptions, readEnvelopeItems, validateEachItem } from './envelope-stream';
import {
  CallabApiError,
  CallabConnectionError,
  CallabError,
  CallabRateLimitError,
  CallabResponseValidationError,
  CallabServerError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
} from './errors';
import { createRedactor } from './redact';
import { STREAM_KIT } from './stream-kit';

const OPERATION = 'POST /contact/query';
const API_KEY = 'sk-live-0123456789';
const redact = createRedactor(API_KEY);
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-7' };

interface Source {
  stream: ReadableStream<Uint8Array>;
  /** The reason `cancel` reached the source with, once it has. */
  cancelled: Promise<unknown>;
  /** How many chunks the reader pulled. */
  pulled(): number;
}

/**
 * A body that hands out `chunks` one per pull; then closes, or stays silent (`'stall'`), or
 * fails (`Error`).
 */
function source(chunks: string[], end: 'close' | 'stall' | Error = 'close'): Source {
  const encoder = new TextEncoder();
  let pulls = 0;
  let onCancel: (reason: unknown) => void = () => undefined;
  const cancelled = new Promise<unknown>((resolve) => {
    onCancel = resolve;
  });
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[pulls++];
        if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
        else if (end === 'close') controller.close();
        else if (end instanceof Error) controller.error(end);
        else return new Promise(() => undefined);
      },
      cancel: (reason) => onCancel(reason),
    },
    { highWaterMark: 0 },
  );
  return { stream, cancelled, pulled: () => pulls };
}

/** A body whose chunks each arrive `delayMs` after the reader asks for them. */
function slowly(chunks: string[], delayMs: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const queue = [...chunks];
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const chunk = queue.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
    },
    { highWaterMark: 0 },
  );
}

type HeaderRecord = Record<string, string>;

function response(
  body: ReadableStream<Uint8Array> | null,
  status = 200,
  headers: HeaderRecord = JSON_HEADERS,
) {
  return { status, headers: new Headers(headers), body };
}

/** Everything the loop saw: the items, then the error that ended it (if any). */
async function collect(
  body: ReadableStream<Uint8Array> | null,
  options: EnvelopeStreamOptions = {},
  status = 200,
  headers: HeaderRecord = JSON_HEADERS,
): Promise<{ items: unknown[]; error: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of readEnvelopeItems(
      STREAM_KIT,
      OPERATION,
      response(body, status, headers),
      redact,
      options,
    )) {
      items.push(item);
    }
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

/** The error `query` throws for the same body, read whole. */
function bufferedError(text: string, status = 200, headers: HeaderRecord = JSON_HEADERS): unknown {
  try {
    unwrapEnvelope(
      OPERATION,
      { response: new Response(null, { status, headers: new Headers(headers) }), text },
      redact,
    );
  } catch (error) {
    return error;
  }
  throw new Error('unwrapEnvelope accepted the body');
}

/** What a caller can see of an error. */
const shape = (error: unknown) => {
  const { name, message, ...fields } = error as Error & Record<string, unknown>;
  return { class: (error as object).constructor, name, message, ...fields };
};

/** Cuts `text` into pieces of `size` characters. */
const pieces = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    text.slice(i * size, (i + 1) * size),
  );

const contacts = [
  { id: 'a', tag_name: 'vip' },
  { id: 'b', tag_name: 'trial' },
  { id: 'c', tag_name: 'vip' },
];

describe('readEnvelopeItems', () => {
  describe('a success envelope', () => {
    it.each([
      ['status first', { status: 'ok', message: 'm', data: contacts }],
      ['status after data', { data: contacts, message: 'm', status: 'ok' }],
    ])('yields every item, in order (%s)', async (_order, envelope) => {
      const text = JSON.stringify(envelope);
      for (const size of [1, 7, text.length]) {
        expect(await collect(source(pieces(text, size)).stream)).toEqual({
          items: contacts,
          error: undefined,
        });
      }
    });

    it('yields nothing for an empty list', async () => {
      const text = '{"status":"ok","message":"m","data":[]}';
      expect(await collect(source([text]).stream)).toEqual({ items: [], error: undefined });
    });

    it('yields each item as its bytes arrive, not at the end', async () => {
      const body = source(['{"status":"ok","data":[{"id":"a"},', '{"id":"b"}', ']}']);
      const iterator = readEnvelopeItems(STREAM_KIT, OPERATION, response(body.stream), redact);
      expect((await iterator.next()).value).toEqual({ id: 'a' });
      expect(body.pulled()).toBe(1);
      expect((await iterator.next()).value).toEqual({ id: 'b' });
      expect(body.pulled()).toBe(2);
      expect(await iterator.next()).toEqual({ done: true, value: undefined });
    });

    it('reports progress after each chunk: bytes and items so far', async () => {
      const progress: unknown[] = [];
      const chunks = ['{"status":"ok","data":[{"id":"a"},', '{"id":"b"}', ']}'];
      await collect(source(chunks).stream, { onProgress: (p) => progress.push(p) });
      expect(progress).toEqual([
        { bytes: 34, items: 1 },
        { bytes: 44, items: 2 },
        { bytes: 46, items: 2 },
      ]);
    });
  });

  describe('the error envelope inside HTTP 200: the same CallabApiError as query', () => {
    const envelope = { status: 'error', message: 'Invalid filter', data: '' };

    it('with status first: nothing is yielded and the rest of the envelope is read', async () => {
      const text = JSON.stringify(envelope);
      const { items, error } = await collect(source(pieces(text, 5)).stream);
      expect(items).toEqual([]);
      expect(error).toBeInstanceOf(CallabApiError);
      expect(shape(error)).toEqual(shape(bufferedError(text)));
      expect(error).toMatchObject({ serverMessage: 'Invalid filter', requestId: 'req-7' });
    });

    it('with status after a data list: the items already yielded stay, then it throws', async () => {
      const text = JSON.stringify({ data: contacts, message: 'Quota exceeded', status: 'error' });
      const { items, error } = await collect(source(pieces(text, 20)).stream);
      expect(items).toEqual(contacts.slice(0, items.length));
      expect(items.length).toBeGreaterThan(0);
      // The body holds the envelope's other members; the items were streamed, not kept.
      expect(shape(error)).toEqual(
        shape(bufferedError(JSON.stringify({ message: 'Quota exceeded', status: 'error' }))),
      );
    });

    it('with status first and items in data: none is yielded, the body keeps them', async () => {
      const text = JSON.stringify({ status: 'error', message: 'm', data: contacts });
      const { items, error } = await collect(source(pieces(text, 9)).stream);
      expect(items).toEqual([]);
      expect(shape(error)).toEqual(shape(bufferedError(text)));
    });

    it('a broken error envelope is an unexpected response, as when read whole', async () => {
      const text = '{"status":"error","message":"m","data":"" oops';
      const { error } = await collect(source([text]).stream);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect(bufferedError(text)).toBeInstanceOf(CallabUnexpectedResponseError);
    });
  });

  describe('responses that are not a stream of items fail as query does', () => {
    it.each([
      [500, { status: 'error', message: 'boom', data: '' }, CallabServerError],
      [429, { status: 'error', message: 'slow down', data: '' }, CallabRateLimitError],
      [404, 'Not Found', CallabApiError],
      // A success envelope under an HTTP failure is still the failure, its items never yielded.
      [500, { status: 'ok', message: 'm', data: contacts }, CallabServerError],
      [300, { status: 'ok', message: 'm', data: contacts }, CallabApiError],
    ])('HTTP %i', async (status, body, errorClass) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const headers = { ...JSON_HEADERS, 'retry-after': '3' };
      const { items, error } = await collect(source([text]).stream, {}, status, headers);
      expect(items).toEqual([]);
      expect(error).toBeInstanceOf(errorClass);
      expect(shape(error)).toEqual(shape(bufferedError(text, status, headers)));
    });

    it('a 200 that is not JSON (a proxy page)', async () => {
      const text = '<html>captive portal</html>';
      const headers = { 'content-type': 'text/html' };
      const { error } = await collect(source([text]).stream, {}, 200, headers);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect(shape(error)).toEqual(shape(bufferedError(text, 200, headers)));
    });
  });

  describe('reads at most 1 MiB of a body it will not stream', () => {
    const quarterMiB = 'x'.repeat(1 << 18);

    it('of an HTTP failure', async () => {
      const body = source(Array(8).fill(quarterMiB));
      const { error } = await collect(body.stream, {}, 500, { 'content-type': 'text/plain' });
      expect(error).toBeInstanceOf(CallabServerError);
      expect(body.pulled()).toBe(4);
    });

    it('of an error envelope whose message goes on', async () => {
      const body = source(['{"status":"error","message":"', ...Array(8).fill(quarterMiB)]);
      const { error } = await collect(body.stream);
      expect(error).toBeInstanceOf(CallabError);
      expect(body.pulled()).toBe(5);
    });
  });

  describe('a body that is not the envelope: CallabUnexpectedResponseError', () => {
    it.each([
      ['another JSON object', '{"contacts":[]}', 0, /is not a \{status/],
      ['an unknown status', '{"status":"pending","data":[{"id":"a"}]}', 0, /is not a \{status/],
      [
        'no status at all, after the items',
        '{"data":[{"id":"a"}],"message":"m"}',
        1,
        /is not a \{status/,
      ],
      [
        'a data that is not a list',
        '{"status":"ok","message":"m","data":{"id":"a"}}',
        0,
        /data is not a list/,
      ],
      ['no data', '{"status":"ok","message":"m"}', 0, /is not a \{status/],
      ['a JSON array', '[{"id":"a"}]', 0, /expected a JSON object/],
      ['an empty body', '', 0, /the body is empty/],
      [
        'trailing garbage, after the items',
        '{"status":"ok","data":[{"id":"a"}]}<html>',
        1,
        /after the end of the document/,
      ],
      [
        'an invalid item, after the items before it',
        '{"status":"ok","data":[{"id":"a"},{"id":}]}',
        1,
        /element 1 of "data" is not valid JSON/,
      ],
    ])('%s', async (_what, text, yielded, problem) => {
      const { items, error } = await collect(source(text ? [text] : []).stream);
      expect(items).toHaveLength(yielded);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect((error as Error).message).toMatch(problem);
      expect((error as Error).message).toMatch(/^POST \/contact\/query: /);
    });

    it('stops at the first chunk that breaks the JSON, reading no further', async () => {
      const body = source(['{"status":"ok","data":[{"id":"a"}]}<html>', '<body>', '</html>']);
      const { items, error } = await collect(body.stream);
      expect(items).toEqual([{ id: 'a' }]);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect(error).toMatchObject({ httpStatus: 200, contentType: JSON_HEADERS['content-type'] });
      expect(body.pulled()).toBe(1);
    });

    it('an error envelope that breaks the JSON part-way is unexpected, as when read whole', async () => {
      const chunks = ['{"status":"error","message":"m","data":"" oops', ' more', ' text'];
      const body = source(chunks);
      const { error } = await collect(body.stream);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect(bufferedError(chunks.join(''))).toBeInstanceOf(CallabUnexpectedResponseError);
      expect(body.pulled()).toBe(1);
    });

    it('an error envelope cut off is unexpected, as when read whole', async () => {
      const text = '{"status":"error","message":"m"';
      const { error } = await collect(source([text]).stream);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect((error as Error).message).toMatch(/the body ended before the JSON document did/);
      expect(bufferedError(text)).toBeInstanceOf(CallabUnexpectedResponseError);
    });

    it('a response without a body', async () => {
      const { error } = await collect(null);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect((error as Error).message).toMatch(/the body is empty/);
    });
  });

  describe('a body cut off part-way', () => {
    it.each([
      ['mid-item', '{"status":"ok","data":[{"id":"a"},{"id":"b"},{"id":', 2],
      ['mid-string', '{"status":"ok","data":[{"id":"a"},{"id":"b"},{"id":"c', 2],
      ['after the last item', '{"status":"ok","data":[{"id":"a"},{"id":"b"},{"id":"c"}', 3],
      ['before status, after the list', '{"data":[{"id":"a"},{"id":"b"},{"id":"c"}],', 3],
    ])('%s: throws after the items received, never a short list', async (_where, text, count) => {
      const { items, error } = await collect(source(pieces(text, 11)).stream);
      expect(items).toEqual(contacts.slice(0, count).map(({ id }) => ({ id })));
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect((error as Error).message).toMatch(/the body ended before the JSON document did/);
    });

    it('never quotes the API key a server echoed into it', async () => {
      const text = `{"status":"ok","echo":"${API_KEY}","data":[1,`;
      const { error } = await collect(source([text]).stream);
      expect(error).toBeInstanceOf(CallabUnexpectedResponseError);
      expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(API_KEY);
      expect((error as Error).message).toContain('[redacted]');
    });

    it('a failed read is a connection error, after the items before it', async () => {
      const failure = new TypeError('terminated');
      const body = source(['{"status":"ok","data":[{"id":"a"},'], failure);
      const { items, error } = await collect(body.stream);
      expect(items).toEqual([{ id: 'a' }]);
      expect(error).toBeInstanceOf(CallabConnectionError);
      expect(error).toMatchObject({ cause: failure });
      expect((error as Error).message).toMatch(
        /the connection failed while reading the response, after 1 items: terminated/,
      );
    });

    it('a failed read becomes the error readError makes of it', async () => {
      const failure = new Error('aborted');
      const mine = new CallabError('made by the transport');
      const readError = jest.fn(() => mine);
      const body = source(['{"status":"ok","data":['], failure);
      expect((await collect(body.stream, { readError })).error).toBe(mine);
      expect(readError).toHaveBeenCalledWith(failure);
    });
  });

  describe('idleTimeoutMs: silence between chunks', () => {
    it('throws CallabTimeoutError after the items received and cancels the body', async () => {
      const body = source(['{"status":"ok","data":[{"id":"a"},'], 'stall');
      const { items, error } = await collect(body.stream, { idleTimeoutMs: 20 });
      expect(items).toEqual([{ id: 'a' }]);
      expect(error).toBeInstanceOf(CallabTimeoutError);
      expect((error as Error).message).toMatch(
        /no data from the server for 20 ms .* after 1 items$/,
      );
      expect(await body.cancelled).toBe(undefined);
    });

    it('without idleTimeoutMs, waits for a slow chunk', async () => {
      const text = JSON.stringify({ status: 'ok', message: 'm', data: contacts });
      const { items, error } = await collect(slowly(pieces(text, 20), 30));
      expect(error).toBeUndefined();
      expect(items).toEqual(contacts);
    });

    it('leaves no timer behind once the body is read', async () => {
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const before = timers();
      const text = JSON.stringify({ status: 'ok', message: 'm', data: contacts });
      const { items } = await collect(source(pieces(text, 20)).stream, { idleTimeoutMs: 60_000 });
      expect(items).toEqual(contacts);
      expect(timers()).toBe(before);
    });

    it('does not count the time the consumer spends on an item', async () => {
      const body = source(['{"status":"ok","data":[{"id":"a"},', '{"id":"b"}]}']);
      const items: unknown[] = [];
      for await (const item of readEnvelopeItems(
        STREAM_KIT,
        OPERATION,
        response(body.stream),
        redact,
        {
          idleTimeoutMs: 100,
        },
      )) {
        items.push(item);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(items).toEqual([{ id: 'a' }, { id: 'b' }]);
    });
  });

  describe('onItem: the per-item hook (validation plugs in here)', () => {
    it('sees each item with its index before the consumer does', async () => {
      const seen: unknown[] = [];
      const text = JSON.stringify({ status: 'ok', data: contacts });
      const items: unknown[] = [];
      for await (const item of readEnvelopeItems(
        STREAM_KIT,
        OPERATION,
        response(source([text]).stream),
        redact,
        {
          onItem: (contact, index) => seen.push([index, contact]),
        },
      )) {
        items.push(item);
        expect(seen).toHaveLength(items.length);
      }
      expect(seen).toEqual(contacts.map((contact, index) => [index, contact]));
    });

    it('ends the stream with its error and cancels the body', async () => {
      const text = JSON.stringify({ status: 'ok', data: contacts });
      const body = source(pieces(text, 30));
      const invalid = new Error('/data/1/id must match format "uuid"');
      const { items, error } = await collect(body.stream, {
        onItem: (_item, index) => {
          if (index === 1) throw invalid;
        },
      });
      expect(items).toEqual([contacts[0]]);
      expect(error).toBe(invalid);
      await expect(body.cancelled).resolves.toBe(undefined);
    });
  });

  describe('validateEachItem: a per-schema validator as the onItem hook', () => {
    const violations = (item: unknown) => {
      if (typeof item !== 'object' || item === null) return ['/ must be object'];
      return typeof (item as { id?: unknown }).id === 'string' ? [] : ['/id must be string'];
    };

    it('passes valid items and reports the first invalid one under /data/<index>', async () => {
      const text = JSON.stringify({ status: 'ok', data: [{ id: 'a' }, { id: 2 }, 3] });
      const body = source([text]);
      const { items, error } = await collect(body.stream, {
        onItem: validateEachItem(STREAM_KIT, OPERATION, violations),
      });
      expect(items).toEqual([{ id: 'a' }]);
      expect(error).toBeInstanceOf(CallabResponseValidationError);
      expect(error).toMatchObject({ errors: ['/data/1/id must be string'] });
      await expect(body.cancelled).resolves.toBe(undefined);
    });

    it('places a violation of the item itself at the item', async () => {
      const text = JSON.stringify({ status: 'ok', data: [7] });
      const { error } = await collect(source([text]).stream, {
        onItem: validateEachItem(STREAM_KIT, OPERATION, violations),
      });
      expect(error).toMatchObject({ errors: ['/data/0 must be object'] });
    });
  });

  describe('leaving the loop early cancels the body', () => {
    const text = JSON.stringify({ status: 'ok', data: contacts });

    it.each([
      [
        'break',
        async (items: AsyncIterable<unknown>) => {
          for await (const _ of items) break;
        },
      ],
      [
        'return',
        async (items: AsyncIterable<unknown>) => {
          for await (const _ of items) return;
        },
      ],
      [
        'a throw',
        async (items: AsyncIterable<unknown>) => {
          try {
            for await (const _ of items) throw new Error('consumer gave up');
          } catch {
            // expected
          }
        },
      ],
    ])('%s', async (_how, leave) => {
      const body = source(pieces(text, 30));
      await leave(readEnvelopeItems(STREAM_KIT, OPERATION, response(body.stream), redact));
      await expect(body.cancelled).resolves.toBe(undefined);
      expect(body.pulled()).toBeLessThan(pieces(text, 30).length);
    });

    it('a body read to its end is not cancelled', async () => {
      const body = source(pieces(text, 30));
      const cancel = jest.fn();
      void body.cancelled.then(cancel);
      expect((await collect(body.stream)).items).toEqual(contacts);
      await new Promise((resolve) => setImmediate(resolve));
      expect(cancel).not.toHaveBeenCalled();
    });
  });

  describe('over HTTP (fetch against a loopback server)', () => {
    const drainOrClose = (res: ServerResponse) =>
      new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done).off('close', done);
          resolve();
        };
        res.on('drain', done).on('close', done);
      });

    /** Writes `count` items slowly enough that the client can leave while the server still writes. */
    async function writeItems(res: ServerResponse, count: number, cut = false) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"ok","message":"m","data":[');
      for (let i = 0; i < count && !res.destroyed; i++) {
        const more = res.write(`${i ? ',' : ''}{"id":${i},"pad":"${'x'.repeat(1000)}"}`);
        if (!more) await drainOrClose(res);
      }
      if (cut) res.destroy();
      else res.end(']}');
    }

    it('break closes the connection while the server is still writing', async () => {
      let closedEarly: Promise<boolean> = Promise.resolve(false);
      const server = await startScriptedServer((_request, res) => {
        closedEarly = new Promise((resolve) =>
          res.once('close', () => resolve(!res.writableFinished)),
        );
        void writeItems(res, 100_000);
      });
      try {
        const got = await fetch(`${server.url}/contact/query`, { method: 'POST', body: '{}' });
        let count = 0;
        for await (const _ of readEnvelopeItems(STREAM_KIT, OPERATION, got, redact))
          if (++count === 10) break;
        expect(await closedEarly).toBe(true);
      } finally {
        await server.close();
      }
    });

    it('a connection dropped mid-body throws after the items received', async () => {
      const server = await startScriptedServer((_request, res) => void writeItems(res, 50, true));
      try {
        const got = await fetch(`${server.url}/contact/query`, { method: 'POST', body: '{}' });
        const { items, error } = await collect(got.body, {}, got.status, {
          'content-type': 'application/json',
        });
        expect(error).toBeInstanceOf(CallabConnectionError);
        expect(items.length).toBeLessThanOrEqual(50);
        expect(items.map((item) => (item as { id: number }).id)).toEqual(items.map((_, i) => i));
      } finally {
        await server.close();
      }
    });
  });
});
