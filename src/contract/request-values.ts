/**
 * Request values derived from the request schemas: the smallest valid one, and invalid ones. Each
 * mutation says what it breaks, gives one plain instance (always tried) and an arbitrary for
 * fast-check to explore. Covers the JSON Schema
 * the spec's requests use: `type`, `properties`, `required`, `additionalProperties: false`,
 * `items`, `enum`, `minimum`/`maximum` (and their exclusive forms).
 */
import fc from 'fast-check';
import type { SpecNode } from '../core/spec-schemas';
import { resolveSchema } from './operations';

export interface Mutation<T> {
  /** What is wrong, for messages: `tags is not an array`. */
  what: string;
  plain: T;
  arbitrary: fc.Arbitrary<T>;
}

const JSON_TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null'] as const;
type JsonType = (typeof JSON_TYPES)[number];

const small = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));

const VALUES_OF_TYPE: Record<JsonType, { plain: unknown; arbitrary: fc.Arbitrary<unknown> }> = {
  string: { plain: 'abc', arbitrary: fc.string({ maxLength: 12 }) },
  integer: { plain: 42, arbitrary: fc.integer() },
  number: {
    plain: 1.5,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((n) => !Number.isInteger(n)),
  },
  boolean: { plain: true, arbitrary: fc.boolean() },
  array: { plain: [], arbitrary: fc.array(small, { maxLength: 3 }) },
  object: {
    plain: {},
    arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), small, { maxKeys: 3 }),
  },
  null: { plain: null, arbitrary: fc.constant(null) },
};

function typesOf(schema: SpecNode): JsonType[] | undefined {
  if (schema.type === undefined) return undefined;
  const types: JsonType[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  // A number may be integral: `type: number` admits integers.
  return types.includes('number') ? [...types, 'integer'] : types;
}

/** The smallest value the schema accepts: required properties only, empty lists, the minimum. */
export function minimalValue(node: SpecNode): unknown {
  const schema = resolveSchema(node);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const [type] = typesOf(schema) ?? ['object'];
  if (type === 'object') {
    const properties: SpecNode = schema.properties ?? {};
    const required: string[] = schema.required ?? [];
    return Object.fromEntries(required.map((name) => [name, minimalValue(properties[name] ?? {})]));
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  return type === 'boolean' ? false : type === 'null' ? null : '';
}

/** Values the schema accepts, for the parts of a request a mutation leaves intact. */
export function validValues(node: SpecNode): fc.Arbitrary<unknown> {
  const schema = resolveSchema(node);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const [type] = typesOf(schema) ?? ['string'];
  if (type === 'object') {
    const properties: SpecNode = schema.properties ?? {};
    return fc.record(
      Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, validValues(p)])),
      { requiredKeys: schema.required ?? [] },
    );
  }
  if (type === 'array') return fc.array(validValues(schema.items ?? {}), { maxLength: 3 });
  if (type === 'integer' || type === 'number') {
    const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1001) + 1;
    const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1001) - 1;
    return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  }
  return VALUES_OF_TYPE[type ?? 'string'].arbitrary;
}

function wrongTypes(schema: SpecNode, at: string): Mutation<unknown>[] {
  const allowed = typesOf(schema);
  if (!allowed) return [];
  const others = JSON_TYPES.filter((type) => !allowed.includes(type));
  const [first] = others;
  if (first === undefined) return [];
  return [
    {
      what: `${at} is not ${allowed.join(' or ')}`,
      plain: VALUES_OF_TYPE[first].plain,
      arbitrary: fc.oneof(...others.map((type) => VALUES_OF_TYPE[type].arbitrary)),
    },
  ];
}

function outOfBounds(schema: SpecNode, at: string): Mutation<unknown>[] {
  const below =
    schema.exclusiveMinimum ?? (schema.minimum === undefined ? undefined : schema.minimum - 1);
  const above =
    schema.exclusiveMaximum ?? (schema.maximum === undefined ? undefined : schema.maximum + 1);
  return [
    ...(below === undefined
      ? []
      : [
          {
            what: `${at} is below its minimum`,
            plain: Math.floor(below),
            arbitrary: fc.integer({ max: Math.floor(below) }),
          },
        ]),
    ...(above === undefined
      ? []
      : [
          {
            what: `${at} is above its maximum`,
            plain: Math.ceil(above),
            arbitrary: fc.integer({ min: Math.ceil(above) }),
          },
        ]),
  ];
}

