/**
 * The shape of one entry of the operation table, generated/operations.ts (written by
 * scripts/generate-operations.ts from openapi.yaml; docs/changing-the-api.md, "Names", gives the
 * naming rule). Readers: src/resources (methods), src/core/operations.ts (retries), src/cli
 * (commands), src/testing (fake routes), contract-tests (operations and filters).
 */
export interface OperationEntry {
  readonly operationId: string;
  /** Lower case: `get`, `post`. */
  readonly method: string;
  /** The template: `/campaign/{campaign_id}`. */
  readonly path: string;
  readonly tag: string;
  /** The tag in camelCase: `callab.phoneNumbers`. */
  readonly resource: string;
  /** `x-callab-method`, else the operationId's leading verb: `callab.phoneNumbers.list`. */
  readonly name: string;
  /** The CLI words: `['phone-numbers', 'list']`. */
  readonly command: readonly [string, string];
  readonly summary: string;
  /** In the order of the path template. */
  readonly pathParams: readonly ParamEntry[];
  readonly queryParams: readonly ParamEntry[];
  readonly body: {
    /** The named schema of the JSON body, if it is one. */
    readonly schema: string | null;
    /** The request must carry a body (`requestBody.required`). */
    readonly required: boolean;
    /** The body schema's required properties: none means the method may omit it (sends `{}`). */
    readonly requiredProperties: readonly string[];
    /** The body's properties that are lists of strings to match. */
    readonly filters: readonly FilterEntry[];
  } | null;
  /** The success envelope's `data`. */
  readonly returns: {
    /** The named schema of the object returned, or of each item of the list. */
    readonly schema: string | null;
    readonly list: boolean;
    /** `x-callab-table-columns`, else the first six scalar properties. */
    readonly tableColumns: readonly string[];
    /** JSON pointer of the success envelope's schema (the `oneOf` branch whose status is ok). */
    readonly pointer: string;
  } | null;
  /** A GET, or a POST openapi.yaml marks `x-callab-read-only`. */
  readonly retrySafe: boolean;
  readonly responses: readonly {
    readonly status: string;
    readonly contentTypes: readonly string[];
    /** The names of the first media type's examples (`application/json` when declared). */
    readonly examples: readonly string[];
  }[];
}

export interface ParamEntry {
  readonly name: string;
  /** The CLI's spelling: the positional argument's placeholder, or the flag. */
  readonly cli: string;
  readonly required: boolean;
  readonly description: string;
  /** The parameter's JSON Schema, `$ref` resolved. */
  readonly schema: { readonly [keyword: string]: unknown };
  /** The spec's example, used by the demo, the docs and the contract suite. */
  readonly example: unknown;
}

export interface FilterEntry {
  readonly name: string;
  /** `x-callab-matches`: the field of the returned object the filter matches. */
  readonly matches: string | null;
  /** The CLI flag: the matched field, `_name` dropped, in kebab case (`tag_name` -> `tag`). */
  readonly flag: string;
  readonly description: string;
}

/**
 * What the client itself reads of an entry (OPERATION_ROUTES): the routing and the argument
 * layout, without the help texts, schemas and examples the CLI, fake and docs read. An entry of
 * OPERATIONS is one too, so the same readers serve both.
 */
export interface OperationRoute {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly resource: string;
  readonly name: string;
  readonly pathParams: readonly { readonly name: string }[];
  readonly queryParams: readonly { readonly name: string }[];
  readonly body: { readonly required: boolean } | null;
  readonly retrySafe: boolean;
  /**
   * What the success `data` is declared to be (null: no success body). Carried by the slim
   * OPERATION_ROUTES; the full entries say it in `returns`.
   */
  readonly dataShape?: 'array' | 'object' | null;
}
