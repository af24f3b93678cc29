/**
 * The `.` entry in a consumer's browser app, bundled by esbuild, Vite and webpack from the packed
 * tarball, in a project with none of the optional peers installed and no `--external` flag.
 * Each build must warn about nothing and ship no code that throws because a package is missing;
 * a control package with a lazy import() of a missing peer shows each check catches that defect.
 * Prints the gzip size per bundler. Needs dist/ (`npm test` builds before jest).
 *
 * @slow
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConsumerProject,
  createConsumerProject,
  templateFiles,
} from '../smoke/consumer-project';
import { packPackage } from '../smoke/packed-package';
import { BUNDLERS, type Bundle, type BundleSize, bundle, measure } from './bundlers';

/** What bundlers emit in place of a module they could not find, and what our loaders throw. */
const MISSING_MODULE_CODE =
  /not installed|Is it installed|needs the optional|Cannot find module|Could not resolve|MODULE_NOT_FOUND/;

const CONTROL_PACKAGE = {
  'node_modules/lazy-peer-control/package.json': JSON.stringify({
    name: 'lazy-peer-control',
    version: '1.0.0',
    type: 'module',
    exports: './index.js',
    peerDependencies: { 'missing-optional-peer': '^1.0.0' },
    peerDependenciesMeta: { 'missing-optional-peer': { optional: true } },
  }),
  'node_modules/lazy-peer-control/index.js':
    "export const load = () => import('missing-optional-peer');\n",
};

let work: string;
let project: ConsumerProject;
const sizes: BundleSize[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-browser-'));
  const packed = await packPackage();
  project = await createConsumerProject(packed.dir, join(work, 'consumer'), {
    ...(await templateFiles(join(__dirname, 'browser'))),
    ...CONTROL_PACKAGE,
  });
  await project.installTools(...BUNDLERS);
}, 60_000);

afterAll(async () => {
  if (sizes.length > 0) {
    console.log(
      `main entry in a browser app, gzip (eager + lazy chunks):\n${sizes
        .map((s) => `  ${s.bundler.padEnd(8)} ${s.eagerGzipBytes} B + ${s.lazyGzipBytes} B`)
        .join('\n')}`,
    );
  }
  await rm(work, { recursive: true, force: true });
});

/** A bundle's problems: its warnings, and each output file holding missing-module code. */
async function problems(built: Bundle): Promise<string[]> {
  const found = [...built.warnings];
  for (const file of [...built.eager, ...built.lazy]) {
    const match = MISSING_MODULE_CODE.exec(await readFile(file, 'utf8'));
    if (match) found.push(`${file} contains "${match[0]}"`);
  }
  return found;
}

describe.each(BUNDLERS)('%s', (bundler) => {
  it('bundles the main entry for the browser with nothing unresolved and nothing that throws for a missing package', async () => {
    const built = await bundle(project, bundler, 'app.mjs', `out/${bundler}-app`);
    expect(await problems(built)).toEqual([]);
    expect(built.eager.length).toBeGreaterThan(0);
    sizes.push(await measure(built));
  }, 60_000);

  it('the check catches a lazy import() of a missing optional peer', async () => {
    const outcome = await bundle(project, bundler, 'control.mjs', `out/${bundler}-control`).then(
      problems,
      (error: Error) => [error.message],
    );
    expect(outcome.join('\n')).toMatch(/missing-optional-peer/);
  }, 60_000);
});

describe('esbuild', () => {
  it('bundles the CommonJS build (require) for the browser too', async () => {
    const built = await bundle(project, 'esbuild', 'app.cjs', 'out/esbuild-cjs');
    expect(await problems(built)).toEqual([]);
  }, 60_000);

  it('refuses the testing kit, which needs Node (node:http)', async () => {
    await expect(bundle(project, 'esbuild', 'testing.mjs', 'out/esbuild-testing')).rejects.toThrow(
      /node:http/,
    );
  }, 60_000);
});
