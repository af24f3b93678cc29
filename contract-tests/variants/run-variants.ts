/**
 * Proof that the proxy-mode suite can fail. Runs it (`jest --selectProjects contract` with
 * CONTRACT_UPSTREAM set, as a child process) against the conforming references (the fake API
 * through startFakeServer, createFakeFetch and createMswHandlers) and against each broken
 * variant of startFakeServer; exits 1 unless every reference passes with every check run and
 * each variant fails with its expected reason. `npm run test:contract:variants`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/paths';
import { startBrokenUpstream } from './broken-upstream';
import { startReferences } from './references';
import { VARIANTS, type Variant } from './variants';

/** Two suites at a time: each is one jest process (--runInBand) plus its servers. */
const PARALLEL_RUNS = 2;

interface JestReport {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: {
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

interface SuiteRun {
  report: JestReport | undefined;
  /** The child's stdout and stderr, for when there is no report. */
  output: string;
  seconds: number;
}

async function runProxySuite(upstream: string, apiKey: string): Promise<SuiteRun> {
  const dir = await mkdtemp(join(tmpdir(), 'callab-variant-'));
  const reportFile = join(dir, 'report.json');
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--selectProjects',
      'contract',
      '--runInBand',
      '--json',
      '--outputFile',
      reportFile,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CONTRACT_UPSTREAM: upstream,
        CONTRACT_API_KEY: apiKey,
        FORCE_COLOR: '0',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  await new Promise((resolve) => child.on('close', resolve));
  const report = await readFile(reportFile, 'utf8').then(
    (text) => JSON.parse(text) as JestReport,
    () => undefined,
  );
  await rm(dir, { recursive: true, force: true });
  return { report, output, seconds: (Date.now() - started) / 1000 };
}

function failureMessages(report: JestReport): string[] {
  return report.testResults.flatMap((file) => [
    ...(file.message ? [file.message] : []),
    ...file.assertionResults.flatMap((test) => test.failureMessages),
  ]);
}

/** The lines of failure messages that match `pattern` (contract violations by default). */
function linesMatching(messages: readonly string[], pattern = /\) \[[^\]]+\] /): string[] {
  const lines = messages
    .flatMap((message) => message.split('\n'))
    .filter((line) => pattern.test(line))
    .map((line) => line.trim());
  return [...new Set(lines)];
}

interface Verdict {
  ok: boolean;
  summary: string;
}

function judgeReference(run: SuiteRun): Verdict {
  const { report } = run;
  if (!report) return { ok: false, summary: `no jest report:\n${run.output.slice(-2000)}` };
  if (!report.success) {
    return {
      ok: false,
      summary: `failed on the conforming server:\n${failureMessages(report).join('\n')}`,
    };
  }
  const dataSkips = report.testResults
    .flatMap((file) => file.assertionResults)
    .filter((test) => test.status === 'pending' && test.fullName.includes('[skipped: '));
  if (report.numPassedTests === 0 || dataSkips.length > 0) {
    return {
      ok: false,
      summary: `not every check ran: ${report.numPassedTests} passed; skipped for lack of data: ${dataSkips.map((t) => t.fullName).join('; ')}`,
    };
  }
  return {
    ok: true,
    summary: `passed: ${report.numPassedTests} tests, ${report.numPendingTests} mock-only skipped`,
  };
}

function judgeVariant(run: SuiteRun, variant: Variant): Verdict {
  const { report } = run;
  if (!report) return { ok: false, summary: `no jest report:\n${run.output.slice(-2000)}` };
  if (report.success) return { ok: false, summary: 'the suite passed: the defect went unnoticed' };
  const messages = failureMessages(report);
  const missing = variant.expectedFailures.filter((re) => !messages.some((m) => re.test(m)));
  if (missing.length > 0) {
    return {
      ok: false,
      summary: `failed, but not as expected: no failure matches ${missing.join(', ')}; failures:\n${linesMatching(messages).join('\n')}`,
    };
  }
  const [example] = linesMatching(messages, variant.expectedFailures[0]);
  return {
    ok: true,
    summary: `failed as expected (${report.numFailedTests} failing tests), e.g. ${example}`,
  };
}

async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { apiKey, references } = await startReferences();
  const [reference] = references;
  if (!reference) throw new Error('no reference server');
  const upstreams = await Promise.all(
    VARIANTS.map((variant) => startBrokenUpstream(reference.url, variant.break(apiKey))),
  );
  const targets = [
    ...references.map(({ name, url }) => ({ name, defect: 'none', url, judge: judgeReference })),
    ...VARIANTS.map((variant, i) => ({
      name: variant.name,
      defect: variant.defect,
      url: String(upstreams[i]?.url),
      judge: (run: SuiteRun) => judgeVariant(run, variant),
    })),
  ];
  console.log(
    `proxy-mode contract suite against the fake API through each of its ${references.length} adapters and ${VARIANTS.length} broken variants of startFakeServer (${PARALLEL_RUNS} at a time)`,
  );
  try {
    const verdicts = await inPool(targets, PARALLEL_RUNS, async (target) => {
      const run = await runProxySuite(target.url, apiKey);
      const verdict = target.judge(run);
      console.log(
        `${verdict.ok ? '✓' : '✗'} ${target.name} (defect: ${target.defect}), ${run.seconds.toFixed(1)} s: ${verdict.summary}`,
      );
      return verdict;
    });
    const good = verdicts.filter((v) => v.ok).length;
    console.log(
      `variants: ${good}/${verdicts.length} as expected in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (good < verdicts.length) process.exitCode = 1;
  } finally {
    await Promise.all([...references, ...upstreams].map((server) => server.close()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
