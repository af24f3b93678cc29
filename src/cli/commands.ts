/**
 * Every `callab` command: its words, arguments, options and help, and for API commands how to
 * fetch the rows. The API commands are read from the operation table (generated/operations.ts):
 * one per operation, `callab <resource> <name>`, path parameters as positional arguments, query
 * parameters as flags, body filters as repeatable flags; help texts come from the spec's
 * descriptions and `x-callab-matches`, table columns from `x-callab-table-columns`.
 */
import { OPERATION_LIST, type OperationEntry, type ParamEntry } from '../../generated/operations';
import type { Callab } from '..';
import type { StreamOptions } from '../core/transport';
import { invokeOperation, type OperationRequest } from '../resources';
import { hasStreamMethod, streamOperation } from '../resources/streams';
import { CONTRACT_TEST_HELP, CONTRACT_TEST_OPTIONS } from './contract-test';
import { rowOf, rowsOf, type SchemaName } from './fields';
import type { Row } from './formats';
import {
  CONNECTION_OPTIONS,
  HELP_OPTIONS,
  type OptionSpec,
  type OptionValues,
  OUTPUT_OPTIONS,
  stringValue,
  stringValues,
  wholeNumber,
} from './options';

/** A positional argument, such as the `<campaign-id>` of `callab campaigns get`. */
export interface ArgumentSpec {
  name: string;
  description: string;
}

interface CommandBase {
  words: readonly string[];
  summary: string;
  /** Positional arguments after the words. */
  arguments: readonly ArgumentSpec[];
  /** Every option the command accepts, the help options included. */
  options: readonly OptionSpec[];
}

/** A command that calls one API operation and prints the returned objects. */
export interface ApiCommand extends CommandBase {
  kind: 'api';
  operation: OperationEntry;
  /** Heading in the demo. */
  title: string;
  /** The spec's example arguments, for the demo (and tests). */
  exampleArguments: readonly string[];
  schema: SchemaName | null;
  /** Columns of `--format table` without `--fields`: a short set that fits a terminal. */
  tableColumns: readonly string[];
  /** Checks the command's own flags (before any connection is made) and returns the API call. */
  prepare(
    values: OptionValues,
    args?: readonly string[],
  ): (client: Callab) => Promise<readonly Row[]>;
  /**
   * As `prepare`, for an operation with a streaming method (`contacts query`): the call yields
   * the rows as they arrive. Undefined for the other operations.
   */
  prepareStream:
    | ((
        values: OptionValues,
        args?: readonly string[],
      ) => (client: Callab, options?: StreamOptions) => AsyncIterable<Row>)
    | undefined;
}

export interface LocalCommand extends CommandBase {
  kind: 'mock' | 'demo' | 'contract-test';
  /** Paragraphs of --help after the options. */
  help?: readonly string[];
}

export type Command = ApiCommand | LocalCommand;

const API_OPTIONS = [...OUTPUT_OPTIONS, ...CONNECTION_OPTIONS, ...HELP_OPTIONS];

/** For the operations whose rows are written as they arrive. */
const PROGRESS_OPTION: OptionSpec = {
  name: 'progress',
  type: 'boolean',
  description:
    'show contacts, MB and rate so far on stderr (default: only when stderr is a terminal and CI is unset)',
};

