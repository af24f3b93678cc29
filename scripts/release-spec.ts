/**
 * `npm run release:spec`: the release step that makes the current openapi.yaml the released
 * spec, the baseline the breaking-change gate compares with (scripts/openapi.released.yaml).
 * Run it when the version is bumped and the CHANGELOG's Unreleased section becomes that version.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { version } from '../package.json';
import { RELEASED_SPEC_PATH } from './check-breaking';
import { SPEC_PATH } from './paths';

export function releasedSpec(spec: string, releasedVersion: string): string {
  return [
    `# openapi.yaml as of callab-client ${releasedVersion}, the last release: the baseline of npm run check:breaking.`,
    '# Written by `npm run release:spec` at each release; never edited by hand.',
    spec,
  ].join('\n');
}

if (require.main === module) {
  readFile(SPEC_PATH, 'utf8')
    .then((spec) => writeFile(RELEASED_SPEC_PATH, releasedSpec(spec, version)))
    .then(
      () =>
        console.log(`release:spec: scripts/openapi.released.yaml is now the spec of ${version}`),
      (error: Error) => {
        console.error(`release:spec: ${error.message}`);
        process.exitCode = 1;
      },
    );
}
