/**
 * The conforming references of the broken-server run: the fake API through each of its three
 * adapters, each on a loopback URL the proxy-mode suite can be pointed at. startFakeServer is
 * one already; the fake fetch is served through the same node:http bridge, and the MSW handlers
 * from a child process (msw-reference.ts).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../../scripts/paths';
import { createFakeFetch, DEFAULT_FAKE_API_KEY } from '../../src/fake';
import { startFakeServer } from '../../src/testing';
import { serveFetchHandler } from '../../src/testing/serve-fetch';

export interface Reference {
  name: string;
  url: string;
  close(): Promise<void>;
}

async function throughMsw(): Promise<Reference> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'contract-tests', 'variants', 'msw-reference.ts')],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const [url] = await Promise.race([
    createInterface({ input: child.stdout })
      [Symbol.asyncIterator]()
      .next()
      .then((line) => [line.value as string | undefined]),
    exited.then(() => [undefined]),
  ]);
  if (!url) throw new Error('the MSW reference exited before it listened');
  return {
    name: 'reference createMswHandlers',
    url,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

export async function startReferences(): Promise<{ apiKey: string; references: Reference[] }> {
  const server = await startFakeServer();
  const fakeFetch = await serveFetchHandler(createFakeFetch());
  return {
    apiKey: DEFAULT_FAKE_API_KEY,
    references: [
      { name: 'reference startFakeServer', ...server },
      { name: 'reference createFakeFetch', ...fakeFetch },
      await throughMsw(),
    ],
  };
}
