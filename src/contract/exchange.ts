/**
 * Sends the contract checks' requests with plain fetch (no retries, no client-side validation, so
 * the checks see exactly what the server answered) and records the answer of each.
 */
import type { ContractOperation } from './operations';

/** An HTTP response as the checks observe it. */
export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
}

/** A request got no HTTP response: refused, reset, DNS, timeout. */
export interface Unanswered {
  unanswered: string;
}

export type Outcome = Exchange | Unanswered;

export function isUnanswered(outcome: Outcome): outcome is Unanswered {
  return 'unanswered' in outcome;
}

export interface ContractRequest {
  operation: ContractOperation;
  /** Query parameters as sent on the wire. */
  query?: Readonly<Record<string, string>>;
  /** The body as sent, JSON text (or anything else); absent for none. */
  body?: string;
  /** Default `key`: `Authorization: Bearer <the key>`. */
  credential?: 'key' | 'none' | 'wrong-key';
}

/** The key the credential checks send instead of the real one. */
export const WRONG_KEY = 'callab-contract-test-wrong-key';

export interface SenderOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type Send = (request: ContractRequest) => Promise<Outcome>;

/** What fetch says when no response came: its `cause` holds the system error (ECONNREFUSED...). */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = typeof cause?.message === 'string' ? cause.message : undefined;
  return detail ?? (error instanceof Error ? error.message : String(error));
}

export function requestUrl(baseUrl: string, request: ContractRequest): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${request.operation.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    url.searchParams.append(name, value);
  }
  return url;
}

export function createSender(
  { baseUrl, apiKey, timeoutMs, fetch: fetchImpl = fetch }: SenderOptions,
  onExchange: (operation: ContractOperation, exchange: Exchange) => void,
): Send {
  return async (request) => {
    const headers = new Headers({ accept: 'application/json' });
    const credential = request.credential ?? 'key';
    if (credential !== 'none') {
      headers.set('authorization', `Bearer ${credential === 'key' ? apiKey : WRONG_KEY}`);
    }
    if (request.body !== undefined) headers.set('content-type', 'application/json');
    try {
      const response = await fetchImpl(requestUrl(baseUrl, request), {
        method: request.operation.method.toUpperCase(),
        headers,
        ...(request.body !== undefined && { body: request.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const exchange = {
        status: response.status,
        headers: response.headers,
        text: await response.text(),
      };
      onExchange(request.operation, exchange);
      return exchange;
    } catch (error) {
      return { unanswered: describeFailure(error, timeoutMs) };
    }
  };
}
