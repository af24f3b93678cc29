/**
 * Child-process entry: the small-query benchmark. After a warm-up, each round runs `queries`
 * sequential queries per variant, interleaved in blocks (A B C D, then B C D A...), so a burst of
 * load from elsewhere on the machine, or a variant's garbage collected later, hits every variant
 * alike. A round's times for a variant are the sums over its blocks.
 */
import { performance } from 'node:perf_hooks';
import { rotated } from './stats';
import type { QueryContacts, VariantId } from './variants';
import { checkedQuery, sendAndExit, type WorkerConfig, workerConfig } from './worker-io';

export interface SmallConfig extends WorkerConfig {
  variants: VariantId[];
  queries: number;
  /** Queries a variant runs before the next one takes over; divides `queries`. */
  blockQueries: number;
  warmupQueries: number;
  rounds: number;
}

export interface RoundTimes {
  /** Wall-clock milliseconds for the round's `queries` queries. */
  wallMs: number;
  /**
   * CPU milliseconds this process spent on them: the client's own cost, which waiting for the
   * server or for other processes on a busy machine does not inflate.
   */
  cpuMs: number;
}

/** Each variant's times, one entry per round. */
export type SmallResult = Partial<Record<VariantId, RoundTimes[]>>;

async function timeQueries(query: QueryContacts, count: number): Promise<RoundTimes> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < count; i++) await query();
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function main() {
  const config = workerConfig<SmallConfig>();
  const queries = new Map<VariantId, QueryContacts>();
  for (const id of config.variants) queries.set(id, await checkedQuery(id, config));
  for (const query of queries.values()) await timeQueries(query, config.warmupQueries);

  const result: SmallResult = Object.fromEntries(config.variants.map((id) => [id, []]));
  const blocks = config.queries / config.blockQueries;
  for (let round = 0; round < config.rounds; round++) {
    const totals = new Map<VariantId, RoundTimes>();
    for (let block = 0; block < blocks; block++) {
      for (const id of rotated(config.variants, round * blocks + block)) {
        const times = await timeQueries(queries.get(id) as QueryContacts, config.blockQueries);
        const total = totals.get(id) ?? { wallMs: 0, cpuMs: 0 };
        totals.set(id, { wallMs: total.wallMs + times.wallMs, cpuMs: total.cpuMs + times.cpuMs });
      }
    }
    for (const [id, total] of totals) result[id]?.push(total);
  }
  sendAndExit(result);
}

main();
