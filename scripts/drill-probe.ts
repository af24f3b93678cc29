/**
 * The drill's runtime checks, loaded from the copy (scripts/drill.ts) after `generate`: each
 * consumer must have picked up the drill's changes. Written against the general shape of the
 * table, so it also compiles in the project itself (where every check fails: nothing is drilled).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callOperation } from '../contract-tests/support/client';
import { expectedCoverage } from '../contract-tests/support/coverage';
import { OPERATION_LIST } from '../generated/operations';
import { Callab } from '../src';
import { Capture } from '../src/cli/capture';
import { main } from '../src/cli/main';
import { loadSpec, mediaTypesOf } from '../src/internal/spec-document';
import { startFakeServer } from '../src/testing';
import { readDocPages } from './docs-pages';
import { DRILL } from './drill';
import { lintProblems } from './lint-spec';
import { ROOT } from './paths';

async function cli(args: string[], env: Record<string, string> = {}): Promise<string> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr, env });
  return `${stdout.text}${stderr.text}${code === 0 ? '' : `(exit ${code})`}`;
}

/** A server that records each request body and answers an empty success envelope. */
async function recorder(): Promise<{ url: string; bodies: unknown[]; close: () => void }> {
  const bodies: unknown[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk;
    });
    request.on('end', () => {
      bodies.push(JSON.parse(text || 'null'));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"ok","message":"ok","data":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => server.close() };
}

async function check(name: string, problems: string[], body: () => Promise<string[]>) {
  try {
    problems.push(...(await body()).map((problem) => `${name}: ${problem}`));
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The problems found, one line each, naming the consumer that missed a change. */
export async function probeDrill(): Promise<string[]> {
  const problems: string[] = [];
  const spec = loadSpec();
  const fake = await startFakeServer();
  const callab = new Callab({ apiKey: fake.apiKey, baseUrl: fake.url, maxRetries: 0 });
  const env = { CALLAB_BASE_URL: fake.url, CALLAB_API_KEY: fake.apiKey };
  const [resource = '', name = ''] = DRILL.method.split('.');
  try {
    await check('operation table', problems, async () => {
      const entry = OPERATION_LIST.find((e) => e.operationId === DRILL.operationId);
      const filter = OPERATION_LIST.flatMap((e) => e.body?.filters ?? []).find(
        (f) => f.name === DRILL.filter,
      );
      return [
        ...(entry?.retrySafe ? [] : [`no retry-safe ${DRILL.operationId}`]),
        ...(filter?.matches === DRILL.matches
          ? []
          : [`no filter ${DRILL.filter} -> ${DRILL.matches}`]),
      ];
    });
    await check(`client method and fake route (${DRILL.method})`, problems, async () => {
      const method = (callab as unknown as Record<string, Record<string, unknown>>)[resource]?.[
        name
      ];
      if (typeof method !== 'function') return [`callab.${DRILL.method} is not a method`];
      const campaign = (await method(DRILL.campaignId)) as { name?: unknown };
      return typeof campaign?.name === 'string' ? [] : [`returned ${JSON.stringify(campaign)}`];
    });
    await check('CLI command and help', problems, async () => {
      const overview = await cli(['--help']);
      const help = await cli([...DRILL.command.split(' '), '--help']);
      const filters = await cli(['contacts', 'query', '--help']);
      const shown = await cli(
        [...DRILL.command.split(' '), DRILL.campaignId, '--format', 'json'],
        env,
      );
      return [
        ...(overview.includes(DRILL.command) ? [] : [`callab --help lists no '${DRILL.command}'`]),
        ...(help.includes(`Usage: callab ${DRILL.command} <${DRILL.flag}>`)
          ? []
          : [`help: ${help}`]),
        ...(filters.includes(`--${DRILL.flag} S...`)
          ? []
          : [`contacts query --help has no --${DRILL.flag}`]),
        ...(/"name":/.test(shown) ? [] : [`callab ${DRILL.command} printed ${shown}`]),
      ];
    });
    await check('CLI flag and field', problems, async () => {
      const server = await recorder();
      try {
        const sent = await cli(
          ['contacts', 'query', `--${DRILL.flag}`, 'c-1', '--format', 'json'],
          {
            CALLAB_BASE_URL: server.url,
            CALLAB_API_KEY: 'k',
          },
        );
        const csv = await cli(['contacts', 'query', '--format', 'csv'], env);
        const body = JSON.stringify(server.bodies[0]);
        return [
          ...(body === JSON.stringify({ [DRILL.filter]: ['c-1'] })
            ? []
            : [`--${DRILL.flag} sent ${body} (${sent})`]),
          ...(csv.split(/\r?\n/)[0]?.split(',').includes(DRILL.field)
            ? []
            : [`the CSV header has no ${DRILL.field}`]),
        ];
      } finally {
        server.close();
      }
    });
    await check('contract suite and coverage gate', problems, async () => {
      const keys = expectedCoverage(mediaTypesOf(spec));
      await callOperation(callab, DRILL.operationId);
      const key = `${DRILL.operationId} 200 application/json ok`;
      return keys.includes(key) ? [] : [`the gate does not expect '${key}'`];
    });
    await check('docs', problems, async () => {
      const docs = Object.values(readDocPages(ROOT)).join('\n');
      const expected = [
        `\`${DRILL.method}(campaignId, options?)\``,
        `\`callab ${DRILL.command} <${DRILL.flag}>\``,
        `| \`${DRILL.filter}\` | \`${DRILL.matches}\` | \`--${DRILL.flag}\` |`,
        `,${DRILL.field}\n`,
      ];
      return expected
        .filter((text) => !docs.includes(text))
        .map((text) => `no ${JSON.stringify(text)}`);
    });
    await check('spec lint', problems, async () => lintProblems(spec));
  } finally {
    await fake.close();
  }
  return problems;
}
