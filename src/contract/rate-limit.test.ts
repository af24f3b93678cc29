/**
 * A check against a server that rate-limits: a documented 429 or 503 is waited out as its
 * Retry-After asks, within bounds, and otherwise makes the check inconclusive, never a violation;
 * one that breaks the spec is reported by the rules. Loopback scripted servers; the waits are
 * recorded, never slept.
 */
import { loadValidators } from '../core/validation';
import { loadSpec, mediaTypesOf } from '../internal/spec-document';
import { reply, type ScriptedServer, startScriptedServer } from '../test-support/scripted-server';
import { checkConformance } from './checks';
import { createSender } from './exchange';
import { operationById } from './operations';
import { RATE_LIMIT_POLICY, type RateLimitPolicy } from './rate-limit';
import type { CheckContext } from './testcase';

const phoneNumbers = operationById('listPhoneNumbers');
const mediaTypes = mediaTypesOf(loadSpec());

/** The spec's first named example of a response of listPhoneNumbers. */
function example(status: string): unknown {
  const media = mediaTypes.find(
    (m) => m.operation.operationId === 'listPhoneNumbers' && m.status === status,
  );
  const [value] = Object.values(media?.examples ?? {});
  if (value === undefined) throw new Error(`openapi.yaml has no ${status} example`);
  return value;
}
const ok = example('200');
const limited = example('429');
const unavailable = example('503');

const servers: ScriptedServer[] = [];
afterEach(() => Promise.all(servers.splice(0).map((server) => server.close())));

type Answer = [status: number, body: unknown, headers?: Record<string, string>];

/** The policy of the checks, with a sleep that records the waits instead of waiting. */
function recordingPolicy(): RateLimitPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { ...RATE_LIMIT_POLICY, waits, sleep: async (ms) => void waits.push(ms) };
}

/** Runs the conformance check of listPhoneNumbers against a server answering as `answers` says. */
async function conformance(answers: (attempt: number) => Answer) {
  const server = await startScriptedServer((_request, response, attempt) => {
    const [status, body, headers] = answers(attempt);
    reply(response, status, body, headers);
  });
  servers.push(server);
  const rateLimit = recordingPolicy();
  const context: CheckContext = {
    send: createSender(
      { baseUrl: server.url, apiKey: 'rate-limit-test-key', timeoutMs: 10_000 },
      () => undefined,
    ),
    validators: await loadValidators(),
    property: { seed: 1, runs: 1 },
    rateLimit,
  };
  const { testcase } = await checkConformance(context, phoneNumbers);
  return { testcase, waits: rateLimit.waits, requests: server.requests.length };
}

describe('a check against a rate-limiting server', () => {
  it('waits out a 429 with Retry-After, then checks the 200 that follows', async () => {
    const run = await conformance((attempt) =>
      attempt === 1 ? [429, limited, { 'retry-after': '1' }] : [200, ok],
    );
    expect(run).toMatchObject({ waits: [1000], requests: 2 });
    expect(run.testcase).toMatchObject({ status: 'passed', violations: [], requests: 2 });
  });

  it('checks the answer after the wait as any other: a broken 200 still fails', async () => {
    const run = await conformance((attempt) =>
      attempt === 1 ? [429, limited, { 'retry-after': '0' }] : [200, { status: 'ok', data: 7 }],
    );
    expect(run.waits).toEqual([0]);
    expect(run.testcase.status).toBe('failed');
    expect(run.testcase.violations.join('\n')).toContain('[schema]');
  });

  it.each([
    [
      'a Retry-After longer than a check waits',
      { 'retry-after': '120' },
      [],
      'HTTP 429 with Retry-After "120" (longer than the 10 s a check waits) after 1 request(s)',
    ],
    ['no Retry-After', {}, [], 'HTTP 429 without Retry-After (no usable wait) after 1 request(s)'],
    [
      'a Retry-After that is neither seconds nor a date',
      { 'retry-after': 'in a minute' },
      [],
      'HTTP 429 with Retry-After "in a minute" (no usable wait)',
    ],
    [
      'still limited after the waits',
      { 'retry-after': '2' },
      [2000, 2000],
      'HTTP 429 with Retry-After "2" (still limited after waiting 2 time(s), the most a check waits) after 3 request(s)',
    ],
  ])('%s is inconclusive, with the reason', async (_what, headers, waits, reason) => {
    const run = await conformance(() => [429, limited, headers]);
    expect(run.waits).toEqual(waits);
    expect(run.requests).toBe(waits.length + 1);
    expect(run.testcase).toMatchObject({ status: 'inconclusive', violations: [] });
    expect(run.testcase.inconclusive).toContain(
      `rate limited, not a contract violation: ${reason}`,
    );
  });

  it('waits out a 503 the same way, and a 503 it cannot wait out is inconclusive', async () => {
    const waited = await conformance((attempt) =>
      attempt === 1 ? [503, unavailable, { 'retry-after': '3' }] : [200, ok],
    );
    expect(waited).toMatchObject({ waits: [3000], testcase: { status: 'passed' } });
    const refused = await conformance(() => [503, unavailable]);
    expect(refused.testcase).toMatchObject({ status: 'inconclusive', violations: [] });
    expect(refused.testcase.inconclusive).toContain('HTTP 503 without Retry-After');
  });

  it.each([
    [
      'a body the schema rejects',
      [429, { error: 'slow down' }, { 'retry-after': '1' }],
      '[schema]',
    ],
    ['a content type the spec does not declare', [429, 'slow down'], '[content type]'],
  ] as [string, Answer, string][])(
    'reports a 429 with %s by the rules, never waited out or excused',
    async (_what, answer, rule) => {
      const run = await conformance(() => answer);
      expect(run).toMatchObject({ waits: [], requests: 1 });
      expect(run.testcase.status).toBe('failed');
      expect(run.testcase.violations.join('\n')).toContain(rule);
    },
  );

  it('reports a 500 by the rules: only 429 and 503 are rate limits', async () => {
    const run = await conformance(() => [500, example('500'), { 'retry-after': '1' }]);
    expect(run).toMatchObject({ waits: [], requests: 1 });
    expect(run.testcase.violations.join('\n')).toContain('[envelope status]');
  });
});
