/**
 * Serves a WHATWG fetch handler (`Request` in, `Response` out) over node:http on a loopback
 * port: the only Node-specific part of startFakeServer. Bodies stream both ways.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

const KEEP_ALIVE_MS = 30_000;

export type FetchHandler = (request: Request) => Promise<Response>;

export interface ServedHandler {
  /** e.g. `http://127.0.0.1:49152` */
  url: string;
  /** Stops listening and drops open connections, even mid-request, so the process can exit. */
  close(): Promise<void>;
}

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody && {
      body: Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>,
      duplex: 'half',
    }),
  } as RequestInit);
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  if (!response.body) {
    outgoing.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream), outgoing);
}

export async function serveFetchHandler(
  handler: FetchHandler,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<ServedHandler> {
  let origin = '';
  const server = createServer(async (incoming, outgoing) => {
    try {
      await send(await handler(toRequest(incoming, origin)), outgoing);
    } catch (error) {
      // A client that hung up needs no answer; anything else is the handler's bug, said as such.
      if (outgoing.headersSent || outgoing.destroyed) return;
      outgoing.writeHead(500, { 'content-type': 'text/plain' });
      outgoing.end(`fetch handler failed: ${String(error)}`);
    }
  });

  // Past any client's idle timeout, so a pooled connection is not closed while a client reuses
  // it (with Node's 5 s, busy machines saw UND_ERR_SOCKET on the first request after a pause).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  origin = `http://${address.includes(':') ? `[${address}]` : address}:${bound}`;

  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
