/**
 * The runner end to end, in-process, against the package's fake server and broken variants of it
 * (contract-tests/variants): what it sends, what it reports, replay by seed, and the key scrubbed.
 */
import {
  type BrokenUpstream,
  type ForwardedRequest,
  startBrokenUpstream,
} from '../test-support/broken-servers/broken-upstream';
import { VARIANTS } from '../test-support/broken-servers/variants';
import { type FakeServer, startFakeServer } from '../testing';
import { junitReport, textReport } from './formats';
import { filtersOf, OPERATIONS, operationById } from './operations';
import { RATE_LIMIT_POLICY } from './rate-limit';
import { allViolations } from './report';
import { type ContractRunOptions, runContract } from './runner';

const API_KEY = 'sk-runner-test-9d2c4e6f8a';
let fake: FakeServer;
const upstreams: BrokenUpstream[] = [];

beforeAll(async () => {
  fake = await startFakeServer({ apiKey: API_KEY });
});
afterAll(() => Promise.all([fake?.close(), ...upstreams.map((u) => u.close())]));

async function variant(name: string, onRequest?: (method: string, path: string) => void) {
  const found = VARIANTS.find((v) => v.name === name);
  const defect = found ? found.break(API_KEY) : {};
  const upstream = await startBrokenUpstream(fake.url, {
    ...defect,
    hangUp: (request) => {
      onRequest?.(request.method, request.url.pathname);
      return defect.hangUp?.(request) ?? false;
    },
  });
  upstreams.push(upstream);
  return upstream.url;
}

const options = (baseUrl: string): ContractRunOptions => ({
  baseUrl,
  apiKey: API_KEY,
  seed: 7,
  runs: 20,
  timeoutMs: 10_000,
});

describe('runContract against the fake server', () => {
  it('passes, one testcase per operation and check that applies, sending only documented reads', async () => {
    const sent = new Set<string>();
    const url = await variant('none', (method, path) => sent.add(`${method} ${path}`));
    const report = await runContract(options(url));

    expect(report.result).toBe('passed');
    expect(allViolations(report)).toEqual([]);
    expect(report.testcases.map((t) => `${t.operationId} ${t.check}`)).toEqual([
      'queryContacts conformance',
      'queryContacts missing key',
      'queryContacts wrong key',
      'queryContacts bad requests',
      'queryContacts filters',
      'listPhoneNumbers conformance',
      'listPhoneNumbers missing key',
      'listPhoneNumbers wrong key',
      'listCampaigns conformance',
      'listCampaigns missing key',
      'listCampaigns wrong key',
      'listCampaigns bad requests',
      'listCampaigns limit',
      'listWebhookFlows conformance',
      'listWebhookFlows missing key',
      'listWebhookFlows wrong key',
    ]);
    const documented = OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect([...sent].sort()).toEqual(documented.sort());
    expect(report.testcases.every((t) => t.limitations.length === 0)).toBe(true);
  });

  it('reports the documented responses it saw and the ones it never could', async () => {
    const report = await runContract(options(fake.url));
    const keys = (list: { operationId: string; status: string }[]) =>
      list.map((key) => `${key.operationId} ${key.status}`);
    expect(keys(report.coverage.seen)).toEqual(
      expect.arrayContaining(['queryContacts 200', 'queryContacts 401', 'listWebhookFlows 401']),
    );
    expect(keys(report.coverage.neverSeen)).toEqual(
      expect.arrayContaining(['queryContacts 429', 'listCampaigns 500', 'listPhoneNumbers 503']),
    );
    expect(report.coverage.seen.length + report.coverage.neverSeen.length).toBe(20);
    expect(report.coverage.undocumented).toEqual([]);
  });
});

describe('runContract against broken servers', () => {
  it('lists a status the spec does not declare under coverage too', async () => {
    const report = await runContract(options(await variant('undeclared-status')));
    expect(report.coverage.undocumented).toEqual([
      { operationId: 'listWebhookFlows', status: '418', contentType: 'application/json', count: 3 },
    ]);
  });

  it('a property failure reports the shrunk counterexample, and the same seed replays it', async () => {
    const url = await variant('second-filter-value');
    const [first, again] = [await runContract(options(url)), await runContract(options(url))];
    const filters = first.testcases.find((t) => t.check === 'filters');

    expect(filters?.status).toBe('failed');
    expect(filters?.counterexample).toMatchObject({ seed: 7, value: expect.stringMatching(/","/) });
    expect(again.testcases).toEqual(
      first.testcases.map((t) => ({ ...t, seconds: expect.any(Number) })),
    );
    expect(first.replay).toBe(`callab contract-test --base-url ${url} --seed 7 --runs 20`);
    expect(textReport(first)).toContain(`counterexample (shrunk `);
    expect(textReport(first)).toContain(`replay: ${first.replay}`);
  });

  it('calls a server that answers nothing unreachable, after the first requests only', async () => {
    const closed = await variant('none');
    await upstreams.pop()?.close();
    const report = await runContract(options(closed));
    expect(report.result).toBe('unreachable');
    expect(report.unreachable).toMatch(/ECONNREFUSED/);
    expect(report.testcases.map((t) => t.check)).toEqual(Array(4).fill('conformance'));
    expect(allViolations(report)).toEqual(
      Array(4).fill(
        expect.stringMatching(/\[no response\] a valid request \(.*\): .*ECONNREFUSED/),
      ),
    );
  });

  it('never puts the key in a report, even when the server echoes it', async () => {
    const url = await variant('echoes-key');
    const echoed = await fetch(`${url}/phone_number`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    }).then((r) => r.text());
    expect(echoed).toContain(API_KEY);

    const report = await runContract(options(url));
    expect(allViolations(report).join('\n')).toContain('Bearer [redacted]');
    for (const printed of [JSON.stringify(report), textReport(report), junitReport(report)]) {
      expect(printed).not.toContain(API_KEY);
    }
  });
});

