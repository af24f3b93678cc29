/**
 * The typed call behind every resource method: build the request, send it, unwrap the envelope,
 * check the shape of `data`, optionally validate, return `data`. The URL and body are built with
 * openapi-fetch's own serialisers, the ones `raw` uses, so a call goes out the same way from both.
 */
import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
} from 'openapi-fetch';
import type { paths } from '../../generated/openapi';
import { type CallabPromise, callabPromise, type Sent } from './api-promise';
import { unwrapEnvelope } from './envelope';
import { type SuccessData, successShape } from './operations';
import type { Redact } from './redact';
import type { RequestOptions, Transport } from './transport';

type Method = 'get' | 'post';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type ParamsOf<O> = O extends { parameters: infer Params } ? Params : never;
type RequestJson<O> = O extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;

/** The operation's parameters, as openapi-fetch's `params` has them, and its JSON body. */
export interface CallInput<P extends keyof paths, M extends Method> {
  /** Fills `{campaign_id}`-style segments of the path template, percent-encoded. */
  path?: ParamsOf<Operation<P, M>>['path'];
  /** Arrays go out as repeated names (`a=1&a=2`: OpenAPI's form style, exploded). */
  query?: ParamsOf<Operation<P, M>>['query'];
  body?: RequestJson<Operation<P, M>>;
}

type UrlParams = Parameters<typeof createFinalURL>[1]['params'];

const JSON_BODY_HEADERS = { 'content-type': 'application/json' };
const serializeQuery = createQuerySerializer();

export class ApiCaller {
  // Private (#) so that `console.log(callab)` shows none of the wiring.
  readonly #transport: Transport;
  readonly #redact: Redact;
  readonly #baseUrl: string;
  readonly #validate: boolean;

  constructor(transport: Transport, redact: Redact, baseUrl: string, validate: boolean) {
    this.#transport = transport;
    this.#redact = redact;
    this.#baseUrl = baseUrl;
    this.#validate = validate;
  }

  call<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    input: CallInput<P, M> = {},
    options?: RequestOptions,
  ): CallabPromise<SuccessData<P, M>> {
    const sent: Sent = {};
    return callabPromise(this.#send(method, path, input, options, sent), sent, this.#redact);
  }

  async #send<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    input: CallInput<P, M>,
    options: RequestOptions | undefined,
    sent: Sent,
  ): Promise<SuccessData<P, M>> {
    const verb = method.toUpperCase();
    const url = createFinalURL(path, {
      baseUrl: this.#baseUrl,
      // Typed per operation by CallInput; the serialisers take any record.
      params: input as unknown as UrlParams,
      querySerializer: serializeQuery,
      pathSerializer: defaultPathSerializer,
    });
    const result = await this.#transport.send(
      {
        method: verb,
        path,
        url,
        ...(input.body !== undefined && {
          body: defaultBodySerializer(input.body),
          headers: JSON_BODY_HEADERS,
        }),
      },
      options,
    );
    const operation = `${verb} ${path}`;
    const envelope = unwrapEnvelope(operation, result, this.#redact, successShape(method, path));
    if (this.#validate) {
      // Loaded on first use, with Ajv and the spec: clients that do not validate never fetch it.
      const { validateSuccessBody } = await import('./validation');
      await validateSuccessBody(method, path, envelope);
    }
    sent.response = result.response;
    return envelope.data as SuccessData<P, M>;
  }
}
