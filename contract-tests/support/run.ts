/** The running Prism and scratch directory, shared by the global setup and teardown (same process). */
import type { PrismServer } from './prism';

export interface ContractRun {
  prism: PrismServer;
  runDir: string;
}

const KEY = Symbol.for('callab.contractRun');

export function setContractRun(run: ContractRun): void {
  (globalThis as Record<symbol, unknown>)[KEY] = run;
}

export function takeContractRun(): ContractRun | undefined {
  const store = globalThis as Record<symbol, unknown>;
  const run = store[KEY] as ContractRun | undefined;
  delete store[KEY];
  return run;
}
