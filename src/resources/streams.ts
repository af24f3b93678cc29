/**
 * The streaming methods: what the spec cannot say. `contacts.queryStream` sends the request that
 * `contacts.query` sends (same operation entry, same argument rule, same builder in ../core/api)
 * and yields the contacts as their bytes arrive instead of returning one array.
 */
import { OPERATION_ROUTES, type OperationRoute } from '../../generated/operations';
import type { ApiCaller } from '../core/api';
import type { StreamOptions } from '../core/transport';
import type { Contact, ContactQuery } from '../types';
import { argumentsOf, type OperationRequest, type Resources, requestOf } from '.';

export interface StreamingMethods {
  readonly contacts: {
    /**
     * `POST /contact/query`, read as a stream: yields each matching contact as it arrives, in
     * memory that does not grow with the list, so lists of any size (millions) can be read.
     * The request is sent when the loop starts. Failures of the whole response (HTTP errors, an
     * error envelope, a body that is not JSON) throw before the first contact, as `query` does;
     * a body cut off part-way throws after the contacts received, never a silent short list.
     * Leaving the loop early or aborting `signal` closes the connection at once. Retries happen
     * only before the response headers; `timeoutMs` then limits each silence between chunks.
     */
    queryStream(filters?: ContactQuery, options?: StreamOptions): AsyncIterable<Contact>;
  };
}

/** The operations that have a streaming method, and its name beside the generated one. */
const STREAM_METHODS: Readonly<Record<string, string>> = { queryContacts: 'queryStream' };

/**
 * The streaming method of `entry`'s operation called with `request`'s parts (placed by the rule
 * of ./index), or undefined when the operation has none.
 */
export function streamOperation(
  resources: StreamingMethods,
  entry: OperationRoute,
  request: OperationRequest = {},
  options?: StreamOptions,
): AsyncIterable<unknown> | undefined {
  const name = STREAM_METHODS[entry.operationId];
  const method =
    name &&
    (resources as unknown as Record<string, Record<string, StreamMethod>>)[entry.resource]?.[name];
  if (!method) return undefined;
  return method(...argumentsOf(entry, request), options);
}

export function hasStreamMethod(entry: OperationRoute): boolean {
  return Object.hasOwn(STREAM_METHODS, entry.operationId);
}

type StreamMethod = (...args: readonly unknown[]) => AsyncIterable<unknown>;

function route(operationId: string): OperationRoute {
  const entry = OPERATION_ROUTES.find((r) => r.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId} in openapi.yaml`);
  return entry;
}

/** `resources` with the streaming methods added beside the generated ones. */
export function withStreamingMethods(
  resources: Resources,
  api: ApiCaller,
): Resources & StreamingMethods {
  const query = route('queryContacts');
  const streaming: StreamingMethods['contacts'] = {
    queryStream: (...args) => {
      const { input, options } = requestOf(query, args);
      // The table's method and path are the spec's; client.typecheck.ts ties the item type to query's.
      return api.stream<'/contact/query', 'post', Contact>(
        query.method as 'post',
        query.path as '/contact/query',
        'Contact',
        input as object,
        options as StreamOptions | undefined,
      );
    },
  };
  return { ...resources, contacts: { ...resources.contacts, ...streaming } };
}
