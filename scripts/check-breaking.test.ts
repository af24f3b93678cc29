import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadSpec, type SpecNode } from '../src/internal/spec-document';
import { acceptedKeys, checkBreaking, RELEASED_SPEC_PATH } from './check-breaking';
import { SPEC_PATH } from './paths';
import { releasedSpec } from './release-spec';
import { runCommand } from './run-command';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-breaking-test-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of openapi.yaml with `edit` applied, written under the temp folder. */
async function editedSpec(name: string, edit: (spec: SpecNode) => void): Promise<string> {
  const spec = loadSpec();
  edit(spec);
  const path = join(work, `${name}.yaml`);
  await writeFile(path, stringify(spec));
  return path;
}

async function changelogWith(name: string, lines: string): Promise<string> {
  const path = join(work, `${name}.md`);
  await writeFile(path, `# Changelog\n\n## Unreleased\n\n${lines}\n\n## 0.1.0 - 2026-01-01\n`);
  return path;
}

const EMPTY_CHANGELOG = join(tmpdir(), 'callab-no-such-changelog.md');

async function check(options: Omit<Parameters<typeof checkBreaking>[0], 'log'>) {
  const lines: string[] = [];
  const code = await checkBreaking({
    base: SPEC_PATH,
    changelog: EMPTY_CHANGELOG,
    ...options,
    log: (line) => lines.push(line),
  });
  return { code, report: lines.join('\n') };
}

/** The `change:<id>` the report gives for the line matching `pattern`. */
function keyOf(report: string, pattern: RegExp): string {
  const line = report.split('\n').find((l) => pattern.test(l) && /change:/.test(l));
  const key = line?.match(/change:[0-9a-f]+/)?.[0];
  if (!key) throw new Error(`no change matching ${pattern} in:\n${report}`);
  return key;
}

const schemas = (spec: SpecNode) => spec.components.schemas;

describe('check:breaking, for clients (oasdiff)', () => {
  it('fails on a breaking change the CHANGELOG does not record, with a readable report', async () => {
    const revision = await editedSpec('tags-required', (spec) => {
      schemas(spec).ContactQuery.required = ['tags'];
    });
    const { code, report } = await check({ revision });
    expect(code).toBe(1);
    expect(report).toContain('For clients (code that calls the API): 1 breaking');
    expect(report).toMatch(
      /BREAKING for clients, major: POST \/contact\/query: the request property `tags` became required \[request-property-became-required\] change:[0-9a-f]+ \(NOT RECORDED\)/,
    );
    expect(report).toContain('Semver bump this spec change needs: major');
    expect(report).toContain('Not recorded in CHANGELOG.md: 1 change(s).');
  });

  it('passes the same change once the Unreleased section accepts it by its id', async () => {
    const revision = await editedSpec('tags-required-accepted', (spec) => {
      schemas(spec).ContactQuery.required = ['tags'];
    });
    const key = keyOf((await check({ revision })).report, /became required/);
    const changelog = await changelogWith(
      'accepts',
      `- Breaking: tags is required (accepts ${key})`,
    );
    const { code, report } = await check({ revision, changelog });
    expect(code).toBe(0);
    expect(report).toContain(`${key} (accepted)`);
    expect(report).toContain('Semver bump this spec change needs: major');
  });

  it('reports a new response enum value as possibly breaking, never as "no breaking change"', async () => {
    const revision = await editedSpec('status-archived', (spec) => {
      schemas(spec).Campaign.properties.status.enum.push('archived');
    });
    const { code, report } = await check({ revision });
    expect(code).toBe(1);
    expect(report).toMatch(
      /POSSIBLY BREAKING for clients, major: GET \/campaign\/list: added the new `archived` enum value/,
    );
    expect(report).not.toContain('No breaking');
    expect(report).toContain('(minor if each possibly breaking change is reviewed as safe)');
  });

  it('passes a new optional response field and asks for a minor bump', async () => {
    const revision = await editedSpec('label-added', (spec) => {
      schemas(spec).PhoneNumber.properties.label = { type: 'string', description: 'New.' };
    });
    const { code, report } = await check({ revision });
    expect(code).toBe(0);
    expect(report).toContain(
      'For clients (code that calls the API): 0 breaking, 0 possibly breaking, 1 additive.',
    );
    expect(report).toContain(
      'For servers (a server that passed the released contract suite): 0 breaking, 0 possibly breaking.',
    );
    expect(report).toContain('response-optional-property-added');
    expect(report).toContain('Semver bump this spec change needs: minor');
  });

  it('passes an unchanged spec and asks for a patch bump at most', async () => {
    const { code, report } = await check({});
    expect(code).toBe(0);
    expect(report).toContain('No breaking or possibly breaking change.');
    expect(report).toContain('Semver bump this spec change needs: patch');
  });
});

