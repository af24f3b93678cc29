import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createSpecSchemas, describeErrors, jsonPointer, nodeAt, resolveRef } from './spec-schemas';

// A document whose names need RFC 6901 escaping: `/` as `~1`, `~` as `~0`.
const spec = {
  paths: { '/contact/query': { post: { $ref: '#/components/schemas/Query' } } },
  components: {
    schemas: {
      Query: { $ref: '#/components/schemas/a~1b~0c' },
      'a/b~c': { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    },
  },
};

describe('jsonPointer and nodeAt', () => {
  it('escape and unescape every segment of the path', () => {
    const pointer = jsonPointer('components', 'schemas', 'a/b~c');
    expect(pointer).toBe('#/components/schemas/a~1b~0c');
    expect(nodeAt(spec, pointer)).toBe(spec.components.schemas['a/b~c']);
    expect(nodeAt(spec, jsonPointer('paths', '/contact/query', 'post'))).toEqual({
      $ref: '#/components/schemas/Query',
    });
  });

  it.each(['#/components/schemas/Missing', '#/nowhere/at/all'])(
    'names a pointer that leads nowhere: %s',
    (pointer) => {
      expect(() => nodeAt(spec, pointer)).toThrow(
        `openapi.yaml: $ref ${pointer} points at nothing`,
      );
    },
  );

  it('resolveRef follows a chain of $ref to its end', () => {
    const start = jsonPointer('paths', '/contact/query', 'post');
    expect(resolveRef(spec, nodeAt(spec, start), start)).toEqual({
      node: spec.components.schemas['a/b~c'],
      pointer: '#/components/schemas/a~1b~0c',
    });
  });
});

describe('createSpecSchemas', () => {
  it('validates against the schema a pointer names, the same validator each time', () => {
    const schemas = createSpecSchemas(Ajv2020, addFormats, spec);
    const validate = schemas.at('#/components/schemas/Query');
    expect(validate({ id: 'a' })).toBe(true);
    expect(validate({ id: 1 })).toBe(false);
    expect(describeErrors(validate.errors)).toEqual(['/id must be string']);
    expect(schemas.at('#/components/schemas/Query')).toBe(validate);
  });
});

describe('describeErrors', () => {
  it('names the root as / and an error without a message as invalid', () => {
    expect(
      describeErrors([
        {
          instancePath: '',
          keyword: 'type',
          schemaPath: '#',
          params: {},
          message: 'must be object',
        },
        { instancePath: '/a', keyword: 'x', schemaPath: '#', params: {} },
      ]),
    ).toEqual(['/ must be object', '/a is invalid']);
    expect(describeErrors(null)).toEqual([]);
  });
});
