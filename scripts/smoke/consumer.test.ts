/**
 * The consumer smoke test: the packed tarball, installed into a temp project, imported as ESM,
 * required as CommonJS and type-checked under node16 and bundler, each run calling the API
 * against a loopback fake server. Needs dist/ (`npm test` builds before jest).
 *
 * @slow
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docPagePaths } from '../docs-pages';
import { ROOT } from '../paths';
import { runCommand } from '../run-command';
import { type ConsumerProject, createConsumerProject } from './consumer-project';
import { CONSUMER_FILES, type ConsumerTsconfig, TSC } from './consumer-source';
import { type PackedPackage, packPackage } from './packed-package';

const ROOT_BIN = join(ROOT, 'node_modules', '.bin');

let work: string;
let packed: PackedPackage;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-smoke-'));
  packed = await packPackage();
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds only what consumers need: the builds, the spec, the docs, the changelog and the licence', () => {
    const unexpected = packed.files.filter(
      (file) =>
        !/^dist\/.+\.(mjs|cjs|d\.mts|d\.ts)$/.test(file) &&
        !/^docs\/[\w-]+\.md$/.test(file) &&
        !['openapi.yaml', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(file),
    );
    expect(unexpected).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        'dist/index.mjs',
        'dist/index.cjs',
        'dist/testing.mjs',
        'dist/cli/index.cjs',
        // The README links to the guides; shipped, the links work in node_modules too.
        ...docPagePaths(),
      ]),
    );
  });

  it('passes publint with nothing to report', async () => {
    const { stdout } = await runCommand(
      join(ROOT_BIN, 'publint'),
      ['run', packed.tarball, '--strict'],
      {
        cwd: work,
      },
    );
    expect(stdout).toContain('All good!');
  });

  it('passes attw (node16 profile; the YAML entry carries no types)', async () => {
    await runCommand(
      join(ROOT_BIN, 'attw'),
      [
        packed.tarball,
        '--profile',
        'node16',
        '--exclude-entrypoints',
        './openapi.yaml',
        '--no-definitely-typed',
      ],
      { cwd: work },
    );
  }, 30_000);
});

describe('a consumer project with the tarball installed', () => {
  let project: ConsumerProject;
  beforeAll(async () => {
    project = await createConsumerProject(packed.dir, join(work, 'consumer'), CONSUMER_FILES);
  });
  const typecheck = (tsconfig: ConsumerTsconfig) => project.node(TSC, ['-p', tsconfig]);

  it('type-checks the consumer under moduleResolution bundler', async () => {
    await typecheck('tsconfig.bundler.json');
  }, 30_000);

  it('type-checks and compiles the consumer under moduleResolution node16 (CommonJS and ESM)', async () => {
    await typecheck('tsconfig.node16.json');
  }, 30_000);

  it('resolves import to the ESM build and require to the CommonJS build', async () => {
    const modules = join(project.dir, 'node_modules', 'callab-client', 'dist');
    expect(await project.resolve('callab-client', 'import')).toMatch(/\/dist\/index\.mjs$/);
    expect(await project.resolve('callab-client', 'require')).toBe(join(modules, 'index.cjs'));
    expect(await project.resolve('callab-client/testing', 'require')).toBe(
      join(modules, 'testing.cjs'),
    );
  });

  it('imports it as ESM and calls the API, without the optional peers', async () => {
    const { stdout } = await project.node('out/consumer.mjs');
    expect(stdout).toBe('smoke ok (ESM, without optional peers)\n');
  });

  it('requires it as CommonJS and calls the API, without the optional peers', async () => {
    const { stdout } = await project.node('out/consumer.js');
    expect(stdout).toBe('smoke ok (CommonJS, without optional peers)\n');
  });

  it('serves the bundled spec from startMockServer and validates responses, with the optional peers', async () => {
    await project.installOptionalPeers();
    const env = { SMOKE_OPTIONAL_PEERS: '1' };
    expect((await project.node('out/consumer.mjs', [], env)).stdout).toBe(
      'smoke ok (ESM, with optional peers)\n',
    );
    expect((await project.node('out/consumer.js', [], env)).stdout).toBe(
      'smoke ok (CommonJS, with optional peers)\n',
    );
  }, 30_000);
});

describe('the smoke test itself', () => {
  // The trap this test exists for: `"type": "module"` + tsup once shipped a CommonJS build as
  // .js, which Node then loaded as ESM and which crashed on require() while publint and attw
  // said all good. Rebuild that package from the real one and check the smoke run fails.
  it('fails on a CommonJS build that crashes on require()', async () => {
    const broken = join(work, 'broken-package');
    await cp(packed.dir, broken, { recursive: true });
    const manifestPath = join(broken, 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await cp(join(broken, 'dist', 'index.cjs'), join(broken, 'dist', 'index.js'));
    manifest.type = 'module';
    manifest.main = './dist/index.js';
    manifest.exports['.'].require.default = './dist/index.js';
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    const project = await createConsumerProject(broken, join(work, 'consumer-of-broken'), {});
    // The consumer compiled above, unchanged: only the package differs.
    await cp(join(work, 'consumer', 'out'), join(project.dir, 'out'), { recursive: true });
    await expect(project.node('out/consumer.mjs')).resolves.toBeDefined();
    await expect(project.node('out/consumer.js')).rejects.toThrow(/ES module scope/);
  }, 30_000);
});
