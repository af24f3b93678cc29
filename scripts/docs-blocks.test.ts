/**
 * No code block of README.md or docs/*.md goes unchecked by accident: each fenced block's
 * language names the check that covers it, and the commands of the `sh` blocks are checked here
 * (npm scripts that exist, files that exist, `callab` invocations the CLI accepts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInvocation } from '../src/cli/args';
import { docBlocks, type FencedBlock, fencedBlocks } from './docs-pages';
import { ROOT } from './paths';

/** Each language, and what checks its blocks. */
const CHECKED_BY: Record<string, string> = {
  ts: 'scripts/docs-examples.test.ts (type-checked; consumer-example blocks also run)',
  js: 'scripts/docs-examples.test.ts (type-checked)',
  console: 'scripts/docs-session.ts (replayed by npm run generate, compared by check:generated)',
  yaml: 'scripts/docs-contract-job.test.ts (the GitHub Actions job)',
  sh: 'this file (the commands)',
};

/**
 * Transcripts shown as they are and not reproduced by any test, page by page: the
 * breaking-change report, and a contract-test failure as text and as JUnit.
 */
const SHOWN_ONLY: Record<string, string[]> = {
  'docs/changing-the-api.md': ['text'],
  'docs/contract-testing.md': ['text', 'xml'],
};

const scripts = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
);

/** The problems with one shell command line (comments, line continuations already removed). */
function commandProblems(command: string): string[] {
  const words = command
    .replace(/\s[12]?>.*$/, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  while (/^[A-Z_]+=/.test(words[0] ?? '')) words.shift();
  const [first, second, third] = words;
  if (first === undefined || first === 'export') return [];
  if (first === 'npm') {
    if (second === 'ci' || second === 'install') return [];
    if (second === 'start' || second === 'test')
      return scripts.includes(second) ? [] : [`no npm script ${second}`];
    if (second === 'run') return scripts.includes(third ?? '') ? [] : [`no npm script ${third}`];
  }
  if (first === 'npx' && second === 'tsx') {
    return existsSync(join(ROOT, third ?? '')) ? [] : [`no file ${third}`];
  }
  const cli = first === 'npx' ? words.slice(1) : words;
  if (cli[0] === 'callab') {
    try {
      const invocation = parseInvocation(cli.slice(1));
      return invocation.kind === 'run' ? [] : [`not a command run: ${command}`];
    } catch (error) {
      return [`callab refuses ${command}: ${(error as Error).message}`];
    }
  }
  return [`a command this check does not know: ${command}`];
}

function shellProblems(block: FencedBlock): string[] {
  const lines = block.code
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s#.*$/, ''));
  return lines
    .flatMap((line) => line.split('&&'))
    .flatMap((command) => commandProblems(command))
    .map((problem) => `${block.page}:${block.line}: ${problem}`);
}

const blocks = docBlocks();

describe('the code blocks of README.md and docs/', () => {
  it('each have a language that a check covers, or are a listed transcript', () => {
    const unchecked = blocks
      .filter(
        (block) =>
          CHECKED_BY[block.lang] === undefined && !SHOWN_ONLY[block.page]?.includes(block.lang),
      )
      .map((block) => `${block.page}:${block.line} \`\`\`${block.lang}`);
    expect(unchecked).toEqual([]);
    const shown = blocks.filter((block) => CHECKED_BY[block.lang] === undefined);
    expect(shown.map((block) => `${block.page} ${block.lang}`).sort()).toEqual(
      Object.entries(SHOWN_ONLY)
        .flatMap(([page, langs]) => langs.map((lang) => `${page} ${lang}`))
        .sort(),
    );
  });

  it('hold one terminal session and one GitHub Actions job, which their checks find', () => {
    expect(blocks.filter((block) => block.lang === 'console').map((b) => b.page)).toEqual([
      'docs/cli.md',
    ]);
    expect(blocks.filter((block) => block.lang === 'yaml').map((b) => b.page)).toEqual([
      'docs/contract-testing.md',
    ]);
  });

  it('run only npm scripts and files that exist, and callab commands the CLI accepts', () => {
    const sh = blocks.filter((block) => block.lang === 'sh');
    expect(sh.length).toBeGreaterThan(0);
    expect(sh.flatMap(shellProblems)).toEqual([]);
  });

  it('the README keeps the two setup commands', () => {
    const readme = blocks.filter((block) => block.page === 'README.md').map((b) => b.code);
    expect(readme.join('\n')).toMatch(/^npm ci && npm start +#/m);
    expect(readme.join('\n')).toMatch(/^npm ci && npm test +#/m);
  });

  it('the command check objects to a missing script, a missing file and a bad invocation', () => {
    expect(commandProblems('npm run no-such-script')).toEqual(['no npm script no-such-script']);
    expect(commandProblems('npx tsx scripts/nowhere.ts')).toEqual(['no file scripts/nowhere.ts']);
    expect(commandProblems('callab contacts query --tags vip')[0]).toMatch(
      /^callab refuses .*unknown option '--tags'/,
    );
    expect(commandProblems('curl https://example.com')).toEqual([
      'a command this check does not know: curl https://example.com',
    ]);
    expect(
      commandProblems('CALLAB_LOG=debug npx callab campaigns list --limit 2 > out.json'),
    ).toEqual([]);
  });

  it('are found with their line, language and marker', () => {
    const page =
      '# T\n\n```sh\nnpm test\n```\n<!-- consumer-example: jest a.test.ts -->\n```ts\nx;\n```\n```\nplain\n```\n';
    expect(fencedBlocks('docs/x.md', page)).toEqual([
      { page: 'docs/x.md', line: 3, lang: 'sh', code: 'npm test\n' },
      {
        page: 'docs/x.md',
        line: 7,
        lang: 'ts',
        code: 'x;\n',
        marker: 'consumer-example: jest a.test.ts',
      },
      { page: 'docs/x.md', line: 10, lang: '', code: 'plain\n' },
    ]);
  });
});
