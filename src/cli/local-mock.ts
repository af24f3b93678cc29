/**
 * Starts the Prism mock from ../testing for `callab mock`. Prism is an optional peer dependency,
 * loaded only here, so the rest of the CLI (--mock included) works without it; any failure to
 * start is a configuration error.
 */
import type { MockServer, MockServerOptions } from '../testing';
import { messageOf, UsageError } from './errors';

export async function startLocalMock(
  options: Pick<MockServerOptions, 'port' | 'host' | 'onLog'>,
): Promise<MockServer> {
  try {
    const { startMockServer } = await import('../testing');
    return await startMockServer(options);
  } catch (error) {
    const message = messageOf(error);
    const hint = message.includes('EADDRINUSE') ? ' (choose another --port)' : '';
    throw new UsageError(`cannot start the mock: ${message.split('\n')[0]}${hint}`, {
      cause: error,
    });
  }
}
