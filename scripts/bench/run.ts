/**
 * `npm run bench`: what callab-client costs over raw fetch, against bare openapi-fetch and axios,
 * and what reading a list as a stream costs. Builds the workers, starts loopback servers (10,
 * 100,000 and 1,200,000 contacts) in their own processes, measures, and writes
 * bench-results/bench.json and bench-results/bench.md.
 * `npm run bench -- --cpu-prof` also writes a CPU profile per worker to bench-results/profiles/.
 * `npm run bench -- --only=small,bundle` measures only those parts (of small, bundle) and prints
 * their tables and goals, writing no results file: for iterating on one goal.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../paths';
import { type BundleSize, type BundleTarget, measureBundle } from './bundle-size';
import { bundleGoals, evaluateGoals, type Goal, ROOT_ENTRY_LABEL, smallGoals } from './goals';
import type { LargeConfig, LargeResult } from './large-worker';
import { buildEntries, runWorker, startServer } from './processes';
import { type BenchResult, bundleTable, goalTable, markdownReport, smallTable } from './report';
import type { SmallConfig, SmallResult } from './small-worker';
import { rotated } from './stats';
import { evaluateStreamGoals, summarizeStream } from './stream-summary';
import type { StreamVariantId } from './stream-variants';
import type { StreamConfig, StreamResult } from './stream-worker';
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
/** The same 100k list read as a stream, then a list past V8's longest string (~703 MB). */
/** The CLI's export of the huge list runs once: at its rate one run takes minutes. */
const STREAM = { runs: 7, hugeContacts: 1_200_000, hugeRuns: 3, cliRuns: 1 };
const STREAM_VARIANTS: StreamVariantId[] = ['fetch', 'envelope-reader', 'query-stream'];
/** Raw fetch cannot read the huge list: it runs once, to record how it fails. */
const HUGE_VARIANTS: StreamVariantId[] = ['envelope-reader', 'query-stream'];
/** The CLI's export reads the huge list from the fake server's synthetic list (testing kit). */
const HUGE_FAKE_VARIANTS: StreamVariantId[] = ['cli-csv'];
/** The variants held to issue 12's streaming goals: the client's method, and the CLI at 1.2M. */
const STREAM_GOAL_VARIANT: StreamVariantId = 'query-stream';
const HUGE_GOAL_VARIANTS: StreamVariantId[] = ['query-stream', 'cli-csv'];

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
const PARTS = ['small', 'bundle'] as const;
type Part = (typeof PARTS)[number];
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg?.slice('--only='.length).split(',');

