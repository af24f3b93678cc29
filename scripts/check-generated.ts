/**
 * Drift check: regenerates into a temporary folder and fails, naming the files, when the
 * committed generated/ differs (a hand edit, or a spec change without `npm run generate`), or
 * when a docs page's generated tables or terminal session differ from what generate writes.
 * Usage: tsx scripts/check-generated.ts [dir]   (dir defaults to generated/)
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { staleDocPages } from './docs-generate';
import { generateInto } from './generate';
import { GENERATED_DIR, SPEC_PATH } from './paths';

async function readOrNull(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

/** Returns the names of the files in `committedDir` that differ from a fresh generation. */
async function findDrift(committedDir = GENERATED_DIR, specPath?: string): Promise<string[]> {
  const freshDir = await mkdtemp(join(tmpdir(), 'callab-generated-'));
  try {
    const expected = await generateInto(freshDir, specPath);
    const present = await readdir(committedDir).catch(() => [] as string[]);
    const names = [...new Set([...expected, ...present])].sort();
    const drifted: string[] = [];
    for (const name of names) {
      const [fresh, committed] = await Promise.all([
        readOrNull(join(freshDir, name)),
        readOrNull(join(committedDir, name)),
      ]);
      if (fresh !== committed) drifted.push(name);
    }
    return drifted;
  } finally {
    await rm(freshDir, { recursive: true, force: true });
  }
}

async function check(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const drifted = await findDrift(dir);
  if (drifted.length > 0) {
    problems.push(
      `generated/ is out of date with openapi.yaml: ${drifted.map((name) => join(dir, name)).join(', ')}`,
    );
  }
  const { stale } = await staleDocPages(parse(await readFile(SPEC_PATH, 'utf8')));
  if (stale.length > 0) {
    problems.push(
      `generated tables or terminal session out of date with openapi.yaml: ${stale.join(', ')}`,
    );
  }
  return problems;
}

if (require.main === module) {
  const dir = process.argv[2] ?? GENERATED_DIR;
  check(dir).then(
    (problems) => {
      if (problems.length === 0) {
        console.log('check:generated: generated/ matches openapi.yaml, and so do the docs pages');
        return;
      }
      console.error(
        `${problems.map((problem) => `check:generated: ${problem}`).join('\n')}\nRun \`npm run generate\` and commit the result; never edit generated/ or the generated parts of the docs by hand.`,
      );
      process.exit(1);
    },
    (error: unknown) => {
      console.error(`check:generated failed: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
