import type { paths } from '../../generated/openapi';
import { Callab } from '../client';
import { ApiCaller } from './api';
import { createLeveledLogger } from './logger';
import { createRedactor } from './redact';
import { Transport } from './transport';

const BASE_URL = 'http://127.0.0.1:9/api/v0';
const ok = (data: unknown) => ({ status: 'ok', message: 'fine', data });

interface Sent {
  method: string;
  url: string;
  body: string | null;
  contentType: string | null;
}

/** A fetch that records what it is asked to send and answers an ok envelope. */
function recordingFetch(sent: Sent[], data: unknown): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    sent.push({
      method: request.method,
      url: request.url,
      body: request.body ? await request.text() : null,
      contentType: request.headers.get('content-type'),
    });
    return new Response(JSON.stringify(ok(data)), {
      headers: { 'content-type': 'application/json' },
    });
  };
}

function apiCaller(fetchImpl: typeof fetch): ApiCaller {
  const redact = createRedactor('sk-test-0123456789');
  const transport = new Transport({
    fetch: fetchImpl,
    timeoutMs: 1000,
    maxRetries: 0,
    headers: {},
    log: createLeveledLogger(console, 'off'),
    redact,
    sleep: async () => undefined,
    random: () => 0,
  });
  return new ApiCaller(transport, redact, BASE_URL, false);
}

describe('one request builder for the resources and raw', () => {
  // An operation with a path parameter and an array query parameter, as the spec will have.
  const template = '/campaign/{campaign_id}' as keyof paths;
  const path = { campaign_id: 'a b/ç?' };
  const query = { tags: ['vip', 'a&b'], empty: [], none: undefined, limit: 2, flag: true };
  const body = { tags: ['x'], note: 'é' };

  it('fills path parameters, repeats array query names and serialises the body as raw does', async () => {
    const viaCaller: Sent[] = [];
    await apiCaller(recordingFetch(viaCaller, {})).call('post', template, {
      path,
      query,
      body,
    } as never);

    const viaRaw: Sent[] = [];
    const callab = new Callab({
      apiKey: 'sk-test-0123456789',
      baseUrl: BASE_URL,
      fetch: recordingFetch(viaRaw, {}),
      logLevel: 'off',
    });
    await callab.raw.POST(template as '/contact/query', {
      params: { path, query } as never,
      body: body as never,
    });

    expect(viaCaller).toEqual([
      {
        method: 'POST',
        url: `${BASE_URL}/campaign/a%20b%2F%C3%A7%3F?tags=vip&tags=a%26b&limit=2&flag=true`,
        body: JSON.stringify(body),
        contentType: 'application/json',
      },
    ]);
    expect(viaRaw).toEqual(viaCaller);
  });

  it('sends no body and no content type without a body', async () => {
    const sent: Sent[] = [];
    await apiCaller(recordingFetch(sent, [])).call('get', '/campaign/list', {
      query: { limit: 3 },
    });
    expect(sent).toEqual([
      { method: 'GET', url: `${BASE_URL}/campaign/list?limit=3`, body: null, contentType: null },
    ]);
  });
});
