/**
 * A consumer's project in a temp folder, with the packed package installed the way npm lays it
 * out, without network: the tarball's contents in node_modules/callab-client, and each package
 * its package.json declares linked from this repository's node_modules (which `npm ci` filled).
 * Only declared packages are linked, and the temp folder is outside this repository, so a
 * dependency missing from package.json fails here as it would for a consumer.
 */
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT } from '../paths';
import { type CommandResult, runCommand } from '../run-command';
import { CONSUMER_SOURCE } from './consumer-source';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const COMPILER_OPTIONS = { target: 'ES2022', lib: ['ES2022'], strict: true, types: ['node'] };

const TSCONFIGS = {
  'tsconfig.node16.json': {
    compilerOptions: {
      ...COMPILER_OPTIONS,
      module: 'node16',
      moduleResolution: 'node16',
      outDir: 'out',
      // Our declaration files get checked as consumers with skipLibCheck off see them; once
      // only, since checking @types/node is most of the smoke test's time.
      skipLibCheck: false,
    },
    files: ['consumer.ts', 'consumer.mts'],
  },
  'tsconfig.bundler.json': {
    compilerOptions: {
      ...COMPILER_OPTIONS,
      module: 'preserve',
      moduleResolution: 'bundler',
      noEmit: true,
      skipLibCheck: true,
    },
    files: ['consumer.ts'],
  },
};

export type ConsumerTsconfig = keyof typeof TSCONFIGS;

export interface ConsumerProject {
  dir: string;
  /** Links the package's optional peer dependencies (Prism, Ajv) into node_modules. */
  installOptionalPeers(): Promise<void>;
  typecheck(tsconfig: ConsumerTsconfig): Promise<CommandResult>;
  /** Runs a compiled consumer: out/consumer.js (CommonJS) or out/consumer.mjs (ESM). */
  run(
    file: 'out/consumer.js' | 'out/consumer.mjs',
    env?: Record<string, string>,
  ): Promise<CommandResult>;
  /** Where Node resolves `specifier` from the project, for `import` or `require`. */
  resolve(specifier: string, as: 'import' | 'require'): Promise<string>;
  /** Links the consumer's own dev tools (test runners, types) from this repository. */
  installDevTools(names: readonly string[]): Promise<void>;
  /** Writes files into the project, creating folders: paths relative to its root. */
  writeFiles(files: Record<string, string>): Promise<void>;
  /** Runs a Node script of this repository (a tool's bin) in the project. */
  runTool(script: string, args: readonly string[]): Promise<CommandResult>;
}

async function linkFromRepository(dir: string, name: string): Promise<void> {
  const link = join(dir, 'node_modules', name);
  await mkdir(dirname(link), { recursive: true });
  await symlink(join(ROOT, 'node_modules', name), link, 'junction');
}

export async function createConsumerProject(
  packageDir: string,
  dir: string,
): Promise<ConsumerProject> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  await cp(packageDir, join(dir, 'node_modules', manifest.name), { recursive: true });
  for (const name of [...Object.keys(manifest.dependencies ?? {}), '@types/node']) {
    await linkFromRepository(dir, name);
  }
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'smoke-consumer', private: true }),
  );
  for (const [file, config] of Object.entries(TSCONFIGS)) {
    await writeFile(join(dir, file), JSON.stringify(config, null, 2));
  }
  await writeFile(join(dir, 'consumer.ts'), CONSUMER_SOURCE);
  await writeFile(join(dir, 'consumer.mts'), CONSUMER_SOURCE);

  return {
    dir,
    async installOptionalPeers() {
      for (const name of Object.keys(manifest.peerDependencies ?? {})) {
        await linkFromRepository(dir, name);
      }
    },
    async installDevTools(names) {
      for (const name of names) await linkFromRepository(dir, name);
    },
    async writeFiles(files) {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
    },
    runTool: (script, args) => runCommand(process.execPath, [script, ...args], { cwd: dir }),
    typecheck: (tsconfig) => runCommand(process.execPath, [TSC, '-p', tsconfig], { cwd: dir }),
    run: (file, env = {}) => runCommand(process.execPath, [file], { cwd: dir, env }),
    async resolve(specifier, as) {
      const script =
        as === 'import'
          ? `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`
          : `console.log(require.resolve(${JSON.stringify(specifier)}))`;
      const type = as === 'import' ? 'module' : 'commonjs';
      const { stdout } = await runCommand(
        process.execPath,
        [`--input-type=${type}`, '-e', script],
        {
          cwd: dir,
        },
      );
      return stdout.trim();
    },
  };
}
