/**
 * `callab contract-test` (in-process; scripts/smoke/contract-test.test.ts runs the packed bin) against the fake server and broken variants of it: exit codes,
 * the reports it writes, and the key never printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractReport } from '../contract/report';
import {
  type BrokenUpstream,
  startBrokenUpstream,
} from '../test-support/broken-servers/broken-upstream';
import { VARIANTS } from '../test-support/broken-servers/variants';
import { reply, startScriptedServer } from '../test-support/scripted-server';
import { type FakeServer, startFakeServer } from '../testing';
import { runCli } from './test-support';

const KEY = 'sk-cli-contract/9f8e+7d6c';
let fake: FakeServer;
let work: string;
const upstreams: BrokenUpstream[] = [];

beforeAll(async () => {
  fake = await startFakeServer({ apiKey: KEY });
  work = mkdtempSync(join(tmpdir(), 'callab-contract-cli-'));
});
afterAll(async () => {
  await Promise.all([fake?.close(), ...upstreams.map((u) => u.close())]);
  rmSync(work, { recursive: true, force: true });
});

async function variantUrl(name: string): Promise<string> {
  const variant = VARIANTS.find((v) => v.name === name);
  if (!variant) throw new Error(`no variant ${name}`);
  const upstream = await startBrokenUpstream(fake.url, variant.break(KEY));
  upstreams.push(upstream);
  return upstream.url;
}

/** `callab contract-test --base-url URL --api-key KEY ...more`. */
const contractTest = (url: string, ...more: string[]) =>
  runCli(['contract-test', '--base-url', url, '--api-key', KEY, ...more]);

const files = (name: string) => ({
  junit: join(work, name, 'junit.xml'),
  json: join(work, name, 'report.json'),
});

