/**
 * Compiles JSON Schema validators for any schema inside the OpenAPI document (Ajv, 2020-12
 * dialect, with formats), for tests and scripts; the client uses the precompiled
 * generated/validators.ts instead. Ajv is passed in rather than imported: Ajv is a development
 * dependency, and nothing under src/ may import it at runtime.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';

type AjvConstructor = new (options: Record<string, unknown>) => Ajv2020;
type AddFormats = (ajv: Ajv2020) => unknown;

const SPEC_ID = 'callab-openapi.json';

/**
 * Shared by these validators and the generated ones. strict: false because OpenAPI adds keywords
 * (example, x-inferred) that JSON Schema does not know; allErrors: report every violation.
 */
export const AJV_OPTIONS = { strict: false, allErrors: true } as const;

/** `#/a/b` from path segments, escaped as RFC 6901 requires (`/` in `/contact/query`). */
export function jsonPointer(...segments: string[]): string {
  return `#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** A node of the OpenAPI document, walked generically: its shape is checked by Ajv and Redocly. */
// biome-ignore lint/suspicious/noExplicitAny: an arbitrary JSON document.
export type SpecNode = Record<string, any>;

/** The node a local JSON pointer (`#/a/b`) names, without following a `$ref` it holds. */
export function nodeAt(spec: SpecNode, pointer: string): SpecNode {
  const node = pointer
    .slice(2)
    .split('/')
    .reduce<SpecNode | undefined>((at, s) => at?.[s.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  if (node === undefined) throw new Error(`openapi.yaml: $ref ${pointer} points at nothing`);
  return node;
}

/** Follows a local `$ref` chain; returns the node it ends at and that node's JSON pointer. */
export function resolveRef(
  spec: SpecNode,
  node: SpecNode,
  pointer: string,
): { node: SpecNode; pointer: string } {
  const ref = node?.$ref;
  if (typeof ref !== 'string') return { node, pointer };
  return resolveRef(spec, nodeAt(spec, ref), ref);
}

export interface SpecSchemas {
  /** The validator for the schema at `pointer` (a `#/...` JSON pointer into the spec). */
  at(pointer: string): ValidateFunction;
}

export function createSpecSchemas(
  Ajv: AjvConstructor,
  addFormats: AddFormats,
  spec: object,
): SpecSchemas {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  ajv.addSchema(spec, SPEC_ID);
  const cache = new Map<string, ValidateFunction>();
  return {
    at(pointer) {
      let validate = cache.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
        cache.set(pointer, validate);
      }
      return validate;
    },
  };
}

/** One line per Ajv error: `<json path> <message>`, e.g. `/data/0/last_call_duration must be integer,null`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
