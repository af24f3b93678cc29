/** Field names come from openapi.yaml (via generated/spec.json), so a new field needs no CLI edit. */
import spec from '../../generated/spec.json';
import { UnexpectedDataError, UsageError } from './errors';
import type { Row } from './formats';

export type SchemaName = keyof typeof spec.components.schemas;

/** The documented fields of a response object, in the spec's order. */
export function fieldsOf(schema: SchemaName | null): string[] {
  const properties = schema && (spec.components.schemas[schema] as { properties?: object });
  return Object.keys(properties?.properties ?? {});
}

/** Parses `--fields a,b,c` against the valid field names; unknown or repeated names are usage errors. */
export function parseFieldList(text: string, valid: readonly string[]): string[] {
  const fields = text
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields.length === 0)
    throw new UsageError('--fields needs at least one field name, e.g. --fields name,status');
  const unknown = fields.filter((field) => !valid.includes(field));
  if (unknown.length > 0) {
    const names = unknown.map((field) => `'${field}'`).join(', ');
    throw new UsageError(`unknown field ${names} in --fields; valid fields: ${valid.join(', ')}`);
  }
  const repeated = fields.find((field, i) => fields.indexOf(field) !== i);
  if (repeated) throw new UsageError(`field '${repeated}' is listed twice in --fields`);
  return fields;
}

/** Every documented field, then any undocumented one the server sent (responses are open). */
export function allColumns(documented: readonly string[], rows: readonly Row[]): string[] {
  const columns = new Set(documented);
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** The rows to print: `data` must be a list of objects, or exit 4 says what came instead. */
export function rowsOf(data: unknown): readonly Row[] {
  if (!Array.isArray(data)) {
    throw new UnexpectedDataError(
      `the API returned ${describe(data)} where a list was expected; check that the base URL points at the Callab API`,
    );
  }
  data.forEach(rowOf);
  return data;
}

/** Item `index` of a list as a row: it must be an object, or exit 4 says what came instead. */
export function rowOf(item: unknown, index: number): Row {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new UnexpectedDataError(
      `the API returned a list whose item ${index} is ${describe(item)}, not an object; check that the base URL points at the Callab API`,
    );
  }
  return item as Row;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
