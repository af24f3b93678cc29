/**
 * The documentation pages, README.md and docs/*.md, and their fenced code blocks: what the
 * docs scripts and tests read, so that a page added to docs/ is generated and checked with no
 * edit to any of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** Page paths relative to the repository root, README.md first. */
export function docPagePaths(root = ROOT): string[] {
  const guides = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...guides];
}

/** Every page's text, by its path relative to the root. */
export function readDocPages(root = ROOT): Record<string, string> {
  return Object.fromEntries(
    docPagePaths(root).map((page) => [page, readFileSync(join(root, page), 'utf8')]),
  );
}

export interface FencedBlock {
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's info string (`ts`, `sh`...), '' when it has none. */
  lang: string;
  code: string;
  /** The `<!-- ... -->` comment on the line just before the fence, if any. */
  marker?: string;
}

const FENCE = /^(?:<!-- (.+?) -->\n)?```([^\n`]*)\n([\s\S]*?)^```$/gm;

export function fencedBlocks(page: string, markdown: string): FencedBlock[] {
  return [...markdown.matchAll(FENCE)].map((match) => {
    const start = (match.index ?? 0) + (match[1] === undefined ? 0 : match[0].indexOf('```'));
    return {
      page,
      line: markdown.slice(0, start).split('\n').length,
      lang: (match[2] ?? '').trim(),
      code: match[3] ?? '',
      ...(match[1] === undefined ? {} : { marker: match[1] }),
    };
  });
}

/** The fenced blocks of every page, in page order. */
export function docBlocks(pages = readDocPages()): FencedBlock[] {
  return Object.entries(pages).flatMap(([page, text]) => fencedBlocks(page, text));
}
