/** For tests that run the build (the CLI, the packed tarball): they use dist/, never make it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['src', 'generated', 'openapi.yaml', 'package.json', 'tsup.config.ts'];

/** Tests and test helpers are not part of the build: editing them does not make it stale. */
const NOT_BUILT = /(\.test\.ts|\.spec\.ts|\.typecheck\.ts|^test-support)$/;

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  const entries = readdirSync(path).filter((name) => !NOT_BUILT.test(name));
  return Math.max(0, ...entries.map((name) => newestChange(join(path, name))));
}

/**
 * Throws, saying to run `npm run build`, when `builtFile` is missing or older than a source it is
 * built from: a test of a stale build would pass or fail for the wrong code.
 */
export function requireFreshBuild(builtFile: string): void {
  if (!existsSync(builtFile)) {
    throw new Error(`${builtFile} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
  const built = statSync(builtFile).mtimeMs;
  const stale = SOURCES.map((source) => join(ROOT, source)).filter(
    (source) => existsSync(source) && newestChange(source) > built,
  );
  if (stale.length > 0) {
    throw new Error(
      `${builtFile} is older than ${stale.join(', ')}: run \`npm run build\` first (\`npm test\` does).`,
    );
  }
}
