/**
 * `npm run bench`: what callab-client costs over raw fetch, against bare openapi-fetch and axios.
 * Builds the workers, starts two loopback servers (10 and 100,000 contacts) in their own
 * processes, measures, and writes bench-results/bench.json and bench-results/bench.md.
 * `npm run bench -- --cpu-prof` also writes a CPU profile per worker to bench-results/profiles/.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../paths';
import { type BundleSize, type BundleTarget, measureBundle } from './bundle-size';
import { evaluateGoals, ROOT_ENTRY_LABEL } from './goals';
import type { LargeConfig, LargeResult } from './large-worker';
import { buildEntries, runWorker, startServer } from './processes';
import { type BenchResult, markdownReport } from './report';
import type { SmallConfig, SmallResult } from './small-worker';
import { rotated } from './stats';
import { summarizeLarge, summarizeSmall } from './summary';
import type { VariantId } from './variants';

const SMALL = {
  queries: 2000,
  blockQueries: 100,
  contactsPerQuery: 10,
  warmupQueries: 300,
  rounds: 7,
};
const LARGE = { contacts: 100_000, runs: 7 };
const SMALL_VARIANTS: VariantId[] = ['fetch', 'openapi-fetch', 'callab', 'axios'];
const LARGE_VARIANTS: VariantId[] = [
  'fetch',
  'openapi-fetch',
  'callab',
  'callab-validate',
  'axios',
];

const RESULTS_DIR = join(ROOT, 'bench-results');
const PROFILES_DIR = join(RESULTS_DIR, 'profiles');
const CLIENT_ENTRY = join(ROOT, 'dist', 'index.mjs');
const TESTING_ENTRY = join(ROOT, 'dist', 'testing.mjs');

const BUNDLE_TARGETS: BundleTarget[] = [
  { label: ROOT_ENTRY_LABEL, specifier: CLIENT_ENTRY, hasDefault: false, platform: 'browser' },
  { label: 'callab-client/testing', specifier: TESTING_ENTRY, hasDefault: false, platform: 'node' },
  {
    label: 'openapi-fetch (alone)',
    specifier: 'openapi-fetch',
    hasDefault: true,
    platform: 'browser',
  },
  { label: 'axios (alone)', specifier: 'axios', hasDefault: true, platform: 'browser' },
];

const profiling = process.argv.includes('--cpu-prof');
const profileArgs = (name: string) =>
  profiling
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES_DIR}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];
const log = (line: string) => console.error(`bench: ${line}`);

async function main() {
  for (const entry of [CLIENT_ENTRY, TESTING_ENTRY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  }
  const scripts = await buildEntries(join(RESULTS_DIR, '.build'));
  const smallServer = await startServer(scripts.server, SMALL.contactsPerQuery);
  const largeServer = await startServer(scripts.server, LARGE.contacts);
  try {
    log(`small queries: ${SMALL.rounds} rounds of ${SMALL.queries} per client`);
    const smallConfig: SmallConfig = {
      baseUrl: smallServer.url,
      clientEntry: CLIENT_ENTRY,
      expectedContacts: SMALL.contactsPerQuery,
      variants: SMALL_VARIANTS,
      ...SMALL,
    };
    const small = await runWorker<SmallResult>(
      scripts['small-worker'],
      smallConfig,
      profileArgs('small'),
    );

    const large: Partial<Record<VariantId, LargeResult[]>> = {};
    for (let run = 0; run < LARGE.runs; run++) {
      log(`${LARGE.contacts} contacts: run ${run + 1} of ${LARGE.runs}`);
      for (const variant of rotated(LARGE_VARIANTS, run)) {
        const config: LargeConfig = {
          baseUrl: largeServer.url,
          clientEntry: CLIENT_ENTRY,
          expectedContacts: LARGE.contacts,
          variant,
        };
        const result = await runWorker<LargeResult>(
          scripts['large-worker'],
          config,
          profileArgs(`large-${variant}-${run + 1}`),
        );
        large[variant] = [...(large[variant] ?? []), result];
      }
    }

    log('bundle sizes');
    const bundles: BundleSize[] = [];
    for (const target of BUNDLE_TARGETS) bundles.push(await measureBundle(target));

    const smallSummary = summarizeSmall(small, SMALL.queries);
    const largeSummary = summarizeLarge(large);
    const result: BenchResult = {
      date: new Date().toISOString(),
      environment: `Node ${process.version}, ${platform()}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`,
      small: { ...SMALL, variants: smallSummary },
      large: {
        contacts: LARGE.contacts,
        bodyBytes: largeServer.bodyBytes,
        runs: LARGE.runs,
        variants: largeSummary,
      },
      bundles,
      goals: evaluateGoals(smallSummary, largeSummary, bundles),
    };
    const markdown = markdownReport(result);
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(join(RESULTS_DIR, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(join(RESULTS_DIR, 'bench.md'), `${markdown}\n`);
    console.log(markdown);
    log(
      `wrote bench-results/bench.json and bench-results/bench.md${profiling ? ' and profiles/' : ''}`,
    );
  } finally {
    smallServer.stop();
    largeServer.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
