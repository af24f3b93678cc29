/**
 * Drift check: regenerates into a temporary folder and fails, naming the files, when the
 * committed generated/ differs (a hand edit, or a spec change without `npm run generate`).
 * Usage: tsx scripts/check-generated.ts [dir]   (dir defaults to generated/)
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInto } from './generate';
import { GENERATED_DIR } from './paths';

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

if (require.main === module) {
  const dir = process.argv[2] ?? GENERATED_DIR;
  findDrift(dir).then(
    (drifted) => {
      if (drifted.length === 0) {
        console.log('check:generated: generated/ matches openapi.yaml');
        return;
      }
      console.error(
        `check:generated: generated/ is out of date with openapi.yaml: ${drifted
          .map((name) => join(dir, name))
          .join(
            ', ',
          )}\nRun \`npm run generate\` and commit the result; never edit generated/ by hand.`,
      );
      process.exit(1);
    },
    (error: unknown) => {
      console.error(`check:generated failed: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
