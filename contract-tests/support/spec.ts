/**
 * The spec as the mock-mode tests use it: operations and their named examples, response bodies
 * checked by the generated validators (as src/contract checks them), request bodies by Ajv.
 */

import { type ContractOperation, OPERATIONS, operationById } from '../../src/contract/operations';
import { bodyViolations } from '../../src/contract/rules';
import { describeErrors } from '../../src/core/spec-schemas';
import { loadValidators } from '../../src/core/validation';
import {
  loadSpec,
  mediaTypesOf,
  type SpecMediaType,
  specSchemas,
} from '../../src/internal/spec-document';

const spec = loadSpec();
const schemas = specSchemas(spec);

export const operations: readonly ContractOperation[] = Object.values(OPERATIONS);
const mediaTypes = mediaTypesOf(spec);
export const responseMediaTypes = mediaTypes.filter((media) => media.status !== undefined);
export const requestMediaTypes = mediaTypes.filter((media) => media.status === undefined);

export { operationById };

export function responseMediaTypesOf(operationId: string, status: string): SpecMediaType[] {
  return responseMediaTypes.filter(
    (media) => media.operation.operationId === operationId && media.status === status,
  );
}

/** What the contract checks' validators say about a body served as `media`. */
export async function responseViolations(media: SpecMediaType, body: unknown): Promise<string[]> {
  return bodyViolations(
    await loadValidators(),
    operationById(media.operation.operationId),
    Number(media.status),
    body,
  );
}

/** Ajv's verdict on a request body, one `<json path> <message>` line per error. */
export function requestSchemaErrors(media: SpecMediaType, body: unknown): string[] {
  const validate = schemas.at(media.schemaPointer);
  return validate(body) ? [] : describeErrors(validate.errors);
}
