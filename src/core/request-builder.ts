/**
 * The one URL builder: the resource methods build their URLs with these, and `raw`'s openapi-fetch
 * client is handed the same two as its path and query serialisers, so a call goes out the same way
 * from both (bodies are JSON from both: `JSON.stringify`, openapi-fetch's default for them). They
 * do what openapi-fetch's defaults do for the parameters the spec declares (OpenAPI's defaults:
 * path parameters `simple`, query parameters `form` exploded), and refuse an object, a nested
 * list or a missing list item where the spec has only strings, numbers and their lists.
 */
import { CallabError } from './errors';

type Params = Record<string, unknown>;

const PATH_PARAMETER = /\{([^{}]+)\}/g;

function kindOf(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function primitive(where: string, value: unknown): string | number | boolean {
  // typeof null is 'object'.
  if (value === undefined || typeof value === 'object' || typeof value === 'function') {
    throw new CallabError(`${where} is ${kindOf(value)}: pass a string, a number or a boolean.`);
  }
  return value as string | number | boolean;
}

/** `{name}` segments of `url` filled in, percent-encoded; a parameter not given stays as it is. */
export function serializePath(url: string, params: Params): string {
  return url.replace(PATH_PARAMETER, (segment, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return segment;
    return encodeURIComponent(primitive(`path parameter ${name}`, value));
  });
}

/** `a=1&b=x` with a list as repeated names (`a=1&a=2`); undefined, null and empty lists are left out. */
export function serializeQuery(query: Params): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      pairs.push(`${name}=${encodeURIComponent(primitive(`query parameter ${name}`, item))}`);
    }
  }
  return pairs.join('&');
}

/** What openapi-fetch's `createFinalURL` makes of the same serialisers: `base + path`, then `?query`. */
export function buildUrl(
  baseUrl: string,
  path: string,
  params: { path?: Params | undefined; query?: Params | undefined },
): string {
  const url = serializePath(`${baseUrl}${path}`, params.path ?? {});
  const search = serializeQuery(params.query ?? {});
  return search === '' ? url : `${url}?${search}`;
}

/** The serialisers as openapi-fetch's client options name them. */
export const REQUEST_SERIALIZERS = {
  pathSerializer: serializePath,
  querySerializer: serializeQuery,
};
export type RequestSerializers = typeof REQUEST_SERIALIZERS;
