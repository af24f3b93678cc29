/**
 * A loopback proxy in front of the reference server that breaks the contract in one way: it may
 * hang up without answering, change each request before forwarding it, and each response before
 * returning it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForwardedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export interface ForwardedResponse {
  status: number;
  headers: Headers;
  body: string;
}

export interface Defect {
  /** True to close the connection without answering (nothing is forwarded). */
  hangUp?(request: ForwardedRequest): boolean;
  request?(request: ForwardedRequest): void;
  response?(response: ForwardedResponse, request: ForwardedRequest): void;
}

export interface BrokenUpstream {
  url: string;
  close(): Promise<void>;
}

/** Set by node:http or fetch for the bytes actually sent; never copied across. */
const HOP_HEADERS = [
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'content-encoding',
];

function copyHeaders(from: Headers | IncomingMessage['headers']): Headers {
  const headers = new Headers();
  const copy = (value: string | string[] | undefined, name: string) => {
    if (value === undefined || HOP_HEADERS.includes(name.toLowerCase())) return;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  };
  if (from instanceof Headers) from.forEach(copy);
  else for (const [name, value] of Object.entries(from)) copy(value, name);
  return headers;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrokenUpstream(
  referenceUrl: string,
  defect: Defect,
): Promise<BrokenUpstream> {
  const server = createServer(async (incoming, outgoing) => {
    try {
      const request: ForwardedRequest = {
        method: incoming.method ?? 'GET',
        url: new URL(incoming.url ?? '/', referenceUrl),
        headers: copyHeaders(incoming.headers),
        body: await readBody(incoming),
      };
      if (defect.hangUp?.(request)) {
        incoming.socket.destroy();
        return;
      }
      defect.request?.(request);
      const answer = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body === '' ? null : request.body,
      });
      const response: ForwardedResponse = {
        status: answer.status,
        headers: copyHeaders(answer.headers),
        body: await answer.text(),
      };
      defect.response?.(response, request);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      outgoing.writeHead(response.status, headers);
      outgoing.end(response.body);
    } catch (error) {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`broken upstream: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
