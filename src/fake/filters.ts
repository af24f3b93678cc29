/**
 * The documented semantics of body filters such as those of `POST /contact/query`: each filter
 * is a list of values for the one record field the spec names in `x-callab-matches`.
 */
import type { BodyFilter } from './spec';

/** A request the API would refuse; the message says what was wrong and how to fix it. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

export type FilterValues = Record<string, readonly string[]>;

/** Checks a parsed JSON body: a closed object whose properties are filters, each of strings. */
export function parseFilters(
  body: unknown,
  filters: readonly BodyFilter[],
  everything: string,
): FilterValues {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError(
      `The request body must be a JSON object; send {} for all ${everything}.`,
    );
  }
  const values: FilterValues = {};
  for (const [name, list] of Object.entries(body)) {
    if (!filters.some((filter) => filter.name === name)) {
      throw new InvalidRequestError(
        `Unknown filter "${name}"; the filters are ${filters.map((f) => f.name).join(', ')}.`,
      );
    }
    if (!Array.isArray(list) || list.some((value) => typeof value !== 'string')) {
      throw new InvalidRequestError(`Filter "${name}" must be an array of strings.`);
    }
    values[name] = list;
  }
  return values;
}

/**
 * A record matches when, for every filter sent, its field equals one of the listed values.
 * An absent filter and an empty list both match any record; a `null` field matches no value.
 */
export function matchesFilters(
  record: object,
  values: FilterValues,
  filters: readonly BodyFilter[],
): boolean {
  return filters.every(({ name, matches }) => {
    const accepted = values[name];
    if (!accepted || accepted.length === 0) return true;
    const value: unknown = (record as Record<string, unknown>)[matches];
    return typeof value === 'string' && accepted.includes(value);
  });
}
