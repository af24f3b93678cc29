/**
 * `npx callab contract-test` as a provider team meets it: the packed tarball in a fresh project,
 * nothing else installed (no Prism, no Ajv), against the package's own fake server (must pass)
 * and a broken variant of each kind (must fail with its rule, never printing the key). And the jest
 * suite's proxy mode must report exactly the violations the CLI reports for the same server.
 *
 * @slow
 */
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  printedForms,
  startTargets,
  TARGET_SEED,
  type Target,
  type Targets,
} from '../../contract-tests/variants/targets';
import { allViolations, type ContractReport } from '../../src/contract/report';
import { ROOT } from '../paths';
import { runCommandOutcome } from '../run-command';
import { type ConsumerProject, createConsumerProject } from './consumer-project';
import { packPackage } from './packed-package';

jest.setTimeout(180_000);

let work: string;
let project: ConsumerProject;
let servers: Targets;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-contract-smoke-'));
  const packed = await packPackage();
  project = await createConsumerProject(packed.dir, join(work, 'provider'), {});
  // What npm's install does for a package's `bin`.
  await mkdir(join(project.dir, 'node_modules', '.bin'), { recursive: true });
  await symlink(
    '../callab-client/dist/cli/index.cjs',
    join(project.dir, 'node_modules', '.bin', 'callab'),
  );
  servers = await startTargets('server');
}, 120_000);

afterAll(async () => {
  await servers?.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * The variants the packed CLI runs against: one of each kind of report (a schema violation, a
 * content type, the generated filter cases, auth, a dropped connection, the key in a body). Every
 * variant runs through the same checks in-process in `npm run test:contract:variants`; what only
 * this test can find is a defect of the packed bin, which any of these shows.
 */
const PACKED_CLI_VARIANTS = [
  'missing-field',
  'wrong-content-type',
  'second-filter-value',
  'no-auth',
  'hangs-up',
  'echoes-key',
];

interface CliRun {
  code: number;
  output: string;
  report: ContractReport;
  junit: string;
}

/**
 * `npx callab contract-test` with only the seed fixed (so every run tries the same cases), or,
 * with `runs`, the same bin started directly: npm's own start-up would cost more than the run.
 */
async function contractTest(target: Target, runs?: number): Promise<CliRun> {
  const json = join(work, 'reports', `${target.name}.json`);
  const junit = join(work, 'reports', `${target.name}.xml`);
  const args = ['contract-test', '--base-url', target.url, '--seed', String(TARGET_SEED)];
  const [command, prefix] =
    runs === undefined
      ? ['npx', ['--no', 'callab']]
      : [join(project.dir, 'node_modules', '.bin', 'callab'), []];
  const { code, output } = await runCommandOutcome(
    command,
    [
      ...prefix,
      ...args,
      ...(runs === undefined ? [] : ['--runs', String(runs)]),
      '--json',
      json,
      '--junit',
      junit,
    ],
    { cwd: project.dir, env: { CALLAB_API_KEY: servers.apiKey } },
  );
  return {
    code,
    output,
    report: JSON.parse(await readFile(json, 'utf8')) as ContractReport,
    junit: await readFile(junit, 'utf8'),
  };
}

function problemsOf(target: Target, run: CliRun): string[] {
  const expectedCode = target.defect === 'none' ? 0 : 1;
  return [
    ...(run.code === expectedCode ? [] : [`exit ${run.code}, expected ${expectedCode}`]),
    ...target.judge(run.report, [run.output, run.junit, ...printedForms(run.report)]),
  ];
}

/** Runs `work` over `items`, `size` at a time. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

describe('npx callab contract-test, from the packed tarball alone', () => {
  it.each(['index.mjs', 'index.cjs'])(
    'leaves fast-check out of the module graph of the main entry, dist/%s (only the CLI loads it)',
    async (entry) => {
      const { metafile } = await build({
        entryPoints: [join(ROOT, 'dist', entry)],
        bundle: true,
        write: false,
        metafile: true,
        platform: 'node',
        logLevel: 'silent',
      });
      const inputs = Object.keys(metafile.inputs);
      expect(inputs.some((input) => input.includes('node_modules/openapi-fetch/'))).toBe(true);
      expect(inputs.filter((input) => input.includes('fast-check'))).toEqual([]);
    },
  );

  it('installs without the optional peers: neither Prism nor Ajv resolves from the project', async () => {
    for (const name of ['ajv', '@stoplight/prism-http']) {
      await expect(project.resolve(name, 'require')).rejects.toThrow(/Cannot find module/);
    }
  });

  it('passes the fake server in a default run', async () => {
    const reference = servers.targets[0];
    if (reference?.defect !== 'none') throw new Error('the reference server comes first');
    const run = await contractTest(reference);
    expect(problemsOf(reference, run)).toEqual([]);
    expect(run.report.runs).toBe(100);
  });

  it('fails a variant of each kind of defect with its rule, never printing the key', async () => {
    const variants = servers.targets.filter((target) => PACKED_CLI_VARIANTS.includes(target.name));
    expect(variants.map((target) => target.name).sort()).toEqual([...PACKED_CLI_VARIANTS].sort());
    // The cases always tried catch every variant; a few generated ones on top keep the run short.
    const runs = await inPool(variants, 3, async (target) => ({
      target: target.name,
      problems: problemsOf(target, await contractTest(target, 5)),
    }));
    expect(runs.filter((run) => run.problems.length > 0)).toEqual([]);
    expect(runs).toHaveLength(variants.length);
  });
});

describe('the jest suite and the CLI', () => {
  /** Violation lines of a jest run's failures (`<operation> (<METHOD> <path>) [<rule>] ...`). */
  function jestViolations(report: {
    testResults: { assertionResults: { failureMessages: string[] }[] }[];
  }) {
    const lines = report.testResults
      .flatMap((file) => file.assertionResults)
      .flatMap((test) => test.failureMessages)
      .flatMap((message) => message.split('\n'))
      .map((line) => line.trim())
      .filter((line) => /^\w+ \([A-Z]+ \/[^)]*\) \[[^\]]+\] /.test(line));
    return [...new Set(lines)].sort();
  }

  it('report the same violations for the same server, seed and runs', async () => {
    const target = servers.targets.find((t) => t.name === 'returns-nothing');
    if (!target) throw new Error('no returns-nothing variant');
    const cli = await contractTest(target, 5);
    const output = join(work, 'jest-proxy.json');
    await runCommandOutcome(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--selectProjects',
        'contract',
        // The files that report the upstream's violations; the rest are mock mode's, or check
        // the suite's own support code, and report none. Two files run in band: no workers.
        '--testPathPatterns',
        'contract-tests/provider',
        '--json',
        '--outputFile',
        output,
      ],
      {
        cwd: ROOT,
        env: {
          CONTRACT_UPSTREAM: target.url,
          CONTRACT_API_KEY: servers.apiKey,
          CONTRACT_SEED: String(TARGET_SEED),
          CONTRACT_RUNS: '5',
          FORCE_COLOR: '0',
        },
      },
    );
    const fromJest = jestViolations(JSON.parse(await readFile(output, 'utf8')));
    expect(fromJest.length).toBeGreaterThan(1);
    expect(fromJest).toEqual([...new Set(allViolations(cli.report))].sort());
  });
});
