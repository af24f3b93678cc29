/**
 * What `contacts.queryStream` needs beyond the buffered path, loaded on its first use: the attempt
 * mode that hands the response over at headers time, and the reader of its body. It imports
 * nothing the main entry does at run time (./stream-kit says why).
 */
import { readEnvelopeItems, validateEachItem } from './envelope-stream';
import type { Redact } from './redact';
import type { StreamKit } from './stream-kit';
import type { AttemptMode, HttpRequest, HttpStream, StreamOptions, Transport } from './transport';
import type { SchemaName } from './validation';

export interface StreamCall {
  transport: Transport;
  request: HttpRequest;
  redact: Redact;
  kit: StreamKit;
  /** With `validate: true`: the component schema each item is checked against as it arrives. */
  itemSchema: SchemaName | undefined;
  options: StreamOptions | undefined;
}

/**
 * The operation's list items as they arrive (./envelope-stream), in memory that does not grow
 * with the list. Retries happen only before the response headers, so never after an item has
 * been yielded.
 */
export async function* streamItems<Item>(call: StreamCall): AsyncGenerator<Item, void, undefined> {
  const { request, kit, itemSchema, options } = call;
  const operation = `${request.method} ${request.path}`;
  const onItem =
    itemSchema === undefined
      ? undefined
      : validateEachItem(kit, operation, await itemCheck(itemSchema));
  const exchange = await call.transport.exchange(request, options ?? {}, STREAMED);
  try {
    yield* readEnvelopeItems<Item>(kit, operation, exchange.response, call.redact, {
      idleTimeoutMs: exchange.idleTimeoutMs,
      readError: exchange.readError,
      onItem,
      onProgress: options?.onProgress,
    });
  } finally {
    // A finished body: nothing left to close. An early exit: the connection closes now.
    exchange.close();
  }
}

/** The violations of one streamed item against `schema`, by the validators (loaded on first use). */
async function itemCheck(schema: SchemaName): Promise<(item: unknown) => string[]> {
  const { loadValidators } = await import('./validation');
  const check = (await loadValidators()).schema(schema);
  return (item) => check(item);
}

/** One attempt whose timeout ends at the headers; the caller's signal stays linked until close(). */
export const STREAMED: AttemptMode<HttpStream> = {
  async read(exchange) {
    let response: Response;
    try {
      response = await exchange.response;
    } catch (error) {
      exchange.release();
      throw exchange.failure(error);
    }
    exchange.stopTimer();
    exchange.logResponse(response, { streamed: true });
    return {
      response,
      idleTimeoutMs: exchange.attempt.timeoutMs,
      readError: () => exchange.callerAbort(),
      close: () => {
        exchange.abort();
        exchange.release();
      },
    };
  },
  status: (stream) => stream.response,
  discard: (stream) => stream.close(),
};
