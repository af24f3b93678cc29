/** The fake API as a `fetch`: for `new Callab({ fetch })`, no server and no port. */
import { createFakeApi } from './api';
import { type FakeOptions, settingsFrom } from './options';

export type FakeFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * A `fetch` that answers every request in memory with the fake API, whatever the host, and
 * rejects like fetch with the signal's reason when the request is aborted before it is sent.
 */
export function createFakeFetch(options: FakeOptions = {}): FakeFetch {
  const api = createFakeApi(settingsFrom(options, 'createFakeFetch'));
  return async (input, init) => {
    // A Request passed on as is keeps its body as it is (a copy would tee the stream).
    const request =
      input instanceof Request && init === undefined ? input : new Request(input, init);
    request.signal.throwIfAborted();
    return api(request);
  };
}
