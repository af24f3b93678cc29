/**
 * The resource methods, read from the operation table (generated/operations.ts): one method per
 * operation of openapi.yaml, `callab.<resource>.<name>(...)`, typed from the generated `paths`.
 *
 * Arguments, in this order: each path parameter as a string, in the order of the path template
 * (`campaigns.get(campaignId)`); then `query` when the operation has query parameters (an object,
 * optional unless one is required: `campaigns.list({ limit })`); then the JSON body when it has
 * one (optional when its schema requires no property, and sent as `{}` when omitted:
 * `contacts.query(filters?)`); then the per-call `options`. Each returns the success envelope's
 * `data`. What the spec cannot say (streaming, say) goes in a hand-written file beside this one.
 */
import type { operations } from '../../generated/openapi';
import {
  OPERATION_ROUTES,
  type OPERATIONS,
  type OperationId,
  type OperationRoute,
  type ResourceMethods,
} from '../../generated/operations';
import type { ApiCaller } from '../core/api';
import type { CallabPromise } from '../core/api-promise';
import { CallabError } from '../core/errors';
import type { SuccessData } from '../core/operations';
import type { RequestOptions } from '../core/transport';

type Entry<Id extends OperationId> = (typeof OPERATIONS)[Id];
type Parameters<Id extends OperationId> = operations[Id]['parameters'];
type PathParamTypes<Id extends OperationId> = NonNullable<Parameters<Id>['path']>;
type Query<Id extends OperationId> = NonNullable<Parameters<Id>['query']>;
type Body<Id extends OperationId> =
  NonNullable<operations[Id]['requestBody']> extends { content: { 'application/json': infer B } }
    ? B
    : never;

type PathArgs<Id extends OperationId, Params extends readonly unknown[]> = {
  -readonly [K in keyof Params]: Params[K] extends { name: infer N }
    ? PathParamTypes<Id>[N & keyof PathParamTypes<Id>]
    : never;
};

type BodyEntry<Id extends OperationId> = Entry<Id>['body'];

type BodyArg<Id extends OperationId> =
  BodyEntry<Id> extends null
    ? []
    : BodyEntry<Id> extends { requiredProperties: readonly [] }
      ? BodyEntry<Id> extends { filters: readonly [unknown, ...unknown[]] }
        ? [filters?: Body<Id>]
        : [body?: Body<Id>]
      : [body: Body<Id>];

/** Optional unless a parameter is required; `| undefined` when a required body follows it. */
type QueryArg<Id extends OperationId> = Entry<Id>['queryParams'] extends readonly []
  ? []
  : undefined extends Parameters<Id>['query']
    ? BodyArg<Id> extends [unknown]
      ? [query: Query<Id> | undefined]
      : [query?: Query<Id>]
    : [query: Query<Id>];

export type OperationArgs<Id extends OperationId> = [
  ...PathArgs<Id, Entry<Id>['pathParams']>,
  ...QueryArg<Id>,
  ...BodyArg<Id>,
  options?: RequestOptions,
];

export type OperationMethod<Id extends OperationId> = (
  ...args: OperationArgs<Id>
) => CallabPromise<SuccessData<Entry<Id>['path'], Entry<Id>['method']>>;

/** `callab.contacts`, `callab.campaigns`...: every resource and its methods. */
export type Resources = ResourceMethods<{ readonly [Id in OperationId]: OperationMethod<Id> }>;

/** Splits a method's arguments, by the rule above, into the request's parts and the options. */
export function requestOf(
  entry: OperationRoute,
  args: readonly unknown[],
): { input: CallInput; options: RequestOptions | undefined } {
  let next = 0;
  const path: Record<string, string> = {};
  for (const param of entry.pathParams) {
    const value = args[next++];
    if (typeof value !== 'string' || value === '') {
      throw new CallabError(
        `${entry.resource}.${entry.name}: ${param.name} must be a non-empty string, got ${JSON.stringify(value) ?? 'undefined'}`,
      );
    }
    path[param.name] = value;
  }
  const query = entry.queryParams.length > 0 ? args[next++] : undefined;
  const body = entry.body ? (args[next++] ?? (entry.body.required ? {} : undefined)) : undefined;
  const input: CallInput = {
    ...(entry.pathParams.length > 0 && { path }),
    ...(query !== undefined && { query: query as NonNullable<CallInput['query']> }),
    ...(body !== undefined && { body }),
  };
  return { input, options: args[next] as RequestOptions | undefined };
}

/** A request's parts, untyped: the method types above tie each operation to its own. */
interface CallInput {
  path?: Record<string, string>;
  query?: object;
  body?: unknown;
}

type AnyMethod = (...args: readonly unknown[]) => Promise<unknown>;

/** A request's parts by name, for callers that hold an operation's entry rather than its method. */
export interface OperationRequest {
  path?: Readonly<Record<string, string>>;
  query?: object;
  body?: unknown;
}

/** Calls `entry`'s method on `resources`, placing the parts where the rule above puts them. */
export function invokeOperation(
  resources: Resources,
  entry: OperationRoute,
  request: OperationRequest = {},
  options?: RequestOptions,
): Promise<unknown> {
  const method = (resources as unknown as Record<string, Record<string, AnyMethod>>)[
    entry.resource
  ]?.[entry.name];
  if (!method) throw new CallabError(`no method ${entry.resource}.${entry.name}`);
  return method(...argumentsOf(entry, request), options);
}

/** A request's parts as the method's arguments, before the options: requestOf's inverse. */
export function argumentsOf(entry: OperationRoute, request: OperationRequest): unknown[] {
  return [
    ...entry.pathParams.map((param) => request.path?.[param.name]),
    ...(entry.queryParams.length > 0 ? [request.query] : []),
    ...(entry.body ? [request.body] : []),
  ];
}

/** A call refused before anything was sent, rejecting through `await` and `.withResponse()` alike. */
function failedCall(error: unknown): CallabPromise<never> {
  const promise = Promise.reject(error) as CallabPromise<never>;
  promise.withResponse = () => promise;
  return promise;
}

export function createResources(api: ApiCaller): Resources {
  const resources: Record<string, Record<string, AnyMethod>> = {};
  for (const entry of OPERATION_ROUTES) {
    const methods = resources[entry.resource] ?? {};
    resources[entry.resource] = methods;
    // Not async: the CallabPromise of api.call (with its withResponse) is returned as it is.
    methods[entry.name] = (...args) => {
      let request: ReturnType<typeof requestOf>;
      try {
        request = requestOf(entry, args);
      } catch (error) {
        return failedCall(error);
      }
      const { input, options } = request;
      // The table's method and path are the spec's; the types above already tie them together.
      return api.call(
        entry.method as 'get',
        entry.path as '/phone_number',
        input as object,
        options,
      );
    };
  }
  return resources as unknown as Resources;
}
