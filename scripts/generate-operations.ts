/**
 * The operation table, generated/operations.ts: one entry per operation of openapi.yaml, the data
 * that the resource methods, the retry policy, the CLI, the fake server and the contract suite
 * read (the Octokit model: one generated table, one small reader per consumer).
 *
 * Names (docs/changing-the-api.md, "Names"): the resource is the operation's one tag in camelCase
 * (`Phone Numbers` -> `phoneNumbers`); the method is `x-callab-method`, else the operationId's
 * leading lower-case verb (`listPhoneNumbers` -> `list`). The CLI command is both in kebab case
 * (`callab phone-numbers list`); path parameters are its positional arguments, query parameters
 * its flags, and each body filter a repeatable flag named after the field it matches, `_name`
 * dropped (`x-callab-matches: tag_name` -> `--tag`).
 *
 * Generation fails, saying what to fix, on an operationId that does not fit the rule, two
 * operations with one name, or an `x-callab-*` value that names nothing.
 */
import type {
  FilterEntry,
  OperationEntry,
  OperationRoute,
  ParamEntry,
} from '../src/core/operation-entry';
import { jsonPointer, resolveRef, type SpecNode } from '../src/core/spec-schemas';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** A lower-case verb, then one or more capitalised words: `listCampaigns`, `getCampaign`. */
const OPERATION_ID = /^([a-z]+)(?:[A-Z][a-z0-9]*)+$/;
const METHOD_NAME = /^[a-z][A-Za-z0-9]*$/;
/** Members of the `Callab` class itself, which a resource must not shadow. */
const RESERVED_RESOURCES = new Set(['raw', 'baseUrl', 'toJSON', 'constructor']);
/** How many scalar columns a table shows when the schema has no `x-callab-table-columns`. */
export const DEFAULT_TABLE_COLUMNS = 6;

export function camelCase(words: string): string {
  const parts = words.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return parts
    .map((part, i) =>
      i === 0
        ? part.charAt(0).toLowerCase() + part.slice(1)
        : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join('');
}

export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
}

/** The flag of a filter: the field it matches, `_name` dropped, in kebab case. */
function filterFlag(name: string, matches: string | null): string {
  return kebabCase((matches ?? name).replace(/_name$/, ''));
}

class SpecProblems {
  readonly list: string[] = [];
  add(where: string, problem: string): void {
    this.list.push(`${where}: ${problem}`);
  }
}

function schemaName(pointer: string): string | null {
  return /^#\/components\/schemas\/([^/]+)$/.exec(pointer)?.[1] ?? null;
}

function propertiesOf(spec: SpecNode, schema: SpecNode | undefined): Record<string, SpecNode> {
  return (resolveRef(spec, schema ?? {}, '').node.properties ?? {}) as Record<string, SpecNode>;
}

function isScalar(spec: SpecNode, schema: SpecNode): boolean {
  const { node } = resolveRef(spec, schema, '');
  const types = ([] as unknown[]).concat(node.type ?? []).filter((t) => t !== 'null');
  return (
    types.length > 0 &&
    types.every((t) => ['string', 'integer', 'number', 'boolean'].includes(t as string))
  );
}

function isStringArray(spec: SpecNode, schema: SpecNode): boolean {
  const { node } = resolveRef(spec, schema, '');
  return node.type === 'array' && resolveRef(spec, node.items ?? {}, '').node.type === 'string';
}

function exampleOf(spec: SpecNode, param: SpecNode): unknown {
  if (param.example !== undefined) return param.example;
  const named = Object.values((param.examples ?? {}) as SpecNode)[0];
  if (named !== undefined) return resolveRef(spec, named, '').node.value;
  return resolveRef(spec, param.schema ?? {}, '').node.examples?.[0] ?? null;
}

function paramsOf(spec: SpecNode, item: SpecNode, operation: SpecNode, where: 'path' | 'query') {
  const all = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(
    (p: SpecNode) => resolveRef(spec, p, '').node,
  );
  return all
    .filter((p) => p.in === where)
    .map(
      (p): ParamEntry => ({
        name: p.name,
        cli: kebabCase(p.name),
        required: p.required === true,
        description: p.description ?? '',
        schema: resolveRef(spec, p.schema ?? {}, '').node,
        example: exampleOf(spec, p),
      }),
    );
}

