/** The client a command talks to: the real API (key required) or an in-process mock (--mock). */
import type { Writable } from 'node:stream';
import { format } from 'node:util';
import { Callab, type CallabOptions, type Logger } from '..';
import { UsageError } from './errors';
import { startLocalMock } from './local-mock';
import { nonEmptyValue, type OptionValues } from './options';
import { scrub } from './scrub';

export interface Connection {
  client: Callab;
  close(): Promise<void>;
}

/** Prism checks that a bearer token is present, not its value. */
const MOCK_API_KEY = 'mock-api-key';

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
    const mock = await startLocalMock({});
    try {
      return {
        client: new Callab({ apiKey: MOCK_API_KEY, baseUrl: mock.url, ...logging }),
        close: () => mock.close(),
      };
    } catch (error) {
      await mock.close();
      throw error;
    }
  }
  const apiKey = nonEmptyValue(values, 'api-key', 'CALLAB_API_KEY') ?? nonEmpty(env.CALLAB_API_KEY);
  if (!apiKey) {
    throw new UsageError('missing API key: set CALLAB_API_KEY or pass --api-key, or use --mock');
  }
  const baseUrl =
    nonEmptyValue(values, 'base-url', 'CALLAB_BASE_URL') ?? nonEmpty(env.CALLAB_BASE_URL);
  const client = new Callab({ apiKey, ...(baseUrl !== undefined && { baseUrl }), ...logging });
  return { client, close: async () => {} };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Log lines go to stderr so that stdout carries only the data; what they quote of the server is scrubbed. */
function stderrLogger(stderr: Writable): Logger {
  const line = (message: string, ...details: unknown[]) => {
    stderr.write(`${scrub(format(message, ...details), '\n')}\n`);
  };
  return { error: line, warn: line, info: line, debug: line };
}
