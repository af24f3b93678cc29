/**
 * The built package's lazy parts (the validators for `validate: true`, Prism for
 * `startMockServer`, openapi-fetch for `raw`): CommonJS loads them with `require`, since jest's default mode (this very
 * test: CommonJS, no vm modules) throws on an `import()` inside a dependency, and they stay out of
 * the entries. Needs dist/ (`npm test` builds before jest).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { requireFreshBuild } from '../src/test-support/built-dist';
import {
  reply,
  type ScriptedServer,
  startScriptedServer,
} from '../src/test-support/scripted-server';
import { ROOT } from './paths';
import { runCommand } from './run-command';

const DIST = join(ROOT, 'dist');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const built = (ending: string) =>
  files(DIST)
    .filter((path) => path.endsWith(ending))
    .map((path) => relative(ROOT, path));

type ClientModule = typeof import('../src/index');
type TestingModule = typeof import('../src/testing/index');
const requireBuilt = <T>(path: string): T => {
  requireFreshBuild(join(ROOT, path));
  return require(join(ROOT, path)) as T;
};

let server: ScriptedServer;
let body: unknown;
beforeAll(async () => {
  server = await startScriptedServer((_request, response) => reply(response, 200, body));
});
afterAll(() => server.close());

describe('the CommonJS build', () => {
  it.each(built('.cjs'))('%s has no import(): its lazy parts load with require', (path) => {
    expect(readFileSync(join(ROOT, path), 'utf8')).not.toMatch(/\bimport\s*\(/);
  });

  it('validate: true works under jest, with the validators from dist/validators.cjs', async () => {
    const { Callab, CallabResponseValidationError } = requireBuilt<ClientModule>('dist/index.cjs');
    const callab = new Callab({ apiKey: 'k', baseUrl: server.url, maxRetries: 0, validate: true });
    body = { status: 'ok', message: '', data: [] };
    await expect(callab.phoneNumbers.list()).resolves.toEqual([]);
    body = { status: 'ok', message: '', data: [{ nickname: 7 }] };
    const error = await callab.phoneNumbers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallabResponseValidationError);
    expect((error as InstanceType<typeof CallabResponseValidationError>).errors).toContain(
      '/data/0/nickname must be string',
    );
  });

  it('raw works under jest, its openapi-fetch client loaded with require on the first call', async () => {
    const { Callab } = requireBuilt<ClientModule>('dist/index.cjs');
    const callab = new Callab({ apiKey: 'k', baseUrl: server.url, maxRetries: 0 });
    body = { status: 'ok', message: '', data: [] };
    const { data, response } = await callab.raw.GET('/phone_number');
    expect(response.status).toBe(200);
    expect(data).toEqual(body);
  });

  it('startMockServer loads Prism under jest', async () => {
    const { startMockServer } = requireBuilt<TestingModule>('dist/testing.cjs');
    const mock = await startMockServer();
    try {
      const response = await fetch(`${mock.url}/phone_number`, {
        headers: { authorization: 'Bearer any-key' },
      });
      expect(response.status).toBe(200);
    } finally {
      await mock.close();
    }
  }, 60_000);
});

describe("raw's openapi-fetch client", () => {
  it('loads lazily: no entry imports openapi-fetch, only the chunk behind raw does', () => {
    const importers = built('.mjs').filter((path) =>
      /(?:from|import)\s*\(?\s*["']openapi-fetch["']/.test(readFileSync(join(ROOT, path), 'utf8')),
    );
    expect(importers).toEqual([expect.stringMatching(/^dist\/raw-client-[\w-]+\.mjs$/)]);
  });

  it('stays unloaded in the CommonJS build until the first raw request (plain node)', async () => {
    requireFreshBuild(join(ROOT, 'dist', 'index.cjs'));
    const script = `
      const loaded = () => Object.keys(require.cache).some((path) => path.includes('/openapi-fetch/'));
      const { Callab } = require('./dist/index.cjs');
      const callab = new Callab({ apiKey: 'k', baseUrl: process.argv[1], maxRetries: 0 });
      const before = loaded();
      callab.raw.GET('/phone_number').then(({ response }) =>
        console.log(JSON.stringify({ before, after: loaded(), status: response.status })));`;
    body = { status: 'ok', message: '', data: [] };
    const { stdout } = await runCommand(process.execPath, ['-e', script, server.url], {
      cwd: ROOT,
    });
    expect(JSON.parse(stdout)).toEqual({ before: false, after: true, status: 200 });
  });
});

describe('the validators', () => {
  it('live in dist/validators.* only, out of every entry and chunk', () => {
    const withFormats = [...built('.mjs'), ...built('.cjs')].filter((path) =>
      readFileSync(join(ROOT, path), 'utf8').includes('fullFormats'),
    );
    expect(withFormats.sort()).toEqual(['dist/validators.cjs', 'dist/validators.mjs']);
  });
});
