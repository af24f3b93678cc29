/**
 * The runner end to end, in-process, against the package's fake server and broken variants of it
 * (contract-tests/variants): what it sends, what it reports, replay by seed, and the key scrubbed.
 */
import {
  type BrokenUpstream,
  startBrokenUpstream,
} from '../test-support/broken-servers/broken-upstream';
import { VARIANTS } from '../test-support/broken-servers/variants';
import { type FakeServer, startFakeServer } from '../testing';
import { junitReport, textReport } from './formats';
import { OPERATIONS } from './operations';
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
