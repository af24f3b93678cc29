/**
 * What `contacts.queryStream` needs beyond the buffered path, loaded on its first use: the attempt
 * mode that hands the response over at headers time, and the reader of its body. It imports
 * nothing the main entry does at run time (./stream-kit says why).
 */
import type { AttemptMode, HttpStream } from './transport';

export { readEnvelopeItems, validateEachItem } from './envelope-stream';

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
