/**
 * Child-process entry: one large query by one variant in a fresh process, so peak RSS belongs to
 * that variant alone. Times only the query (not module loading) and reads the process's peak RSS.
 */
import { performance } from 'node:perf_hooks';
import type { VariantId } from './variants';
import { checkedQuery, sendAndExit, type WorkerConfig, workerConfig } from './worker-io';

export interface LargeConfig extends WorkerConfig {
  variant: VariantId;
}

export interface LargeResult {
  ms: number;
  /** RSS once the client was loaded, before the query: the process's baseline. */
  rssBeforeBytes: number;
  peakRssBytes: number;
}

async function main() {
  const config = workerConfig<LargeConfig>();
  const query = await checkedQuery(config.variant, config);
  const rssBeforeBytes = process.memoryUsage.rss();
  const start = performance.now();
  await query();
  const ms = performance.now() - start;
  // maxRSS is in kilobytes (getrusage ru_maxrss).
  const result: LargeResult = {
    ms,
    rssBeforeBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  sendAndExit(result);
}

main();
