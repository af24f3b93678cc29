/**
 * `callab contract-test`: the contract checks of src/contract against a provider's server, with
 * reports for CI. The checks (and fast-check) are loaded only when this command runs; the help
 * reads the rate-limit policy, which is small.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RATE_LIMIT_POLICY } from '../contract/rate-limit';
import type { ContractReport } from '../contract/report';
import { ExitCode, messageOf, UsageError } from './errors';
import { flagOrEnv, type OptionSpec, type OptionValues, stringValue, wholeNumber } from './options';
import type { Output } from './output';

export const CONTRACT_TEST_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'base-url',
    type: 'string',
    value: 'URL',
    description: 'the server to check (default: $CALLAB_BASE_URL)',
  },
  {
    name: 'api-key',
    type: 'string',
    value: 'KEY',
    secret: true,
    description: 'a key the server accepts (default: $CALLAB_API_KEY; never printed)',
  },
  { name: 'junit', type: 'string', value: 'FILE', description: 'write a JUnit XML report to FILE' },
  { name: 'json', type: 'string', value: 'FILE', description: 'write a JSON summary to FILE' },
  {
    name: 'seed',
    type: 'string',
    value: 'N',
    description: 'seed of the generated cases (default: random, printed; pass it to replay a run)',
  },
  {
    name: 'runs',
    type: 'string',
    value: 'N',
    description: 'generated cases per property-based check (default 100)',
  },
];

export const CONTRACT_TEST_HELP: readonly string[] = [
  'Only reads: every operation with a valid request, without a key and with a wrong one, with',
  "invalid requests, and limit and filter semantics generated from the server's own data.",
  '',
  'Exit codes:',
  '  0  every check passed',
  '  1  contract violations (each named in the reports)',
  '  2  usage or configuration error (bad flag, missing --base-url or API key)',
  '  3  the server could not be reached or did not answer in time',
  '  5  inconclusive: no violation, but the server rate-limited some checks (a documented 429',
  `     or 503) beyond what they wait out (Retry-After up to ${RATE_LIMIT_POLICY.maxWaitMs / 1000} s, ${RATE_LIMIT_POLICY.maxWaits} times per check)`,
];

const EXIT_CODES: Record<ContractReport['result'], ExitCode> = {
  passed: ExitCode.ok,
  // 1 is "the API reported an error" for the API commands; here, "the server broke the contract".
  failed: ExitCode.apiError,
  // Neither passed nor broken: CI must not go green on checks that never ran to the end.
  inconclusive: ExitCode.inconclusive,
  unreachable: ExitCode.network,
};

function baseUrlOf(values: OptionValues, env: NodeJS.ProcessEnv): string {
  const text = flagOrEnv(values, 'base-url', env, 'CALLAB_BASE_URL');
  if (text === undefined) {
    throw new UsageError(
      'missing --base-url: pass the URL of the server to check, such as --base-url http://127.0.0.1:8080',
    );
  }
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(`--base-url must be an http(s) URL, such as http://127.0.0.1:8080`);
  }
  return text;
}

async function writeReport(option: string, file: string | undefined, text: string): Promise<void> {
  if (file === undefined) return;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new UsageError(`cannot write --${option} ${file}: ${messageOf(error)}`, { cause: error });
  }
}

export async function runContractTest(
  values: OptionValues,
  env: NodeJS.ProcessEnv,
  output: Output,
): Promise<ExitCode> {
  const baseUrl = baseUrlOf(values, env);
  const apiKey = flagOrEnv(values, 'api-key', env, 'CALLAB_API_KEY');
  if (!apiKey) {
    throw new UsageError(
      'missing API key: set CALLAB_API_KEY (or pass --api-key) to a key the server accepts',
    );
  }
  const [{ DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, randomSeed, runContract }, formats] =
    await Promise.all([import('../contract/runner'), import('../contract/formats')]);
  const report = await runContract({
    baseUrl,
    apiKey,
    seed: wholeNumber(values, 'seed', 0, 0x7fffffff) ?? randomSeed(),
    runs: wholeNumber(values, 'runs', 1) ?? DEFAULT_RUNS,
    timeoutMs: DEFAULT_TIMEOUT_MS,
  });
  await writeReport('junit', stringValue(values, 'junit'), formats.junitReport(report));
  await writeReport('json', stringValue(values, 'json'), `${JSON.stringify(report, null, 2)}\n`);
  await output.write([formats.textReport(report)]);
  return EXIT_CODES[report.result];
}
