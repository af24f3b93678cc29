/**
 * The public client, wired to record every HTTP exchange it makes, so that tests can assert both
 * what the client returned and what went over the wire.
 */
import { OPERATIONS, type OperationEntry, type OperationId } from '../../generated/operations';
import { Callab, type RequestOptions } from '../../src';
import type { Exchange } from '../../src/contract/exchange';
import { invokeOperation } from '../../src/resources';
import type { MockTarget } from './settings';

export type { Exchange };

/** Well under the contract project's jest testTimeout, so a hung mock fails with a clear error. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface ObservedClient {
  callab: Callab;
  /** Every attempt, in order. */
  exchanges: Exchange[];
}

export interface ObservedClientOptions {
  /** Changes each request's headers before it is sent (to drop the Authorization header, say). */
  editHeaders?: (headers: Headers) => void;
}

export function observedClient(
  target: MockTarget,
  { editHeaders }: ObservedClientOptions = {},
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
    baseUrl: target.prismUrl,
    apiKey: target.apiKey,
    maxRetries: 0,
    timeoutMs: REQUEST_TIMEOUT_MS,
    logLevel: 'off',
    fetch: recordingFetch,
  });
  return { callab, exchanges };
}

/**
 * Calls `operationId` through its resource method with a valid request, read from the operation
 * table: the spec's example for each path parameter, no query parameter, and an empty body.
 */
export function callOperation(
  callab: Callab,
  operationId: string,
  options?: RequestOptions,
): Promise<unknown> {
  if (!Object.hasOwn(OPERATIONS, operationId)) {
    throw new Error(`generated/operations.ts has no operation ${operationId}`);
  }
  const entry: OperationEntry = OPERATIONS[operationId as OperationId];
  const path = Object.fromEntries(entry.pathParams.map((p) => [p.name, String(p.example)]));
  return invokeOperation(callab, entry, { path, query: {}, body: {} }, options);
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

/** Calls `operationId` with a valid request through a recording client. */
export async function observeCall(
  target: MockTarget,
  operationId: string,
  { client, request }: { client?: ObservedClientOptions; request?: RequestOptions } = {},
): Promise<ObservedCall> {
  const { callab, exchanges } = observedClient(target, client);
  const outcome = await settle(callOperation(callab, operationId, request));
  return { outcome, exchange: singleExchange(exchanges, outcome) };
}

/** Sends one request through `callab.raw` (which does not throw on HTTP errors) and returns it. */
export async function observeRaw(
  target: MockTarget,
  send: (callab: Callab) => Promise<unknown>,
): Promise<Exchange> {
  const { callab, exchanges } = observedClient(target);
  return singleExchange(exchanges, await settle(send(callab)));
}
