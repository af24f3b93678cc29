import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as generated from '../generated/validators';
import { describeErrors, jsonPointer } from '../src/core/spec-schemas';
import { loadSpec, mediaTypesOf, specSchemas } from '../src/internal/spec-document';
import { successPointer } from './generate-validators';
import { GENERATED_DIR } from './paths';

const spec = loadSpec();
const ajv = specSchemas(spec);
type Validate = (data: unknown) => boolean;
const errorsOf = (validate: Validate & { errors?: unknown }, value: unknown) => {
  validate(value);
  return describeErrors(validate.errors as Parameters<typeof describeErrors>[0]);
};

/** Each operation's documented 200 `ok` example, and variants of it with one field of the first item broken. */
const cases = mediaTypesOf(spec)
  .filter((media) => media.status === '200' && media.examples.ok)
  .flatMap((media) => {
    const example = media.examples.ok as { data: Record<string, unknown>[] };
    const first = example.data[0] ?? {};
    const variants = Object.keys(first).flatMap((key) =>
      [undefined, null, {}, 'not-a-date', '2023-02-29', -1].map((value) => {
        const item = { ...first, [key]: value };
        if (value === undefined) delete item[key];
        return { ...example, data: [item, ...example.data.slice(1)] };
      }),
    );
    return [example, ...variants].map((body) => ({ media, body }));
  });

describe('generated/validators.ts', () => {
  it('reports exactly what Ajv, compiled from openapi.yaml at runtime, reports', () => {
    let invalid = 0;
    for (const { media, body } of cases) {
      const operationId = media.operation.operationId as keyof typeof generated.success;
      const expected = errorsOf(ajv.at(successPointer(spec, media.schemaPointer)), body);
      expect(errorsOf(generated.success[operationId], body)).toEqual(expected);
      for (const [name, validate] of Object.entries(generated.schemas)) {
        const item = body.data[0];
        const pointer = jsonPointer('components', 'schemas', name);
        expect(errorsOf(validate, item)).toEqual(errorsOf(ajv.at(pointer), item));
      }
      if (expected.length > 0) invalid++;
    }
    // The comparison means something only if many variants break the schema.
    expect(invalid).toBeGreaterThan(cases.length / 2);
  });

  it('covers every operation, and each named schema a response uses', () => {
    expect(Object.keys(generated.success).sort()).toEqual(
      mediaTypesOf(spec)
        .filter((media) => media.status === '200')
        .map((media) => media.operation.operationId)
        .sort(),
    );
    expect(Object.keys(generated.schemas)).toEqual(
      expect.arrayContaining([
        'Contact',
        'PhoneNumber',
        'Campaign',
        'WebhookFlow',
        'ErrorEnvelope',
      ]),
    );
    expect(Object.keys(generated.schemas)).not.toContain('ContactQuery');
  });

  it('imports nothing: the format checks and Ajv helpers it uses are inlined', () => {
    const source = readFileSync(join(GENERATED_DIR, 'validators.ts'), 'utf8');
    expect(source).not.toMatch(
      /\brequire\(|\bimport\s*\(|^\s*import\s*['"]|^\s*(import|export)\b.*\bfrom\s+['"]/m,
    );
    expect(source).toContain('fullFormats');
  });
});
