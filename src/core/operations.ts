/**
 * What the client needs to know of each operation beyond its types. Both lookups take
 * `(method, path template)` so that their data can come from the generated operation table.
 */
import type { paths } from '../../generated/openapi';
import type { DataShape } from './envelope';

/**
 * Which operations may be retried. GET is always safe. A POST is retried only when listed here:
 * `POST /contact/query` is a read sent as POST (see openapi.yaml), so repeating it has no effect.
 */
const RETRY_SAFE_POSTS = new Set(['/contact/query']);

export function isRetrySafe(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD' || (upper === 'POST' && RETRY_SAFE_POSTS.has(path));
}

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>;
type MethodsOf<P extends keyof paths> = {
  [M in HttpMethod]: paths[P][M] extends { responses: unknown } ? M : never;
}[HttpMethod];
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Responses<O> = O extends { responses: infer R } ? R : never;

/** The `data` of the operation's success envelope, from the generated types. */
export type SuccessData<P extends keyof paths, M extends HttpMethod> = Extract<
  JsonOf<Responses<Operation<P, M>>[200 & keyof Responses<Operation<P, M>>]>,
  { status: 'ok' }
>['data'];

type ShapeOf<Data> = Data extends readonly unknown[]
  ? 'array'
  : Data extends object
    ? 'object'
    : never;

/**
 * The declared shape of each operation's success `data`. The type is computed from the generated
 * types, so tsc rejects a wrong entry and a missing one: a new operation in openapi.yaml fails the
 * type check until it is added here (or until this reads the generated operation table).
 */
const SHAPES: { [P in keyof paths]: { [M in MethodsOf<P>]: ShapeOf<SuccessData<P, M>> } } = {
  '/contact/query': { post: 'array' },
  '/phone_number': { get: 'array' },
  '/campaign/list': { get: 'array' },
  '/webhook/flow/company/outbound': { get: 'array' },
};

/** `array` or `object`; undefined for a path the spec does not have. `method` is lower case. */
export function successShape(method: string, path: string): DataShape | undefined {
  const operations = (SHAPES as Record<string, Record<string, DataShape> | undefined>)[path];
  return operations?.[method];
}