function outsideEnum(schema: SpecNode, at: string): Mutation<unknown>[] {
  if (!Array.isArray(schema.enum)) return [];
  const listed = new Set(schema.enum);
  return [
    {
      what: `${at} is not one of ${JSON.stringify(schema.enum)}`,
      plain: 'not-in-the-enum',
      arbitrary: fc.string({ maxLength: 12 }).filter((value) => !listed.has(value)),
    },
  ];
}

/** Every way to break a valid object: a property broken, a required one left out, an unknown one. */
function objectMutations(schema: SpecNode, at: string): Mutation<unknown>[] {
  const properties: SpecNode = schema.properties ?? {};
  const names = Object.keys(properties);
  const valid = validValues(schema) as fc.Arbitrary<Record<string, unknown>>;
  const inside = (name: string) => (at === 'the body' ? name : `${at}.${name}`);
  const broken = names.flatMap((name) =>
    invalidValues(properties[name], inside(name)).map((mutation) => ({
      what: mutation.what,
      plain: { [name]: mutation.plain },
      arbitrary: fc
        .tuple(valid, mutation.arbitrary)
        .map(([value, bad]) => ({ ...value, [name]: bad })),
    })),
  );
  const missing = ((schema.required ?? []) as string[]).map((name) => ({
    what: `${inside(name)} (required) is missing`,
    plain: {},
    arbitrary: valid.map(({ [name]: _, ...rest }) => rest),
  }));
  const unknownName = fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((name) => !names.includes(name));
  const unknown =
    schema.additionalProperties === false
      ? [
          {
            what: `${at} has an unknown property`,
            plain: { unknown: VALUES_OF_TYPE.array.plain },
            arbitrary: fc
              .tuple(valid, unknownName, fc.jsonValue({ maxDepth: 1 }))
              .map(([value, name, extra]) => ({ ...value, [name]: extra })),
          },
        ]
      : [];
  return [...broken, ...missing, ...unknown];
}

function arrayMutations(schema: SpecNode, at: string): Mutation<unknown>[] {
  if (!schema.items) return [];
  const items = validValues(schema.items);
  return invalidValues(schema.items, `an item of ${at}`).map((mutation) => ({
    what: mutation.what,
    plain: [mutation.plain],
    arbitrary: fc
      .tuple(fc.array(items, { maxLength: 2 }), mutation.arbitrary)
      .map(([valid, bad]) => [...valid, bad]),
  }));
}

/** Every mutation of a JSON value that `node` rejects. `at` names the value in messages. */
export function invalidValues(node: SpecNode, at: string): Mutation<unknown>[] {
  const schema = resolveSchema(node);
  const [type] = typesOf(schema) ?? [];
  return [
    ...wrongTypes(schema, at),
    ...outsideEnum(schema, at),
    ...(type === 'integer' || type === 'number' ? outOfBounds(schema, at) : []),
    ...(type === 'object' ? objectMutations(schema, at) : []),
    ...(type === 'array' ? arrayMutations(schema, at) : []),
  ];
}

/**
 * Query parameter values, as wire strings, that `node` rejects. Only forms no reading of the
 * schema could accept: out-of-bounds numbers, fractions for integers, words for numbers and
 * booleans. Not the empty string: Prism, for one, reads `limit=` as no limit.
 */
export function invalidWireValues(node: SpecNode, name: string): Mutation<string>[] {
  const schema = resolveSchema(node);
  const [type] = typesOf(schema) ?? [];
  const word = fc.stringMatching(/^[a-z]{1,8}$/).filter((w) => w !== 'true' && w !== 'false');
  const wire = (mutation: Mutation<unknown>): Mutation<string> => ({
    what: mutation.what,
    plain: String(mutation.plain),
    arbitrary: mutation.arbitrary.map(String),
  });
  if (type === 'integer' || type === 'number') {
    const numeric = [
      { what: `${name} is not a number`, plain: 'abc', arbitrary: word },
      ...outOfBounds(schema, name).map(wire),
    ];
    if (type === 'number') return numeric;
    return [
      ...numeric,
      wire({
        what: `${name} is not an integer`,
        plain: 1.5,
        arbitrary: VALUES_OF_TYPE.number.arbitrary,
      }),
    ];
  }
  if (type === 'boolean') {
    return [{ what: `${name} is not true or false`, plain: 'abc', arbitrary: word }];
  }
  return outsideEnum(schema, name).map(wire);
}
