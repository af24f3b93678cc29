/**
 * Proxy mode against a server that rate-limits: a documented 429 or 503 is waited out as its
 * Retry-After asks, within bounds, and otherwise reported as inconclusive, never as a violation.
 */
import {
  reply,
  type ScriptedServer,
  startScriptedServer,
} from '../src/test-support/scripted-server';
import { observeCall } from './support/client';
import { RATE_LIMIT_POLICY, type RateLimitPolicy } from './support/rate-limit';
import { responseProblems } from './support/rules';
import type { ContractTarget } from './support/settings';
import { operationById, responseMediaTypesOf } from './support/spec';

const phoneNumbers = operationById('listPhoneNumbers');
const example = (status: string) => {
  const [media] = responseMediaTypesOf(phoneNumbers, status);
  const [value] = Object.values(media?.examples ?? {});
  if (value === undefined) throw new Error(`openapi.yaml has no ${status} example`);
  return value as { data?: unknown };
};
const ok = example('200');
const limited = example('429');

let server: ScriptedServer | undefined;
afterEach(() => server?.close());

/** A target whose server, in front of which Prism would sit, answers as `answers` says. */
async function serve(answers: (attempt: number) => [number, unknown, Record<string, string>?]) {
  server = await startScriptedServer((_request, response, attempt) => {
    const [status, body, headers] = answers(attempt);
    reply(response, status, body, headers);
  });
  const target = (mode: ContractTarget['mode']): ContractTarget => ({
    mode,
    prismUrl: String(server?.url),
    upstreamUrl: String(server?.url),
    apiKey: 'rate-limit-test-key',
    runDir: '',
  });
  return { proxy: target('proxy'), mock: target('mock'), requests: server.requests };
}

/** The policy of the suite, with a sleep that records the waits instead of waiting. */
function recordingPolicy(): RateLimitPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { ...RATE_LIMIT_POLICY, waits, sleep: async (ms) => void waits.push(ms) };
}

describe('a rate-limited upstream, in proxy mode', () => {
  it('answering 429 with Retry-After once, then 200: waited out, and the 200 is checked', async () => {
    const { proxy, requests } = await serve((attempt) =>
      attempt === 1 ? [429, limited, { 'retry-after': '1' }] : [200, ok],
    );
    const rateLimit = recordingPolicy();
    const { outcome, exchange } = await observeCall(proxy, 'listPhoneNumbers', { rateLimit });
    expect(rateLimit.waits).toEqual([1000]);
    expect(requests).toHaveLength(2);
    expect(exchange.status).toBe(200);
    expect(responseProblems(phoneNumbers, exchange)).toEqual([]);
    expect(outcome).toEqual({ data: ok.data });
  });

  it.each([
    ['a Retry-After longer than the suite waits', { 'retry-after': '120' }, 1, [], '"120"'],
    ['no Retry-After', {}, 1, [], undefined],
    ['still limited after the retries', { 'retry-after': '2' }, 3, [2000, 2000], '"2"'],
  ])('%s is inconclusive, with the reason', async (_name, headers, attempts, waits, retryAfter) => {
    const { proxy, requests } = await serve(() => [429, limited, headers]);
    const rateLimit = recordingPolicy();
    const asked = retryAfter ? `with Retry-After ${retryAfter}` : 'without Retry-After';
    await expect(observeCall(proxy, 'listPhoneNumbers', { rateLimit })).rejects.toThrow(
      `listPhoneNumbers (GET /phone_number) [rate limited] inconclusive, not a contract violation: HTTP 429 ${asked} after ${attempts} attempt(s)`,
    );
    expect(rateLimit.waits).toEqual(waits);
    expect(requests).toHaveLength(attempts);
  });

  it('a 503 is waited out the same way', async () => {
    const unavailable = example('503');
    const { proxy } = await serve((attempt) =>
      attempt === 1 ? [503, unavailable, { 'retry-after': '3' }] : [200, ok],
    );
    const rateLimit = recordingPolicy();
    expect((await observeCall(proxy, 'listPhoneNumbers', { rateLimit })).exchange.status).toBe(200);
    expect(rateLimit.waits).toEqual([3000]);
  });

  it('a 429 that breaks the spec is reported by the rules, not excused', async () => {
    const { proxy } = await serve(() => [429, { error: 'slow down' }, { 'retry-after': '600' }]);
    const { exchange } = await observeCall(proxy, 'listPhoneNumbers', {
      rateLimit: recordingPolicy(),
    });
    expect(exchange.status).toBe(429);
    expect(responseProblems(phoneNumbers, exchange).join('\n')).toContain('[schema, Ajv]');
  });

  it('mock mode never waits: a 429 there is one a test asked for', async () => {
    const { mock, requests } = await serve(() => [429, limited, { 'retry-after': '1' }]);
    const rateLimit = recordingPolicy();
    expect((await observeCall(mock, 'listPhoneNumbers', { rateLimit })).exchange.status).toBe(429);
    expect(rateLimit.waits).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});
