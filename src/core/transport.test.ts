import { CallabAbortError, CallabConnectionError } from './errors';
import { createLeveledLogger } from './logger';
import { createRedactor } from './redact';
import { Transport, type TransportConfig } from './transport';

const request = { method: 'GET', path: '/campaign/list', url: 'http://127.0.0.1:9/campaign/list' };

function transportFor(responses: Response[], overrides: Partial<TransportConfig> = {}) {
  const lines: string[] = [];
  const waits: number[] = [];
  const line = (message: string) => lines.push(message);
  const transport = new Transport({
    fetch: async () => responses.shift() ?? new Response('{}', { status: 200 }),
    timeoutMs: 1000,
    maxRetries: 2,
    headers: {},
    log: createLeveledLogger({ error: line, warn: line, info: line, debug: line }, 'debug'),
    redact: createRedactor('sk-live-0123456789'),
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0,
    ...overrides,
  });
  return { transport, lines, waits };
}

describe('Transport', () => {
  it('logs each attempt, its answer and each retry, naming the operation', async () => {
    const { transport, lines } = transportFor([new Response('busy', { status: 503 })]);
    await transport.send(request);
    expect(lines[0]).toMatch(/^callab: → GET \/campaign\/list \{/);
    expect(lines[1]).toMatch(/^callab: ← GET \/campaign\/list HTTP 503 in \d+ ms \{/);
    expect(lines[2]).toBe('callab: GET /campaign/list: HTTP 503; retry 1 of 2 in 500 ms');
  });

  it('honours a Retry-After of exactly the longest wait, and not one over it', async () => {
    const at = (seconds: string) =>
      new Response('', { status: 429, headers: { 'retry-after': seconds } });
    const honoured = transportFor([at('60')]);
    await honoured.transport.send(request);
    expect(honoured.waits).toEqual([60_000]);
    const refused = transportFor([at('61')]);
    expect((await refused.transport.send(request)).response.status).toBe(429);
    expect(refused.waits).toEqual([]);
  });

  it('says what failed when fetch rejects with an error that has no cause', async () => {
    const { transport } = transportFor([], {
      maxRetries: 0,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(transport.send(request)).rejects.toThrow(
      'GET /campaign/list: could not reach http://127.0.0.1:9: Failed to fetch',
    );
  });

  it('treats a fetch that throws instead of rejecting as a failed connection, and leaves no timer', async () => {
    jest.useFakeTimers();
    try {
      const cause = new TypeError('Invalid URL');
      const { transport } = transportFor([], {
        maxRetries: 0,
        fetch: () => {
          throw cause;
        },
      });
      const failure = await transport.send(request).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CallabConnectionError);
      expect((failure as Error).cause).toBe(cause);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports an abort during a backoff wait as the caller aborting the operation', async () => {
    const reason = new Error('shutting down');
    const { transport } = transportFor([new Response('', { status: 503 })], {
      sleep: async () => {
        throw reason;
      },
    });
    const sent = transport.send(request, { signal: new AbortController().signal });
    await expect(sent).rejects.toThrow(CallabAbortError);
    await expect(sent).rejects.toThrow('GET /campaign/list was aborted by the caller');
    await expect(sent).rejects.toMatchObject({ cause: reason });
  });
});
