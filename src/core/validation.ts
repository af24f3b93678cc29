/**
 * Opt-in response validation (`validate: true`). Ajv, ajv-formats and the spec are imported on
 * first use, so clients that do not validate never load them; they are optional peer dependencies.
 */
import { CallabError, CallabResponseValidationError } from './errors';
import {
  createSpecSchemas,
  describeErrors,
  jsonPointer,
  resolveRef,
  type SpecNode,
  type SpecSchemas,
} from './spec-schemas';

interface LoadedSpec {
  spec: SpecNode;
  schemas: SpecSchemas;
}

let loading: Promise<LoadedSpec> | undefined;

function defaultExport<T>(module: { default?: T } | T): T {
  const outer = (module as { default?: T }).default ?? (module as T);
  return (outer as { default?: T }).default ?? outer;
}

function load(): Promise<LoadedSpec> {
  loading ??= Promise.all([
    import('ajv/dist/2020.js'),
    import('ajv-formats'),
    import('../../generated/spec.json'),
  ])
    .then(([ajv, formats, spec]) => {
      const document = defaultExport(spec) as LoadedSpec['spec'];
      return {
        spec: document,
        // Fast formats check dates and uuids by shape, not calendar (Feb 30 passes): three times
        // quicker on large lists, and shape is what drift breaks. The spec tests use full formats.
        schemas: createSpecSchemas(
          defaultExport(ajv),
          (instance) => defaultExport(formats)(instance, { mode: 'fast' }),
          document,
        ),
      };
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw new CallabError(
        'validate: true needs the optional packages ajv and ajv-formats: run `npm install ajv ajv-formats`',
        { cause: error },
      );
    });
  return loading;
}

/** The pointer of the 200 response's success branch (the `oneOf` member whose status is `ok`). */
function successSchemaPointer({ spec }: LoadedSpec, method: string, path: string): string {
  const base = jsonPointer(
    'paths',
    path,
    method,
    'responses',
    '200',
    'content',
    'application/json',
    'schema',
  );
  const branches: SpecNode[] =
    spec.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema?.oneOf ??
    [];
  const index = branches.findIndex((branch) => {
    const status = resolveRef(spec, resolveRef(spec, branch, '').node?.properties?.status, '').node;
    return status?.const === 'ok';
  });
  return index < 0 ? base : `${base}/oneOf/${index}`;
}

/** Throws CallabResponseValidationError, naming each JSON path, when `body` breaks the spec. */
export async function validateSuccessBody(
  method: string,
  path: string,
  body: unknown,
): Promise<void> {
  const loaded = await load();
  const validate = loaded.schemas.at(successSchemaPointer(loaded, method, path));
  if (!validate(body)) {
    throw new CallabResponseValidationError(
      `${method.toUpperCase()} ${path}`,
      describeErrors(validate.errors),
    );
  }
}
