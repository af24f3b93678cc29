/**
 * What the fake reads from openapi.yaml: the operations it answers (method, path template,
 * security, `limit`, body filters) and their named examples. The spec comes bundled as
 * generated/spec.json, so the fake needs no file system and runs in browsers and workers.
 */
import specJson from '../../generated/spec.json';
import { operationsOf, type SpecOperation } from '../core/spec-operations';
import { resolveRef, type SpecNode } from '../core/spec-schemas';

export const SPEC: SpecNode = specJson;

export interface BodyFilter {
  /** The request body property, e.g. `tags`. */
  name: string;
  /** The record field it matches, e.g. `tag_name` (the spec's `x-callab-matches`). */
  matches: string;
}

export interface Reply {
  status: number;
  body: unknown;
}

export interface FakeOperation {
  operationId: string;
  /** Upper case, as `Request.method`. */
  method: string;
  /** The path template, e.g. `/campaign/{campaign_id}`. */
  path: string;
  /** Matches the paths of the template, each parameter one path segment. */
  pattern: RegExp;
  /** Whether the request must carry `Authorization: Bearer <key>`. */
  secured: boolean;
  /** The lower bound of the `limit` query parameter, when the operation declares one. */
  limitMinimum: number | undefined;
  /** Whether the operation declares a request body. */
  hasBody: boolean;
  filters: readonly BodyFilter[];
  /** The first named example of the first 2xx JSON response whose envelope is not an error. */
  success: Reply | undefined;
  /** The first named example of the declared 401 response. */
  unauthorized: Reply | undefined;
}

/** Every operation of `spec`, as the fake routes and answers it. */
export function fakeOperations(spec: SpecNode = SPEC): FakeOperation[] {
  return operationsOf(spec).map((operation) => {
    const { node } = operation;
    const limit = parametersOf(spec, node).find((p) => p.in === 'query' && p.name === 'limit');
    const requirements: SpecNode[] = node.security ?? spec.security ?? [];
    return {
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      path: operation.path,
      pattern: templatePattern(operation.path),
      secured: requirements.length > 0 && requirements.every((r) => Object.keys(r).length > 0),
      limitMinimum: limit && (resolveRef(spec, limit.schema, '').node.minimum ?? 0),
      hasBody: node.requestBody !== undefined,
      filters: filtersOf(spec, operation),
      success: firstExample(spec, node, (status) => status.startsWith('2'), isNotError),
      unauthorized: firstExample(
        spec,
        node,
        (status) => status === '401',
        () => true,
      ),
    };
  });
}

/**
 * The body filters of an operation and the field each matches, read from `x-callab-matches` on
 * the properties of its JSON request body schema. When generated/operations.ts lands, this body
 * becomes `return OPERATIONS[operation.operationId]?.body?.filters ?? [];`.
 */
function filtersOf(spec: SpecNode, operation: SpecOperation): BodyFilter[] {
  const body = resolveRef(spec, operation.node.requestBody, '').node;
  const schema = resolveRef(spec, body?.content?.['application/json']?.schema, '').node;
  return Object.entries((schema?.properties ?? {}) as SpecNode).flatMap(([name, property]) => {
    const matches = property['x-callab-matches'];
    return typeof matches === 'string' ? [{ name, matches }] : [];
  });
}

function parametersOf(spec: SpecNode, node: SpecNode): SpecNode[] {
  return ((node.parameters ?? []) as SpecNode[]).map((p) => resolveRef(spec, p, '').node);
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function isNotError(value: unknown): boolean {
  return (value as { status?: unknown } | null)?.status !== 'error';
}

function firstExample(
  spec: SpecNode,
  node: SpecNode,
  statusWanted: (status: string) => boolean,
  valueWanted: (value: unknown) => boolean,
): Reply | undefined {
  for (const [status, response] of Object.entries((node.responses ?? {}) as SpecNode)) {
    if (!statusWanted(status)) continue;
    const media = resolveRef(spec, response, '').node.content?.['application/json'];
    for (const example of Object.values((media?.examples ?? {}) as SpecNode)) {
      const { value } = resolveRef(spec, example, '').node;
      if (valueWanted(value)) return { status: Number(status), body: value };
    }
  }
  return undefined;
}
