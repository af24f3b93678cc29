/**
 * Every ```ts block in README.md is type-checked against the current sources (imports of
 * `callab-client` resolve to src/), so a stale example fails CI.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './paths';
import { type CommandOutcome, runCommandOutcome } from './run-command';

function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

/** Type-checks each block as its own module; resolves with tsc's exit code and output. */
async function typeCheck(blocks: string[]): Promise<CommandOutcome> {
  const dir = await mkdtemp(join(ROOT, '.readme-examples-'));
  try {
    const files = await Promise.all(
      blocks.map(async (code, index) => {
        const file = `example-${index + 1}.ts`;
        await writeFile(join(dir, file), `${code}\nexport {};\n`);
        return file;
      }),
    );
    const tsconfig = {
      extends: '../tsconfig.json',
      compilerOptions: {
        noUnusedLocals: false,
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

describe('README examples', () => {
  it('all type-check against the current API', async () => {
    const blocks = tsBlocks(await readFile(join(ROOT, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const result = await typeCheck(blocks);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('a stale example fails the check, naming the problem', async () => {
    const stale =
      "import { Callab } from 'callab-client';\nawait new Callab().contacts.query({ tag: ['vip'] });";
    const result = await typeCheck([stale]);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/example-1\.ts.*'tag' does not exist/s);
  });
});
