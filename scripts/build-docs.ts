/**
 * `npm run docs [-- --output <file>]`: the API reference as one self-contained HTML file
 * (default reference/index.html: docs/ holds the committed guides, which ship in the package),
 * built from openapi.yaml by Redocly with its scripts inlined, then checked to load nothing from
 * the network.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, SPEC_PATH } from './paths';
import { runCommand } from './run-command';

const REDOCLY = join(ROOT, 'node_modules', '.bin', 'redocly');

/** What a page would fetch from another host when opened: scripts, styles, module imports. */
const EXTERNAL_LOADS = [
  /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /\bimport\s*(?:[\w{}\s,*]+from\s*)?\(?\s*["'](?:https?:)?\/\/[^"']+/g,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^"')\s]+/gi,
];

export function externalLoads(html: string): string[] {
  return EXTERNAL_LOADS.flatMap((pattern) => html.match(pattern) ?? []);
}

export async function buildDocs(output: string): Promise<void> {
  await runCommand(
    REDOCLY,
    [
      'build-docs',
      SPEC_PATH,
      '--inlineBundle',
      '--title',
      'Callab API reference',
      '--output',
      output,
    ],
    { cwd: ROOT, env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  const external = externalLoads(await readFile(output, 'utf8'));
  if (external.length > 0) {
    throw new Error(`${output} is not self-contained; it loads:\n${external.join('\n')}`);
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { output: { type: 'string' } } });
  const output = values.output ?? join(ROOT, 'reference', 'index.html');
  buildDocs(output).then(
    () => console.log(`API reference written to ${output} (self-contained: opens offline).`),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
