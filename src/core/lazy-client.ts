/**
 * An openapi-fetch `Client` whose code loads on its first use. Its request methods wait for the
 * load; `use` and `eject` before it are replayed on the loaded client in the order they came,
 * between the requests made meanwhile, so each request sees the middleware it would have seen.
 * A failed load fails the requests waiting for it and is tried again by the next one.
 */
import type { Client } from 'openapi-fetch';

const REQUEST_METHODS = [
  'GET',
  'PUT',
  'POST',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PATCH',
  'TRACE',
  'request',
] as const;

type AnyClient = Client<Record<string, never>>;
type Forward = (client: AnyClient) => void;

// biome-ignore lint/suspicious/noExplicitAny: a forwarder of openapi-fetch's generic methods, typed by the cast at the end.
type AnyMethod = (...args: any[]) => any;

export function lazyClient<C extends object>(load: () => Promise<C>): C {
  let loaded: AnyClient | undefined;
  let loading: Promise<void> | undefined;
  let waiting: Forward[] = [];

  const start = (): Promise<void> =>
    (loading ??= load().then(
      (client) => {
        loaded = client as unknown as AnyClient;
        for (const forward of waiting.splice(0)) forward(loaded);
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));

  const facade: Record<string, AnyMethod> = {
    use: (...middleware) => {
      if (loaded) loaded.use(...middleware);
      else waiting.push((client) => client.use(...middleware));
    },
    eject: (...middleware) => {
      if (loaded) loaded.eject(...middleware);
      else waiting.push((client) => client.eject(...middleware));
    },
  };
  for (const method of REQUEST_METHODS) {
    facade[method] = (...args) => {
      const call = (client: AnyClient) => (client[method] as AnyMethod)(...args);
      if (loaded) return call(loaded);
      return new Promise((resolve, reject) => {
        // A synchronous throw of the loaded method (openapi-fetch's `request` with a method that is
        // not a string) rejects this call alone, not the replay of the others.
        const forward: Forward = (client) => new Promise(() => resolve(call(client))).catch(reject);
        waiting.push(forward);
        start().catch((error: unknown) => {
          waiting = waiting.filter((queued) => queued !== forward);
          reject(error);
        });
      });
    };
  }
  return facade as unknown as C;
}
