/**
 * The house rules Redocly cannot state, run by `npm run lint:spec` after `redocly lint`:
 * - every `x-` extension the spec uses is one openapi.yaml's info description documents, and
 *   each documented one is used correctly (the operation table's checks: scripts/generate-operations.ts);
 * - examples reach everything: every property of every schema reachable from a response appears
 *   in at least one named response example, and every operation has a success example with data,
 *   so the mock, the demo and the docs show all that the spec declares.
 * Exits 1 listing each problem.
 */

import {
  loadSpec,
  mediaTypesOf,
  resolveRef,
  type SpecNode,
  specSchemas,
} from '../src/internal/spec-document';
import { operationTable } from './generate-operations';

/** The extensions openapi.yaml's info description documents; readers listed in docs/changing-the-api.md. */
export const DOCUMENTED_EXTENSIONS = [
  'x-inferred',
  'x-callab-matches',
  'x-callab-read-only',
  'x-callab-method',
  'x-callab-table-columns',
];

function child(pointer: string, ...segments: (string | number)[]): string {
  return [pointer, ...segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1'))].join(
    '/',
  );
}

/** `Contact.timezone` for a named schema's property, the pointer otherwise. */
function fieldLabel(pointer: string, property: string): string {
  const named = /^#\/components\/schemas\/([^/]+)$/.exec(pointer)?.[1];
  return named ? `${named}.${property}` : `${pointer}/properties/${property}`;
}

type Walk = (node: SpecNode, pointer: string) => void;

/** Visits each subschema once: through $ref, properties, items, additionalProperties and the combinators. */
function walkSchemas(spec: SpecNode, visit: (node: SpecNode, pointer: string) => void): Walk {
  const seen = new Set<string>();
  const walk: Walk = (start, at) => {
    const { node, pointer } = resolveRef(spec, start, at);
    if (seen.has(pointer) || typeof node !== 'object' || node === null) return;
    seen.add(pointer);
    visit(node, pointer);
    for (const [name, property] of Object.entries((node.properties ?? {}) as SpecNode)) {
      walk(property, child(pointer, 'properties', name));
    }
    if (node.items) walk(node.items, child(pointer, 'items'));
    if (typeof node.additionalProperties === 'object') {
      walk(node.additionalProperties, child(pointer, 'additionalProperties'));
    }
    for (const key of ['oneOf', 'anyOf', 'allOf']) {
      for (const [i, branch] of ((node[key] ?? []) as SpecNode[]).entries()) {
        walk(branch, child(pointer, key, i));
      }
    }
  };
  return walk;
}

/** Response fields no named response example shows. */
export function fieldsWithoutExample(spec: SpecNode): string[] {
  const responses = mediaTypesOf(spec).filter((media) => media.status !== undefined);
  const declared = new Set<string>();
  const declare = walkSchemas(spec, (node, pointer) => {
    for (const name of Object.keys((node.properties ?? {}) as SpecNode)) {
      declared.add(fieldLabel(pointer, name));
    }
  });
  for (const media of responses) declare({ $ref: media.schemaPointer }, media.schemaPointer);

  const schemas = specSchemas(spec);
  const shown = new Set<string>();
  const show = (start: SpecNode, at: string, value: unknown): void => {
    const { node, pointer } = resolveRef(spec, start, at);
    for (const key of ['oneOf', 'anyOf'] as const) {
      for (const [i, branch] of ((node[key] ?? []) as SpecNode[]).entries()) {
        const branchPointer = child(pointer, key, i);
        if (schemas.at(branchPointer)(value)) show(branch, branchPointer, value);
      }
    }
    for (const [i, branch] of ((node.allOf ?? []) as SpecNode[]).entries()) {
      show(branch, child(pointer, 'allOf', i), value);
    }
    if (Array.isArray(value)) {
      if (node.items) for (const item of value) show(node.items, child(pointer, 'items'), item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const properties = (node.properties ?? {}) as SpecNode;
    for (const [name, item] of Object.entries(value)) {
      if (Object.hasOwn(properties, name)) {
        shown.add(fieldLabel(pointer, name));
        show(properties[name], child(pointer, 'properties', name), item);
      } else if (typeof node.additionalProperties === 'object') {
        show(node.additionalProperties, child(pointer, 'additionalProperties'), item);
      }
    }
  };
  for (const media of responses) {
    for (const value of Object.values(media.examples)) {
      show({ $ref: media.schemaPointer }, media.schemaPointer, value);
    }
  }
  return [...declared].filter((field) => !shown.has(field)).sort();
}

/** Operations whose 200 response has no success example with data in it. */
export function operationsWithoutExample(spec: SpecNode): string[] {
  const withData = new Set(
    mediaTypesOf(spec)
      .filter((media) => media.status === '200')
      .filter((media) =>
        Object.values(media.examples).some((example) => {
          const { status, data } = (example ?? {}) as { status?: unknown; data?: unknown };
          const empty = data === null || (Array.isArray(data) ? data.length === 0 : !data);
          return status === 'ok' && !empty;
        }),
      )
      .map((media) => media.operation.operationId),
  );
  return mediaTypesOf(spec)
    .map((media) => media.operation)
    .filter((op, i, all) => all.findIndex((o) => o.operationId === op.operationId) === i)
    .filter((op) => !withData.has(op.operationId))
    .map((op) => `${op.method.toUpperCase()} ${op.path}`);
}

/** Each `x-` key used in the document, or listed above, that the info description does not document. */
export function undocumentedExtensions(spec: SpecNode): string[] {
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) used.add(key);
      visit(value);
    }
  };
  visit(spec);
  const description = String(spec.info?.description ?? '');
  return [...new Set([...used, ...DOCUMENTED_EXTENSIONS])]
    .filter((key) => !DOCUMENTED_EXTENSIONS.includes(key) || !description.includes(`\`${key}`))
    .sort();
}

export function lintProblems(spec: SpecNode): string[] {
  const problems: string[] = [];
  try {
    operationTable(spec);
  } catch (error) {
    problems.push((error as Error).message);
  }
  for (const key of undocumentedExtensions(spec)) {
    problems.push(
      `${key} is not documented: describe it in info.description (Extensions) and in scripts/lint-spec.ts`,
    );
  }
  for (const field of fieldsWithoutExample(spec)) {
    problems.push(`${field} appears in no response example: add it to one (the mock serves them)`);
  }
  for (const operation of operationsWithoutExample(spec)) {
    problems.push(`${operation} has no 200 example with status ok and data: add one`);
  }
  return problems;
}

if (require.main === module) {
  const problems = lintProblems(loadSpec());
  if (problems.length > 0) {
    console.error(
      `lint:spec: ${problems.length} problem(s) in openapi.yaml:\n${problems.join('\n')}`,
    );
    process.exit(1);
  }
  console.log('lint:spec: x- extensions documented and used correctly; examples show every field');
}
