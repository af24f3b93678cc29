/**
 * A consumer's project in a temp folder, with the packed package installed the way npm lays it
 * out, without network: the tarball's contents in node_modules/callab-client, and each package
 * its package.json declares linked from this repository's node_modules (which `npm ci` filled).
 * Only declared packages are linked, and the temp folder is outside this repository, so a
 * dependency missing from package.json fails here as it would for a consumer.
 */
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT } from '../paths';
import { type CommandResult, runCommand } from '../run-command';

export interface ConsumerProject {
  dir: string;
  /** Links the package's optional peer dependencies (Prism, Ajv) into node_modules. */
  installOptionalPeers(): Promise<void>;
  /** Links this repository's copy of each tool (jest, vite...), `.bin` entries included. */
  installTools(...names: string[]): Promise<void>;
  /** Runs `command` in the project, with node_modules/.bin first on PATH as `npm run` has it. */
  exec(
    command: string,
    args: readonly string[],
    env?: Record<string, string>,
  ): Promise<CommandResult>;
  /** Runs a script of the project with this Node. */
  node(
    file: string,
    args?: readonly string[],
    env?: Record<string, string>,
  ): Promise<CommandResult>;
  /** Where Node resolves `specifier` from the project, for `import` or `require`. */
  resolve(specifier: string, as: 'import' | 'require'): Promise<string>;
}

async function linkFromRepository(dir: string, name: string): Promise<void> {
  const link = join(dir, 'node_modules', name);
  await mkdir(dirname(link), { recursive: true });
  await symlink(join(ROOT, 'node_modules', name), link, 'junction');
}

/** What npm does for each `bin` of an installed package: a link in node_modules/.bin. */
async function linkBins(dir: string, name: string): Promise<void> {
  const packageDir = join(ROOT, 'node_modules', name);
  const { bin } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bins = typeof bin === 'string' ? { [name.replace(/^@[^/]+\//, '')]: bin } : (bin ?? {});
  await mkdir(join(dir, 'node_modules', '.bin'), { recursive: true });
  for (const [command, file] of Object.entries(bins)) {
    await symlink(join(packageDir, file), join(dir, 'node_modules', '.bin', command));
  }
}

/** A folder of files (one level deep), read into `{ name: contents }` for createConsumerProject. */
export async function templateFiles(templateDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(templateDir)) {
    files[name] = await readFile(join(templateDir, name), 'utf8');
  }
  return files;
}

/**
 * `files` are the consumer's own (its package.json among them, else a bare one is written).
 * `packageDir` is the extracted tarball.
 */
export async function createConsumerProject(
  packageDir: string,
  dir: string,
  files: Record<string, string>,
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
  const consumerFiles = {
    'package.json': JSON.stringify({ name: 'smoke-consumer', private: true }),
    ...files,
  };
  for (const [file, contents] of Object.entries(consumerFiles)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), contents);
  }

  const exec: ConsumerProject['exec'] = (command, args, env = {}) =>
    runCommand(command, args, {
      cwd: dir,
      env: { PATH: `${join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`, ...env },
    });
  return {
    dir,
    async installOptionalPeers() {
      for (const name of Object.keys(manifest.peerDependencies ?? {})) {
        await linkFromRepository(dir, name);
      }
    },
    async installTools(...names) {
      for (const name of names) {
        await linkFromRepository(dir, name);
        await linkBins(dir, name);
      }
    },
    exec,
    node: (file, args = [], env = {}) => exec(process.execPath, [file, ...args], env),
    async resolve(specifier, as) {
      const script =
        as === 'import'
          ? `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`
          : `console.log(require.resolve(${JSON.stringify(specifier)}))`;
      const type = as === 'import' ? 'module' : 'commonjs';
      const { stdout } = await exec(process.execPath, [`--input-type=${type}`, '-e', script]);
      return stdout.trim();
    },
  };
}
