/**
 * What README.md and openapi.yaml say about the API is the spec's: the generated sections are
 * current, and no prose counts the operations, filters or resources differently from the table.
 */
import { readFileSync } from 'node:fs';
import { loadSpec, type SpecNode } from '../src/internal/spec-document';
import { operationTable } from './generate-operations';
import { SPEC_PATH } from './paths';
import { README_PATH, readmeSections, signature, withSections } from './readme-sections';

const readme = readFileSync(README_PATH, 'utf8');
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

describe('README.md, against openapi.yaml', () => {
  it('has current generated sections (npm run generate rewrites them)', () => {
    expect(withSections(readme, readmeSections(spec))).toBe(readme);
  });

  it('documents each method with the signature the argument rule gives', () => {
    for (const entry of Object.values(operationTable(spec))) {
      expect(readme).toContain(
        `| \`${signature(entry)}\` | \`${entry.method.toUpperCase()} ${entry.path}\` |`,
      );
    }
    const table = operationTable(spec);
    expect([table.queryContacts, table.listCampaigns].map((e) => e && signature(e))).toEqual([
      'contacts.query(filters?, options?)',
      'campaigns.list({ limit }?, options?)',
    ]);
  });

  it('fails on a stale section, and on a section without markers', () => {
    const stale = readme.replace('`PhoneNumber[]`', '`PhoneNumbers[]`');
    expect(stale).not.toBe(readme);
    expect(withSections(stale, readmeSections(spec))).toBe(readme);
    expect(() => withSections('# no markers\n', readmeSections(spec))).toThrow(
      'README.md has no <!-- generated:methods --> section',
    );
  });

  it('counts operations, resources and filters as the spec has them, in README.md and openapi.yaml', () => {
    expect(wrongCounts(readme, spec)).toEqual([]);
    expect(wrongCounts(readFileSync(SPEC_PATH, 'utf8'), spec)).toEqual([]);
  });

  it('catches a stale count', () => {
    expect(
      wrongCounts('All four operations are reads; the five filters; all 4 resources.', spec),
    ).toEqual(['"the five filters" (there are 4)']);
    expect(wrongCounts('Only the three read operations are called.', spec)).toEqual([
      '"the three read operations" (there are 4)',
    ]);
  });
});
