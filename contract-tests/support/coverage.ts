/**
 * The coverage gate: every (operation, status, named example) of the spec must be exercised.
 * Tests append what they exercised to files in the run directory (one per worker process);
 * the global teardown compares them with the spec and fails on anything missing.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlobalConfig } from 'jest';
import type { SpecMediaType } from '../../src/internal/spec-document';

/** Stands in for a documented response without a named example: no test can exercise it. */
export const NO_NAMED_EXAMPLE = '(no named example: add one to openapi.yaml)';

export function coverageKey(media: SpecMediaType, example: string): string {
  const where = media.status === undefined ? 'request' : media.status;
  return `${media.operation.operationId} ${where} ${media.mediaType} ${example}`;
}

/** Every named example of every request and response media type. */
export function expectedCoverage(mediaTypes: readonly SpecMediaType[]): string[] {
  return mediaTypes.flatMap((media) => {
    const names = Object.keys(media.examples);
    if (names.length === 0 && media.status !== undefined) {
      return [coverageKey(media, NO_NAMED_EXAMPLE)];
    }
    return names.map((name) => coverageKey(media, name));
  });
}

const recordsDir = (runDir: string) => join(runDir, 'coverage');

export function recordExercised(runDir: string, key: string): void {
  mkdirSync(recordsDir(runDir), { recursive: true });
  appendFileSync(join(recordsDir(runDir), `${process.pid}.txt`), `${key}\n`);
}

export function readExercised(runDir: string): string[] {
  const dir = recordsDir(runDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((file) =>
    readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean),
  );
}

export interface CoverageReport {
  covered: number;
  total: number;
  missing: string[];
  /** `contract coverage: X/Y`. */
  summary: string;
}

export function compareCoverage(
  expected: readonly string[],
  exercised: readonly string[],
): CoverageReport {
  const seen = new Set(exercised);
  const wanted = [...new Set(expected)];
  const missing = wanted.filter((key) => !seen.has(key));
  const covered = wanted.length - missing.length;
  return {
    covered,
    total: wanted.length,
    missing,
    summary: `contract coverage: ${covered}/${wanted.length}`,
  };
}

/** The jest options that can leave test files or tests out of a run. */
export type RunSelection = Pick<
  GlobalConfig,
  | 'testNamePattern'
  | 'findRelatedTests'
  | 'nonFlagArgs'
  | 'changedSince'
  | 'onlyChanged'
  | 'onlyFailures'
  | 'shard'
> & { testPathPatterns: Pick<GlobalConfig['testPathPatterns'], 'isSet' | 'patterns'> };

/** The option that ran only part of the suite, if one did: the gate cannot apply to such a run. */
export function partialRunFilter(config: RunSelection): string | undefined {
  if (config.testNamePattern) return `-t ${config.testNamePattern}`;
  if (config.findRelatedTests) return `--findRelatedTests ${config.nonFlagArgs.join(' ')}`;
  if (config.testPathPatterns.isSet()) return `paths ${config.testPathPatterns.patterns.join(' ')}`;
  if (config.shard) return `--shard ${config.shard.shardIndex}/${config.shard.shardCount}`;
  // --changedSince, --lastCommit and --changedFilesWithAncestor all set onlyChanged.
  if (config.changedSince) return `--changedSince ${config.changedSince}`;
  if (config.onlyChanged) return '--onlyChanged (or --lastCommit, --changedFilesWithAncestor)';
  if (config.onlyFailures) return '--onlyFailures';
  return undefined;
}
