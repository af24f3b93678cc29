/**
 * `npm run test:runtimes`: the packed client, from a consumer project, against the fake server on
 * every runtime docs/client.md and docs/development.md name: Node 20, 22 and 24, Bun, Deno and headless Chromium. Prints a
 * matrix of runtime, version and each check, and exits 1 when any runtime fails. Needs dist/ and
 * Chromium (`.ci/run` installs it); the other runtimes install themselves (runtimes.ts).
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from '../consumers/bundlers';
import {
  type ConsumerProject,
  createConsumerProject,
  templateFiles,
} from '../smoke/consumer-project';
import { packPackage } from '../smoke/packed-package';
import { chromiumVersion, runInChromium } from './browser';
import { installRuntime, PROCESS_RUNTIMES, type ProcessRuntime } from './runtimes';

interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

interface Row {
  runtime: string;
  version: string;
  /** The checks' results, or why the runtime could not run them at all. */
  outcome: CheckResult[] | Error;
}

type FakeServerModule = typeof import('../../src/testing');
type FakeServer = Awaited<ReturnType<FakeServerModule['startFakeServer']>>;

/** `v22.23.5`, `deno 2.9.6 (stable, ...)`, `Chromium 156.0.1.2 built on ...`: the number. */
function versionIn(output: string): string {
  return /\d+(\.\d+)+/.exec(output)?.[0] ?? output.trim();
}

/** A runtime that reports no check has not passed: it checked nothing. */
function asResults(value: unknown): CheckResult[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`expected the checks' results, got ${JSON.stringify(value)}`);
  }
  return value as CheckResult[];
}

async function attempt<T>(run: () => Promise<T>): Promise<T | Error> {
  try {
    return await run();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function runProcess(
  project: ConsumerProject,
  runtime: ProcessRuntime,
  fake: FakeServer,
): Promise<Row> {
  let version = '?';
  const outcome = await attempt(async () => {
    const bin = await installRuntime(runtime);
    version = versionIn((await project.exec(bin, ['--version'])).stdout);
    if (runtime.package && version !== runtime.package.version) {
      throw new Error(`${bin} is version ${version}, not ${runtime.package.version}`);
    }
    const args = runtime.hostsFakeServer ? [] : [fake.url, fake.apiKey];
    const { stdout } = await project.exec(bin, runtime.args('run-checks.mjs', args), {
      DENO_NO_UPDATE_CHECK: '1',
      DO_NOT_TRACK: '1',
      NO_COLOR: '1',
    });
    return asResults(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
  });
  return { runtime: runtime.name, version, outcome };
}

async function runBrowser(project: ConsumerProject, fake: FakeServer): Promise<Row> {
  let version = '?';
  const outcome = await attempt(async () => {
    version = versionIn(chromiumVersion());
    const built = await bundle(project, 'esbuild', 'browser.mjs', 'page');
    if (built.warnings.length > 0) throw new Error(`esbuild warned: ${built.warnings.join('\n')}`);
    await copyFile(join(project.dir, 'index.html'), join(project.dir, 'page', 'index.html'));
    return asResults(await runInChromium(join(project.dir, 'page'), fake));
  });
  return { runtime: 'chromium (headless)', version, outcome };
}

function passed(row: Row): boolean {
  return !(row.outcome instanceof Error) && row.outcome.every((check) => check.ok);
}

function printMatrix(rows: Row[]): void {
  const names = [
    ...new Set(
      rows.flatMap((row) => (row.outcome instanceof Error ? [] : row.outcome.map((c) => c.name))),
    ),
  ];
  const header = ['runtime', 'version', 'result', ...names];
  const table = rows.map((row) => [
    row.runtime,
    row.version,
    passed(row) ? 'pass' : 'FAIL',
    ...names.map((name) => {
      if (row.outcome instanceof Error) return '-';
      const check = row.outcome.find((c) => c.name === name);
      return check === undefined ? '-' : check.ok ? 'ok' : 'FAIL';
    }),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...table.map((r) => r[i]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const cells of table) console.log(line(cells));
  for (const row of rows.filter((r) => !passed(r))) {
    console.log(`\n${row.runtime} ${row.version}:`);
    if (row.outcome instanceof Error) console.log(`  could not run: ${row.outcome.message}`);
    else
      for (const check of row.outcome.filter((c) => !c.ok))
        console.log(`  ${check.name}: ${check.detail}`);
  }
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'callab-runtimes-'));
  try {
    const packed = await packPackage();
    const project = await createConsumerProject(
      packed.dir,
      join(work, 'consumer'),
      await templateFiles(join(__dirname, 'consumer')),
    );
    await project.installTools('esbuild');
    // The fake server from the packed testing entry, as the consumer's own Node would load it.
    const testing = createRequire(join(project.dir, 'package.json'))(
      'callab-client/testing',
    ) as FakeServerModule;
    const fake = await testing.startFakeServer();
    const rows: Row[] = [];
    try {
      for (const runtime of PROCESS_RUNTIMES) rows.push(await runProcess(project, runtime, fake));
      rows.push(await runBrowser(project, fake));
    } finally {
      await fake.close();
    }
    printMatrix(rows);
    const failed = rows.filter((row) => !passed(row)).length;
    console.log(`\nruntimes: ${rows.length - failed} passed, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
