/**
 * Which operations may be retried: those the operation table marks `retrySafe` (a GET, or a POST
 * that openapi.yaml marks `x-callab-read-only`, such as `POST /contact/query`). A request outside
 * the spec (through `raw`) is retried only when it is a GET or HEAD.
 */
import { OPERATION_ROUTES } from '../../generated/operations';

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
