/**
 * What the suite checks, from the environment. Mock mode (the default) checks the client and the
 * spec against Prism's mock; proxy mode runs the contract checks of src/contract (what
 * `callab contract-test` runs) against a real server (CONTRACT_UPSTREAM), with CONTRACT_API_KEY
 * as the credential and CONTRACT_SEED / CONTRACT_RUNS for the generated cases.
 */
export type ContractMode = 'mock' | 'proxy';

export type ContractSettings =
  | { mode: 'mock' }
  | { mode: 'proxy'; upstream: string; apiKey: string; seed?: number; runs?: number };

type Env = Record<string, string | undefined>;

/** The key the suite sends to the mock, which accepts any bearer token. */
const MOCK_API_KEY = 'contract-tests-mock-key';

/** A whole number from the environment, or a clear error naming the variable. */
function wholeNumber(env: Env, name: string, min: number): number | undefined {
  const text = env[name] || undefined;
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > 0x7fffffff) {
    throw new Error(`${name}=${JSON.stringify(text)} must be a whole number >= ${min}.`);
  }
  return Number(text);
}

export function settingsFromEnv(env: Env = process.env): ContractSettings {
  const upstream = env.CONTRACT_UPSTREAM || undefined;
  const apiKey = env.CONTRACT_API_KEY || undefined;
  if (!upstream) {
    if (apiKey) {
      throw new Error(
        'CONTRACT_API_KEY is set but CONTRACT_UPSTREAM is not: set CONTRACT_UPSTREAM to the base URL of the server to check, or unset CONTRACT_API_KEY to run against the mock.',
      );
    }
    return { mode: 'mock' };
  }
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw new Error(
      `CONTRACT_UPSTREAM=${JSON.stringify(upstream)} is not a URL: set it to the server's base URL, such as https://staging.example.com.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`CONTRACT_UPSTREAM must be an http(s) URL, not ${url.protocol}`);
  }
  if (!apiKey) {
    throw new Error(
      'CONTRACT_UPSTREAM is set but CONTRACT_API_KEY is not: set it to a valid API key for that server.',
    );
  }
  const seed = wholeNumber(env, 'CONTRACT_SEED', 0);
  const runs = wholeNumber(env, 'CONTRACT_RUNS', 1);
  return {
    mode: 'proxy',
    upstream: upstream.replace(/\/+$/, ''),
    apiKey,
    ...(seed !== undefined && { seed }),
    ...(runs !== undefined && { runs }),
  };
}

/** What a mock-mode test talks to, once the global setup has started Prism. */
export interface MockTarget {
  prismUrl: string;
  apiKey: string;
  /** Scratch directory of this run (coverage records). */
  runDir: string;
}

/** Names of the variables the global setup hands to the test workers. */
export const RUN_ENV = {
  prismUrl: 'CONTRACT_PRISM_URL',
  runDir: 'CONTRACT_RUN_DIR',
} as const;

function runDirOf(env: Env): string {
  const runDir = env[RUN_ENV.runDir];
  if (!runDir) {
    throw new Error(
      'The contract suite runs through its global setup: use `npm run test:contract` (jest --selectProjects contract).',
    );
  }
  return runDir;
}

export function mockTarget(env: Env = process.env): MockTarget {
  const runDir = runDirOf(env);
  const prismUrl = env[RUN_ENV.prismUrl];
  if (!prismUrl) throw new Error('Prism runs in mock mode only; this test is a mock-mode test.');
  return { prismUrl, apiKey: MOCK_API_KEY, runDir };
}

/** The scratch directory of a proxy-mode run, where the global setup left its report. */
export function proxyRunDir(env: Env = process.env): string {
  return runDirOf(env);
}
