/** The spec as the suite uses it: operations, declared responses, and Ajv (2020-12) checks of bodies. */
import type { ErrorObject } from 'ajv/dist/2020';
import { describeErrors } from '../../src/core/spec-schemas';
import {
  loadSpec,
  mediaTypesOf,
  operationsOf,
  resolveRef,
  type SpecMediaType,
  type SpecOperation,
  specSchemas,
} from '../../src/internal/spec-document';

export const spec = loadSpec();
const schemas = specSchemas(spec);

export const operations = operationsOf(spec);
const mediaTypes = mediaTypesOf(spec);
export const responseMediaTypes = mediaTypes.filter((media) => media.status !== undefined);
export const requestMediaTypes = mediaTypes.filter((media) => media.status === undefined);

export function operationById(operationId: string): SpecOperation {
  const operation = operations.find((op) => op.operationId === operationId);
  if (!operation) throw new Error(`openapi.yaml has no operation ${operationId}`);
  return operation;
}

export function declaredStatuses(operation: SpecOperation): string[] {
  return Object.keys(operation.node.responses);
}

export function responseMediaTypesOf(operation: SpecOperation, status: string): SpecMediaType[] {
  return responseMediaTypes.filter(
    (media) => media.operation.operationId === operation.operationId && media.status === status,
  );
}

/** `application/json` from `application/json; charset=utf-8`. */
export function mediaTypeEssence(contentType: string | null | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function errorsAt(pointer: string, body: unknown): ErrorObject[] {
  const validate = schemas.at(pointer);
  return validate(body) ? [] : (validate.errors ?? []);
}

/**
 * Ajv's verdict on `body` against the schema at `pointer`, one `<json path> <message>` line per
 * error. For a `oneOf` of envelopes, the branch whose `status` the body satisfies is reported
 * alone, so a missing field reads as such rather than as "must match exactly one schema".
 */
export function schemaErrors(pointer: string, body: unknown): string[] {
  const errors = errorsAt(pointer, body);
  if (errors.length === 0) return [];
  const { node } = resolveRef(spec, { $ref: pointer }, pointer);
  const branches: unknown[] = Array.isArray(node?.oneOf) ? node.oneOf : [];
  const selected = branches
    .map((_, index) => errorsAt(`${pointer}/oneOf/${index}`, body))
    .find(
      (branchErrors) =>
        branchErrors.length > 0 && !branchErrors.some((e) => e.instancePath === '/status'),
    );
  return describeErrors(selected ?? errors);
}
