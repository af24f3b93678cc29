/**
 * A list operation's response read as a stream: yields the envelope's `data` items as their bytes
 * arrive, in memory that does not grow with the list, and fails with the same errors as
 * ./envelope does for a buffered body. Web streams only, so it runs wherever the main entry runs.
 *
 * The envelope's key order is not guaranteed, so `status` may come before or after `data`:
 * - before: an error envelope yields nothing and throws its CallabApiError at once;
 * - after: the items have been yielded by the time `status` arrives. An error envelope then throws
 *   its CallabApiError after them (its `body` holds the other members, not the items). Like a body
 *   cut off part-way, it throws after the items rather than returning a short list: a consumer
 *   commits what it received only when the loop ends without an error.
 */
import type { CallabUnexpectedResponseError } from './errors';
import { type ArrayMemberReader, type JsonStreamError, readArrayMember } from './json-stream';
import type { Redact } from './redact';
import type { StreamKit } from './stream-kit';
import type { StreamProgress } from './transport';

/** What the reader needs of a response: a fetch `Response` will do. */
export interface StreamedResponse {
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
}

export interface EnvelopeStreamOptions {
  /** Sees each item before it is yielded (validation plugs in here); a throw ends the stream. */
  onItem?: ((item: unknown, index: number) => void) | undefined;
  /** The longest wait for the next chunk: a limit on silence, not on the whole transfer. */
  idleTimeoutMs?: number | undefined;
  /** Called after each chunk with what has been read so far, for a progress display. */
  onProgress?: ((progress: StreamProgress) => void) | undefined;
  /**
   * Turns a failed read (the connection dropped, the caller's signal aborted) into the error to
   * throw; without it, or when it returns undefined, the reader throws a CallabConnectionError.
   */
  readError?: ((error: unknown) => Error | undefined) | undefined;
}

/** How much of a body that is not streamed (an HTTP error, an error envelope) is read for the error. */
const MAX_BUFFERED_CHARACTERS = 1 << 20;
const HEAD_CHARACTERS = 256;

type Read = () => Promise<ReadableStreamReadResult<Uint8Array>>;

/**
 * Yields the items of `response`'s success envelope. Leaving the loop early (`break`, `return`, a
 * throw) cancels the body, which closes the connection. `kit` is ./stream-kit's STREAM_KIT.
 */
export async function* readEnvelopeItems<T = unknown>(
  kit: StreamKit,
  operation: string,
  response: StreamedResponse,
  redact: Redact,
  options: EnvelopeStreamOptions = {},
): AsyncGenerator<T, void, undefined> {
  const reader = response.body?.getReader();
  let items = 0;
  const read: Read = () => readChunk(kit, operation, reader, items, options);
  try {
    const contentType = response.headers.get('content-type');
    const isSuccess = response.status >= 200 && response.status < 300;
    if (!isSuccess || !contentType || !kit.JSON_CONTENT_TYPE.test(contentType)) {
      // Not a stream of items: fail exactly as the buffered path does.
      throw failureOf(kit, operation, response, redact, await readText(read));
    }
    const scanner = readArrayMember('data');
    const head = new Head();
    // Scanner messages quote the body, so they are redacted like it.
    const fail = (problem: string) =>
      unexpected(kit, operation, response, redact(head.text), redact(problem));
    let bytes = 0;
    for (;;) {
      const { done, value } = await read();
      if (done) break;
      bytes += value.byteLength;
      head.add(value);
      const found = scanner.push(value);
      if (scanner.members.has('status') && scanner.members.get('status') !== 'ok') {
        // An error envelope: nothing more is yielded; its message may still be on the way.
        const broken = await readRest(read, scanner, found);
        if (broken) throw fail(broken.message);
        throw failureOf(kit, operation, response, redact, envelopeText(scanner.members, found));
      }
      for (const item of found) {
        options.onItem?.(item, items);
        items++;
        yield item as T;
      }
      if (scanner.failure) throw fail(scanner.failure.message);
      options.onProgress?.({ bytes, items });
    }
    try {
      scanner.end();
    } catch (error) {
      throw fail((error as Error).message);
    }
    if (scanner.members.get('status') !== 'ok' || scanner.arrayState !== 'closed') {
      throw failureOf(kit, operation, response, redact, envelopeText(scanner.members, []));
    }
  } finally {
    // After an early exit this closes the connection; on a finished body it does nothing.
    await reader?.cancel().catch(() => undefined);
  }
}

