/**
 * What every resource method returns: a Promise of the envelope's `data` that can also give back
 * the HTTP response it came from, as openai-node's APIPromise does. Awaiting it costs one promise
 * more than a plain one.
 */

/** The data with the exchange it came from. */
export interface WithResponse<T> {
  data: T;
  /** The HTTP response (status, headers, url). Its body has been read already. */
  response: Response;
  /** The server's `x-request-id`, to quote to Callab support; the API key is scrubbed from it. */
  requestId: string | undefined;
}

export class CallabPromise<T> extends Promise<T> {
  readonly #exchange: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(exchange: Promise<WithResponse<T>>) {
    // The executor's value is never read: then/catch/finally delegate to the exchange.
    super((resolve) => resolve(undefined as T));
    this.#exchange = exchange;
  }

  /** The data, the HTTP response and the request id; failures throw the same errors as `await`. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#exchange;
  }

  #value(): Promise<T> {
    this.#data ??= this.#exchange.then((exchange) => exchange.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: a Promise subclass; its then delegates to the exchange.
  override then<Fulfilled = T, Rejected = never>(
    onFulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.#value().then(onFulfilled, onRejected);
  }

  override catch<Rejected = never>(
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<T | Rejected> {
    return this.#value().catch(onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onFinally);
  }
}
