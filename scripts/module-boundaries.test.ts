/**
 * The module boundaries: src/ is the package and never imports from scripts/ or contract-tests/
 * (they import from it), and no module the package ships imports a test or a dev-only helper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { ROOT } from './paths';

/** Modules under src/ that only tests and scripts may import. */
const DEV_ONLY = [
  /\.(test|spec)\.ts$/,
  /\.typecheck\.ts$/,
  /(^|\/)test-support(\/|\.ts$)/,
  // Reads the spec with the dev dependencies yaml and Ajv.
  /^src\/internal\/spec-document\.ts$/,
];

const isDevOnly = (path: string) => DEV_ONLY.some((pattern) => pattern.test(path));

/** The relative imports of a TypeScript source: static, dynamic, require() and export ... from. */
function relativeImports(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith('.'));
}

/** Every import across a boundary, for sources keyed by their path from the repository root. */
function boundaryViolations(sources: Readonly<Record<string, string>>): string[] {
  return Object.entries(sources).flatMap(([file, source]) =>
    relativeImports(source).flatMap((name) => {
      const target = posix.join(posix.dirname(file), name);
      if (/^(scripts|contract-tests)\//.test(target)) {
        return [`${file} imports ${target}: src/ never imports from scripts/ or contract-tests/`];
      }
      const module = /\.(?:[cm]?[jt]s|json)$/.test(target) ? target : `${target}.ts`;
      return !isDevOnly(file) && isDevOnly(module)
        ? [`${file} imports ${target}, which only tests and scripts may import`]
        : [];
    }),
  );
}

function sourcesUnder(dir: string): Record<string, string> {
  const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' });
  return Object.fromEntries(
    files
      .filter((file) => file.endsWith('.ts'))
      .map((file) => posix.join(dir, file.split('\\').join('/')))
      .map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]),
  );
}

describe('module boundaries', () => {
  it('src/ imports nothing from scripts/ or contract-tests/, and ships no dev-only module', () => {
    const sources = sourcesUnder('src');
    expect(Object.keys(sources)).toContain('src/client.ts');
    expect(boundaryViolations(sources)).toEqual([]);
  });

  it('finds every kind of crossing, in every form of import', () => {
    expect(
      boundaryViolations({
        'src/a.ts': "import { x } from '../scripts/paths';",
        'src/b.test.ts': "const y = require('../contract-tests/support/spec');",
        'src/cli/c.ts': "export { z } from './c.test';\nimport('../test-support/built-dist');",
        'src/core/d.ts': "import type { SpecNode } from '../internal/spec-document';",
        'src/e.test.ts': "import { loadSpec } from './internal/spec-document';",
        'src/f.ts':
          "import { Callab } from './client';\nimport spec from '../generated/spec.json';",
      }),
    ).toEqual([
      'src/a.ts imports scripts/paths: src/ never imports from scripts/ or contract-tests/',
      'src/b.test.ts imports contract-tests/support/spec: src/ never imports from scripts/ or contract-tests/',
      'src/cli/c.ts imports src/cli/c.test, which only tests and scripts may import',
      'src/cli/c.ts imports src/test-support/built-dist, which only tests and scripts may import',
      'src/core/d.ts imports src/internal/spec-document, which only tests and scripts may import',
    ]);
  });
});
