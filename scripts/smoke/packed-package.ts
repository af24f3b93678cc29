/** `npm pack` of this repository, extracted: exactly the files a consumer's install receives. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { requireFreshBuild } from '../../src/test-support/built-dist';
import { ROOT } from '../paths';
import { runCommand } from '../run-command';

export interface PackedPackage {
  tarball: string;
  /** The extracted package (what `node_modules/callab-client` holds after an install). */
  dir: string;
  /** Paths inside the package, as `npm pack` lists them. */
  files: string[];
  /** Tarball size in bytes. */
  size: number;
}

export async function packPackage(into: string): Promise<PackedPackage> {
  requireFreshBuild(join(ROOT, 'dist', 'index.mjs'));
  await mkdir(into, { recursive: true });
  // --ignore-scripts: pack the dist/ checked fresh above; `prepack` would rebuild it while other
  // tests read it (and print the build into the JSON report).
  const { stdout } = await runCommand(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', into],
    { cwd: ROOT },
  );
  const [report] = JSON.parse(stdout) as {
    filename: string;
    size: number;
    files: { path: string }[];
  }[];
  if (!report) throw new Error(`npm pack printed no report: ${stdout}`);
  const tarball = join(into, report.filename);
  await runCommand('tar', ['-xzf', tarball, '-C', into], { cwd: into });
  return {
    tarball,
    dir: join(into, 'package'),
    files: report.files.map((file) => file.path),
    size: report.size,
  };
}
