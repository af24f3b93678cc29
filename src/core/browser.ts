/**
 * Whether the code runs in a web page, where an API key given to the client is readable by every
 * visitor. A page has `window` and `document`; workers have neither, and Node (with jsdom in its
 * tests), Deno and Bun are servers even when a test defines both.
 */
type Scope = Record<string, unknown> & { process?: { versions?: Record<string, unknown> } };

export function isBrowserPage(scope: Scope = globalThis as unknown as Scope): boolean {
  if (scope.window === undefined || scope.document === undefined) return false;
  const versions = scope.process?.versions;
  const server = versions?.node ?? versions?.bun ?? scope.Deno ?? scope.Bun;
  return server === undefined && scope.WorkerGlobalScope === undefined;
}
