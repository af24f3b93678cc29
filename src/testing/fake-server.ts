/**
 * A small in-memory Callab API over plain node:http: serves the fixtures it is given with the
 * documented semantics (bearer auth, contact filters, campaign `limit`, error envelopes), so
 * consumer tests can assert on real behaviour. An operation of the table without a route here
 * answers its success example from openapi.yaml. Every response stays inside openapi.yaml: a request the API would refuse gets the documented HTTP 200 error envelope, never an
 * undeclared status. Only paths and methods outside the spec get a JSON 404 or 405.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OPERATION_LIST } from '../../generated/operations';
import spec from '../../generated/spec.json';
import { resolveRef, type SpecNode } from '../core/spec-schemas';
import { InvalidRequestError, matchesContactQuery, parseContactQuery } from './contact-query';
import { defaultFixtures, type FakeServerFixtures } from './fixtures';

export interface FakeServerOptions extends Partial<FakeServerFixtures> {
  /** The key clients must send as `Authorization: Bearer <apiKey>`. Default `fake-api-key`. */
  apiKey?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface FakeServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:49152`. */
  url: string;
  /** The key the server accepts. */
  apiKey: string;
  close(): Promise<void>;
}

export const DEFAULT_FAKE_API_KEY = 'fake-api-key';

const MAX_BODY_BYTES = 1024 * 1024;

type Reply = { status: number; body: unknown };
type Handler = (request: IncomingMessage, url: URL) => Promise<Reply> | Reply;

const ok = (message: string, data: unknown): Reply => ({
  status: 200,
  body: { status: 'ok', message, data },
});
const failure = (status: number, message: string): Reply => ({
  status,
  body: { status: 'error', message, data: '' },
});

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new InvalidRequestError(
      `Content-Type must be application/json, got "${request.headers['content-type'] ?? ''}".`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit, so the client receives the answer instead of a reset.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) {
    throw new InvalidRequestError(`The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    throw new InvalidRequestError('The request body is required; send {} for all contacts.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidRequestError('The request body is not valid JSON.');
  }
}

function parseLimit(url: URL): number | undefined {
  const values = url.searchParams.getAll('limit');
  if (values.length === 0) return undefined;
  const [value] = values;
  if (values.length > 1 || value === undefined || !/^[1-9][0-9]*$/.test(value)) {
    throw new InvalidRequestError(
      `limit must be one integer >= 1, got ${values.map((v) => JSON.stringify(v)).join(', ')}.`,
    );
  }
  return Number(value);
}

function routesFor(
  fixtures: FakeServerFixtures,
): Record<string, { method: string; handle: Handler }> {
  return {
    '/contact/query': {
      method: 'POST',
      handle: async (request) => {
        const query = parseContactQuery(await readJsonBody(request));
        const matching = fixtures.contacts.filter((c) => matchesContactQuery(c, query));
        return ok('Contacts retrieved successfully', matching);
      },
    },
    '/phone_number': {
      method: 'GET',
      handle: () => ok('Phone numbers retrieved successfully', fixtures.phoneNumbers),
    },
    '/campaign/list': {
      method: 'GET',
      handle: (_request, url) =>
        ok('Campaigns retrieved successfully', fixtures.campaigns.slice(0, parseLimit(url))),
    },
    '/webhook/flow/company/outbound': {
      method: 'GET',
      handle: () => ok('Webhook flows retrieved successfully', fixtures.webhookFlows),
    },
  };
}

/** The first success example of an operation's 200 response, as the reply to any request. */
function exampleReply(path: string, method: string): Reply {
  const document = spec as SpecNode;
  const examples = (document.paths[path][method].responses['200'].content['application/json']
    .examples ?? {}) as SpecNode;
  const values = Object.values(examples).map((e) => resolveRef(document, e, '').node.value);
  const example = values.find((value) => value?.status === 'ok');
  return ok(example?.message ?? 'ok', example?.data);
}

/** The operations without a route above, matched by path template, answered by their example. */
function exampleRoutes(handled: Record<string, unknown>) {
  return OPERATION_LIST.filter((entry) => !Object.hasOwn(handled, entry.path)).map((entry) => ({
    pattern: new RegExp(`^${entry.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    method: entry.method.toUpperCase(),
    handle: () => exampleReply(entry.path, entry.method),
  }));
}

function isAuthorized(request: IncomingMessage, apiKey: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1]?.trim() === apiKey;
}

function send(
  response: ServerResponse,
  { status, body }: Reply,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function fixturesFrom(options: FakeServerOptions): FakeServerFixtures {
  const fixtures = { ...defaultFixtures };
  for (const name of Object.keys(defaultFixtures) as (keyof FakeServerFixtures)[]) {
    const given = options[name];
    if (given === undefined) continue;
    if (!Array.isArray(given)) {
      throw new TypeError(`startFakeServer: option "${name}" must be an array of records.`);
    }
    Object.assign(fixtures, { [name]: given });
  }
  return fixtures;
}

/** Starts the fake API on a loopback port; `close()` stops it and drops open connections. */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const apiKey = options.apiKey ?? DEFAULT_FAKE_API_KEY;
  if (apiKey.trim() === '') throw new TypeError('startFakeServer: apiKey must not be empty.');
  const routes = routesFor(fixturesFrom(options));
  const fromExamples = exampleRoutes(routes);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const route = Object.hasOwn(routes, url.pathname)
      ? routes[url.pathname]
      : fromExamples.find((r) => r.pattern.test(url.pathname));
    try {
      if (!route) {
        return send(response, failure(404, `No operation at ${url.pathname}.`));
      }
      if (request.method !== route.method) {
        return send(response, failure(405, `${url.pathname} accepts ${route.method} only.`), {
          allow: route.method,
        });
      }
      if (!isAuthorized(request, apiKey)) {
        return send(response, failure(401, 'Invalid or missing API key'), {
          'www-authenticate': 'Bearer',
        });
      }
      send(response, await route.handle(request, url));
    } catch (error) {
      if (error instanceof InvalidRequestError) return send(response, failure(200, error.message));
      send(response, failure(500, `Fake server failure: ${String(error)}`));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    apiKey,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
