/**
 * Runs inside the drill's copy (`tsx scripts/drill-run.ts`, from scripts/drill.ts): generate, then
 * the checks, then the checks again with each generated piece put back as it was before generate
 * (what a disabled generator leaves). One process for all, so modules load once; each run of the
 * probe reloads the copy's modules so that it sees the files as they are now. Prints the results
 * as JSON on its last line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DrillResult, GENERATED_PIECES, typecheck } from './drill';
import { ROOT } from './paths';

/** `file` of the copy, and every module of the copy it loads, required afresh. */
function fresh<T>(file: string): T {
  for (const loaded of Object.keys(require.cache)) {
    if (loaded.startsWith(`${ROOT}/`) && loaded !== __filename) delete require.cache[loaded];
  }
  return require(join(ROOT, file)) as T;
}

type Probe = { probeDrill(): Promise<string[]> };

async function drill(): Promise<DrillResult> {
  const stale = await Promise.all(
    GENERATED_PIECES.map((piece) => readFile(join(ROOT, piece), 'utf8')),
  );
  const generated = await fresh<typeof import('./generate')>('scripts/generate.ts')
    .generate()
    .then(
      () => [],
      (error: Error) => [`generate failed: ${error.message}`],
    );
  const result: DrillResult = {
    generate: generated,
    typecheck: typecheck(ROOT),
    probe: await fresh<Probe>('scripts/drill-probe.ts').probeDrill(),
    stale: {},
  };
  for (const [i, piece] of GENERATED_PIECES.entries()) {
    const path = join(ROOT, piece);
    const current = await readFile(path, 'utf8');
    await writeFile(path, stale[i] ?? '');
    result.stale[piece] =
      piece === 'generated/openapi.ts'
        ? typecheck(ROOT)
        : await fresh<Probe>('scripts/drill-probe.ts').probeDrill();
    await writeFile(path, current);
  }
  return result;
}

drill().then(
  (result) => console.log(JSON.stringify(result)),
  (error: Error) => {
    console.error(error.stack);
    process.exitCode = 1;
  },
);
