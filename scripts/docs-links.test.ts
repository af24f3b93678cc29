/**
 * Every relative link of README.md and docs/*.md resolves: to a file or folder that exists and
 * ships in the package (so the links also work in node_modules/callab-client), and every
 * `#anchor` to a heading of its page, with GitHub's heading ids.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { readDocPages } from './docs-pages';
import { ROOT } from './paths';

/** npm always packs these, whatever `files` says. */
const ALWAYS_PACKED = ['package.json', 'README.md', 'LICENSE'];
const files = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] })
  .files;

/** The markdown with fenced blocks and code spans blanked out, so their text is not read as links. */
function prose(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n[\s\S]*?^```$/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, '``');
}

/** The id GitHub gives a heading (github-slugger): punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  const unfenced = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  for (const [, text = ''] of unfenced.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(text.trim());
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    ids.add(count === 0 ? base : `${base}-${count}`);
  }
  return ids;
}

function isPacked(path: string): boolean {
  return (
    ALWAYS_PACKED.includes(path) ||
    files.some((entry) => {
      const pattern = new RegExp(`^${entry.replace(/[.+]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
      return pattern.test(path) || entry.startsWith(`${path}/`);
    })
  );
}

/** The problems with the relative links of `pages` (text by path from the root). */
function linkProblems(pages: Record<string, string>): string[] {
  const read = (path: string) =>
    pages[path] ?? (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : '');
  return Object.entries(pages).flatMap(([page, markdown]) =>
    [...prose(markdown).matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].flatMap(
      ([, target = '']) => {
        if (/^([a-z][a-z\d+.-]*:|\/\/)/i.test(target)) return [];
        const [path = '', anchor] = target.split('#');
        const resolved =
          path === '' ? page : normalize(join(dirname(page), path)).replace(/\/$/, '');
        const where = `${page}: (${target})`;
        if (resolved.startsWith('..') || !(resolved in pages || existsSync(join(ROOT, resolved)))) {
          return [`${where}: no ${resolved}`];
        }
        if (!isPacked(resolved)) return [`${where}: ${resolved} is not in the package`];
        if (anchor !== undefined && !anchors(read(resolved)).has(anchor)) {
          return [`${where}: ${resolved} has no heading #${anchor}`];
        }
        return [];
      },
    ),
  );
}

const pages = readDocPages();

describe('the links of README.md and docs/', () => {
  it('resolve to shipped files and existing headings', () => {
    const count =
      Object.values(pages)
        .join('\n')
        .match(/\]\((?![a-z]+:)/g)?.length ?? 0;
    expect(count).toBeGreaterThan(10);
    expect(linkProblems(pages)).toEqual([]);
  });

  it('every guide is linked from the README', () => {
    const readme = pages['README.md'] ?? '';
    const guides = Object.keys(pages).filter((page) => page !== 'README.md');
    expect(guides.filter((page) => !readme.includes(`](${page})`))).toEqual([]);
  });

  it('a missing file, a missing heading and an unshipped file are each caught', () => {
    expect(
      linkProblems({
        'docs/x.md': [
          '# Top',
          '## `raw`: any operation, typed',
          '[a](nowhere.md) [b](client.md#no-such-heading) [c](../scripts/paths.ts)',
          '[d](#raw-any-operation-typed) [e](#top) [f](https://example.com/x.md) [g](client.md#filters)',
          '`[h](inside-code.md)`',
        ].join('\n'),
      }),
    ).toEqual([
      'docs/x.md: (nowhere.md): no docs/nowhere.md',
      'docs/x.md: (client.md#no-such-heading): docs/client.md has no heading #no-such-heading',
      'docs/x.md: (../scripts/paths.ts): scripts/paths.ts is not in the package',
    ]);
  });

  it('heading ids follow GitHub, duplicates numbered', () => {
    expect([
      ...anchors(
        '# Contract tests: does a server implement the API as `openapi.yaml` says?\n## Steps\n## Steps\n```sh\n# not a heading\n```\n',
      ),
    ]).toEqual([
      'contract-tests-does-a-server-implement-the-api-as-openapiyaml-says',
      'steps',
      'steps-1',
    ]);
  });
});
