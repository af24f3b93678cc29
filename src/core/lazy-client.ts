/**
 * An openapi-fetch `Client` whose code loads on its first request. Its request methods wait for
 * the load; `use` and `eject` before it are replayed on the loaded client in the order they came,
 * between the requests made meanwhile, so each request sees the middleware it would have seen.
 * A failed load fails the requests waiting for it; the next request asks for the load again.
 */
import type { Client } from 'openapi-fetch';
import { CallabError } from './errors';

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
// Fails to compile when openapi-fetch's Client gains a member this facade does not forward.
type Unforwarded = Exclude<keyof AnyClient, (typeof REQUEST_METHODS)[number] | 'use' | 'eject'>;
const FORWARDS_EVERY_MEMBER: [Unforwarded] extends [never] ? true : never = true;
void FORWARDS_EVERY_MEMBER;

type Forward = (client: AnyClient) => void;

// biome-ignore lint/suspicious/noExplicitAny: a forwarder of openapi-fetch's generic methods, typed by the cast at the end.
type AnyMethod = (...args: any[]) => any;

/**
 * What openapi-fetch's `use` refuses, refused here at once: queued for a later replay, a bad
 * middleware would throw there and lose the operations queued after it.
 */
function checkMiddleware(middleware: unknown[]): void {
  for (const m of middleware) {
    if (
      m &&
      (typeof m !== 'object' || !('onRequest' in m || 'onResponse' in m || 'onError' in m))
    ) {
      throw new CallabError(
        `raw.use(): a middleware must be an object with onRequest(), onResponse() or onError(); got ${typeof m === 'object' ? 'an object with none of them' : `a ${typeof m}`}.`,
      );
    }
  }
}

export function lazyClient<C extends object>(load: () => Promise<C>): C {
  let loaded: AnyClient | undefined;
  let loading: Promise<void> | undefined;
  const waiting: Forward[] = [];

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
      checkMiddleware(middleware);
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
      // A synchronous throw of the loaded method (openapi-fetch's `request` with a method that is
      // not a string) rejects that call, before the load as after it, never the replay of others.
      const send = (client: AnyClient) =>
        new Promise((resolve) => resolve((client[method] as AnyMethod)(...args)));
      if (loaded) return send(loaded);
      return new Promise((resolve, reject) => {
        const forward: Forward = (client) => send(client).then(resolve, reject);
        waiting.push(forward);
        start().catch((error: unknown) => {
          waiting.splice(waiting.indexOf(forward), 1);
          reject(error);
        });
      });
    };
  }
  return facade as unknown as C;
}