function checkedParts(names: string[]): Part[] {
  for (const name of names) {
    if (!(PARTS as readonly string[]).includes(name)) {
      throw new Error(
        `--only: unknown part ${JSON.stringify(name)}; the parts are ${PARTS.join(', ')}`,
      );
    }
  }
  return names as Part[];
}
const profileArgs = (name: string) =>
  profiling
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES_DIR}`, `--cpu-prof-name=${name}.cpuprofile`]
    : [];
const log = (line: string) => console.error(`bench: ${line}`);

/**
 * Runs `measure` `runs` times per variant, the variants in a rotated order each time, and
 * collects each variant's results in run order.
 */
async function rotations<Id extends string, R>(
  ids: Id[],
  runs: number,
  measure: (id: Id, run: number) => Promise<R>,
): Promise<Partial<Record<Id, R[]>>> {
  const results: Partial<Record<Id, R[]>> = {};
  for (let run = 0; run < runs; run++) {
    for (const id of rotated(ids, run))
      results[id] = [...(results[id] ?? []), await measure(id, run)];
  }
  return results;
}

async function measureSmall(script: string, baseUrl: string): Promise<SmallResult> {
  log(`small queries: ${SMALL.rounds} rounds of ${SMALL.queries} per client`);
  const config: SmallConfig = {
    baseUrl,
    clientEntry: CLIENT_ENTRY,
    expectedContacts: SMALL.contactsPerQuery,
    variants: SMALL_VARIANTS,
    ...SMALL,
  };
  return runWorker<SmallResult>(script, config, profileArgs('small'));
}

async function measureBundles(): Promise<BundleSize[]> {
  log('bundle sizes');
  const bundles: BundleSize[] = [];
  for (const target of BUNDLE_TARGETS) bundles.push(await measureBundle(target));
  return bundles;
}

/** `--only`: the parts asked for, printed; bench.json keeps the last full run. */
async function runParts(parts: Part[], scripts: Awaited<ReturnType<typeof buildEntries>>) {
  const sections: string[] = [];
  const goals: Goal[] = [];
  if (parts.includes('small')) {
    const server = await startServer(scripts.server, SMALL.contactsPerQuery);
    try {
      const small = summarizeSmall(
        await measureSmall(scripts['small-worker'], server.url),
        SMALL.queries,
      );
      sections.push(smallTable({ ...SMALL, variants: small }));
      goals.push(...smallGoals(small));
    } finally {
      server.stop();
    }
  }
  if (parts.includes('bundle')) {
    const bundles = await measureBundles();
    sections.push(bundleTable(bundles));
    goals.push(...bundleGoals(bundles));
  }
  console.log([...sections, goalTable(goals)].join('\n\n'));
}

async function main() {
  for (const entry of [CLIENT_ENTRY, TESTING_ENTRY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  }
  const scripts = await buildEntries(join(RESULTS_DIR, '.build'));
  if (only) return runParts(checkedParts(only), scripts);
  const smallServer = await startServer(scripts.server, SMALL.contactsPerQuery);
  const largeServer = await startServer(scripts.server, LARGE.contacts);
  try {
    const small = await measureSmall(scripts['small-worker'], smallServer.url);

    log(`${LARGE.contacts} contacts: ${LARGE.runs} runs per client`);
    const large = await rotations(LARGE_VARIANTS, LARGE.runs, (variant, run) => {
      const config: LargeConfig = {
        baseUrl: largeServer.url,
        clientEntry: CLIENT_ENTRY,
        expectedContacts: LARGE.contacts,
        variant,
      };
      return runWorker<LargeResult>(
        scripts['large-worker'],
        config,
        profileArgs(`large-${variant}-${run + 1}`),
      );
    });

    const streamRun =
      (baseUrl: string, contacts: number) => (variant: StreamVariantId, run: number) => {
        const config: StreamConfig = {
          baseUrl,
          clientEntry: CLIENT_ENTRY,
          expectedContacts: contacts,
          variant,
        };
        return runWorker<StreamResult>(
          scripts['stream-worker'],
          config,
          profileArgs(`stream-${contacts}-${variant}-${run + 1}`),
        );
      };
    log(`${LARGE.contacts} contacts streamed: ${STREAM.runs} runs per reader`);
    const streamAt100k = await rotations(
      STREAM_VARIANTS,
      STREAM.runs,
      streamRun(largeServer.url, LARGE.contacts),
    );
    log(`${STREAM.hugeContacts} contacts: serializing the body`);
    const hugeServer = await startServer(scripts.server, STREAM.hugeContacts);
    let huge: Partial<Record<StreamVariantId, StreamResult[]>>;
    try {
      log(`${STREAM.hugeContacts} contacts streamed: ${STREAM.hugeRuns} runs, raw fetch once`);
      const run = streamRun(hugeServer.url, STREAM.hugeContacts);
      huge = {
        ...(await rotations(HUGE_VARIANTS, STREAM.hugeRuns, run)),
        fetch: [await run('fetch', 0)],
      };
    } finally {
      hugeServer.stop();
    }
    const fakeServer = await startServer(scripts.server, STREAM.hugeContacts, 'fake');
    try {
      log(`${STREAM.hugeContacts} contacts from the fake server: the CLI's csv export`);
      const run = streamRun(fakeServer.url, STREAM.hugeContacts);
      huge = { ...huge, ...(await rotations(HUGE_FAKE_VARIANTS, STREAM.cliRuns, run)) };
    } finally {
      fakeServer.stop();
    }

    const bundles = await measureBundles();

    const smallSummary = summarizeSmall(small, SMALL.queries);
    const largeSummary = summarizeLarge(large);
    const stream = {
      runs: STREAM.runs,
      hugeRuns: STREAM.hugeRuns,
      at100k: summarizeStream(streamAt100k, {
        contacts: LARGE.contacts,
        bodyBytes: largeServer.bodyBytes,
      }),
      huge: summarizeStream(huge, {
        contacts: STREAM.hugeContacts,
        bodyBytes: hugeServer.bodyBytes,
      }),
    };
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
      stream,
      bundles,
      goals: [
        ...evaluateGoals(smallSummary, largeSummary, bundles),
        ...evaluateStreamGoals(stream.at100k, stream.huge, STREAM_GOAL_VARIANT, HUGE_GOAL_VARIANTS),
      ],
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
