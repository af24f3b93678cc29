/**
 * The one place the contract checks learn what the spec declares: its operations, in the shape of
 * the generated operation table (generated/operations.ts, PLAN.md), and its component schemas.
 * Until that table lands, OPERATIONS is derived here from generated/spec.json; then it becomes
 * `export { OPERATIONS } from '../../generated/operations'` and `operationsFromSpec` goes.
 */
import spec from '../../generated/spec.json';
import { resolveRef, type SpecNode } from '../core/spec-schemas';

export interface ContractParam {
  name: string;
  required: boolean;
  schema: SpecNode;
}

export interface ContractFilter {
  /** The request property, such as `tags`. */
  name: string;
  /** The Contact field it matches (`x-callab-matches`), such as `tag_name`. */
  matches: string;
}

export interface ContractOperation {
  operationId: string;
  /** Lower case. */
  method: string;
  path: string;
  queryParams: readonly ContractParam[];
  body: { schema: string; required: boolean; filters: readonly ContractFilter[] } | null;
  responses: readonly { status: string; contentTypes: readonly string[] }[];
}

const document = spec as SpecNode;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SCHEMA_PREFIX = '#/components/schemas/';

function schemaName(node: SpecNode | undefined): string {
  const ref = node?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith(SCHEMA_PREFIX)) {
    throw new Error(`openapi.yaml: a request body schema must be a $ref to ${SCHEMA_PREFIX}...`);
  }
  return ref.slice(SCHEMA_PREFIX.length);
}

function bodyOf(operation: SpecNode): ContractOperation['body'] {
  const requestBody = operation.requestBody && resolveRef(document, operation.requestBody, '').node;
  if (!requestBody) return null;
  const schema = schemaName(requestBody.content?.['application/json']?.schema);
  const properties: SpecNode = componentSchema(schema).properties ?? {};
  return {
    schema,
    required: requestBody.required === true,
    filters: Object.entries(properties).flatMap(([name, property]) =>
      typeof property['x-callab-matches'] === 'string'
        ? [{ name, matches: property['x-callab-matches'] }]
        : [],
    ),
  };
}

function operationsFromSpec(): Record<string, ContractOperation> {
  const entries = Object.entries(document.paths as SpecNode).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method): ContractOperation => {
      const operation: SpecNode = item[method];
      const parameters: SpecNode[] = (operation.parameters ?? []).map(
        (parameter: SpecNode) => resolveRef(document, parameter, '').node,
      );
      return {
        operationId: operation.operationId,
        method,
        path,
        queryParams: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required === true,
            schema: resolveRef(document, parameter.schema, '').node,
          })),
        body: bodyOf(operation),
        responses: Object.entries(operation.responses as SpecNode).map(([status, response]) => ({
          status,
          contentTypes: Object.keys(resolveRef(document, response, '').node.content ?? {}),
        })),
      };
    }),
  );
  return Object.fromEntries(entries.map((operation) => [operation.operationId, operation]));
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

export const OPERATIONS: Readonly<Record<string, ContractOperation>> = operationsFromSpec();

export function operationById(operationId: string): ContractOperation {
  const operation = OPERATIONS[operationId];
  if (!operation) throw new Error(`openapi.yaml has no operation ${operationId}`);
  return operation;
}
