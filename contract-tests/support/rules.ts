/**
 * The contract rules. Each check returns problems, one line each, naming the operation and the
 * rule broken: `listPhoneNumbers (GET /phone_number) [content type] ...`.
 */
import type { SpecOperation } from '../../scripts/spec-document';
import type { Contact, ContactQuery } from '../../src';
import { declaredStatuses, mediaTypeEssence, responseMediaTypesOf, schemaErrors } from './spec';

export const RULES = {
  status: 'undeclared status',
  contentType: 'content type',
  prismSchema: 'schema, reported by Prism',
  ajvSchema: 'schema, Ajv',
  envelope: 'envelope status',
  proxy: 'proxy',
  client: 'client',
  limit: 'limit',
  filter: 'filter',
  credentials: 'credentials',
} as const;

type Rule = (typeof RULES)[keyof typeof RULES];

export function problem(operation: SpecOperation, rule: Rule, detail: string): string {
  return `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) [${rule}] ${detail}`;
}

/** An HTTP response as a test observed it. */
export interface ObservedResponse {
  status: number;
  headers: Headers;
  text: string;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function snippet(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

/**
 * What is wrong with the server's own answer to a valid request: an undeclared status, a content
 * type the spec does not declare for it, a body its schema rejects, or a failure envelope.
 */
export function responseProblems(operation: SpecOperation, response: ObservedResponse): string[] {
  const status = String(response.status);
  const declared = declaredStatuses(operation);
  if (!declared.includes(status)) {
    return [
      problem(
        operation,
        RULES.status,
        `HTTP ${status} is not declared for this operation (declared: ${declared.join(', ')})`,
      ),
    ];
  }
  const contentType = response.headers.get('content-type');
  const media = responseMediaTypesOf(operation, status);
  const match = media.find((m) => m.mediaType === mediaTypeEssence(contentType));
  if (!match) {
    return [
      problem(
        operation,
        RULES.contentType,
        `HTTP ${status} came as ${contentType ?? 'no content type'}; the spec declares ${media.map((m) => m.mediaType).join(', ')} (body ${snippet(response.text)})`,
      ),
    ];
  }
  const body = parseJson(response.text);
  if (!body.ok) {
    return [
      problem(operation, RULES.ajvSchema, `the body is not valid JSON: ${snippet(response.text)}`),
    ];
  }
  const problems = schemaErrors(match.schemaPointer, body.value).map((error) =>
    problem(operation, RULES.ajvSchema, error),
  );
  const envelopeStatus = (body.value as { status?: unknown } | null)?.status;
  if (response.status !== 200 || envelopeStatus !== 'ok') {
    problems.push(
      problem(
        operation,
        RULES.envelope,
        `a valid request got HTTP ${status} with envelope status ${JSON.stringify(envelopeStatus)}; expected HTTP 200 with "ok"`,
      ),
    );
  }
  return problems;
}

interface PrismViolation {
  location?: string[];
  severity?: string;
  message?: string;
}

/**
 * What Prism's validator reported about an exchange through it: the errors of its
 * `sl-violations` header (warnings, such as an undeclared status, are checked by the suite
 * itself), or a problem+json Prism produced for another reason (upstream unreachable...).
 */
export function prismProblems(operation: SpecOperation, response: ObservedResponse): string[] {
  const header = response.headers.get('sl-violations');
  if (header) {
    const parsed = parseJson(header);
    if (!parsed.ok) return [problem(operation, RULES.prismSchema, header)];
    const lines = (parsed.value as PrismViolation[])
      .filter((v) => v.severity === 'Error')
      .map((v) => `${(v.location ?? []).join('.')}: ${v.message ?? 'invalid'}`);
    return [...new Set(lines)].map((line) => problem(operation, RULES.prismSchema, line));
  }
  if (mediaTypeEssence(response.headers.get('content-type')) === 'application/problem+json') {
    const body = parseJson(response.text);
    const { title, detail } = (body.ok ? body.value : {}) as { title?: string; detail?: string };
    return [
      problem(
        operation,
        RULES.proxy,
        `Prism answered HTTP ${response.status} itself: ${title ?? ''} ${detail ?? snippet(response.text)}`,
      ),
    ];
  }
  return [];
}

/** A refusal is a non-2xx status or an error envelope; anything else served data. */
export function credentialProblems(
  operation: SpecOperation,
  credential: string,
  response: ObservedResponse,
): string[] {
  const body = parseJson(response.text);
  const refused =
    response.status < 200 ||
    response.status >= 300 ||
    (body.ok && (body.value as { status?: unknown } | null)?.status === 'error');
  return refused
    ? []
    : [
        problem(
          operation,
          RULES.credentials,
          `served HTTP ${response.status} ${snippet(response.text)} to a request with ${credential}; expected a refusal (a non-2xx status or an error envelope)`,
        ),
      ];
}

/** `limit` caps the number of campaigns returned. */
export function limitProblems(operation: SpecOperation, limit: number, count: number): string[] {
  return count > limit
    ? [problem(operation, RULES.limit, `limit=${limit} returned ${count} campaigns`)]
    : [];
}

/**
 * Each filter of `POST /contact/query` and the contact field it matches, as the spec states in
 * words. Deliberately independent of the fake server's implementation, which the suite checks.
 */
export const FILTERED_FIELDS = {
  tags: 'tag_name',
  categories: 'category_name',
  source_names: 'source_name',
  last_call_statuses: 'last_call_status',
} as const satisfies Record<keyof ContactQuery, keyof Contact>;

export type FilterName = keyof typeof FILTERED_FIELDS;

/** The filters a contact fails: its field must equal one of the listed values (empty = any). */
function unmetFilters(contact: Contact, query: ContactQuery): string[] {
  return Object.entries(FILTERED_FIELDS).flatMap(([filter, field]) => {
    const accepted = query[filter as FilterName];
    const value = contact[field];
    if (!accepted?.length || (typeof value === 'string' && accepted.includes(value))) return [];
    return [`${field} ${JSON.stringify(value)} is not among ${filter} ${JSON.stringify(accepted)}`];
  });
}

/** Every contact returned matches every filter sent. */
export function filterProblems(
  operation: SpecOperation,
  query: ContactQuery,
  contacts: readonly Contact[],
): string[] {
  return contacts.flatMap((contact) => {
    const unmet = unmetFilters(contact, query);
    return unmet.length === 0
      ? []
      : [
          problem(
            operation,
            RULES.filter,
            `${JSON.stringify(query)} returned contact ${contact.id}: ${unmet.join('; ')}`,
          ),
        ];
  });
}

/** Fails the test with every problem, one per line. */
export function expectNoProblems(problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10);
  const more =
    problems.length > shown.length ? `\n…and ${problems.length - shown.length} more` : '';
  throw new Error(`${problems.length} contract violation(s):\n${shown.join('\n')}${more}`);
}
