/**
 * `callab.raw`'s openapi-fetch client, loaded on its first use (./lazy-client): clients that only
 * call the resource methods never load openapi-fetch. It builds URLs with the serialisers it is
 * handed (./request-builder, the resources' own; passed in rather than imported, so that this
 * chunk shares no module with the main entry) and sends requests through the client's transport.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi';
import type { RequestSerializers } from './request-builder';
import type { Transport } from './transport';

export interface RawClientOptions {
  baseUrl: string;
  transport: Transport;
  serializers: RequestSerializers;
}

export function createRawClient({
  baseUrl,
  transport,
  serializers,
}: RawClientOptions): Client<paths> {
  // openapi-fetch names the operation's path template to middleware only; fetch gets the Request.
  const templates = new WeakMap<Request, string>();
  const client = createClient<paths>({
    baseUrl,
    ...serializers,
    fetch: (request) => rawFetch(transport, request, templates.get(request)),
  });
  client.use({
    onRequest({ request, schemaPath }) {
      templates.set(request, schemaPath);
    },
  });
  return client;
}

/** Headers that describe the body as it came over the wire, not the decoded text handed back. */
const WIRE_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding'];

/**
 * openapi-fetch hands over the Request it built; send it through the transport as it is (its URL
 * honours a per-call `baseUrl`) and hand back a Response. `template` is the operation's path for
 * the retry policy; without it (a middleware of the caller's replaced the Request) the URL's path
 * stands in, and a POST is then not retried.
 */
async function rawFetch(
  transport: Transport,
  request: Request,
  template: string | undefined,
): Promise<Response> {
  const { response, text } = await transport.send(
    {
      method: request.method,
      path: template ?? new URL(request.url).pathname,
      url: request.url,
      ...(request.body && { body: await request.text() }),
      headers: Object.fromEntries(request.headers),
    },
    { signal: request.signal },
  );
  const headers = new Headers(response.headers);
  for (const name of WIRE_HEADERS) headers.delete(name);
  return new Response(text === '' ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
