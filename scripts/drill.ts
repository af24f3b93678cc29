/**
 * The drill (docs/changing-the-api.md): the three spec changes of issue 14 made to a temporary
 * copy of the project, `openapi.yaml` only, then `npm run generate`, then checks that every
 * consumer picked them up: the client method (typed and called against the fake server), the
 * CLI command, flag and help, the fake server's route, the contract suite's operations and
 * coverage gate, the docs pages, and the spec lint (scripts/drill-probe.ts, loaded from the copy).
 * scripts/drill.test.ts runs it.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parse, stringify } from 'yaml';
import type { SpecNode } from '../src/internal/spec-document';
import { ROOT } from './paths';

/** What the drill adds; the probe (scripts/drill-probe.ts) looks for exactly these. */
export const DRILL = {
  field: 'timezone',
  fieldExample: 'Europe/London',
  filter: 'campaign_ids',
  matches: 'campaign_id',
  flag: 'campaign-id',
  operationId: 'getCampaign',
  method: 'campaigns.get',
  path: '/campaign/{campaign_id}',
  command: 'campaigns get',
  campaignId: '7f1d2c3b-5a4e-4f6d-9c8b-1a2b3c4d5e6f',
} as const;

/** The pieces `npm run generate` writes, each of which the drill must see missing if left stale. */
export const GENERATED_PIECES = [
  'generated/operations.ts',
  'generated/openapi.ts',
  'generated/spec.json',
  'docs/client.md',
  'docs/cli.md',
] as const;
export type GeneratedPiece = (typeof GENERATED_PIECES)[number];

const json = (spec: SpecNode, path: string, method: string) =>
  spec.paths[path][method].responses['200'].content['application/json'];

/**
 * An optional `Contact.timezone` (shown in an example, as the lint requires), a filter
 * `campaign_ids` matching `campaign_id`, and a read operation `GET /campaign/{campaign_id}`.
 */
export function applyDrill(spec: SpecNode): void {
  const schemas = spec.components.schemas;
  schemas.Contact.properties[DRILL.field] = {
    type: 'string',
    description: 'The IANA time zone the contact is called in.',
    examples: [DRILL.fieldExample],
  };
  json(spec, '/contact/query', 'post').examples.ok.value.data[0][DRILL.field] = DRILL.fieldExample;
  schemas.ContactQuery.properties[DRILL.filter] = {
    $ref: '#/components/schemas/FilterValues',
    description: `Match contacts whose \`${DRILL.matches}\` is one of these.`,
    'x-callab-matches': DRILL.matches,
  };
  const list = spec.paths['/campaign/list'].get;
  schemas.CampaignResponse = {
    type: 'object',
    description: `Success envelope of \`GET ${DRILL.path}\`.`,
    required: ['status', 'message', 'data'],
    properties: {
      status: { $ref: '#/components/schemas/OkStatus' },
      message: { $ref: '#/components/schemas/OkMessage' },
      data: { $ref: '#/components/schemas/Campaign' },
    },
  };
  spec.paths[DRILL.path] = {
    get: {
      operationId: DRILL.operationId,
      tags: ['Campaigns'],
      summary: 'Get a campaign',
      description: 'Returns one campaign of the company.',
      security: list.security,
      parameters: [
        {
          name: DRILL.matches,
          in: 'path',
          required: true,
          description: 'The campaign to return.',
          schema: { type: 'string', format: 'uuid' },
          example: DRILL.campaignId,
        },
      ],
      responses: {
        ...list.responses,
        '200': {
          description: 'The campaign, or the documented error envelope.',
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/CampaignResponse' },
                  { $ref: '#/components/schemas/ErrorEnvelope' },
                ],
              },
              examples: {
                ok: {
                  summary: 'One campaign',
                  value: {
                    status: 'ok',
                    message: 'Campaign retrieved successfully',
                    data: json(spec, '/campaign/list', 'get').examples.ok.value.data[0],
                  },
                },
                error: { $ref: '#/components/examples/ErrorIn200' },
              },
            },
          },
        },
      },
    },
  };
}

export interface CommandOutput {
  code: number | null;
  output: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** What the copy needs: the sources, the generators, the contract suite's support, the docs. */
const COPIED = [
  'openapi.yaml',
  'package.json',
  'tsconfig.json',
  'README.md',
  'docs',
  'src',
  'generated',
  'scripts',
  'contract-tests/support',
];
const NOT_COPIED = new Set(['scripts/bench', 'scripts/smoke']);

/** The typed use of the drill's changes, type-checked in the copy (it would not compile here). */
const TYPED_USE = `import type { Callab, Campaign, Contact } from './src';

export async function drill(callab: Callab): Promise<[Campaign, string | undefined]> {
  const campaign: Campaign = await callab.${DRILL.method}(${JSON.stringify(DRILL.campaignId)});
  const contacts: Contact[] = await callab.contacts.query({ ${DRILL.filter}: ['x'] });
  return [campaign, contacts[0]?.${DRILL.field}];
}
`;

export interface DrillCopy {
  dir: string;
  remove(): Promise<void>;
}

/** What scripts/drill-run.ts found: problems, one line each (none is a pass). */
export interface DrillResult {
  generate: string[];
  typecheck: string[];
  probe: string[];
  /** The problems found with each generated piece left as it was before generate. */
  stale: Partial<Record<GeneratedPiece, string[]>>;
}

/** A temporary copy of the project (node_modules linked) with the drill applied to openapi.yaml. */
export async function drillCopy(): Promise<DrillCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'callab-drill-'));
  await Promise.all(
    COPIED.map((entry) =>
      cp(join(ROOT, entry), join(dir, entry), {
        recursive: true,
        filter: (source) => !NOT_COPIED.has(relative(ROOT, source)),
      }),
    ),
  );
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const spec = parse(await readFile(join(dir, 'openapi.yaml'), 'utf8'));
  applyDrill(spec);
  await writeFile(join(dir, 'openapi.yaml'), stringify(spec));
  await writeFile(join(dir, 'drill-typed-use.ts'), TYPED_USE);
  await writeFile(
    join(dir, 'tsconfig.drill.json'),
    // No node or jest types: the client's sources need neither, and they are most of tsc's time.
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { types: [] },
      files: ['drill-typed-use.ts'],
      include: [],
    }),
  );
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs scripts/drill-run.ts in the copy: generate, the checks, and the checks with stale pieces. */
export async function runDrill(dir: string): Promise<DrillResult> {
  const { code, output } = await run(TSX, ['scripts/drill-run.ts'], dir);
  const last = output.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) {
    throw new Error(`the drill did not run (exit ${code}):\n${output.trim().slice(-3000)}`);
  }
  return JSON.parse(last) as DrillResult;
}

/** Parsed files by name and text, so that a second check parses only what changed. */
const parsed = new Map<string, { text: string; file: ts.SourceFile }>();

/**
 * The type errors of the typed use of the changes and of all it imports (the client's sources),
 * through the compiler API, reusing parsed files between calls.
 */
export function typecheck(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, 'tsconfig.drill.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`no tsconfig.drill.json in ${dir}`);
  const host = ts.createCompilerHost(config.options);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = ts.sys.readFile(fileName);
    if (text === undefined) return undefined;
    const known = parsed.get(fileName);
    if (known?.text === text) return known.file;
    const file = ts.createSourceFile(fileName, text, languageVersion);
    parsed.set(fileName, { text, file });
    return file;
  };
  const program = ts.createProgram(config.fileNames, config.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
      : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}
