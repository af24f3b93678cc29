/**
 * The typed call behind every resource method: build the request, send it, unwrap the envelope,
 * check the shape of `data`, optionally validate, return `data`. The URL is built by
 * ./request-builder, whose serialisers `raw` is given too, so a call goes out the same way from both.
 */
import type { paths } from '../../generated/openapi';
import { type CallabPromise, callabPromise, type Sent } from './api-promise';
import { unwrapEnvelope } from './envelope';
import { CallabResponseValidationError } from './errors';
import { type SuccessData, successShape } from './operations';
import type { Redact } from './redact';
import { buildUrl } from './request-builder';
import { STREAM_KIT } from './stream-kit';
import type { HttpRequest, RequestOptions, StreamOptions, Transport } from './transport';
import type { SchemaName } from './validation';

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

type UrlParams = Parameters<typeof buildUrl>[2];

const JSON_BODY_HEADERS = { 'content-type': 'application/json' };

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

  /**
   * The operation's list items as they arrive (./envelope-stream), in memory that does not grow
   * with the list. The request is built and sent as `call` sends it; retries happen only before
   * the response headers, so never after an item has been yielded. With `validate`, each item is
   * checked against the component schema `itemSchema` as it arrives.
   */
  async *stream<P extends keyof paths, M extends Method, Item>(
    method: M,
    path: P,
    itemSchema: SchemaName,
    input: CallInput<P, M> = {},
    options?: StreamOptions,
  ): AsyncGenerator<Item, void, undefined> {
    // Loaded on first use, as the validators are: the main entry stays small for clients that never stream.
    const { streamItems } = await import('./streaming');
    yield* streamItems<Item>({
      transport: this.#transport,
      request: this.#request(method, path, input),
      redact: this.#redact,
      kit: STREAM_KIT,
      itemSchema: this.#validate ? itemSchema : undefined,
      options,
    });
  }

  #request<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    input: CallInput<P, M>,
  ): HttpRequest {
    // Typed per operation by CallInput; the serialisers take any record.
    const url = buildUrl(this.#baseUrl, path, input as unknown as UrlParams);
    return {
      method: method.toUpperCase(),
      path,
      url,
      ...(input.body !== undefined && {
        body: JSON.stringify(input.body),
        headers: JSON_BODY_HEADERS,
      }),
    };
  }

  async #send<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    input: CallInput<P, M>,
    options: RequestOptions | undefined,
    sent: Sent,
  ): Promise<SuccessData<P, M>> {
    const request = this.#request(method, path, input);
    const result = await this.#transport.send(request, options);
    const operation = `${request.method} ${path}`;
    const envelope = unwrapEnvelope(operation, result, this.#redact, successShape(method, path));
    if (this.#validate) {
      // Loaded on first use, with Ajv and the spec: clients that do not validate never fetch it.
      const { successBodyViolations } = await import('./validation');
      const errors = await successBodyViolations(method, path, envelope);
      if (errors.length > 0) throw new CallabResponseValidationError(operation, errors);
    }
    sent.response = result.response;
    return envelope.data as SuccessData<P, M>;
  }
}