/** The success envelope of the 200 response and what its `data` holds. */
function returnsOf(
  spec: SpecNode,
  opPointer: string,
  operation: SpecNode,
  problems: SpecProblems,
  where: string,
) {
  const ok = operation.responses?.['200'];
  if (!ok) return null;
  const response = resolveRef(spec, ok, `${opPointer}/responses/200`);
  const base = `${response.pointer}/content/${'application/json'.replace('/', '~1')}/schema`;
  const schema = response.node.content?.['application/json']?.schema;
  if (!schema) return null;
  const branches: SpecNode[] = schema.oneOf ?? [schema];
  const index = branches.findIndex(
    (branch) => resolveRef(spec, propertiesOf(spec, branch).status ?? {}, '').node.const === 'ok',
  );
  const branch = branches[index];
  if (!branch) return null;
  const pointer = schema.oneOf ? `${base}/oneOf/${index}` : base;
  const data = propertiesOf(spec, branch).data;
  if (!data) return null;
  const list = resolveRef(spec, data, '').node.type === 'array';
  const item = list ? resolveRef(spec, data, '').node.items : data;
  const named = typeof item?.$ref === 'string' ? schemaName(item.$ref) : null;
  const itemSchema = resolveRef(spec, item ?? {}, '').node;
  const properties = (itemSchema.properties ?? {}) as Record<string, SpecNode>;
  const declared = itemSchema['x-callab-table-columns'] as string[] | undefined;
  for (const column of declared ?? []) {
    if (!Object.hasOwn(properties, column)) {
      problems.add(
        `${named ?? where} x-callab-table-columns`,
        `'${column}' is not a property of the schema`,
      );
    }
  }
  const tableColumns =
    declared ??
    Object.entries(properties)
      .filter(([, p]) => isScalar(spec, p))
      .map(([name]) => name)
      .slice(0, DEFAULT_TABLE_COLUMNS);
  return { schema: named, list, tableColumns, pointer, properties };
}

function bodyOf(
  spec: SpecNode,
  operation: SpecNode,
  returned: Record<string, SpecNode> | undefined,
  readOnly: boolean,
  problems: SpecProblems,
  where: string,
) {
  if (!operation.requestBody) return null;
  const requestBody = resolveRef(spec, operation.requestBody, '').node;
  const schema = requestBody.content?.['application/json']?.schema ?? {};
  const named = typeof schema.$ref === 'string' ? schemaName(schema.$ref) : null;
  const resolved = resolveRef(spec, schema, '').node;
  const filters: FilterEntry[] = [];
  for (const [name, property] of Object.entries(propertiesOf(spec, schema))) {
    const matches = (property['x-callab-matches'] as string | undefined) ?? null;
    const at = `${named ?? `${where} body`}.${name}`;
    if (matches !== null && !(returned && Object.hasOwn(returned, matches))) {
      problems.add(at, `x-callab-matches '${matches}' is not a property of the returned object`);
    }
    if (matches === null && readOnly) {
      problems.add(
        at,
        "a read operation's body property is a filter: give it x-callab-matches <field>",
      );
    }
    if (!isStringArray(spec, property)) {
      if (matches !== null) problems.add(at, 'x-callab-matches is for filters, arrays of strings');
      continue;
    }
    filters.push({
      name,
      matches,
      flag: filterFlag(name, matches),
      description: property.description ?? resolveRef(spec, property, '').node.description ?? '',
    });
  }
  return {
    schema: named,
    required: requestBody.required === true,
    requiredProperties: (resolved.required ?? []) as string[],
    filters,
  };
}

function responsesOf(spec: SpecNode, operation: SpecNode) {
  return Object.entries((operation.responses ?? {}) as SpecNode).map(([status, response]) => {
    const content = (resolveRef(spec, response, '').node.content ?? {}) as SpecNode;
    const json = content['application/json'] ?? Object.values(content)[0];
    return {
      status,
      contentTypes: Object.keys(content),
      examples: Object.keys(json?.examples ?? {}),
    };
  });
}

/** Every operation of `spec` as a table entry; throws, listing every problem, when one does not fit. */
export function operationTable(spec: SpecNode): Record<string, OperationEntry> {
  const problems = new SpecProblems();
  const table: Record<string, OperationEntry> = {};
  const names = new Map<string, string>();
  for (const [path, item] of Object.entries((spec.paths ?? {}) as SpecNode)) {
    for (const method of HTTP_METHODS.filter((m) => item[m])) {
      const operation = item[method] as SpecNode;
      const where = `${method.toUpperCase()} ${path}`;
      const operationId = operation.operationId as string | undefined;
      const verb = operationId === undefined ? undefined : OPERATION_ID.exec(operationId)?.[1];
      const override = operation['x-callab-method'] as string | undefined;
      if (operationId === undefined || verb === undefined) {
        problems.add(
          where,
          `operationId ${JSON.stringify(operationId)} must be a lower-case verb then capitalised words, such as listCampaigns`,
        );
        continue;
      }
      if (override !== undefined && !METHOD_NAME.test(override)) {
        problems.add(where, `x-callab-method '${override}' must be a camelCase name`);
      }
      const tags = (operation.tags ?? []) as string[];
      const [tag] = tags;
      if (tag === undefined || tags.length !== 1) {
        problems.add(where, `needs exactly one tag (its resource), has ${tags.length}`);
        continue;
      }
      const resource = camelCase(tag);
      const name = override ?? verb;
      if (RESERVED_RESOURCES.has(resource)) {
        problems.add(where, `tag '${tag}' would shadow callab.${resource}`);
      }
      const key = `${resource}.${name}`;
      const taken = names.get(key);
      if (taken) {
        problems.add(
          where,
          `callab.${key} is also ${taken}: set x-callab-method on one of them (such as ${verb}${operationId.slice(verb.length)})`,
        );
      }
      names.set(key, operationId);
      const opPointer = jsonPointer('paths', path, method);
      const retrySafe =
        method === 'get' || method === 'head' || operation['x-callab-read-only'] === true;
      const returns = returnsOf(spec, opPointer, operation, problems, where);
      const body = bodyOf(spec, operation, returns?.properties, retrySafe, problems, where);
      const templateParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const pathParams = paramsOf(spec, item, operation, 'path').sort(
        (a, b) => templateParams.indexOf(a.name) - templateParams.indexOf(b.name),
      );
      for (const param of [...pathParams, ...paramsOf(spec, item, operation, 'query')]) {
        if (param.example === null) {
          problems.add(
            `${where} parameter ${param.name}`,
            'needs an example (the demo, the docs and the contract suite call it)',
          );
        }
      }
      table[operationId] = {
        operationId,
        method,
        path,
        tag,
        resource,
        name,
        command: [kebabCase(resource), kebabCase(name)],
        summary: operation.summary ?? '',
        pathParams,
        queryParams: paramsOf(spec, item, operation, 'query'),
        body,
        returns: returns && {
          schema: returns.schema,
          list: returns.list,
          tableColumns: returns.tableColumns,
          pointer: returns.pointer,
        },
        retrySafe,
        responses: responsesOf(spec, operation),
      };
    }
  }
  if (problems.list.length > 0) {
    throw new Error(
      `openapi.yaml does not fit the operation table:\n  ${problems.list.join('\n  ')}`,
    );
  }
  return table;
}

