/** `npm pack` of this repository, extracted: exactly the files a consumer's install receives. */
import { mkdir, readdir, stat } from 'node:fs/promises';
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

/**
 * This repository's package, from the dist/ that `npm test` built. Without lifecycle scripts: a
 * prepack build would be redundant, and would replace dist/ under the tests running beside it.
 */
export function packPackage(into: string): Promise<PackedPackage> {
  requireFreshBuild(join(ROOT, 'dist', 'index.mjs'));
  return packDirectory(ROOT, into, ['--ignore-scripts']);
}
