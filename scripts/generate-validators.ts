/**
 * generated/validators.ts: precompiled validators for the response schemas of openapi.yaml, so
 * `validate: true` (and the streaming reader, one item at a time) needs no Ajv at runtime.
 *
 * Ajv compiles the schemas in the dialect the spec declares (JSON Schema 2020-12) with the format
 * checks of validator-formats.ts (ajv-formats' full mode: a `date` is a real calendar date), and
 * emits standalone code. That code `require`s the helpers it uses (the format checks, Ajv runtime
 * functions such as `ucs2length`); esbuild inlines them, so the file imports nothing and a
 * consumer installs nothing for it.
 *
 * Exports `success` (per operationId: the envelope of the 200 response whose `status` is `ok`),
 * `schemas` (each named component schema a response uses, e.g. `Contact`) and `routes`
 * (`post /contact/query` -> operationId).
 */
import Ajv2020, { _ } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { build, type Plugin } from 'esbuild';
import { AJV_OPTIONS, nodeAt, resolveRef, type SpecNode } from '../src/core/spec-schemas';
import { mediaTypesOf, operationsOf } from '../src/internal/spec-document';
import { ROOT } from './paths';
import { formats } from './validator-formats';

const SCHEMA_PREFIX = '#/components/schemas/';
const STANDALONE = 'ajv-standalone';
const SCHEMA_ID = 'https://callab.ai/schemas/';
const SUCCESS_ID = 'https://callab.ai/operations/success/';

/** `Contact` for `#/components/schemas/Contact` (or a pointer inside it); undefined for other refs. */
const schemaNameOf = (ref: string) =>
  ref.startsWith(SCHEMA_PREFIX) ? ref.slice(SCHEMA_PREFIX.length).split('/')[0] : undefined;

/** The named component schemas `node` refers to, directly or through other `$ref`s. */
function namedSchemasUnder(spec: SpecNode, node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) namedSchemasUnder(spec, item, found);
  } else if (node && typeof node === 'object') {
    const ref = (node as SpecNode).$ref;
    if (typeof ref === 'string') {
      const name = schemaNameOf(ref);
      if (name !== undefined) {
        if (found.has(name)) return found;
        found.add(name);
      }
      namedSchemasUnder(spec, nodeAt(spec, ref), found);
    }
    for (const value of Object.values(node)) namedSchemasUnder(spec, value, found);
  }
  return found;
}

/**
 * A copy of a schema whose `$ref`s name component schemas by id, so that each is compiled once:
 * `#/components/schemas/Contact` -> `https://callab.ai/schemas/Contact` (an id, never fetched).
 */
function withNamedRefs(node: SpecNode): SpecNode {
  if (Array.isArray(node)) return node.map(withNamedRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key !== '$ref' || typeof value !== 'string') return [key, withNamedRefs(value)];
      const name = schemaNameOf(value);
      if (name === undefined) throw new Error(`generate-validators: unexpected $ref ${value}`);
      const inside = value.slice(SCHEMA_PREFIX.length + name.length); // `/properties/id` or ''
      return [key, `${SCHEMA_ID}${name}${inside && `#${inside}`}`];
    }),
  );
}

/** The node at `pointer` (`#/...`), following `$ref`s, and the pointer it ends at. */
const at = (spec: SpecNode, pointer: string) => resolveRef(spec, { $ref: pointer }, pointer);

/** The success envelope of a 200 JSON response: the `oneOf` branch whose status is `ok`. */
export function successPointer(spec: SpecNode, schemaPointer: string): string {
  const { node, pointer } = at(spec, schemaPointer);
  const branches: SpecNode[] = node.oneOf ?? [];
  const index = branches.findIndex((branch) => {
    const status = resolveRef(spec, resolveRef(spec, branch, '').node?.properties?.status, '').node;
    return status?.const === 'ok';
  });
  return index < 0 ? pointer : `${pointer}/oneOf/${index}`;
}

/** Serves the standalone code to esbuild as a module, so the entry can pick its exports. */
function standaloneModule(code: string): Plugin {
  return {
    name: STANDALONE,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${STANDALONE}$`) }, () => ({
        path: STANDALONE,
        namespace: STANDALONE,
      }));
      build.onLoad({ filter: /.*/, namespace: STANDALONE }, () => ({
        contents: code,
        resolveDir: ROOT,
        loader: 'js',
      }));
    },
  };
}

const table = (entries: [string, string][]) =>
  `{\n${entries.map(([key, value]) => `  ${JSON.stringify(key)}: ${value},`).join('\n')}\n}`;

/** The text of generated/validators.ts, less the generated-file header. */
export async function generateValidators(spec: SpecNode): Promise<string> {
  // The standalone code takes the format checks that are functions from validator-formats.ts
  // (inlined below); those that are regular expressions it inlines itself.
  const ajv = new Ajv2020({
    ...AJV_OPTIONS,
    inlineRefs: false,
    code: { source: true, esm: true, formats: _`require("./scripts/validator-formats").formats` },
  });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);

  const responses = mediaTypesOf(spec).filter((media) => media.status !== undefined);
  const successes = responses
    .filter((media) => media.status === '200' && media.mediaType === 'application/json')
    .map((media) => ({
      operationId: media.operation.operationId,
      pointer: successPointer(spec, media.schemaPointer),
    }));
  const names = [
    ...namedSchemasUnder(
      spec,
      responses.map((media) => ({ $ref: media.schemaPointer })),
    ),
  ];

  // Each schema is added on its own, under its name: Ajv compiles it once and every `$ref` to it
  // calls that one function (pointers into one big document get a copy per exported root).
  const exported: Record<string, string> = {};
  names.forEach((name, i) => {
    ajv.addSchema(withNamedRefs(spec.components.schemas[name]), `${SCHEMA_ID}${name}`);
    exported[`schema${i}`] = `${SCHEMA_ID}${name}`;
  });
  successes.forEach(({ operationId, pointer }, i) => {
    ajv.addSchema(withNamedRefs(nodeAt(spec, pointer)), `${SUCCESS_ID}${operationId}`);
    exported[`success${i}`] = `${SUCCESS_ID}${operationId}`;
  });
  const entry = [
    `import * as v from ${JSON.stringify(STANDALONE)};`,
    `export const success = ${table(successes.map(({ operationId }, i) => [operationId, `v.success${i}`]))};`,
    `export const schemas = ${table(names.map((name, i) => [name, `v.schema${i}`]))};`,
    `export const routes = ${table(
      operationsOf(spec).map((op) => [`${op.method} ${op.path}`, JSON.stringify(op.operationId)]),
    )};`,
  ].join('\n');

  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'validators-entry.js' },
    plugins: [standaloneModule(standaloneCode(ajv, exported))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['main'],
    target: 'es2022',
    absWorkingDir: ROOT,
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('generate-validators: esbuild wrote nothing');
  // Standalone code is plain JavaScript; src/core/validation.ts types the part it uses.
  return `// @ts-nocheck\n${output.text}`;
}
