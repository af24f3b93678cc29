/**
 * What the client needs to know of each operation beyond its types, looked up by
 * `(method, path template)`.
 *
 * Which operations may be retried: those the operation table marks `retrySafe` (a GET, or a POST
 * that openapi.yaml marks `x-callab-read-only`, such as `POST /contact/query`). A request outside
 * the spec (through `raw`) is retried only when it is a GET or HEAD.
 */
import type { paths } from '../../generated/openapi';
import { OPERATION_ROUTES } from '../../generated/operations';
import type { DataShape } from './envelope';

/** `METHOD path` matchers; a path parameter matches one path segment, or its own template. */
const RETRY_SAFE = OPERATION_ROUTES.filter((entry) => entry.retrySafe).map((entry) => ({
  method: entry.method.toUpperCase(),
  path: new RegExp(
    `^${entry.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
  ),
}));

export function isRetrySafe(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  if (upper === 'GET' || upper === 'HEAD') return true;
  return RETRY_SAFE.some((operation) => operation.method === upper && operation.path.test(path));
}

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Responses<O> = O extends { responses: infer R } ? R : never;

/** The `data` of the operation's success envelope, from the generated types. */
export type SuccessData<P extends keyof paths, M extends HttpMethod> = Extract<
  JsonOf<Responses<Operation<P, M>>[200 & keyof Responses<Operation<P, M>>]>,
  { status: 'ok' }
>['data'];

/** `array` or `object`, as the operation table says; undefined for an operation the spec lacks. */
export function successShape(method: string, path: string): DataShape | undefined {
  const entry = OPERATION_ROUTES.find((route) => route.method === method && route.path === path);
  return entry?.dataShape ?? undefined;
}