describe('check:breaking, for servers (the diff read backwards)', () => {
  it('fails on a new required response field, additive for clients but not for servers', async () => {
    const revision = await editedSpec('label-required', (spec) => {
      schemas(spec).PhoneNumber.properties.label = { type: 'string', description: 'New.' };
      schemas(spec).PhoneNumber.required.push('label');
    });
    const { code, report } = await check({ revision });
    expect(code).toBe(1);
    expect(report).toContain(
      'For clients (code that calls the API): 0 breaking, 0 possibly breaking, 1 additive.',
    );
    expect(report).toMatch(
      /BREAKING for servers, major: GET \/phone_number: added the required property `[^`]*\/label` to the response/,
    );
  });

  it('fails on a new operation, which servers must implement', async () => {
    const revision = await editedSpec('get-campaign', (spec) => {
      spec.paths['/campaign/{campaign_id}'] = {
        get: {
          ...spec.paths['/campaign/list'].get,
          operationId: 'getCampaign',
          parameters: [
            { name: 'campaign_id', in: 'path', required: true, schema: { type: 'string' } },
          ],
        },
      };
    });
    const { code, report } = await check({ revision });
    expect(code).toBe(1);
    expect(report).toMatch(
      /BREAKING for servers, major: GET \/campaign\/\{campaign_id\}: new operation: servers must implement it/,
    );
    expect(report).toMatch(
      /ADDITIVE for clients, minor: GET \/campaign\/\{campaign_id\}: endpoint added/,
    );
  });

  it('fails on a narrowed response enum and on a relaxed request, which servers must now accept', async () => {
    const revision = await editedSpec('narrowed-and-relaxed', (spec) => {
      schemas(spec).Campaign.properties.campaign_type.enum = ['outbound'];
      schemas(spec).ContactQuery.properties.campaign_ids = {
        $ref: '#/components/schemas/FilterValues',
        description: 'Match contacts whose `campaign_id` is one of these.',
        'x-callab-matches': 'campaign_id',
      };
    });
    const { code, report } = await check({ revision });
    expect(code).toBe(1);
    expect(report).toMatch(
      /for servers, major: GET \/campaign\/list: removed the `inbound` enum value from/,
    );
    expect(report).toMatch(
      /for servers, major: POST \/contact\/query: added the request property `campaign_ids`/,
    );
    expect(report).toContain(
      'For clients (code that calls the API): 0 breaking, 0 possibly breaking, 2 additive.',
    );
  });

  it('passes a new optional response field: servers may leave it out', async () => {
    const revision = await editedSpec('timezone', (spec) => {
      schemas(spec).Contact.properties.timezone = { type: 'string', description: 'IANA.' };
    });
    const { code, report } = await check({ revision });
    expect(code).toBe(0);
    expect(report).toContain(
      'For servers (a server that passed the released contract suite): 0 breaking, 0 possibly breaking.',
    );
  });
});

describe('the released spec and the CHANGELOG', () => {
  it('npm test compares openapi.yaml with the committed released spec and this CHANGELOG', async () => {
    const lines: string[] = [];
    const code = await checkBreaking({ log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/^openapi\.yaml compared with scripts\/openapi\.released\.yaml: /);
    expect(code).toBe(0);
  });

  it('release:spec writes openapi.yaml, with a header naming the version', () => {
    const released = releasedSpec('openapi: 3.1.0\n', '1.2.3');
    expect(released).toMatch(/^# openapi\.yaml as of callab-client 1\.2\.3, the last release/);
    expect(released.endsWith('\nopenapi: 3.1.0\n')).toBe(true);
    expect(RELEASED_SPEC_PATH).toMatch(/scripts\/openapi\.released\.yaml$/);
  });

  it('accepts only ids listed under an Unreleased heading', () => {
    const keys = acceptedKeys(
      [
        '# Changelog',
        '## Unreleased',
        '- new operation GET /campaign/{campaign_id} (accepts change:8d9754031fde)',
        '## 0.2.0 - Unreleased',
        '- change:aaaaaa111111 and change:bbbbbb222222',
        '## 0.1.0 - 2026-01-01',
        '- change:cccccc333333',
      ].join('\n'),
    );
    expect([...keys].sort()).toEqual([
      'change:8d9754031fde',
      'change:aaaaaa111111',
      'change:bbbbbb222222',
    ]);
  });

  it('explains a base that is neither a file nor a git ref', async () => {
    await expect(check({ base: 'no-such-ref' })).rejects.toThrow(
      '--base no-such-ref: not a file, and git has no openapi.yaml at that ref',
    );
  });

  it('rejects an unreadable spec with the reason oasdiff gives', async () => {
    const broken = join(work, 'broken.yaml');
    await writeFile(broken, 'openapi: [');
    await expect(check({ base: broken })).rejects.toThrow(
      /oasdiff could not compare the specs: .*base spec/,
    );
  });

  it('compares with any git ref given as --base', async () => {
    const repo = join(work, 'repo');
    await mkdir(repo);
    const git = (...args: string[]) =>
      runCommand(
        'git',
        [
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@example.com',
          '-c',
          'commit.gpgsign=false',
          ...args,
        ],
        { cwd: repo },
      );
    await git('init', '-q');
    await writeFile(join(repo, 'openapi.yaml'), stringify(loadSpec()));
    await git('add', 'openapi.yaml');
    await git('commit', '-q', '-m', 'spec');
    const revision = await editedSpec('tags-required-ref', (spec) => {
      schemas(spec).ContactQuery.required = ['tags'];
    });
    const { code, report } = await check({ repo, revision, base: 'HEAD' });
    expect(code).toBe(1);
    expect(report).toContain('compared with git ref HEAD');
  });
});
