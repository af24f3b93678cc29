/**
 * What both measuring child processes share: their configuration arrives as JSON in argv[2],
 * their result leaves over IPC, and a wrong answer from a client fails the run instead of
 * producing a fast, meaningless number.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type QueryContacts, VARIANTS, type VariantId } from './variants';

export interface WorkerConfig {
  baseUrl: string;
  /** Absolute path of the built client entry (dist/index.mjs). */
  clientEntry: string;
  expectedContacts: number;
}

export function workerConfig<T extends WorkerConfig>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('bench worker: expected its configuration as JSON in argv[2]');
  return JSON.parse(raw) as T;
}

/** The variant's query, wrapped to check it returned every contact. */
export async function checkedQuery(id: VariantId, config: WorkerConfig): Promise<QueryContacts> {
  const query = await VARIANTS[id].create(config.baseUrl, pathToFileURL(config.clientEntry).href);
  return async () => {
    const contacts = await query();
    if (contacts.length !== config.expectedContacts) {
      throw new Error(
        `${id} returned ${contacts.length} contacts, expected ${config.expectedContacts}`,
      );
    }
    return contacts;
  };
}

export function sendAndExit(result: unknown): void {
  if (!process.send) throw new Error('bench worker: must be started with an IPC channel (fork)');
  process.send(result, () => process.exit(0));
}

export interface Measurement {
  ms: number;
  /** RSS once the client was loaded, before the run: the process's baseline. */
  rssBeforeBytes: number;
  peakRssBytes: number;
}

/** Times `run` alone (not module loading) and reads the process's peak RSS after it. */
export async function measure(run: () => Promise<unknown>): Promise<Measurement> {
  const rssBeforeBytes = process.memoryUsage.rss();
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  // maxRSS is in kilobytes (getrusage ru_maxrss).
  return { ms, rssBeforeBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}
