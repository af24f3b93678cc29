/**
 * The generated parts of the docs pages (scripts/docs-sections.ts, scripts/docs-session.ts)
 * rendered together: written by `npm run generate`, compared by `npm run check:generated`.
 * Loads the CLI, which reads generated/: import it after generated/ is written.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpecNode } from '../src/internal/spec-document';
import { readDocPages } from './docs-pages';
import { docSections, withSections } from './docs-sections';
import { replaySession } from './docs-session';
import { ROOT } from './paths';

/** Every page (text by path) as `npm run generate` would leave it for `spec`. */
export async function renderDocs(
  spec: SpecNode,
  pages = readDocPages(),
): Promise<Record<string, string>> {
  return replaySession(withSections(pages, docSections(spec)));
}

/** The pages whose generated parts are out of date with `spec`, and every page fresh. */
export async function staleDocPages(
  spec: SpecNode,
  pages = readDocPages(),
): Promise<{ stale: string[]; fresh: Record<string, string> }> {
  const fresh = await renderDocs(spec, pages);
  return { stale: Object.keys(pages).filter((page) => fresh[page] !== pages[page]), fresh };
}

/** Rewrites the pages whose generated parts changed; resolves with their paths. */
export async function generateDocs(spec: SpecNode, root = ROOT): Promise<string[]> {
  const { stale, fresh } = await staleDocPages(spec, readDocPages(root));
  await Promise.all(stale.map((page) => writeFile(join(root, page), fresh[page] ?? '')));
  return stale;
}