function jsDoc(lines: string[], indent: string): string {
  const body = lines
    .join('\n')
    .replace(/\*\//g, '*\\/')
    .split('\n')
    .map((line) => `${indent} *${line === '' ? '' : ` ${line}`}`);
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

/** JSDoc from the spec's tag and operation descriptions (kept out of the table: bundle size). */
function methodsInterface(table: Record<string, OperationEntry>, spec: SpecNode): string {
  const tagDescriptions = new Map(
    ((spec.tags ?? []) as SpecNode[]).map((t) => [
      t.name as string,
      (t.description ?? '') as string,
    ]),
  );
  const byResource = new Map<string, OperationEntry[]>();
  for (const entry of Object.values(table)) {
    byResource.set(entry.resource, [...(byResource.get(entry.resource) ?? []), entry]);
  }
  const resources = [...byResource].map(([resource, entries]) => {
    const methods = entries.map((entry) => {
      const doc = jsDoc(
        [
          `\`${entry.method.toUpperCase()} ${entry.path}\`: ${entry.summary}.`,
          '',
          ...String(spec.paths[entry.path][entry.method].description ?? '')
            .trim()
            .split('\n'),
        ],
        '    ',
      );
      return `${doc}    readonly ${entry.name}: M[${JSON.stringify(entry.operationId)}];`;
    });
    return `${jsDoc([`${entries[0]?.tag}: ${tagDescriptions.get(entries[0]?.tag ?? '') ?? ''}`], '  ')}  readonly ${resource}: {\n${methods.join('\n')}\n  };`;
  });
  return `/** The resource methods by resource and name; \`M\` gives each operation's method type (src/resources/). */
export interface ResourceMethods<M extends { readonly [Id in OperationId]: unknown }> {
${resources.join('\n')}
}
`;
}

function route(entry: OperationEntry): OperationRoute {
  const { operationId, method, path, resource, name, pathParams, queryParams, body, retrySafe } =
    entry;
  const dataShape = entry.returns ? (entry.returns.list ? 'array' : 'object') : null;
  return {
    operationId,
    method,
    path,
    resource,
    name,
    pathParams: pathParams.map((p) => ({ name: p.name })),
    queryParams: queryParams.map((p) => ({ name: p.name })),
    body: body && { required: body.required },
    retrySafe,
    dataShape,
  };
}

/** The text of generated/operations.ts for `spec`. */
export function renderOperations(spec: SpecNode): string {
  const table = operationTable(spec);
  return [
    '/** The operation table: every operation of openapi.yaml, for the resource methods, the retry policy, the CLI, the fake server and the contract suite. */',
    "import type { OperationEntry, OperationRoute } from '../src/core/operation-entry';",
    '',
    "export type {\n  FilterEntry,\n  OperationEntry,\n  OperationRoute,\n  ParamEntry,\n} from '../src/core/operation-entry';",
    '',
    `export const OPERATIONS = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationEntry>;`,
    '',
    'export type OperationId = keyof typeof OPERATIONS;',
    '',
    "/** The entries of OPERATIONS in the spec's order, each seen through the general shape. */",
    // Pure, so that a bundle of the client (which reads OPERATION_ROUTES only) drops OPERATIONS.
    'export const OPERATION_LIST: readonly OperationEntry[] = /* @__PURE__ */ Object.values(OPERATIONS);',
    '',
    '/** What the client reads of each entry: the routing and the argument layout. */',
    `export const OPERATION_ROUTES: readonly OperationRoute[] = ${JSON.stringify(Object.values(table).map(route), null, 2)};`,
    '',
    methodsInterface(table, spec),
  ].join('\n');
}
