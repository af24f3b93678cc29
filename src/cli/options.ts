/** Declarative command-line options: parseArgs config and --help text are both built from these. */
import { UsageError } from './errors';
import type { Format, FormatOptions } from './formats';

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  multiple?: true;
  short?: string;
  /** Placeholder for the value in --help, e.g. `N`. */
  value?: string;
  /** The value is a credential: no message repeats it. */
  secret?: true;
  description: string;
}

/** What `node:util` parseArgs returns for these options. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export const HELP_OPTIONS: readonly OptionSpec[] = [
  { name: 'help', short: 'h', type: 'boolean', description: 'show help for the command' },
  { name: 'version', type: 'boolean', description: 'print the version' },
  {
    name: 'debug',
    type: 'boolean',
    description: 'log requests to stderr (key redacted) and show stack traces',
  },
];

export const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    type: 'string',
    value: 'F',
    description: 'table, json, ndjson or csv (default: table on a terminal, json otherwise)',
  },
  {
    name: 'fields',
    type: 'string',
    value: 'a,b,c',
    description: 'columns to output, in this order (any format)',
  },
  {
    name: 'csv-raw-formulas',
    type: 'boolean',
    description:
      "csv: keep cells that start with = + - @ tab or CR as they are (default: a leading ' so a spreadsheet does not run them; numbers like +14155550123 stay as they are)",
  },
];

export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'api-key',
    type: 'string',
    value: 'KEY',
    secret: true,
    description: 'API key (default: $CALLAB_API_KEY; prefer the variable, flags show in `ps`)',
  },
  {
    name: 'base-url',
    type: 'string',
    value: 'URL',
    description: 'API base URL (default: $CALLAB_BASE_URL, then https://api.callab.ai)',
  },
  {
    name: 'mock',
    type: 'boolean',
    description:
      'use the fake API in-process (default fixtures; filters and --limit apply); needs no key',
  },
];

export function stringValue(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A flag's value, else the environment variable's. An empty flag is a mistake rather than "not
 * given": `--api-key "$KEY"` with KEY unset must not fall back to the variable, as `apiKey: ''`
 * does not. An empty variable counts as unset.
 */
export function flagOrEnv(
  values: OptionValues,
  name: string,
  env: NodeJS.ProcessEnv,
  variable: string,
): string | undefined {
  const value = stringValue(values, name);
  if (value?.trim() === '') {
    throw new UsageError(
      `--${name} is empty: pass a value, or leave --${name} out to use ${variable}`,
    );
  }
  const fallback = env[variable];
  return value ?? (fallback === undefined || fallback.trim() === '' ? undefined : fallback);
}

/**
 * A repeatable flag's values, each also split on commas (`--tag vip,renewal` is `--tag vip --tag
 * renewal`, as in --fields), so a list never goes out as one value that matches nothing. An empty
 * value is refused: sent as a filter it would match nothing, or, as an empty list, everything.
 */
export function stringValues(values: OptionValues, name: string): string[] | undefined {
  const value = values[name];
  if (!Array.isArray(value)) return undefined;
  const list = value
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim());
  if (list.some((v) => v === '')) {
    throw new UsageError(
      `--${name} needs a value: --${name} S, or --${name} S1,S2 for any of several`,
    );
  }
  return list;
}

/** The formatter's options, refused when they do not apply to the chosen format. */
export function formatOptions(values: OptionValues, format: Format): FormatOptions {
  const rawFormulas = values['csv-raw-formulas'] === true;
  if (rawFormulas && format !== 'csv') {
    throw new UsageError(`--csv-raw-formulas applies to --format csv only, not ${format}`);
  }
  return { rawFormulas };
}

/** `--name N` as a whole number within [min, max]; absent gives undefined. */
export function wholeNumber(
  values: OptionValues,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const text = stringValue(values, name);
  if (text === undefined) return undefined;
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= min && number <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${name} must be a whole number ${range}, got '${text}'`);
  }
  return number;
}
