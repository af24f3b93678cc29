/** What the global setup started, for the global teardown (same process). */
import type { MockServer } from '../../src/testing';

export interface ContractRun {
  /** Prism's mock, in mock mode. */
  prism?: MockServer;
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