/** The first sentence of a spec description, as help text: `Match contacts whose tag_name...`. */
function helpText(description: string): string {
  const [sentence = ''] = description.replace(/`/g, '').split(/\.(?:\s|$)/);
  return sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\s+/g, ' ').trim();
}

function schemaType(param: ParamEntry): string {
  return typeof param.schema.type === 'string' ? param.schema.type : 'string';
}

function queryOption(param: ParamEntry): OptionSpec {
  const type = schemaType(param);
  const bounds = [
    typeof param.schema.minimum === 'number' && `N >= ${param.schema.minimum}`,
    typeof param.schema.maximum === 'number' && `N <= ${param.schema.maximum}`,
  ].filter(Boolean);
  if (type === 'boolean') {
    return { name: param.cli, type: 'boolean', description: helpText(param.description) };
  }
  return {
    name: param.cli,
    type: 'string',
    ...(type === 'array' && { multiple: true as const }),
    value: type === 'integer' || type === 'number' ? 'N' : 'S',
    description: `${helpText(param.description)}${bounds.length > 0 ? ` (${bounds.join(', ')})` : ''}`,
  };
}

function queryValue(param: ParamEntry, values: OptionValues): unknown {
  const type = schemaType(param);
  if (type === 'integer') {
    const { minimum, maximum } = param.schema;
    return wholeNumber(
      values,
      param.cli,
      typeof minimum === 'number' ? minimum : 0,
      typeof maximum === 'number' ? maximum : undefined,
    );
  }
  if (type === 'boolean') return values[param.cli] === true ? true : undefined;
  if (type === 'array') return stringValues(values, param.cli);
  return stringValue(values, param.cli);
}

/** The names and values given, leaving out the absent ones. */
function given(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function apiCommand(operation: OperationEntry): ApiCommand {
  const filters = operation.body?.filters ?? [];
  /** The request's parts from the command's flags and arguments. */
  const requestOf = (values: OptionValues, args: readonly string[]): OperationRequest => ({
    path: Object.fromEntries(operation.pathParams.map((p, i) => [p.name, args[i] ?? ''])),
    query: given(operation.queryParams.map((p) => [p.name, queryValue(p, values)])),
    body: given(filters.map((f) => [f.name, stringValues(values, f.flag)])),
  });
  const options: OptionSpec[] = [
    ...operation.queryParams.map(queryOption),
    ...filters.map((filter) => ({
      name: filter.flag,
      type: 'string' as const,
      multiple: true as const,
      value: 'S',
      description: `${helpText(filter.description) || `${filter.matches ?? filter.name} is S`} (S1,S2 or the flag repeated: any of them)`,
    })),
    ...(hasStreamMethod(operation) ? [PROGRESS_OPTION] : []),
    ...API_OPTIONS,
  ];
  const repeated = options.find(
    (option, i) => options.findIndex((o) => o.name === option.name) !== i,
  );
  if (repeated) {
    throw new Error(
      `callab ${operation.command.join(' ')}: two options are named --${repeated.name}`,
    );
  }
  return {
    kind: 'api',
    operation,
    words: operation.command,
    summary: helpText(operation.summary),
    title: operation.summary,
    arguments: operation.pathParams.map((param) => ({
      name: param.cli,
      description: helpText(param.description),
    })),
    exampleArguments: operation.pathParams.map((param) => String(param.example)),
    schema: (operation.returns?.schema ?? null) as SchemaName | null,
    tableColumns: operation.returns?.tableColumns ?? [],
    options,
    prepare: (values, args = []) => {
      const request = requestOf(values, args);
      return async (client) => {
        const data = await invokeOperation(client, operation, request);
        if (!operation.returns) return [];
        return rowsOf(operation.returns.list ? data : [data]);
      };
    },
    prepareStream: hasStreamMethod(operation)
      ? (values, args = []) => {
          const request = requestOf(values, args);
          return (client, options) => rowsAsTheyCome(client, operation, request, options);
        }
      : undefined,
  };
}

async function* rowsAsTheyCome(
  client: Callab,
  operation: OperationEntry,
  request: OperationRequest,
  options: StreamOptions | undefined,
): AsyncGenerator<Row> {
  const items = streamOperation(client, operation, request, options) ?? [];
  let index = 0;
  for await (const item of items) yield rowOf(item, index++);
}

export const API_COMMANDS: readonly ApiCommand[] = OPERATION_LIST.map(apiCommand);

export const MOCK_DEFAULT_PORT = 4010;
export const MOCK_DEFAULT_HOST = '127.0.0.1';

export const COMMANDS: readonly Command[] = [
  ...API_COMMANDS,
  {
    kind: 'mock',
    words: ['mock'],
    arguments: [],
    summary:
      "serve Prism's mock of the bundled openapi.yaml (examples, Prefer: code=N) until Ctrl+C",
    options: [
      {
        name: 'port',
        type: 'string',
        value: 'N',
        description: `port to listen on (default ${MOCK_DEFAULT_PORT}; 0 picks a free one)`,
      },
      {
        name: 'host',
        type: 'string',
        value: 'H',
        description: `address to listen on (default ${MOCK_DEFAULT_HOST})`,
      },
      ...HELP_OPTIONS,
    ],
  },
  {
    kind: 'demo',
    words: ['demo'],
    arguments: [],
    summary: 'show what every read operation returns, from the fake API in-process (as --mock)',
    options: HELP_OPTIONS,
  },
  {
    kind: 'contract-test',
    words: ['contract-test'],
    arguments: [],
    summary: 'check that a server implements the API as openapi.yaml says (reports for CI)',
    options: [...CONTRACT_TEST_OPTIONS, ...HELP_OPTIONS],
    help: CONTRACT_TEST_HELP,
  },
];
