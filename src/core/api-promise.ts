/**
 * What every resource method returns: a Promise of the envelope's `data` that can also give back
 * the HTTP response it came from, as openai-node's APIPromise does. It is the native promise of
 * the call with one method added, so that a plain `await` costs what it did (npm run bench).
 */
import type { Redact } from './redact';

/** The data with the exchange it came from. */
export interface WithResponse<T> {
  data: T;
  /** The HTTP response (status, headers, url). Its body has been read already. */
  response: Response;
  /** The server's `x-request-id`, to quote to Callab support; the API key is scrubbed from it. */
  requestId: string | undefined;
}

export interface CallabPromise<T> extends Promise<T> {
  /** The data, the HTTP response and the request id; failures throw the same errors as `await`. */
  withResponse(): Promise<WithResponse<T>>;
}

/** Where a call records its response before its data resolves. */
export interface Sent {
  response?: Response;
}

export function callabPromise<T>(data: Promise<T>, sent: Sent, redact: Redact): CallabPromise<T> {
  const promise = data as CallabPromise<T>;
  // Derived from the data promise, so a failure rejects both and is reported once.
  promise.withResponse = () =>
    promise.then((value) => {
      const response = sent.response as Response;
      const requestId = response.headers.get('x-request-id');
      return {
        data: value,
        response,
        requestId: requestId === null ? undefined : redact(requestId),
      };
    });
  return promise;
}
