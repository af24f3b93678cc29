/**
 * Proof that the contract checks can fail: runs src/contract's runner (what `callab contract-test`
 * and the jest suite's proxy mode run) in-process against the conforming references (the fake API
 * through startFakeServer, createFakeFetch and createMswHandlers) and each broken variant of
 * startFakeServer, and exits 1 unless every reference passes with every check run in full and
 * each variant fails with the violations expected of it. `npm run test:contract:variants`.
 */
import { runContract } from '../../src/contract/runner';
import { VARIANTS } from '../../src/test-support/broken-servers/variants';
import { printedForms, startTargets, TARGET_SEED, verdictLine } from './targets';

/**
 * Few generated cases: the cases always tried catch every variant (with any seed), and a default
 * run against the reference is the packed-tarball smoke test's.
 */
const RUNS = 5;

async function main(): Promise<void> {
  const started = Date.now();
  const { apiKey, targets, close } = await startTargets('every-adapter');
  console.log(
    `contract checks (src/contract, in-process, seed ${TARGET_SEED}, ${RUNS} generated cases per property) against the fake API's adapters and ${VARIANTS.length} broken variants of startFakeServer`,
  );
  try {
    const verdicts = await Promise.all(
      targets.map(async (target) => {
        const report = await runContract({
          baseUrl: target.url,
          apiKey,
          seed: TARGET_SEED,
          runs: RUNS,
          timeoutMs: 20_000,
        });
        const problems = target.judge(report, printedForms(report));
        return { ok: problems.length === 0, line: verdictLine(target, report, problems) };
      }),
    );
    for (const { line } of verdicts) console.log(line);
    const good = verdicts.filter((v) => v.ok).length;
    console.log(
      `variants: ${good}/${verdicts.length} as expected in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (good < verdicts.length) process.exitCode = 1;
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
