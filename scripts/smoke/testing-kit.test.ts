/**
 * The testing kit as consumers meet it, from the packed tarball in a fresh project: the docs'
 * jest, Vitest and MSW examples (docs/testing-kit.md) compiled and run with those runners, and browser bundles of
 * `callab-client/fake` and `callab-client/msw` (esbuild, --platform=browser) with no Node
 * built-in. Needs dist/ (`npm test` builds before jest).
 *
 * @slow
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docBlocks, type FencedBlock } from '../docs-pages';
import { ROOT } from '../paths';
import { bundleForBrowser } from './browser-bundle';
import { type ConsumerProject, createConsumerProject } from './consumer-project';
import { packPackage } from './packed-package';

const TOOL = {
  tsc: join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
  jest: join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
  vitest: join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
};

type Runner = 'jest' | 'vitest';

interface Example {
  runner: Runner;
  file: string;
  code: string;
}

/**
 * The runnable examples of every docs page: a ```ts block after
 * `<!-- consumer-example: RUNNER FILE -->`. A marker naming another runner fails, not skips.
 */
function examplesOf(blocks: FencedBlock[]): Example[] {
  return blocks.flatMap(({ marker, lang, code, page, line }) => {
    const [kind, runner, file, ...rest] = (marker ?? '').split(' ');
    if (kind !== 'consumer-example:') return [];
    if (lang !== 'ts' || (runner !== 'jest' && runner !== 'vitest') || !file || rest.length > 0) {
      throw new Error(`${page}:${line}: a consumer-example must be a ts block for jest or vitest`);
    }
    return [{ runner, file, code }];
  });
}

const tsconfig = (compilerOptions: object) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      ...compilerOptions,
    },
    include: ['*.ts'],
  });

const PROJECT_FILES = {
  // jest's defaults (CommonJS, node environment) with ts-jest, as most teams set it up.
  'jest.config.js': `module.exports = {
  roots: ['<rootDir>/jest'],
  testTimeout: 30000,
  transform: { '^.+\\\\.ts$': ['ts-jest', { diagnostics: false }] },
};\n`,
  'jest/tsconfig.json': tsconfig({
    module: 'node16',
    moduleResolution: 'node16',
    types: ['node', 'jest'],
  }),
  'vitest/tsconfig.json': tsconfig({
    module: 'preserve',
    moduleResolution: 'bundler',
    types: ['node'],
  }),
  // What a browser app imports; esbuild must bundle each with no Node built-in.
  'browser/fake.mjs': `import { createFakeFetch, DEFAULT_FAKE_API_KEY } from 'callab-client/fake';
const fakeFetch = createFakeFetch();
const response = await fakeFetch('https://api.callab.ai/contact/query', {
  method: 'POST',
  headers: { authorization: 'Bearer ' + DEFAULT_FAKE_API_KEY, 'content-type': 'application/json' },
  body: JSON.stringify({ tags: ['vip'] }),
});
const { data } = await response.json();
console.log(data.map((contact) => contact.firstname).join(','));
`,
  'browser/msw.mjs': `import { createMswHandlers } from 'callab-client/msw';
import { setupWorker } from 'msw/browser';
export const worker = setupWorker(...createMswHandlers());
`,
};

let work: string;
let project: ConsumerProject;
let examples: Example[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-testing-kit-'));
  const packed = await packPackage();
  examples = examplesOf(docBlocks());
  project = await createConsumerProject(packed.dir, join(work, 'consumer'), {
    ...PROJECT_FILES,
    ...Object.fromEntries(examples.map((e) => [join(e.runner, e.file), e.code])),
  });
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

const bundle = (entry: string) =>
  bundleForBrowser(entry, { cwd: project.dir, outfile: `out/${entry}` });

describe('callab-client/fake without any optional peer', () => {
  it('bundles for the browser with no Node built-in, and the bundle answers as the fake API', async () => {
    await bundle('browser/fake.mjs');
    // Run on Node, which has fetch, Request and Response as a browser does.
    const { stdout } = await project.node('out/browser/fake.mjs', []);
    expect(stdout).toBe('Ada,Grace,Margaret\n');
  }, 30_000);

  it('the bundle check fails on a Node built-in', async () => {
    await writeFile(join(project.dir, 'browser/node.mjs'), "import 'node:http';\n");
    await expect(bundle('browser/node.mjs')).rejects.toThrow(/node:http/);
  });
});

describe('with the optional peers and the test runners installed', () => {
  beforeAll(async () => {
    await project.installOptionalPeers();
    await project.installTools('jest', 'ts-jest', '@types/jest', 'vitest');
  });

  it('the docs show a jest, a Vitest and an MSW example', () => {
    expect(examples.map((e) => e.runner).sort()).toEqual(['jest', 'vitest', 'vitest']);
    expect(examples.some((e) => e.code.includes("from 'msw/node'"))).toBe(true);
  });

  it('callab-client/msw bundles for the browser with msw/browser, with no Node built-in', async () => {
    await bundle('browser/msw.mjs');
  }, 30_000);

  it.each(['jest', 'vitest'] as const)(
    'the %s examples type-check against the package',
    async (runner) => {
      await project.node(TOOL.tsc, ['-p', join(runner, 'tsconfig.json')]);
    },
    60_000,
  );

  it('the jest examples pass under jest (CommonJS)', async () => {
    const { stdout } = await project.node(TOOL.jest, ['--ci', '--json']);
    const report = JSON.parse(stdout);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(3);
  }, 90_000);

  it('the Vitest and MSW examples pass under Vitest (ESM)', async () => {
    const { stdout } = await project.node(TOOL.vitest, [
      'run',
      '--dir',
      'vitest',
      '--reporter=json',
    ]);
    const report = JSON.parse(stdout);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
