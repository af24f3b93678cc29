/** Declarative command-line options: parseArgs config and --help text are both built from these. */
import { UsageError } from './errors';

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  multiple?: true;
  short?: string;
  /** Placeholder for the value in --help, e.g. `N`. */
  value?: string;
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
];

export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'api-key',
    type: 'string',
    value: 'KEY',
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

export function stringValues(values: OptionValues, name: string): string[] | undefined {
  const value = values[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
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
