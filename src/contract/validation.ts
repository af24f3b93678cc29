/**
 * Schema validation for the contract checks, in the shape agreed for generated/validators
 * (PLAN.md): `success(operationId)` checks a whole success envelope, `schema(name)` one component
 * schema, each returning `<json path> <message>` lines.
 *
 * Interim backing: Ajv (2020-12, full formats) compiled over generated/spec.json, bundled into
 * the CLI build (tsup.config.ts) so `callab contract-test` needs no optional peer. When the
 * precompiled validators land, `loadValidators` returns theirs and this Ajv code goes.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import spec from '../../generated/spec.json';
import {
  createSpecSchemas,
  describeErrors,
  jsonPointer,
  resolveRef,
  type SpecNode,
} from '../core/spec-schemas';
import { operationById } from './operations';

export type Validate = (value: unknown) => string[];

export interface Validators {
  success(operationId: string): Validate;
  schema(name: string): Validate;
}

function ajvValidators(): Validators {
  const document = spec as SpecNode;
  const schemas = createSpecSchemas(Ajv2020, addFormats, document);
  const errorsAt = (pointer: string, value: unknown) => {
    const validate = schemas.at(pointer);
    return validate(value) ? [] : (validate.errors ?? []);
  };
  return {
    // The 200 response is `oneOf` the success and the error envelope: the branch whose `status`
    // the body satisfies is reported alone, so a missing field reads as such, not as "must match
    // exactly one schema".
    success(operationId) {
      const operation = operationById(operationId);
      const pointer = `${jsonPointer('paths', operation.path, operation.method, 'responses', '200', 'content', 'application/json')}/schema`;
      const { node } = resolveRef(document, { $ref: pointer }, pointer);
      const branches: unknown[] = Array.isArray(node?.oneOf) ? node.oneOf : [];
      return (value) => {
        const errors = errorsAt(pointer, value);
        if (errors.length === 0) return [];
        const selected = branches
          .map((_, index) => errorsAt(`${pointer}/oneOf/${index}`, value))
          .find((branch) => branch.length > 0 && !branch.some((e) => e.instancePath === '/status'));
        return describeErrors(selected ?? errors);
      };
    },
    schema(name) {
      const pointer = jsonPointer('components', 'schemas', name);
      return (value) => describeErrors(errorsAt(pointer, value));
    },
  };
}

let loaded: Validators | undefined;

export async function loadValidators(): Promise<Validators> {
  loaded ??= ajvValidators();
  return loaded;
}