/**
 * An `onItem` hook that validates each item as it arrives: `violations` returns the item's
 * `<json path> <message>` strings (a generated schema validator), here placed under
 * `/data/<index>` as a validation of the whole envelope would report them.
 */
export function validateEachItem(
  kit: StreamKit,
  operation: string,
  violations: (item: unknown) => string[],
): (item: unknown, index: number) => void {
  return (item, index) => {
    const found = violations(item);
    if (found.length === 0) return;
    throw new kit.CallabResponseValidationError(
      operation,
      // `/ must be object` is about the item itself.
      found.map((v) => `/data/${index}${v.startsWith('/ ') ? v.slice(1) : v}`),
    );
  };
}

async function readChunk(
  kit: StreamKit,
  operation: string,
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  items: number,
  { idleTimeoutMs, readError }: EnvelopeStreamOptions,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (!reader) return { done: true, value: undefined };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (idleTimeoutMs === undefined) return await reader.read();
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new kit.CallabTimeoutError(
              `${operation}: no data from the server for ${idleTimeoutMs} ms while reading the response, after ${items} items`,
            ),
          ),
        idleTimeoutMs,
      );
    });
    return await Promise.race([reader.read(), silence]);
  } catch (error) {
    if (error instanceof kit.CallabTimeoutError) throw error;
    throw (
      readError?.(error) ??
      new kit.CallabConnectionError(
        `${operation}: the connection failed while reading the response, after ${items} items: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      )
    );
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, up to MAX_BUFFERED_CHARACTERS. */
async function readText(read: Read): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < MAX_BUFFERED_CHARACTERS) {
    const { done, value } = await read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

/**
 * Reads the rest of an error envelope into `scanner` and `items`, up to MAX_BUFFERED_CHARACTERS.
 * Returns what is wrong with the JSON, if anything is, as a buffered read would have found it.
 */
async function readRest(
  read: Read,
  scanner: ArrayMemberReader,
  items: unknown[],
): Promise<JsonStreamError | undefined> {
  for (let bytes = 0; !scanner.failure && bytes < MAX_BUFFERED_CHARACTERS; ) {
    const { done, value } = await read();
    if (done) {
      try {
        scanner.end();
      } catch (error) {
        return error as JsonStreamError;
      }
      return undefined;
    }
    bytes += value.byteLength;
    items.push(...scanner.push(value));
  }
  return scanner.failure;
}

/** The envelope's members as JSON, with the items kept when `data` was streamed. */
function envelopeText(members: ReadonlyMap<string, unknown>, items: unknown[]): string {
  const envelope = Object.fromEntries(members);
  if (!members.has('data') && items.length > 0) envelope.data = items;
  return JSON.stringify(envelope);
}

/**
 * The error ./envelope throws for this body: a CallabApiError for an HTTP error or an error
 * envelope, a CallabUnexpectedResponseError for what is not the envelope. A success envelope
 * whose `data` is not an array is a failure here, where a list is expected.
 */
function failureOf(
  kit: StreamKit,
  operation: string,
  response: StreamedResponse,
  redact: Redact,
  text: string,
): Error {
  try {
    kit.unwrapEnvelope(operation, { response: statusOnly(response), text }, redact);
  } catch (error) {
    return error as Error;
  }
  return unexpected(kit, operation, response, redact(text), 'data is not a list');
}

/** The status and headers of a streamed response, as ./envelope reads them (its body is elsewhere). */
function statusOnly({ status, headers }: StreamedResponse): Response {
  return new Response(null, { status, headers });
}

function unexpected(
  kit: StreamKit,
  operation: string,
  response: StreamedResponse,
  text: string,
  problem: string,
): CallabUnexpectedResponseError {
  return new kit.CallabUnexpectedResponseError(operation, problem, {
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    text,
  });
}

/** The start of the body, decoded, for error messages. */
class Head {
  text = '';
  readonly #decoder = new TextDecoder();

  add(chunk: Uint8Array): void {
    if (this.text.length < HEAD_CHARACTERS) {
      this.text = (this.text + this.#decoder.decode(chunk, { stream: true })).slice(
        0,
        HEAD_CHARACTERS,
      );
    }
  }
}
