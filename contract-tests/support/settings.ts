/**
 * What the suite checks, from the environment. Mock mode (the default) checks the client and the
 * spec against Prism's mock; proxy mode checks a real server (CONTRACT_UPSTREAM) through Prism's
 * validating proxy, with CONTRACT_API_KEY as the credential.
 */
export type ContractMode = 'mock' | 'proxy';

export type ContractSettings =
  | { mode: 'mock' }
  | { mode: 'proxy'; upstream: string; apiKey: string };

type Env = Record<string, string | undefined>;

/** The key the suite sends to the mock, which accepts any bearer token. */
const MOCK_API_KEY = 'contract-tests-mock-key';

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
  return { mode: 'proxy', upstream: upstream.replace(/\/+$/, ''), apiKey };
}

/** What a test talks to, once the global setup has started Prism. */
export interface ContractTarget {
  mode: ContractMode;
  /** Prism: the mock, or the validating proxy in front of the upstream. */
  prismUrl: string;
  /** The server under test; Prism itself in mock mode. */
  upstreamUrl: string;
  apiKey: string;
  /** Scratch directory of this run (coverage records, upstream probe). */
  runDir: string;
}

/** Names of the variables the global setup hands to the test workers. */
export const RUN_ENV = {
  prismUrl: 'CONTRACT_PRISM_URL',
  runDir: 'CONTRACT_RUN_DIR',
} as const;

export function contractTarget(env: Env = process.env): ContractTarget {
  const prismUrl = env[RUN_ENV.prismUrl];
  const runDir = env[RUN_ENV.runDir];
  if (!prismUrl || !runDir) {
    throw new Error(
      'The contract suite runs through its global setup: use `npm run test:contract` (jest --selectProjects contract).',
    );
  }
  const settings = settingsFromEnv(env);
  return settings.mode === 'proxy'
    ? { mode: 'proxy', prismUrl, upstreamUrl: settings.upstream, apiKey: settings.apiKey, runDir }
    : { mode: 'mock', prismUrl, upstreamUrl: prismUrl, apiKey: MOCK_API_KEY, runDir };
}
