/**
 * Which operations may be retried. GET is always safe. A POST is retried only when listed here:
 * `POST /contact/query` is a read sent as POST (see openapi.yaml), so repeating it has no effect.
 */
const RETRY_SAFE_POSTS = new Set(['/contact/query']);

export function isRetrySafe(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD' || (upper === 'POST' && RETRY_SAFE_POSTS.has(path));
}
