/**
 * The spec as a parsed object, its operations and media types, and validators compiled from it:
 * the one module the tests, scripts/ and contract-tests/ read the spec through. Node only, on dev
 * dependencies (yaml, Ajv): no package entry imports it (scripts/module-boundaries.test.ts checks).
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { operationsOf, type SpecOperation } from '../core/spec-operations';
import {
  createSpecSchemas,
  jsonPointer,
  resolveRef,
  type SpecNode,
  type SpecSchemas,
} from '../core/spec-schemas';
import { bundledSpecPath } from '../testing/mock-server';

export { operationsOf, type SpecOperation } from '../core/spec-operations';
export { resolveRef, type SpecNode };

export function loadSpec(path = bundledSpecPath()): SpecNode {
  return parse(readFileSync(path, 'utf8'));
}

export function specSchemas(spec: SpecNode = loadSpec()): SpecSchemas {
  return createSpecSchemas(Ajv2020, addFormats, spec);
}

export interface SpecMediaType {
  operation: SpecOperation;
  /** The response status (`'200'`, `'401'`...), or undefined for the request body. */
  status: string | undefined;
  mediaType: string;
  schemaPointer: string;
  examples: Record<string, unknown>;
}

/** Every request and response media type in the spec, with its named examples and schema pointer. */
export function mediaTypesOf(spec: SpecNode): SpecMediaType[] {
  return operationsOf(spec).flatMap((operation) => {
    const opPointer = jsonPointer('paths', operation.path, operation.method);
    const bodies = Object.entries(operation.node.responses as SpecNode).map(
      ([status, response]) => ({
        status: status as string | undefined,
        ...resolveRef(spec, response, `${opPointer}/responses/${status}`),
      }),
    );
    if (operation.node.requestBody) {
      bodies.unshift({
        status: undefined,
        ...resolveRef(spec, operation.node.requestBody, `${opPointer}/requestBody`),
      });
    }
    return bodies.flatMap(({ status, node, pointer }) =>
      Object.entries((node.content ?? {}) as SpecNode).map(([mediaType, media]) => ({
        operation,
        status,
        mediaType,
        schemaPointer: `${pointer}/content/${mediaType.replace(/\//g, '~1')}/schema`,
        examples: Object.fromEntries(
          Object.entries((media.examples ?? {}) as SpecNode).map(([name, example]) => [
            name,
            resolveRef(spec, example, '').node.value,
          ]),
        ),
      })),
    );
  });
}
