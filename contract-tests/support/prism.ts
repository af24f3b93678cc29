/**
 * Prism in-process, in the suite's mode: the package's own mock server, or Prism's validating
 * proxy in front of the upstream. Both have request validation, security checks and `errors` on,
 * so an invalid response becomes a 500 problem+json with an `sl-violations` header.
 */
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';
import { SPEC_PATH } from '../../scripts/paths';
import { type MockServer, startMockServer } from '../../src/testing';
import type { ContractSettings } from './settings';

export type PrismServer = MockServer;

type PrismLogger = Parameters<typeof createServer>[1]['components']['logger'];

/** Prism logs every request; the suite reports through its own messages instead. */
function silentLogger(): PrismLogger {
  const ignore = () => undefined;
  const logger = {
    child: () => logger,
    fatal: ignore,
    error: ignore,
    warn: ignore,
    info: ignore,
    success: ignore,
    debug: ignore,
    trace: ignore,
  };
  return logger as unknown as PrismLogger;
}

async function startPrismProxy(upstream: string): Promise<PrismServer> {
  const server = createServer(await getHttpOperationsFromSpec(SPEC_PATH), {
    cors: false,
    config: {
      isProxy: true,
      upstream: new URL(upstream),
      upstreamProxy: undefined,
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      errors: true,
      mock: { dynamic: false },
    },
    components: { logger: silentLogger() },
  });
  const url = await server.listen(0, '127.0.0.1');
  return { url, close: () => server.close() };
}

export function startPrism(settings: ContractSettings): Promise<PrismServer> {
  return settings.mode === 'proxy'
    ? startPrismProxy(settings.upstream)
    : startMockServer({ specPath: SPEC_PATH });
}
