/**
 * What a consumer team writes: one TypeScript file, compiled three ways (node16 CommonJS as
 * consumer.ts, node16 ESM as consumer.mts, bundler), then run as CommonJS and as ESM. It prints
 * `smoke ok (<module system>, <peers>)` or exits non-zero with the reason.
 */
import { join } from 'node:path';
import { ROOT } from '../paths';

export const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const COMPILER_OPTIONS = { target: 'ES2022', lib: ['ES2022'], strict: true, types: ['node'] };

const TSCONFIGS = {
  'tsconfig.node16.json': {
    compilerOptions: {
      ...COMPILER_OPTIONS,
      module: 'node16',
      moduleResolution: 'node16',
      outDir: 'out',
      // Our declaration files get checked as consumers with skipLibCheck off see them; once
      // only, since checking @types/node is most of the smoke test's time. TypeScript's own
      // lib files are not ours to check.
      skipLibCheck: false,
      skipDefaultLibCheck: true,
    },
    files: ['consumer.ts', 'consumer.mts'],
  },
  'tsconfig.bundler.json': {
    compilerOptions: {
      ...COMPILER_OPTIONS,
      module: 'preserve',
      moduleResolution: 'bundler',
      noEmit: true,
      skipLibCheck: true,
    },
    files: ['consumer.ts'],
  },
};

export type ConsumerTsconfig = keyof typeof TSCONFIGS;

const CONSUMER_SOURCE = `
import { Callab, CallabAuthenticationError, type Contact } from 'callab-client';
import { startFakeServer, startMockServer } from 'callab-client/testing';

const withOptionalPeers = process.env.SMOKE_OPTIONAL_PEERS === '1';

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error('smoke check failed: ' + what);
}

// Never called: the package's types must reject a misspelled filter.
function misspelledFilter(callab: Callab): Promise<Contact[]> {
  // @ts-expect-error \`tag\` is not a filter; \`tags\` is.
  return callab.contacts.query({ tag: ['vip'] });
}

async function againstFakeServer(): Promise<void> {
  const fake = await startFakeServer();
  try {
    const callab = new Callab({ apiKey: fake.apiKey, baseUrl: fake.url, maxRetries: 0, validate: withOptionalPeers });
    const found = await callab.contacts.query({ tags: ['vip'], source_names: ['referral'] });
    check(found.length === 1 && found[0]?.firstname === 'Margaret', 'contacts.query applies the filters');
    check((await callab.campaigns.list({ limit: 2 })).length === 2, 'campaigns.list applies limit');
    check((await callab.phoneNumbers.list()).length === 2, 'phoneNumbers.list');
    check((await callab.webhooks.list()).length === 2, 'webhooks.list');
    const denied = await new Callab({ apiKey: 'wrong-key', baseUrl: fake.url, maxRetries: 0 })
      .phoneNumbers.list()
      .catch((error: unknown) => error);
    check(denied instanceof CallabAuthenticationError && denied.httpStatus === 401, 'a wrong key throws CallabAuthenticationError');
  } finally {
    await fake.close();
  }
}

async function againstMockServer(): Promise<void> {
  if (!withOptionalPeers) {
    const missing = await startMockServer().catch((error: unknown) => error);
    check(missing instanceof Error && missing.message.includes('optional peer dependencies'), 'startMockServer without Prism says what to install');
    return;
  }
  const mock = await startMockServer();
  try {
    const callab = new Callab({ apiKey: 'any-key', baseUrl: mock.url, maxRetries: 0, validate: true });
    check((await callab.phoneNumbers.list())[0]?.nickname === 'Sales line', 'the mock serves the bundled spec');
  } finally {
    await mock.close();
  }
}

againstFakeServer()
  .then(againstMockServer)
  .then(() => {
    const moduleSystem = typeof require === 'function' ? 'CommonJS' : 'ESM';
    console.log('smoke ok (' + moduleSystem + ', ' + (withOptionalPeers ? 'with' : 'without') + ' optional peers)');
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
`;

/** The consumer's files: the source as consumer.ts and consumer.mts, and both tsconfigs. */
export const CONSUMER_FILES: Record<string, string> = {
  'consumer.ts': CONSUMER_SOURCE,
  'consumer.mts': CONSUMER_SOURCE,
  ...Object.fromEntries(
    Object.entries(TSCONFIGS).map(([file, config]) => [file, JSON.stringify(config, null, 2)]),
  ),
};
