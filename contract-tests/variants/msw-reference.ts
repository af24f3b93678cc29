/**
 * Child process of the broken-server run: the fake API through createMswHandlers, served on a
 * loopback port by fetching an origin that only MSW's interception (setupServer) answers. Its own
 * process, so MSW's patched fetch never touches the broken upstreams. Prints its URL as one line,
 * then serves until its standard input closes.
 */
import { setupServer } from 'msw/node';
import { createMswHandlers } from '../../src/fake/msw';
import { serveFetchHandler } from '../../src/testing/serve-fetch';

/** Nothing listens there: a request reaches it only through MSW. */
const MSW_ORIGIN = 'https://msw-reference.callab.test';

async function main(): Promise<void> {
  const msw = setupServer(...createMswHandlers({ baseUrl: MSW_ORIGIN }));
  msw.listen({ onUnhandledRequest: 'error' });
  const served = await serveFetchHandler(async (request) => {
    const { pathname, search } = new URL(request.url);
    const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.arrayBuffer();
    return fetch(`${MSW_ORIGIN}${pathname}${search}`, {
      method: request.method,
      headers: request.headers,
      body,
    });
  });
  process.stdout.write(`${served.url}\n`);
  process.stdin.resume().on('end', async () => {
    await served.close();
    msw.close();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
