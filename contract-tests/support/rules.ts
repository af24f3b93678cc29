/**
 * The contract rules. Each check returns problems, one line each, naming the operation and the
 * rule broken: `listPhoneNumbers (GET /phone_number) [content type] ...`.
 */

import {
  CallabConnectionError,
  CallabTimeoutError,
  type Contact,
  type ContactQuery,
} from '../../src';
import type { SpecOperation } from '../../src/internal/spec-document';
import { RATE_LIMIT_STATUSES, type RateLimitPolicy } from './rate-limit';
import { declaredStatuses, mediaTypeEssence, responseMediaTypesOf, schemaErrors } from './spec';

export const RULES = {
  status: 'undeclared status',
  contentType: 'content type',
  prismSchema: 'schema, reported by Prism',
  ajvSchema: 'schema, Ajv',
  envelope: 'envelope status',
  proxy: 'proxy',
  unanswered: 'no response',
  client: 'client',
  limit: 'limit',
  filter: 'filter',
  credentials: 'credentials',
  rateLimited: 'rate limited',
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

type DeclaredBody =
  | { ok: true; value: unknown; schemaProblems: string[] }
  | { ok: false; problem: string };

/**
 * The body of a response whose status the spec declares: a problem if its content type is not
 * declared for that status or it is not JSON, otherwise the parsed body and what Ajv finds wrong.
 */
function declaredBody(operation: SpecOperation, response: ObservedResponse): DeclaredBody {
  const status = String(response.status);
  const contentType = response.headers.get('content-type');
  const media = responseMediaTypesOf(operation, status);
  const match = media.find((m) => m.mediaType === mediaTypeEssence(contentType));
  if (!match) {
    return {
      ok: false,
      problem: problem(
        operation,
        RULES.contentType,
        `HTTP ${status} came as ${contentType ?? 'no content type'}; the spec declares ${media.map((m) => m.mediaType).join(', ')} (body ${snippet(response.text)})`,
      ),
    };
  }
  const body = parseJson(response.text);
  if (!body.ok) {
    return {
      ok: false,
      problem: problem(
        operation,
        RULES.ajvSchema,
        `the body is not valid JSON: ${snippet(response.text)}`,
      ),
    };
  }
  return {
    ok: true,
    value: body.value,
    schemaProblems: schemaErrors(match.schemaPointer, body.value).map((error) =>
      problem(operation, RULES.ajvSchema, error),
    ),
  };
}

function envelopeStatusOf(body: unknown): unknown {
  return (body as { status?: unknown } | null)?.status;
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
  const body = declaredBody(operation, response);
  if (!body.ok) return [body.problem];
  const envelopeStatus = envelopeStatusOf(body.value);
  if (response.status === 200 && envelopeStatus === 'ok') return body.schemaProblems;
  return [
    ...body.schemaProblems,
    problem(
      operation,
      RULES.envelope,
      `a valid request got HTTP ${status} with envelope status ${JSON.stringify(envelopeStatus)}; expected HTTP 200 with "ok"`,
    ),
  ];
}

/**
 * Why the check is inconclusive, when the last answer is a documented 429 or 503 the suite did
 * not wait out: a rate limit says nothing about the contract. Undefined for any other answer, and
 * for a 429 or 503 that itself breaks the spec (the other rules report what is wrong with it).
 */
export function rateLimitReason(
  operation: SpecOperation,
  response: ObservedResponse,
  attempts: number,
  policy: RateLimitPolicy,
): string | undefined {
  const status = String(response.status);
  if (!RATE_LIMIT_STATUSES.includes(response.status)) return undefined;
  if (!declaredStatuses(operation).includes(status)) return undefined;
  const body = declaredBody(operation, response);
  if (!body.ok || body.schemaProblems.length > 0) return undefined;
  const retryAfter = response.headers.get('retry-after');
  const asked =
    retryAfter === null ? 'without Retry-After' : `with Retry-After ${JSON.stringify(retryAfter)}`;
  return problem(
    operation,
    RULES.rateLimited,
    `inconclusive, not a contract violation: HTTP ${status} ${asked} after ${attempts} attempt(s); the suite waits out a Retry-After of up to ${policy.maxWaitMs / 1000} s, ${policy.retries} time(s). Run it again when the server's limit allows.`,
  );
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

/** A request that got no HTTP response at all; any other error is not the server's and is rethrown. */
export function unansweredProblems(operation: SpecOperation, error: unknown): string[] {
  if (!(error instanceof CallabConnectionError || error instanceof CallabTimeoutError)) throw error;
  return [problem(operation, RULES.unanswered, error.message)];
}

/**
 * How openapi.yaml says a request with a missing or wrong key is refused: HTTP 401 with the error
 * envelope, or the documented HTTP 200 error envelope. Any other status, data served, or a
 * refusal body the spec rejects is a problem.
 */
export function credentialProblems(
  operation: SpecOperation,
  credential: string,
  response: ObservedResponse,
): string[] {
  const notRefused = (verb: string) => [
    problem(
      operation,
      RULES.credentials,
      `${verb} HTTP ${response.status} ${snippet(response.text)} to a request with ${credential}; expected a refusal: HTTP 401, or HTTP 200, with the error envelope`,
    ),
  ];
  if (response.status !== 401 && response.status !== 200) return notRefused('answered');
  const body = declaredBody(operation, response);
  if (!body.ok) return [body.problem];
  if (envelopeStatusOf(body.value) !== 'error') return notRefused('served');
  return body.schemaProblems;
}

/** `limit=n` returns exactly min(n, available) campaigns, `available` being how many there are. */
export function limitProblems(
  operation: SpecOperation,
  limit: number,
  available: number,
  returned: number,
): string[] {
  const expected = Math.min(limit, available);
  return returned === expected
    ? []
    : [
        problem(
          operation,
          RULES.limit,
          `limit=${limit} returned ${returned} campaigns; expected ${expected} (the upstream holds ${available})`,
        ),
      ];
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

/** How many ids a filter problem lists before "…and n more". */
const LISTED_IDS = 5;

function listed(items: readonly string[]): string {
  const more = items.length > LISTED_IDS ? `, …and ${items.length - LISTED_IDS} more` : '';
  return `${items.slice(0, LISTED_IDS).join(', ')}${more}`;
}

/**
 * The query returns exactly the contacts of `all` (every contact, as the unfiltered query
 * returned them) that match every filter sent, compared by id.
 */
export function filterProblems(
  operation: SpecOperation,
  query: ContactQuery,
  all: readonly Contact[],
  returned: readonly Contact[],
): string[] {
  const returnedIds = new Set(returned.map((c) => c.id));
  const known = new Set(all.map((c) => c.id));
  const missing = all
    .filter((c) => unmetFilters(c, query).length === 0 && !returnedIds.has(c.id))
    .map((c) => c.id);
  const unexpected = returned.flatMap((contact) => {
    const unmet = unmetFilters(contact, query);
    if (unmet.length > 0) return [`${contact.id} (${unmet.join('; ')})`];
    return known.has(contact.id) ? [] : [`${contact.id} (not returned by the unfiltered query)`];
  });
  const sent = JSON.stringify(query);
  return [
    ...(unexpected.length > 0
      ? [
          problem(
            operation,
            RULES.filter,
            `${sent} returned ${unexpected.length} contact(s) that do not match: ${listed(unexpected)}`,
          ),
        ]
      : []),
    ...(missing.length > 0
      ? [
          problem(
            operation,
            RULES.filter,
            `${sent} left out ${missing.length} matching contact(s): ${listed(missing)}`,
          ),
        ]
      : []),
  ];
}

/** Fails the test with every problem, one per line. */
export function expectNoProblems(problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10);
  const more =
    problems.length > shown.length ? `\n…and ${problems.length - shown.length} more` : '';
  throw new Error(`${problems.length} contract violation(s):\n${shown.join('\n')}${more}`);
}
