/**
 * `npm pack` as a publisher runs it, on a fresh clone of this repository's committed HEAD: a clone
 * has no dist/, npm packs whatever is there without complaint, so only the package's own prepack
 * can put the builds in. node_modules is linked from this checkout (what `npm ci` of the same
 * lockfile installs) to spare a second install; the build itself runs in the clone.
 *
 * @slow
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { ROOT } from '../paths';
import { runCommand } from '../run-command';
import { packDirectory } from './packed-package';

let work: string;
let clone: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-clone-'));
  clone = join(work, 'clone');
  await runCommand('git', ['clone', '--quiet', ROOT, clone], { cwd: work });
  await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'junction');
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

/** Every file the manifest points consumers at: main, module, types, bin and each export. */
function manifestTargets(manifest: Record<string, unknown>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(normalize(value));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const field of ['main', 'module', 'types', 'bin', 'exports']) collect(manifest[field]);
  return [...new Set(targets)];
}

it('a fresh clone has no dist/, and its npm pack ships every file the manifest points to', async () => {
  expect(existsSync(join(clone, 'dist'))).toBe(false);
  const packed = await packDirectory(clone, join(work, 'pack'));
  const manifest = JSON.parse(await readFile(join(clone, 'package.json'), 'utf8'));
  const targets = manifestTargets(manifest);
  expect(targets).toEqual(expect.arrayContaining(['dist/index.mjs', 'dist/index.cjs']));
  expect(targets.filter((target) => !packed.files.includes(target))).toEqual([]);
}, 300_000);