describe('callab contract-test: usage and configuration (exit 2, nothing sent)', () => {
  it.each([
    ['no --base-url', [], {}, 'missing --base-url: pass the URL of the server to check'],
    [
      'a base URL that is not http(s)',
      ['--base-url', 'ftp://x'],
      {},
      '--base-url must be an http(s) URL',
    ],
    [
      'no key',
      ['--base-url', 'http://127.0.0.1:9'],
      {},
      'missing API key: set CALLAB_API_KEY (or pass --api-key) to a key the server accepts',
    ],
    [
      'a bad --seed',
      ['--base-url', 'http://127.0.0.1:9', '--seed', '1e3'],
      { CALLAB_API_KEY: KEY },
      "--seed must be a whole number from 0 to 2147483647, got '1e3'",
    ],
    [
      '--runs 0',
      ['--base-url', 'http://127.0.0.1:9', '--runs', '0'],
      { CALLAB_API_KEY: KEY },
      "--runs must be a whole number >= 1, got '0'",
    ],
    [
      'an option of another command',
      ['--base-url', 'http://127.0.0.1:9', '--tag', 'vip'],
      { CALLAB_API_KEY: KEY },
      "--tag is not an option of 'contract-test'",
    ],
  ])('%s', async (_what, args, env, message) => {
    const result = await runCli(['contract-test', ...args], env);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain(message);
  });

  it('refuses a report it cannot write', async () => {
    const blocked = join(work, 'a-file-not-a-directory');
    writeFileSync(blocked, '');
    const result = await runCli(
      [
        'contract-test',
        '--base-url',
        fake.url,
        '--junit',
        join(blocked, 'junit.xml'),
        '--runs',
        '1',
      ],
      { CALLAB_API_KEY: KEY },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write --junit ${join(blocked, 'junit.xml')}`);
  });
});

describe('callab contract-test against servers', () => {
  it('passes the fake server (exit 0), the key from CALLAB_API_KEY, and writes both reports', async () => {
    const out = files('pass');
    const result = await runCli(
      [
        'contract-test',
        '--base-url',
        fake.url,
        '--seed',
        '11',
        '--junit',
        out.junit,
        '--json',
        out.json,
      ],
      { CALLAB_API_KEY: KEY },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^callab contract-test against http:\/\/127\.0\.0\.1:\d+ \(seed 11, 100 generated cases per property\)\n/,
    );
    expect(result.stdout).toMatch(
      /\npassed: 16 passed, 0 failed, 0 skipped, 0 violation\(s\) in [\d.]+ s\n$/,
    );
    const report = JSON.parse(readFileSync(out.json, 'utf8')) as ContractReport;
    expect(report).toMatchObject({
      result: 'passed',
      seed: 11,
      runs: 100,
      counts: { testcases: 16 },
    });
    const junit = readFileSync(out.junit, 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(16);
    expect(junit).not.toContain('<failure');
  });

  it('fails a broken server (exit 1) with its rule, the shrunk counterexample and the seed that replays it', async () => {
    const url = await variantUrl('first-filter-only');
    const out = files('fail');
    const result = await contractTest(url, '--seed', '3', '--runs', '20', '--junit', out.junit);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✗ queryContacts \(POST \/contact\/query\) filters\n {4}queryContacts \(POST \/contact\/query\) \[filter\] \{.*\} returned \d+ contact\(s\) that do not match: /,
    );
    expect(result.stdout).toContain('counterexample (shrunk ');
    expect(result.stdout).toContain(
      `replay: callab contract-test --base-url ${url} --seed 3 --runs 20`,
    );
    expect(readFileSync(out.junit, 'utf8')).toMatch(
      /<testcase classname="queryContacts" name="filters" time="[\d.]+">\n {6}<failure message="1 violation\(s\)" type="filter">queryContacts \(POST \/contact\/query\) \[filter\] /,
    );
  });

  it('exits 3 when the server cannot be reached, and still writes the report', async () => {
    const out = files('unreachable');
    const closed = await startFakeServer();
    await closed.close();
    const result = await runCli(['contract-test', '--base-url', closed.url, '--json', out.json], {
      CALLAB_API_KEY: KEY,
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/\ncannot reach the server: .*ECONNREFUSED/);
    expect(JSON.parse(readFileSync(out.json, 'utf8'))).toMatchObject({ result: 'unreachable' });
  });

  it('exits 5 when the server rate-limits every check beyond what they wait out, with the reason in every report', async () => {
    // A Retry-After past the 10 s a check waits: inconclusive at once, nothing slept.
    const limited = await startScriptedServer((_request, response) =>
      reply(
        response,
        429,
        { status: 'error', message: 'Too many requests', data: '' },
        { 'retry-after': '120' },
      ),
    );
    upstreams.push(limited);
    const out = files('limited');
    const result = await contractTest(limited.url, '--junit', out.junit, '--json', out.json);
    const reason =
      'rate limited, not a contract violation: HTTP 429 with Retry-After "120" (longer than the 10 s a check waits) after 1 request(s) of this check';
    expect(result.code).toBe(5);
    expect(result.stdout).toContain(
      `? listPhoneNumbers (GET /phone_number) conformance [inconclusive: ${reason};`,
    );
    expect(result.stdout).toMatch(
      /\ninconclusive: 0 passed, 0 failed, 0 skipped, 16 inconclusive, 0 violation\(s\) in [\d.]+ s\ninconclusive: /,
    );
    const report = JSON.parse(readFileSync(out.json, 'utf8')) as ContractReport;
    expect(report).toMatchObject({
      result: 'inconclusive',
      counts: { inconclusive: 16, failed: 0 },
    });
    const junit = readFileSync(out.junit, 'utf8');
    expect(junit).toContain('tests="16" failures="0" errors="16" skipped="0"');
    expect(
      junit.match(
        /<error message="inconclusive: [^"]*rate limited, not a contract violation: HTTP 429 /g,
      ),
    ).toHaveLength(16);
    expect(junit).not.toContain('<failure');
  });

  it('never prints the key, in any output or report, even when the server echoes it', async () => {
    const url = await variantUrl('echoes-key');
    const out = files('echo');
    const result = await contractTest(url, '--runs', '5', '--junit', out.junit, '--json', out.json);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Bearer [redacted]');
    const printed = [
      result.stdout,
      result.stderr,
      readFileSync(out.junit, 'utf8'),
      readFileSync(out.json, 'utf8'),
    ];
    for (const text of printed) {
      for (const form of [KEY, KEY.replace(/\//g, '\\/'), encodeURIComponent(KEY)]) {
        expect(text).not.toContain(form);
      }
    }
  });
});
