/** Field names come from openapi.yaml (via generated/spec.json), so a new field needs no CLI edit. */
import spec from '../../generated/spec.json';
import { UsageError } from './errors';
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
