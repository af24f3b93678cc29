/** `npm pack` of this repository, extracted: exactly the files a consumer's install receives. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireFreshBuild } from '../../src/test-support/built-dist';
import { ROOT } from '../paths';
import { runCommand } from '../run-command';

export interface PackedPackage {
  tarball: string;
  /** The extracted package (what `node_modules/callab-client` holds after an install). */
  dir: string;
  /** Paths inside the package, as the tarball lists them. */
  files: string[];
  /** Tarball size in bytes. */
  size: number;
}

/**
 * Packs `packageDir` into the empty folder `into` and extracts it. The file list comes from the
 * tarball itself, not from npm's --json report, which a prepack script's output would interleave.
 */
export async function packDirectory(
  packageDir: string,
  into: string,
  npmArgs: readonly string[] = [],
): Promise<PackedPackage> {
  await mkdir(into, { recursive: true });
  await runCommand('npm', ['pack', '--pack-destination', into, ...npmArgs], { cwd: packageDir });
  const tarballs = (await readdir(into)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1)
    throw new Error(`npm pack left ${tarballs.length} tarballs in ${into}`);
  const tarball = join(into, tarballs[0] as string);
  const { stdout } = await runCommand('tar', ['-tzf', tarball], { cwd: into });
  await runCommand('tar', ['-xzf', tarball, '-C', into], { cwd: into });
  return {
    tarball,
    dir: join(into, 'package'),
    files: stdout
      .split('\n')
      .filter((line) => line !== '' && !line.endsWith('/'))
      .map((line) => line.replace(/^package\//, '')),
    size: (await stat(tarball)).size,
  };
}

/** What `npm pack` of this repository reads (package.json `files`, plus what npm always adds). */
const PACKED_SOURCES = [
  'dist',
  'docs',
  'openapi.yaml',
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];

async function fingerprintLines(path: string): Promise<string[]> {
  const stats = await stat(path);
  if (!stats.isDirectory()) return [`${path} ${stats.size} ${stats.mtimeMs}`];
  const names = (await readdir(path)).sort();
  return (await Promise.all(names.map((name) => fingerprintLines(join(path, name))))).flat();
}

/** Changes whenever a file the tarball would hold does: a new build, an edited doc. */
async function packedFingerprint(): Promise<string> {
  const present = PACKED_SOURCES.map((source) => join(ROOT, source)).filter(existsSync);
  const lines = (await Promise.all(present.map(fingerprintLines))).flat();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** Where the shared pack of the current build lives, and the lock its packer holds. */
export async function sharedPackPaths(): Promise<{ cache: string; final: string; lock: string }> {
  const checkout = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const cache = join(tmpdir(), 'callab-pack', checkout);
  const final = join(cache, await packedFingerprint());
  return { cache, final, lock: `${final}.lock` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the lock, a folder that holds its owner's pid from the moment it exists (made aside,
 * then renamed into place, which fails while another owner holds it).
 */
async function takeLock(lock: string): Promise<boolean> {
  const claim = await mkdtemp(`${lock}.claim-`);
  await writeFile(join(claim, 'pid'), String(process.pid));
  try {
    await rename(claim, lock);
    return true;
  } catch {
    await rm(claim, { recursive: true, force: true });
    return false;
  }
}

/** A lock whose owner died (a jest worker killed mid-pack) is removed; the pack is retried. */
async function clearDeadLock(lock: string): Promise<void> {
  const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
  if (owner > 0 && !isRunning(owner)) await rm(lock, { recursive: true, force: true });
}

/**
 * Packs into a folder of its own and renames it into place with its summary inside, so the
 * shared pack appears whole or not at all; a pack that finds one already there uses that one.
 */
async function packShared(cache: string, final: string): Promise<void> {
  for (const name of await readdir(cache)) {
    // Earlier builds' packs of this checkout are of no further use.
    if (!/\.(lock|claim-|staging-)/.test(name) && join(cache, name) !== final) {
      await rm(join(cache, name), { recursive: true, force: true });
    }
  }
  const staging = await mkdtemp(`${final}.staging-`);
  try {
    const packed = await packDirectory(ROOT, staging, ['--ignore-scripts']);
    const moved = {
      ...packed,
      tarball: packed.tarball.replace(staging, final),
      dir: packed.dir.replace(staging, final),
    };
    await writeFile(join(staging, SUMMARY), JSON.stringify(moved));
    await rename(staging, final).catch((error: unknown) => {
      if (!existsSync(join(final, SUMMARY))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const SUMMARY = 'packed.json';

/**
 * This repository's package, from the dist/ that `npm test` built, packed once per build and
 * shared by every test that installs it (each jest worker would otherwise pack its own). The
 * first caller packs under a lock; the others wait for its result. Without lifecycle scripts: a
 * prepack build would be redundant, and would replace dist/ under the tests running beside it.
 * Callers read the result and copy it; none may write into it.
 */
export async function packPackage(): Promise<PackedPackage> {
  requireFreshBuild(join(ROOT, 'dist', 'index.mjs'));
  const { cache, final, lock } = await sharedPackPaths();
  const summary = join(final, SUMMARY);
  await mkdir(cache, { recursive: true });
  for (const deadline = Date.now() + 120_000; !existsSync(summary); ) {
    if (await takeLock(lock)) {
      try {
        if (!existsSync(summary)) await packShared(cache, final);
      } finally {
        await rm(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for the shared npm pack (${lock})`);
    await clearDeadLock(lock);
    await sleep(100);
  }
  return JSON.parse(await readFile(summary, 'utf8')) as PackedPackage;
}
