import type { Client } from 'openapi-fetch';
import { CallabError } from './errors';
import { lazyClient } from './lazy-client';

type Events = string[];

interface Middleware {
  name: string;
  onRequest(): void;
}
const named = new Map<string, Middleware>();
/** The same object for the same name, as `eject` needs. */
const mw = (name: string): Middleware => {
  if (!named.has(name)) named.set(name, { name, onRequest() {} });
  return named.get(name) as Middleware;
};

/** A stand-in for openapi-fetch's client that records what reaches it, in order. */
function recordingClient(events: Events) {
  const middleware: string[] = [];
  const request = (method: string) => async (path: string) => {
    events.push(`${method} ${path} [${middleware.join(',')}]`);
    return { data: `${method} ${path}` };
  };
  return {
    GET: request('GET'),
    PUT: request('PUT'),
    POST: request('POST'),
    DELETE: request('DELETE'),
    OPTIONS: request('OPTIONS'),
    HEAD: request('HEAD'),
    PATCH: request('PATCH'),
    TRACE: request('TRACE'),
    request: (method: string, path: string) => {
      if (typeof method !== 'string') throw new TypeError('method.toUpperCase is not a function');
      return request(method)(path);
    },
    use: (...ms: (Middleware | undefined)[]) =>
      void middleware.push(...ms.flatMap((m) => (m ? [m.name] : []))),
    eject: (...ms: Middleware[]) => {
      for (const m of ms) middleware.splice(middleware.indexOf(m.name), 1);
    },
  };
}

type Recording = ReturnType<typeof recordingClient>;
const asClient = (lazy: Recording) => lazy as unknown as Client<Record<string, never>> & Recording;

describe('lazyClient', () => {
  it('loads on the first request, once, and forwards every method with its arguments', async () => {
    const events: Events = [];
    const load = jest.fn(async () => recordingClient(events));
    const raw = asClient(lazyClient(load));
    expect(load).not.toHaveBeenCalled();
    const results = await Promise.all(
      (['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const).map((m) =>
        raw[m](`/${m.toLowerCase()}`),
      ),
    );
    expect(results.map((r) => r.data)).toEqual([
      'GET /get',
      'PUT /put',
      'POST /post',
      'DELETE /delete',
      'OPTIONS /options',
      'HEAD /head',
      'PATCH /patch',
      'TRACE /trace',
    ]);
    expect(await raw.request('GET', '/again')).toEqual({ data: 'GET /again' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('replays use and eject made before the load in order, between the requests made meanwhile', async () => {
    const events: Events = [];
    const raw = asClient(lazyClient(async () => recordingClient(events)));
    raw.use(mw('a'));
    const first = raw.GET('/1');
    raw.use(mw('b'));
    const second = raw.GET('/2');
    raw.eject(mw('a'));
    const third = raw.GET('/3');
    await Promise.all([first, second, third]);
    raw.use(mw('c'));
    await raw.GET('/4');
    raw.eject(mw('b'));
    await raw.GET('/5');
    expect(events).toEqual([
      'GET /1 [a]',
      'GET /2 [a,b]',
      'GET /3 [b]',
      'GET /4 [b,c]',
      'GET /5 [c]',
    ]);
  });

  it('accepts a middleware with only onResponse() or only onError(), as openapi-fetch does', () => {
    const raw = asClient(lazyClient(async () => recordingClient([])));
    for (const middleware of [{ onResponse() {} }, { onError() {} }]) {
      expect(() => raw.use(middleware as unknown as Middleware)).not.toThrow();
    }
  });

  it('never loads for use and eject alone', () => {
    const load = jest.fn(async () => recordingClient([]));
    const raw = asClient(lazyClient(load));
    raw.use(mw('a'));
    raw.eject(mw('a'));
    expect(load).not.toHaveBeenCalled();
  });

  it('fails the waiting requests when the load fails, and loads again on the next request', async () => {
    const events: Events = [];
    const failure = new Error('chunk not loaded');
    const load = jest
      .fn<Promise<Recording>, []>()
      .mockRejectedValueOnce(failure)
      .mockResolvedValue(recordingClient(events));
    const raw = asClient(lazyClient(load));
    raw.use(mw('a'));
    await expect(Promise.all([raw.GET('/1'), raw.POST('/2')])).rejects.toBe(failure);
    expect(await raw.GET('/3')).toEqual({ data: 'GET /3' });
    expect(events).toEqual(['GET /3 [a]']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("rejects the one request whose method throws, before the load as after it, and still runs the others'", async () => {
    const events: Events = [];
    const raw = asClient(lazyClient(async () => recordingClient(events)));
    const bad = raw.request(42 as unknown as string, '/x');
    const good = raw.GET('/y');
    await expect(bad).rejects.toThrow('method.toUpperCase is not a function');
    await expect(good).resolves.toEqual({ data: 'GET /y' });
    await expect(raw.request(42 as unknown as string, '/z')).rejects.toThrow(
      'method.toUpperCase is not a function',
    );
  });

  it.each([
    ['an object with none of them', { onSend() {} }],
    ['a function', () => undefined],
    ['a string', 'auth'],
  ])('refuses at once a middleware that is %s, queueing nothing', async (kind, middleware) => {
    const events: Events = [];
    const load = jest.fn(async () => recordingClient(events));
    const raw = asClient(lazyClient(load));
    const bad = middleware as unknown as Middleware;
    expect(() => raw.use(mw('a'), bad)).toThrow(
      `raw.use(): a middleware must be an object with onRequest(), onResponse() or onError(); got ${kind}.`,
    );
    expect(() => raw.use(mw('a'), bad)).toThrow(CallabError);
    raw.use(undefined, mw('x'));
    await raw.GET('/1');
    expect(events).toEqual(['GET /1 [x]']);
  });
});
