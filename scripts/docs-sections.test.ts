/**
 * What the docs pages and openapi.yaml say about the API is the spec's: the generated sections
 * are current, and no prose counts the operations, filters or resources differently from the table.
 */
import { readFileSync } from 'node:fs';
import { loadSpec, type SpecNode } from '../src/internal/spec-document';
import { staleDocPages } from './docs-generate';
import { readDocPages } from './docs-pages';
import { docSections, signature, withSections } from './docs-sections';
import { operationTable } from './generate-operations';
import { SPEC_PATH } from './paths';

const pages = readDocPages();
const allText = Object.values(pages).join('\n');
const spec = loadSpec();

const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** `the four operations` and the like: (number, noun) pairs a text claims. */
function countClaims(text: string): { phrase: string; count: number; noun: string }[] {
  const pattern = new RegExp(
    `\\b(?:the|all|these|its)\\s+(${Object.keys(NUMBERS).join('|')}|\\d+)\\s+(?:read\\s+|documented\\s+)?(operations|filters|resources|API commands)\\b`,
    'gi',
  );
  return [...text.matchAll(pattern)].map((m) => ({
    phrase: m[0],
    count: NUMBERS[(m[1] ?? '').toLowerCase()] ?? Number(m[1]),
    noun: (m[2] ?? '').toLowerCase(),
  }));
}

function actualCounts(document: SpecNode): Record<string, number> {
  const entries = Object.values(operationTable(document));
  return {
    operations: entries.length,
    'api commands': entries.length,
    resources: new Set(entries.map((e) => e.resource)).size,
    filters: entries.reduce((n, e) => n + (e.body?.filters.length ?? 0), 0),
  };
}

function wrongCounts(text: string, document: SpecNode): string[] {
  const counts = actualCounts(document);
  return countClaims(text)
    .filter((claim) => claim.count !== counts[claim.noun])
    .map((claim) => `"${claim.phrase}" (there are ${counts[claim.noun]})`);
}

describe('the docs pages, against openapi.yaml', () => {
  it('have current generated sections (npm run generate rewrites them)', () => {
    expect(withSections(pages, docSections(spec))).toEqual(pages);
  });

  it('document each method with the signature the argument rule gives', () => {
    for (const entry of Object.values(operationTable(spec))) {
      expect(allText).toContain(
        `| \`${signature(entry)}\` | \`${entry.method.toUpperCase()} ${entry.path}\` |`,
      );
    }
    const table = operationTable(spec);
    expect([table.queryContacts, table.listCampaigns].map((e) => e && signature(e))).toEqual([
      'contacts.query(filters?, options?)',
      'campaigns.list({ limit }?, options?)',
    ]);
  });

  it('fail on a stale section, on a section in no page, and on one in two pages', () => {
    const page = 'docs/client.md';
    const stale = {
      ...pages,
      [page]: (pages[page] ?? '').replace('`PhoneNumber[]`', '`PhoneNumbers[]`'),
    };
    expect(stale[page]).not.toBe(pages[page]);
    expect(withSections(stale, docSections(spec))).toEqual(pages);
    expect(() => withSections({ 'README.md': '# no markers\n' }, docSections(spec))).toThrow(
      'no page has a <!-- generated:methods --> section',
    );
    expect(() =>
      withSections({ ...pages, 'docs/copy.md': pages[page] ?? '' }, docSections(spec)),
    ).toThrow('<!-- generated:methods --> is in both docs/client.md and docs/copy.md');
  });

  it('npm run check:generated finds a page whose table or terminal session is stale', async () => {
    expect((await staleDocPages(spec, pages)).stale).toEqual([]);
    const edited = {
      ...pages,
      'docs/client.md': (pages['docs/client.md'] ?? '').replace(
        '`PhoneNumber[]`',
        '`PhoneNumbers[]`',
      ),
      'docs/cli.md': (pages['docs/cli.md'] ?? '').replace(
        'Ada        Lovelace',
        'Ada        Byron   ',
      ),
    };
    expect(edited['docs/cli.md']).not.toBe(pages['docs/cli.md']);
    expect((await staleDocPages(spec, edited)).stale).toEqual(['docs/cli.md', 'docs/client.md']);
  }, 30_000);

  it('count operations, resources and filters as the spec has them, in the docs and openapi.yaml', () => {
    expect(wrongCounts(allText, spec)).toEqual([]);
    expect(wrongCounts(readFileSync(SPEC_PATH, 'utf8'), spec)).toEqual([]);
  });

  it('catch a stale count', () => {
    expect(
      wrongCounts('All four operations are reads; the five filters; all 4 resources.', spec),
    ).toEqual(['"the five filters" (there are 4)']);
    expect(wrongCounts('Only the three read operations are called.', spec)).toEqual([
      '"the three read operations" (there are 4)',
    ]);
  });
});
