import fc from 'fast-check';
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { CallabError } from './errors';
import { buildUrl, serializePath, serializeQuery } from './request-builder';

// Names and values with the characters that need encoding: spaces, &, =, ?, /, #, %, unicode.
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '=', '?', '/', '#', '%', '+', 'é', '😀'),
});
const value = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.boolean());
const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
const query = fc.dictionary(
  name,
  fc.oneof(value, fc.array(value, { maxLength: 4 }), fc.constant(undefined), fc.constant(null)),
  { maxKeys: 5 },
);
const pathParams = fc.dictionary(
  name,
  fc.oneof(
    text.filter((t) => t !== ''),
    fc.integer(),
  ),
  {
    minKeys: 1,
    maxKeys: 3,
  },
);

describe('the request builder does what openapi-fetch does for the parameters the spec declares', () => {
  it('serialises a query as openapi-fetch does by default (form, exploded)', () => {
    const theirs = createQuerySerializer();
    fc.assert(fc.property(query, (q) => serializeQuery(q) === theirs(q)));
  });

  it('fills path parameters as openapi-fetch does by default (simple), base URL included', () => {
    fc.assert(
      fc.property(pathParams, fc.boolean(), (params, leaveOneOut) => {
        const names = Object.keys(params);
        const template = `/things/${names.map((n) => `{${n}}`).join('/')}/tail`;
        const given: Record<string, unknown> = { ...params };
        if (leaveOneOut) delete given[names[0] as string];
        const url = 'https://api.example.test/v1';
        return (
          serializePath(`${url}${template}`, given) ===
          defaultPathSerializer(`${url}${template}`, given)
        );
      }),
    );
  });

  it('builds the whole URL as createFinalURL does with the same serialisers', () => {
    fc.assert(
      fc.property(query, fc.option(pathParams, { nil: undefined }), (q, path) => {
        const template = path
          ? `/x/${Object.keys(path)
              .map((n) => `{${n}}`)
              .join('/')}`
          : '/x';
        const params = { query: q, ...(path && { path }) };
        const theirs = createFinalURL(template, {
          baseUrl: 'http://127.0.0.1:1',
          params,
          querySerializer: serializeQuery,
          pathSerializer: serializePath,
        });
        return buildUrl('http://127.0.0.1:1', template, params) === theirs;
      }),
    );
  });

  it('leaves the query out when nothing in it is sent, and keeps a template parameter not given', () => {
    expect(buildUrl('http://h', '/a/{id}', { query: { x: undefined, y: [] } })).toBe(
      'http://h/a/{id}',
    );
    expect(buildUrl('http://h', '/a/{id}', { path: {}, query: { x: 1 } })).toBe(
      'http://h/a/{id}?x=1',
    );
    for (const id of [null, undefined]) {
      expect(serializePath('/a/{id}', { id })).toBe(defaultPathSerializer('/a/{id}', { id }));
      expect(serializePath('/a/{id}', { id })).toBe('/a/{id}');
    }
  });

  it.each([
    ['query parameter filter is an object', () => serializeQuery({ filter: { a: 1 } })],
    ['query parameter tags is null', () => serializeQuery({ tags: ['a', null] })],
    ['query parameter tags is undefined', () => serializeQuery({ tags: ['a', undefined] })],
    ['query parameter tags is a list', () => serializeQuery({ tags: [['a']] })],
    ['path parameter id is a list', () => serializePath('/a/{id}', { id: ['1', '2'] })],
    ['path parameter id is a function', () => serializePath('/a/{id}', { id: () => 1 })],
  ])('refuses what the spec never declares: %s', (message, build) => {
    expect(build).toThrow(CallabError);
    expect(build).toThrow(`${message}: pass a string, a number or a boolean.`);
  });
});
