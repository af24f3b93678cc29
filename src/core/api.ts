/**
 * The typed call behind every resource method: send, unwrap the envelope, optionally validate,
 * return `data`. Types come from the generated `paths`, so a resource names only path and method.
 */
import { defaultPathSerializer } from 'openapi-fetch';
import type { paths } from '../../generated/openapi';
import { unwrapEnvelope } from './envelope';
import type { Redact } from './redact';
import type { RequestOptions, Transport } from './transport';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Responses<O> = O extends { responses: infer R } ? R : never;

/** The `data` of the operation's success envelope. */
export type SuccessData<P extends keyof paths, M extends Method> = Extract<
  JsonOf<Responses<Operation<P, M>>[200 & keyof Responses<Operation<P, M>>]>,
  { status: 'ok' }
>['data'];

const JSON_BODY_HEADERS = { 'content-type': 'application/json' };

export interface CallInput {
  /** Values of the path template's `{name}` parameters, encoded by openapi-fetch's serialiser. */
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export class ApiCaller {
  // Private (#) so that `console.log(callab)` shows none of the wiring.
  readonly #transport: Transport;
  readonly #redact: Redact;
  readonly #validate: boolean;

  constructor(transport: Transport, redact: Redact, validate: boolean) {
    this.#transport = transport;
    this.#redact = redact;
    this.#validate = validate;
  }

  async call<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    input: CallInput,
    options?: RequestOptions,
  ): Promise<SuccessData<P, M>> {
    const verb = method.toUpperCase();
    const result = await this.#transport.send(
      {
        method: verb,
        path: input.path ? defaultPathSerializer(path, input.path) : path,
        ...(input.query && { query: encodeQuery(input.query) }),
        ...(input.body !== undefined && {
          body: JSON.stringify(input.body),
          headers: JSON_BODY_HEADERS,
        }),
      },
      options,
    );
    const envelope = unwrapEnvelope(`${verb} ${path}`, result, this.#redact);
    if (this.#validate) {
      // Loaded on first use, with Ajv and the spec: clients that do not validate never fetch it.
      const { validateSuccessBody } = await import('./validation');
      await validateSuccessBody(method, path, envelope);
    }
    return envelope.data as SuccessData<P, M>;
  }
}

function encodeQuery(query: NonNullable<CallInput['query']>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return params.toString();
}
