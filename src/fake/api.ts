/**
 * The fake Callab API: one function from a WHATWG `Request` to a `Response`, behind every
 * adapter (startFakeServer, createFakeFetch, createMswHandlers). It routes by the operations of
 * openapi.yaml (method and path template), checks the bearer key, and answers:
 * - the operations that serve a fixture list (FIXTURE_OPERATIONS) with those records, filtered
 *   by the body filters the spec names (`x-callab-matches`) and cut to `limit` where declared
 *   (with `syntheticContacts`, the contacts are generated and streamed as the body is read);
 * - any other operation with its success example from the spec, whatever the request holds.
 * A request the API would refuse gets the documented HTTP 200 error envelope, so every answer to
 * an operation stays inside the spec; only paths and methods outside it get a JSON 404 or 405.
 */

import type { SpecNode } from '../core/spec-schemas';
import { readJsonBody } from './body';
import { InvalidRequestError, matchesFilters, parseFilters } from './filters';
import { type FakeFixtures, FIXTURE_OPERATIONS } from './fixtures';
import type { FakeSettings } from './options';
import { type FakeOperation, fakeOperations, type Reply, SPEC } from './spec';
import { syntheticContactStream } from './synthetic';

export type FakeApi = (request: Request) => Promise<Response>;

const errorEnvelope = (message: string) => ({ status: 'error', message, data: '' });

/** A reply whose body is a stream of JSON bytes rather than a value (the synthetic contacts). */
interface StreamedReply {
  status: number;
  stream: ReadableStream<Uint8Array>;
}

function json(reply: Reply | StreamedReply, headers: Record<string, string> = {}): Response {
  const body = 'stream' in reply ? reply.stream : JSON.stringify(reply.body);
  return new Response(body, {
    status: reply.status,
    headers: { ...headers, 'content-type': 'application/json' },
  });
}

function parseLimit(url: URL, minimum: number): number | undefined {
  const values = url.searchParams.getAll('limit');
  if (values.length === 0) return undefined;
  const [value = ''] = values;
  const limit = /^(0|[1-9][0-9]*)$/.test(value) ? Number(value) : Number.NaN;
  if (values.length > 1 || !(limit >= minimum)) {
    throw new InvalidRequestError(
      `limit must be one integer >= ${minimum}, got ${values.map((v) => JSON.stringify(v)).join(', ')}.`,
    );
  }
  return limit;
}

function isAuthorized(request: Request, apiKey: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1]?.trim() === apiKey;
}

/** Which fixture list each operation serves. */
const LIST_OF = new Map(
  Object.entries(FIXTURE_OPERATIONS).map(([list, operationId]) => [
    operationId as string,
    list as keyof FakeFixtures,
  ]),
);

async function answer(
  operation: FakeOperation,
  request: Request,
  url: URL,
  { fixtures, syntheticContacts }: FakeSettings,
): Promise<Reply | StreamedReply> {
  const list = LIST_OF.get(operation.operationId);
  const { success } = operation;
  if (!success) {
    throw new Error(`${operation.operationId} has no success example in openapi.yaml`);
  }
  if (list === undefined) return success;
  let records: readonly object[] = fixtures[list];
  if (operation.hasBody) {
    const values = parseFilters(await readJsonBody(request, list), operation.filters, list);
    const filter = (record: object) => matchesFilters(record, values, operation.filters);
    if (list === 'contacts' && syntheticContacts !== undefined) {
      const stream = syntheticContactStream({ count: syntheticContacts, filter });
      return { status: success.status, stream };
    }
    records = records.filter(filter);
  }
  if (operation.limitMinimum !== undefined) {
    records = records.slice(0, parseLimit(url, operation.limitMinimum));
  }
  return { status: success.status, body: { ...(success.body as object), data: records } };
}

export interface FakeApiPlacement {
  /** The path prefix the API sits under, from a base URL such as `https://host/callab`. */
  basePath?: string;
  /** The OpenAPI document to route by; default the bundled openapi.yaml. */
  spec?: SpecNode;
}

export function createFakeApi(
  settings: FakeSettings,
  { basePath = '', spec = SPEC }: FakeApiPlacement = {},
): FakeApi {
  // OpenAPI matches literal paths before templated ones: fewer parameters first.
  const operations = fakeOperations(spec).sort(
    (a, b) => a.path.split('{').length - b.path.split('{').length,
  );
  const prefix = basePath.replace(/\/+$/, '');

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(`${prefix}/`)
      ? url.pathname.slice(prefix.length)
      : undefined;
    try {
      const routes = operations.filter((o) => path !== undefined && o.pattern.test(path));
      if (routes.length === 0)
        return json({ status: 404, body: errorEnvelope(`No operation at ${url.pathname}.`) });
      const operation = routes.find((o) => o.method === request.method);
      if (!operation) {
        const allowed = [...new Set(routes.map((o) => o.method))].join(', ');
        return json(
          { status: 405, body: errorEnvelope(`${url.pathname} accepts ${allowed} only.`) },
          { allow: allowed },
        );
      }
      if (operation.secured && !isAuthorized(request, settings.apiKey)) {
        const refusal = operation.unauthorized ?? {
          status: 401,
          body: errorEnvelope('Unauthorized'),
        };
        return json(refusal, { 'www-authenticate': 'Bearer' });
      }
      return json(await answer(operation, request, url, settings));
    } catch (error) {
      if (error instanceof InvalidRequestError) {
        return json({ status: 200, body: errorEnvelope(error.message) });
      }
      return json({ status: 500, body: errorEnvelope(`Fake server failure: ${String(error)}`) });
    }
  };
}
