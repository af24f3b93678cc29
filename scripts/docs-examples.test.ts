/**
 * Every ```ts and ```js block of README.md and docs/*.md is type-checked against the current
 * sources (imports of `callab-client` resolve to src/), so a stale example fails CI. A js block
 * that calls `require` is checked as CommonJS (.cjs), any other as ESM (.mjs).
 *
 * @slow
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { docBlocks, type FencedBlock } from './docs-pages';
import { ROOT } from './paths';
import { type CommandOutcome, runCommandOutcome } from './run-command';

const CHECKED_LANGUAGES = ['ts', 'js'];

/** `docs-client-md-line-57.ts`: where the block is, so tsc's messages name it. */
function fileFor(block: FencedBlock): string {
  const extension = block.lang === 'ts' ? 'ts' : /\brequire\(/.test(block.code) ? 'cjs' : 'mjs';
  return `${block.page.replace(/[/.]/g, '-')}-line-${block.line}.${extension}`;
}

/** Type-checks each block as its own module; resolves with tsc's exit code and output. */
async function typeCheck(blocks: FencedBlock[]): Promise<CommandOutcome> {
  const dir = await mkdtemp(join(ROOT, '.docs-examples-'));
  try {
    const files = await Promise.all(
      blocks.map(async (block) => {
        const file = fileFor(block);
        const moduleMarker = block.lang === 'ts' ? '\nexport {};\n' : '';
        await writeFile(join(dir, file), `${block.code}${moduleMarker}`);
        return file;
      }),
    );
    const tsconfig = {
      extends: '../tsconfig.json',
      compilerOptions: {
        noUnusedLocals: false,
        allowJs: true,
        checkJs: true,
        baseUrl: '..',
        paths: {
          'callab-client': ['src/index.ts'],
          'callab-client/testing': ['src/testing/index.ts'],
          'callab-client/fake': ['src/fake/index.ts'],
          'callab-client/msw': ['src/fake/msw.ts'],
        },
      },
      files,
      include: [],
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    return await runCommandOutcome(join(ROOT, 'node_modules/.bin/tsc'), [
      '-p',
      join(dir, 'tsconfig.json'),
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Stale examples planted among the real ones: the check must name each, and only these. */
const STALE: FencedBlock[] = [
  {
    page: 'docs/x.md',
    line: 7,
    lang: 'ts',
    code: "import { Callab } from 'callab-client';\nawait new Callab().contacts.query({ tag: ['vip'] });",
  },
  {
    page: 'docs/x.md',
    line: 3,
    lang: 'js',
    code: "import { Callab } from 'callab-client';\nnew Callab().contacts.list();\n",
  },
  {
    page: 'docs/x.md',
    line: 9,
    lang: 'js',
    code: "const { Callab } = require('callab-client');\nnew Callab().contacts.list();\n",
  },
];

/** The names of the files tsc reported an error in (`dir/file(line,col): error TS...`). */
function filesWithErrors(output: string): Set<string> {
  return new Set(
    [...output.matchAll(/^([^\s(]+)\(\d+,\d+\): error /gm)].map((match) =>
      basename(match[1] ?? ''),
    ),
  );
}

// One tsc run for every case: each run type-checks all of src/, most of this file's time.
describe('the code examples of README.md and docs/, with stale ones planted', () => {
  const blocks = docBlocks().filter((block) => CHECKED_LANGUAGES.includes(block.lang));
  let result: CommandOutcome;
  beforeAll(async () => {
    result = await typeCheck([...blocks, ...STALE]);
  });

  it('come from the pages that have code', () => {
    expect(new Set(blocks.map((block) => block.page))).toEqual(
      new Set(['README.md', 'docs/client.md', 'docs/testing-kit.md']),
    );
  });

  it('all type-check against the current API: tsc objects only to the planted ones', () => {
    expect(result.code).not.toBe(0);
    expect(filesWithErrors(result.output)).toEqual(new Set(STALE.map(fileFor)));
  });

  it('a stale example fails the check, naming the problem', () => {
    expect(result.output).toMatch(/docs-x-md-line-7\.ts\(\d+,\d+\): error .*'tag' does not exist/);
  });

  it('stale JavaScript examples fail the check too, as ESM and as CommonJS', () => {
    expect(result.output).toMatch(
      /docs-x-md-line-3\.mjs\(\d+,\d+\): error .*'list' does not exist/,
    );
    expect(result.output).toMatch(
      /docs-x-md-line-9\.cjs\(\d+,\d+\): error .*'list' does not exist/,
    );
  });
});
