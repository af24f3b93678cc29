/** The client a command talks to: the real API (key required) or the fake API in-process (--mock). */
import type { Writable } from 'node:stream';
import { format } from 'node:util';
import { Callab, type CallabOptions, type Logger } from '..';
import { createFakeFetch, DEFAULT_FAKE_API_KEY } from '../fake';
import { UsageError } from './errors';
import { flagOrEnv, type OptionValues } from './options';
import { scrub } from './scrub';

export interface Connection {
  client: Callab;
  close(): Promise<void>;
}

/** Shown in `--debug` logs: the requests of --mock never leave the process. */
const MOCK_BASE_URL = 'https://in-process-fake.invalid';

export async function connect(
  values: OptionValues,
  env: NodeJS.ProcessEnv,
  stderr: Writable,
): Promise<Connection> {
  const logging: Pick<CallabOptions, 'logger' | 'logLevel'> = {
    logger: stderrLogger(stderr),
    ...(values.debug === true && { logLevel: 'debug' }),
  };
  if (values.mock === true) {
    for (const flag of ['api-key', 'base-url']) {
      if (values[flag] !== undefined)
        throw new UsageError(`--mock cannot be combined with --${flag}`);
    }
    // The fake API (filters, limit, errors) over the default fixtures: no port, no optional peer.
    const client = new Callab({
      apiKey: DEFAULT_FAKE_API_KEY,
      baseUrl: MOCK_BASE_URL,
      fetch: createFakeFetch(),
      ...logging,
    });
    return { client, close: async () => {} };
  }
  const apiKey = flagOrEnv(values, 'api-key', env, 'CALLAB_API_KEY');
  if (!apiKey) {
    throw new UsageError('missing API key: set CALLAB_API_KEY or pass --api-key, or use --mock');
  }
  const baseUrl = flagOrEnv(values, 'base-url', env, 'CALLAB_BASE_URL');
  const client = new Callab({ apiKey, ...(baseUrl !== undefined && { baseUrl }), ...logging });
  return { client, close: async () => {} };
}

/** Log lines go to stderr so that stdout carries only the data; what they quote of the server is scrubbed. */
function stderrLogger(stderr: Writable): Logger {
  const line = (message: string, ...details: unknown[]) => {
    stderr.write(`${scrub(format(message, ...details), '\n')}\n`);
  };
  return { error: line, warn: line, info: line, debug: line };
}
