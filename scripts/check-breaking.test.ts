import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadSpec, type SpecNode } from '../src/internal/spec-document';
import { checkBreaking } from './check-breaking';
import { SPEC_PATH } from './paths';
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

async function check(options: Omit<Parameters<typeof checkBreaking>[0], 'log'>) {
  const lines: string[] = [];
  const code = await checkBreaking({ ...options, log: (line) => lines.push(line) });
  return { code, report: lines.join('\n') };
}

const schemas = (spec: SpecNode) => spec.components.schemas;

describe('check:breaking', () => {
  it('fails with a readable report when a request field becomes required', async () => {
    const revision = await editedSpec('tags-required', (spec) => {
      schemas(spec).ContactQuery.required = ['tags'];
    });
    const { code, report } = await check({ base: SPEC_PATH, revision });
    expect(code).toBe(1);
    expect(report).toContain('1 breaking');
    expect(report).toContain(
      'BREAKING POST /contact/query: the request property `tags` became required [request-property-became-required]',
    );
    expect(report).toContain('Semver bump this spec change needs: major');
  });

  it('fails when a required response field may disappear', async () => {
    const revision = await editedSpec('notes-optional', (spec) => {
      const contact = schemas(spec).Contact;
      contact.required = contact.required.filter((field: string) => field !== 'notes');
    });
    const { code, report } = await check({ base: SPEC_PATH, revision });
    expect(code).toBe(1);
    expect(report).toMatch(/BREAKING POST \/contact\/query: .*notes` became optional/);
  });

  it('passes an additive change (a new optional response field) and asks for a minor bump', async () => {
    const revision = await editedSpec('label-added', (spec) => {
      schemas(spec).PhoneNumber.properties.label = { type: 'string', description: 'New.' };
    });
    const { code, report } = await check({ base: SPEC_PATH, revision });
    expect(code).toBe(0);
    expect(report).toContain('0 breaking');
    expect(report).toContain('response-optional-property-added');
    expect(report).toContain('Semver bump this spec change needs: minor');
  });

  it('passes an unchanged spec and asks for a patch bump at most', async () => {
    const { code, report } = await check({ base: SPEC_PATH });
    expect(code).toBe(0);
    expect(report).toContain('Semver bump this spec change needs: patch');
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
});

describe('check:breaking against git tags', () => {
  let repo: string;
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
      {
        cwd: repo,
      },
    );

  beforeAll(async () => {
    repo = join(work, 'repo');
    await mkdir(repo);
    await git('init', '-q');
    await copyFile(SPEC_PATH, join(repo, 'openapi.yaml'));
    await git('add', 'openapi.yaml');
    await git('commit', '-q', '-m', 'spec');
  });

  it('passes, saying so, when there is no v* tag yet', async () => {
    const { code, report } = await check({ repo });
    expect(code).toBe(0);
    expect(report).toContain(
      'no v* git tag yet, so there is no released spec to compare with: passed',
    );
  });

  it('compares with the latest v* tag by version order, and with any ref given as --base', async () => {
    for (const tag of ['v1.9.0', 'v1.10.0', 'v1.2.0']) await git('tag', tag);
    const revision = await editedSpec('tags-required-again', (spec) => {
      schemas(spec).ContactQuery.required = ['tags'];
    });
    const latest = await check({ repo, revision });
    expect(latest.code).toBe(1);
    expect(latest.report).toContain('compared with git tag v1.10.0');
    const byRef = await check({ repo, revision, base: 'HEAD' });
    expect(byRef.code).toBe(1);
    expect(byRef.report).toContain('compared with git ref HEAD');
  });
});
