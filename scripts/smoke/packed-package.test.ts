/** The shared pack: callers at once get one result, and it is the tarball of the current build. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packPackage, sharedPackPaths } from './packed-package';

it('gives concurrent callers the same pack, in the folder of the current build', async () => {
  const [first, second] = await Promise.all([packPackage(), packPackage()]);
  expect(second).toEqual(first);
  const { final, lock } = await sharedPackPaths();
  expect(first?.dir).toBe(join(final, 'package'));
  expect(existsSync(first?.tarball ?? '')).toBe(true);
  expect(existsSync(lock)).toBe(false);
  for (const file of ['package.json', 'dist/index.mjs', 'dist/index.cjs']) {
    expect(first?.files).toContain(file);
    expect(existsSync(join(first?.dir ?? '', file))).toBe(true);
  }
}, 60_000);
