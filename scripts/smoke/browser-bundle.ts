/** Bundles a module for the browser with esbuild, which fails on any Node built-in in its graph. */
import { join } from 'node:path';
import { ROOT } from '../paths';
import { type CommandResult, runCommand } from '../run-command';

const ESBUILD = join(ROOT, 'node_modules', '.bin', 'esbuild');

export function bundleForBrowser(
  entry: string,
  { cwd, outfile, external = [] }: { cwd: string; outfile: string; external?: readonly string[] },
): Promise<CommandResult> {
  return runCommand(
    ESBUILD,
    [
      entry,
      '--bundle',
      '--platform=browser',
      '--format=esm',
      '--log-level=error',
      `--outfile=${outfile}`,
      ...external.map((name) => `--external:${name}`),
    ],
    { cwd },
  );
}
