/**
 * Response validation against openapi.yaml, with the validators `npm run generate` precompiled
 * into generated/validators.ts: no Ajv at runtime. They load on first use, so clients that do
 * not validate never load them (the build turns the `import()` into `require` for CommonJS).
 */
import type * as generated from '../../generated/validators';
import { describeErrors } from './spec-schemas';

export type OperationId = keyof typeof generated.success;
export type SchemaName = keyof typeof generated.schemas;

/**
 * `[]` when `value` conforms, else one `<json path> <message>` per violation. `at` is the JSON
 * path of `value` in its document, prefixed to each violation (e.g. `/data/41` for one item).
 */
export type Check = (value: unknown, at?: string) => string[];

export interface Validators {
  /** The operation's success envelope (`{ status: "ok", message, data }`). */
  success(operationId: OperationId): Check;
  /** One named component schema, e.g. `schema('Contact')` for each item of a streamed list. */
  schema(name: SchemaName): Check;
}

/** What the standalone code gives each validator (Ajv's calling convention). */
type StandaloneValidate = ((data: unknown, context?: { instancePath?: string }) => boolean) & {
  errors?: Parameters<typeof describeErrors>[0];
};

function checkOf(validate: StandaloneValidate): Check {
  return (value, at = '') =>
    validate(value, { instancePath: at }) ? [] : describeErrors(validate.errors);
}

function lookup<K extends string>(
  kind: string,
  table: Record<K, StandaloneValidate>,
): (key: K) => Check {
  const checks = new Map<string, Check>();
  return (key) => {
    let check = checks.get(key);
    if (!check) {
      const validate = Object.hasOwn(table, key) ? table[key] : undefined;
      if (!validate) {
        throw new Error(`No validator for ${kind} ${JSON.stringify(key)} in openapi.yaml`);
      }
      check = checkOf(validate);
      checks.set(key, check);
    }
    return check;
  };
}

let loaded: Promise<{ validators: Validators; routes: Record<string, string> }> | undefined;

function load() {
  loaded ??= import('../../generated/validators').then((module) => ({
    validators: {
      success: lookup<OperationId>('operation', module.success),
      schema: lookup<SchemaName>('schema', module.schemas),
    },
    routes: module.routes,
  }));
  return loaded;
}

/** The validators generated from openapi.yaml, loaded on the first call. */
export async function loadValidators(): Promise<Validators> {
  return (await load()).validators;
}

/**
 * How `body` breaks the spec, one `<json path> <message>` per violation (none: it conforms). The
 * caller throws CallabResponseValidationError: this chunk, loaded on first use, imports nothing
 * the main entry does (./stream-kit says why).
 */
export async function successBodyViolations(
  method: string,
  path: string,
  body: unknown,
): Promise<string[]> {
  const { validators, routes } = await load();
  const operation = `${method.toUpperCase()} ${path}`;
  const operationId = routes[`${method} ${path}`];
  if (!operationId) throw new Error(`No operation ${operation} in openapi.yaml`);
  return validators.success(operationId as OperationId)(body);
}
