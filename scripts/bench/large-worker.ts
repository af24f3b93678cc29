/**
 * Child-process entry: one large query by one variant in a fresh process, so peak RSS belongs to
 * that variant alone. Times only the query (not module loading) and reads the process's peak RSS.
 */
import type { VariantId } from './variants';
import {
  checkedQuery,
  type Measurement,
  measure,
  sendAndExit,
  type WorkerConfig,
  workerConfig,
} from './worker-io';

export interface LargeConfig extends WorkerConfig {
  variant: VariantId;
}

export type LargeResult = Measurement;

async function main() {
  const config = workerConfig<LargeConfig>();
  const query = await checkedQuery(config.variant, config);
  const result: LargeResult = await measure(query);
  sendAndExit(result);
}

main();
