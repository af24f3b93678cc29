/**
 * The public client, wired to record every HTTP exchange it makes, so that tests can assert both
 * what the client returned and what went over the wire.
 */
import { Callab, type RequestOptions } from '../../src';
import type { SpecOperation } from '../../src/internal/spec-document';
import { RATE_LIMIT_POLICY, type RateLimitPolicy, withRateLimitRetries } from './rate-limit';
import { type ObservedResponse, rateLimitReason, unansweredProblems } from './rules';
import type { ContractTarget } from './settings';
import { operationById } from './spec';

/** One HTTP exchange: the response as it came over the wire. */
export type Exchange = ObservedResponse;

/** Well under the contract project's jest testTimeout, so a hung server fails with a clear error. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface ObservedClient {
  callab: Callab;
  /** Every attempt, in order. */
  exchanges: Exchange[];
}

export interface ObservedClientOptions {
  /** Where to send requests; Prism by default. */
  baseUrl?: string;
  /** Changes each request's headers before it is sent (to drop the Authorization header, say). */
  editHeaders?: (headers: Headers) => void;
}

export function observedClient(
  target: ContractTarget,
  { baseUrl = target.prismUrl, editHeaders }: ObservedClientOptions = {},
): ObservedClient {
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    editHeaders?.(headers);
    const response = await fetch(input, { ...init, headers });
    exchanges.push({
      status: response.status,
      headers: response.headers,
      text: await response.clone().text(),
    });
    return response;
  };
  const callab = new Callab({
    baseUrl,
    apiKey: target.apiKey,
    maxRetries: 0,
    timeoutMs: REQUEST_TIMEOUT_MS,
    logLevel: 'off',
    fetch: recordingFetch,
  });
  return { callab, exchanges };
}

/**
 * Each operation of openapi.yaml called through its resource method with a valid request. A test
 * checks that this table names exactly the spec's operations, so a new operation fails the suite
 * until it is added here.
 */
export const OPERATION_CALLS: Record<
  string,
  (callab: Callab, options?: RequestOptions) => Promise<unknown>
> = {
  queryContacts: (callab, options) => callab.contacts.query({}, options),
  listPhoneNumbers: (callab, options) => callab.phoneNumbers.list(options),
  listCampaigns: (callab, options) => callab.campaigns.list({}, options),
  listWebhookFlows: (callab, options) => callab.webhooks.list(options),
};

function callOperation(
  callab: Callab,
  operationId: string,
  options?: RequestOptions,
): Promise<unknown> {
  const call = OPERATION_CALLS[operationId];
  if (!call) throw new Error(`contract-tests/support/client.ts has no call for ${operationId}`);
  return call(callab, options);
}

export type Outcome = { data: unknown } | { error: unknown };

/** The result of a call, without throwing. */
function settle(call: Promise<unknown>): Promise<Outcome> {
  return call.then(
    (data) => ({ data }),
    (error: unknown) => ({ error }),
  );
}

/** A call's result and the one HTTP exchange it made (the suite's clients never retry). */
export interface ObservedCall {
  outcome: Outcome;
  exchange: Exchange;
}

/**
 * The one exchange of a call. When no response came back at all (connection refused...), throws
 * the client's error, which names the address it could not reach.
 */
function singleExchange(exchanges: readonly Exchange[], outcome: Outcome): Exchange {
  const [exchange, ...more] = exchanges;
  if (!exchange) throw 'error' in outcome ? outcome.error : new Error('no HTTP exchange was made');
  if (more.length > 0) throw new Error(`expected one HTTP exchange, saw ${exchanges.length}`);
  return exchange;
}

export interface ObserveOptions {
  client?: ObservedClientOptions;
  request?: RequestOptions;
  /** The call to make; by default the operation's resource method with a valid request. */
  send?: (callab: Callab, request?: RequestOptions) => Promise<unknown>;
  /** How rate limits are waited out, in proxy mode. */
  rateLimit?: RateLimitPolicy;
}

/**
 * Calls `operationId` (with a valid request, unless `send` says otherwise) through a recording
 * client. In proxy mode a documented 429 or 503 is waited out as `Retry-After` asks, within
 * bounds; if the last answer is still one, the check is inconclusive and this throws why.
 */
export async function observeCall(
  target: ContractTarget,
  operationId: string,
  {
    client,
    request,
    send = (callab, options) => callOperation(callab, operationId, options),
    rateLimit = RATE_LIMIT_POLICY,
  }: ObserveOptions = {},
): Promise<ObservedCall> {
  const attempt = async (): Promise<ObservedCall> => {
    const { callab, exchanges } = observedClient(target, client);
    const outcome = await settle(send(callab, request));
    return { outcome, exchange: singleExchange(exchanges, outcome) };
  };
  // The mock answers 429 and 503 only when a test asks for them (Prefer: code=429).
  if (target.mode !== 'proxy') return attempt();
  const { result, attempts } = await withRateLimitRetries(
    attempt,
    (call) => call.exchange,
    rateLimit,
  );
  const reason = rateLimitReason(operationById(operationId), result.exchange, attempts, rateLimit);
  if (reason) throw new Error(reason);
  return result;
}

/** The data of a call that returned, or its error thrown. */
export function dataOf(outcome: Outcome): unknown {
  if ('error' in outcome) throw outcome.error;
  return outcome.data;
}

/** Sends one request through `callab.raw` (which does not throw on HTTP errors) and returns it. */
export async function observeRaw(
  target: ContractTarget,
  send: (callab: Callab) => Promise<unknown>,
): Promise<Exchange> {
  const { callab, exchanges } = observedClient(target);
  return singleExchange(exchanges, await settle(send(callab)));
}

/**
 * Calls the server under test directly (not through Prism) and checks its answer; a call that got
 * no response at all (connection refused or reset, timeout) is a problem too.
 */
export function checkDirectCall(
  target: ContractTarget,
  operation: SpecOperation,
  check: (exchange: Exchange) => string[],
  client: Omit<ObservedClientOptions, 'baseUrl'> = {},
): Promise<string[]> {
  return observeCall(target, operation.operationId, {
    client: { ...client, baseUrl: target.upstreamUrl },
  }).then(
    ({ exchange }) => check(exchange),
    (error: unknown) => unansweredProblems(operation, error),
  );
}
