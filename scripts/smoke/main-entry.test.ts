/**
 * The `.` entry must run in browsers, Deno, Bun and workers: bundling it for the browser, with
 * everything it imports (openapi-fetch included), must find no Node built-in. Needs dist/.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../paths';
import { bundleForBrowser } from './browser-bundle';

let work: string;
let optionalPeers: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-browser-'));
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  optionalPeers = Object.keys(manifest.peerDependencies ?? {});
});
afterAll(() => rm(work, { recursive: true, force: true }));

function bundle(entry: string) {
  return bundleForBrowser(entry, {
    cwd: ROOT,
    outfile: join(work, `${entry.replace(/\W/g, '-')}.js`),
    // Lazily imported by `validate: true` only, and installed by the consumer if wanted.
    external: optionalPeers,
  });
}

describe('the main entry', () => {
  it.each(['dist/index.mjs', 'dist/index.cjs'])(
    '%s bundles for the browser: no Node built-in in its module graph',
    async (entry) => {
      await expect(bundle(entry)).resolves.toBeDefined();
    },
  );

  it('the check catches a Node built-in (the testing entry uses node:http)', async () => {
    await expect(bundle('dist/testing.mjs')).rejects.toThrow(/node:http/);
  });
});
