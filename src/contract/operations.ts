/**
 * What the contract checks learn about the spec: its operations, from the operation table
 * (generated/operations.ts), and its component schemas (generated/spec.json), which the invalid
 * requests are derived from.
 */
import { OPERATION_LIST, type OperationEntry } from '../../generated/operations';
import spec from '../../generated/spec.json';
import { resolveRef, type SpecNode } from '../core/spec-schemas';

export type ContractOperation = OperationEntry;

/** A body filter whose matched field the spec names (`x-callab-matches`). */
export interface ContractFilter {
  /** The request property, such as `tags`. */
  name: string;
  /** The field of each returned item it matches, such as `tag_name`. */
  matches: string;
}

const document = spec as SpecNode;
const SCHEMA_PREFIX = '#/components/schemas/';

export const OPERATIONS: readonly ContractOperation[] = OPERATION_LIST;

export function operationById(operationId: string): ContractOperation {
  const operation = OPERATIONS.find((op) => op.operationId === operationId);
  if (!operation) throw new Error(`openapi.yaml has no operation ${operationId}`);
  return operation;
}

export function filtersOf(operation: ContractOperation): ContractFilter[] {
  return (operation.body?.filters ?? []).flatMap(({ name, matches }) =>
    matches === null ? [] : [{ name, matches }],
  );
}

/** A schema of `components.schemas`, `$ref`s at its top resolved. */
export function componentSchema(name: string): SpecNode {
  const schema = document.components?.schemas?.[name];
  if (!schema) throw new Error(`openapi.yaml has no schema ${name}`);
  return resolveRef(document, schema, `${SCHEMA_PREFIX}${name}`).node;
}

/** Follows a `$ref` inside a component schema (a property's `$ref: FilterValues`, say). */
export function resolveSchema(node: SpecNode): SpecNode {
  return resolveRef(document, node, '').node;
}