const FILTERS = filtersOf(operationById('queryContacts')).map((filter) => filter.name);

/** A valid contact query with at least one filter value: what the filters check sends. */
function isFilteredQuery(request: ForwardedRequest): boolean {
  if (request.url.pathname !== '/contact/query') return false;
  const body = JSON.parse(request.body || 'null') as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const lists = Object.entries(body);
  return (
    lists.every(
      ([name, values]) =>
        FILTERS.includes(name) &&
        Array.isArray(values) &&
        values.every((value) => typeof value === 'string'),
    ) && lists.some(([, values]) => (values as unknown[]).length > 0)
  );
}

/**
 * The fake server behind a proxy that answers the requests `limits` picks with the documented
 * 429 (no Retry-After: nothing to wait out) and breaks the phone numbers when `broken`.
 */
async function rateLimited(limits: (request: ForwardedRequest) => boolean, broken?: string) {
  const defect = VARIANTS.find((v) => v.name === broken)?.break(API_KEY) ?? {};
  const upstream = await startBrokenUpstream(fake.url, {
    response(response, request) {
      defect.response?.(response, request);
      if (!limits(request)) return;
      response.status = 429;
      response.body = JSON.stringify({ status: 'error', message: 'Too many requests', data: '' });
    },
  });
  upstreams.push(upstream);
  return upstream.url;
}

describe('runContract against a server that rate-limits', () => {
  const noWaits = { ...RATE_LIMIT_POLICY, sleep: async () => undefined };

  it('stops a property check at a limit it cannot wait out: inconclusive, nothing more sent', async () => {
    let filtered = 0;
    const url = await rateLimited((request) => isFilteredQuery(request) && ++filtered > 2);
    const report = await runContract({ ...options(url), rateLimit: noWaits });
    const filters = report.testcases.find((t) => t.check === 'filters');

    expect(filters).toMatchObject({ status: 'inconclusive', violations: [], requests: 3 });
    expect(filters?.inconclusive).toMatch(
      /^rate limited, not a contract violation: HTTP 429 without Retry-After \(no usable wait\) after 3 request\(s\) of this check/,
    );
    expect(filtered).toBe(3);
    expect(report.testcases.filter((t) => t.status !== 'passed')).toEqual([filters]);
    expect(report).toMatchObject({ result: 'inconclusive', counts: { inconclusive: 1 } });
    expect(allViolations(report)).toEqual([]);
  });

  it('makes the checks that read a limited list inconclusive too, and the run (not unreachable)', async () => {
    const url = await rateLimited((request) => request.url.pathname === '/campaign/list');
    const report = await runContract({ ...options(url), rateLimit: noWaits });
    const campaigns = report.testcases.filter((t) => t.operationId === 'listCampaigns');

    expect(campaigns.map((t) => `${t.check} ${t.status}`)).toEqual([
      'conformance inconclusive',
      'missing key inconclusive',
      'wrong key inconclusive',
      'bad requests inconclusive',
      'limit inconclusive',
    ]);
    expect(campaigns.at(-1)).toMatchObject({ requests: 0 });
    expect(campaigns.at(-1)?.inconclusive).toMatch(
      /^the unfiltered list could not be read: rate limited, not a contract violation: HTTP 429/,
    );
    expect(report.result).toBe('inconclusive');
    expect(report.coverage.seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operationId: 'listCampaigns', status: '429' }),
      ]),
    );
  });

  it('still fails a run with a violation elsewhere', async () => {
    const url = await rateLimited(
      (request) => request.url.pathname === '/campaign/list',
      'missing-field',
    );
    const report = await runContract({ ...options(url), rateLimit: noWaits });
    expect(report.result).toBe('failed');
    expect(report.counts).toMatchObject({ failed: 1, inconclusive: 5 });
  });
});
