/** The documented semantics of `POST /contact/query`, for the fake server. */
import type { Contact, ContactQuery } from '../types';

/** Each filter of the request body and the single contact field it matches. */
const FILTER_FIELDS = {
  tags: 'tag_name',
  categories: 'category_name',
  source_names: 'source_name',
  last_call_statuses: 'last_call_status',
} as const satisfies Record<keyof ContactQuery, keyof Contact>;

type FilterName = keyof typeof FILTER_FIELDS;

const FILTER_NAMES = Object.keys(FILTER_FIELDS) as FilterName[];

function isFilterName(name: string): name is FilterName {
  return Object.hasOwn(FILTER_FIELDS, name);
}

/** A request the API would refuse; the message says what was wrong and how to fix it. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

/** Checks a parsed JSON body against `ContactQuery` (closed object of string arrays). */
export function parseContactQuery(body: unknown): ContactQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError(
      'The request body must be a JSON object; send {} for all contacts.',
    );
  }
  const query: ContactQuery = {};
  for (const [name, values] of Object.entries(body)) {
    if (!isFilterName(name)) {
      throw new InvalidRequestError(
        `Unknown filter "${name}"; the filters are ${FILTER_NAMES.join(', ')}.`,
      );
    }
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
      throw new InvalidRequestError(`Filter "${name}" must be an array of strings.`);
    }
    query[name] = values;
  }
  return query;
}

/**
 * A contact matches when, for every filter sent, its field equals one of the listed values.
 * An absent filter and an empty list both match any contact.
 */
export function matchesContactQuery(contact: Contact, query: ContactQuery): boolean {
  return FILTER_NAMES.every((name) => {
    const accepted = query[name];
    if (!accepted || accepted.length === 0) return true;
    const value = contact[FILTER_FIELDS[name]];
    return value !== null && accepted.includes(value);
  });
}
