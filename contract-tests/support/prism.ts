/**
 * Prism in-process, in the suite's mode: the testing kit's mock server, or the same Prism setup as
 * a validating proxy in front of the upstream (src/testing/mock-server.ts builds both).
 */
import { SPEC_PATH } from '../../scripts/paths';
import type { MockServer } from '../../src/testing';
import { startPrism as startPrismServer } from '../../src/testing/mock-server';
import type { ContractSettings } from './settings';

export type PrismServer = MockServer;

export function startPrism(settings: ContractSettings): Promise<PrismServer> {
  return startPrismServer({
    name: 'contract suite',
    specPath: SPEC_PATH,
    ...(settings.mode === 'proxy' && { upstream: new URL(settings.upstream) }),
  });
}
