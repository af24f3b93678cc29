/**
 * The contract rules: pure functions over observed exchanges. Each returns problems, one line
 * each, naming the operation and the rule broken:
 * `listPhoneNumbers (GET /phone_number) [content type] ...`.
 */

import type { OperationId, Validators } from '../core/validation';
import type { Exchange, Outcome } from './exchange';
import type { ContractFilter, ContractOperation } from './operations';

export const RULES = {
  status: 'undeclared status',
  contentType: 'content type',
  schema: 'schema',
  envelope: 'envelope status',
  unanswered: 'no response',
  credentials: 'credentials',
  badRequest: 'bad request',
  limit: 'limit',
  filter: 'filter',
} as const;

export type Rule = (typeof RULES)[keyof typeof RULES];

/** `rule` is one of RULES, or a rule of the jest suite's own (Prism's findings). */
export function problem(operation: ContractOperation, rule: string, detail: string): string {
  return `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) [${rule}] ${detail}`;
}

/** `application/json` from `application/json; charset=utf-8`. */
export function mediaTypeEssence(contentType: string | null | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export function snippet(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

function envelopeStatusOf(body: unknown): unknown {
  return (body as { status?: unknown } | null)?.status;
}

/**
 * What the schema says about a body the server sent with `status`: a success envelope is checked
 * against the operation's success schema, any other body against the error envelope.
 */
export function bodyViolations(
  validators: Validators,
  operation: ContractOperation,
  status: number,
  body: unknown,
): string[] {
  const validate =
    status === 200 && envelopeStatusOf(body) !== 'error'
      ? validators.success(operation.operationId as OperationId)
      : validators.schema('ErrorEnvelope');
  return validate(body);
}

export function declaredStatuses(operation: ContractOperation): string[] {
  return operation.responses.map((response) => response.status);
}

type DeclaredBody =
  | { ok: true; value: unknown; schemaProblems: string[] }
  | { ok: false; problem: string };

/**
 * The body of a response whose status the spec declares: a problem if its content type is not
 * declared for that status or it is not JSON, otherwise the parsed body and its schema problems.
 */
function declaredBody(
  validators: Validators,
  operation: ContractOperation,
  exchange: Exchange,
): DeclaredBody {
  const status = String(exchange.status);
  const contentType = exchange.headers.get('content-type');
  const declared =
    operation.responses.find((response) => response.status === status)?.contentTypes ?? [];
  if (!declared.includes(mediaTypeEssence(contentType) ?? '')) {
    return {
      ok: false,
      problem: problem(
        operation,
        RULES.contentType,
        `HTTP ${status} came as ${contentType ?? 'no content type'}; the spec declares ${declared.join(', ')} (body ${snippet(exchange.text)})`,
      ),
    };
  }
  const body = parseJson(exchange.text);
  if (!body.ok) {
    return {
      ok: false,
      problem: problem(
        operation,
        RULES.schema,
        `the body is not valid JSON: ${snippet(exchange.text)}`,
      ),
    };
  }
  return {
    ok: true,
    value: body.value,
    schemaProblems: bodyViolations(validators, operation, exchange.status, body.value).map(
      (violation) => problem(operation, RULES.schema, violation),
    ),
  };
}

function undeclaredStatus(operation: ContractOperation, exchange: Exchange): string[] {
  const declared = declaredStatuses(operation);
  if (declared.includes(String(exchange.status))) return [];
  return [
    problem(
      operation,
      RULES.status,
      `HTTP ${exchange.status} is not declared for this operation (declared: ${declared.join(', ')})`,
    ),
  ];
}

/** The spec declares the answer's status and content type, and its schema accepts the body. */
export function isDocumentedAnswer(
  validators: Validators,
  operation: ContractOperation,
  exchange: Exchange,
): boolean {
  if (undeclaredStatus(operation, exchange).length > 0) return false;
  const body = declaredBody(validators, operation, exchange);
  return body.ok && body.schemaProblems.length === 0;
}

/** A request that got no HTTP response. */
export function unansweredProblems(
  operation: ContractOperation,
  what: string,
  reason: string,
): string[] {
  return [problem(operation, RULES.unanswered, `${what}: ${reason}`)];
}

/**
 * What is wrong with the server's answer to a valid request: no answer, an undeclared status, a
 * content type the spec does not declare for it, a body its schema rejects, or a failure envelope.
 * Also returns the parsed body when it is a valid success envelope.
 */
export function responseProblems(
  validators: Validators,
  operation: ContractOperation,
  what: string,
  outcome: Outcome,
): { problems: string[]; data?: unknown } {
  if ('unanswered' in outcome) {
    return { problems: unansweredProblems(operation, what, outcome.unanswered) };
  }
  const undeclared = undeclaredStatus(operation, outcome);
  if (undeclared.length > 0) return { problems: undeclared };
  const body = declaredBody(validators, operation, outcome);
  if (!body.ok) return { problems: [body.problem] };
  const envelopeStatus = envelopeStatusOf(body.value);
  if (outcome.status === 200 && envelopeStatus === 'ok') {
    return body.schemaProblems.length > 0
      ? { problems: body.schemaProblems }
      : { problems: [], data: (body.value as { data?: unknown }).data };
  }
  return {
    problems: [
      ...body.schemaProblems,
      problem(
        operation,
        RULES.envelope,
        `${what} got HTTP ${outcome.status} with envelope status ${JSON.stringify(envelopeStatus)}; expected HTTP 200 with "ok"`,
      ),
    ],
  };
}

/**
 * How openapi.yaml says a request is refused: the error envelope, with HTTP 200 or one of
 * `statuses`. Any other status, data served, or a refusal body the spec rejects is a problem.
 */
export function refusalProblems(
  validators: Validators,
  operation: ContractOperation,
  rule: typeof RULES.credentials | typeof RULES.badRequest,
  what: string,
  statuses: readonly string[],
  outcome: Outcome,
): string[] {
  if ('unanswered' in outcome) return unansweredProblems(operation, what, outcome.unanswered);
  const accepted = ['200', ...statuses].map((status) => `HTTP ${status}`).join(' or ');
  const notRefused = (verb: string) => [
    problem(
      operation,
      rule,
      `${verb} HTTP ${outcome.status} ${snippet(outcome.text)} to ${what}; expected a refusal: ${accepted} with the error envelope`,
    ),
  ];
  const status = String(outcome.status);
  if (status !== '200' && !statuses.includes(status)) return notRefused('answered');
  const body = declaredBody(validators, operation, outcome);
  if (!body.ok) return [body.problem];
  if (envelopeStatusOf(body.value) !== 'error') return notRefused('served');
  return body.schemaProblems;
}

/** How many ids a problem lists before "…and n more". */
const LISTED = 5;

function listed(items: readonly string[]): string {
  const more = items.length > LISTED ? `, …and ${items.length - LISTED} more` : '';
  return `${items.slice(0, LISTED).join(', ')}${more}`;
}

function counts(keys: readonly string[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
  return tally;
}

/** Items of a list that came more than once, `key` telling them apart. */
export function duplicateProblems(
  operation: ContractOperation,
  rule: Rule,
  what: string,
  keys: readonly string[],
): string[] {
  const repeated = [...counts(keys)]
    .filter(([, n]) => n > 1)
    .map(([key, n]) => `${key} (${n} times)`);
  return repeated.length === 0
    ? []
    : [
        problem(
          operation,
          rule,
          `${what} returned ${repeated.length} item(s) more than once: ${listed(repeated)}`,
        ),
      ];
}

/** `limit=n` returns exactly min(n, M) of the M items the unlimited list holds, each one of them. */
export function limitProblems(
  operation: ContractOperation,
  limit: number,
  all: readonly unknown[],
  returned: readonly unknown[],
): string[] {
  const expected = Math.min(limit, all.length);
  const problems =
    returned.length === expected
      ? []
      : [
          problem(
            operation,
            RULES.limit,
            `limit=${limit} returned ${returned.length} item(s); expected ${expected} (the unlimited list holds ${all.length})`,
          ),
        ];
  const available = counts(all.map((item) => JSON.stringify(item)));
  const foreign = returned.filter((item) => {
    const key = JSON.stringify(item);
    const left = available.get(key) ?? 0;
    available.set(key, left - 1);
    return left <= 0;
  });
  if (foreign.length > 0) {
    problems.push(
      problem(
        operation,
        RULES.limit,
        `limit=${limit} returned ${foreign.length} item(s) the unlimited list does not hold (as often): ${snippet(JSON.stringify(foreign[0]))}`,
      ),
    );
  }
  return problems;
}

export type FilterQuery = Readonly<Record<string, readonly string[]>>;
type Item = Readonly<Record<string, unknown>>;

/** The filters an item fails: its field must equal one of the listed values (empty list = any). */
export function unmetFilters(
  filters: readonly ContractFilter[],
  item: Item,
  query: FilterQuery,
): string[] {
  return filters.flatMap(({ name, matches }) => {
    const accepted = query[name];
    const value = item[matches];
    if (!accepted?.length || (typeof value === 'string' && accepted.includes(value))) return [];
    return [`${matches} ${JSON.stringify(value)} is not among ${name} ${JSON.stringify(accepted)}`];
  });
}

/**
 * The query returns exactly the items of `all` (what the unfiltered query returned) that match
 * every filter sent, compared by `id` as a multiset: an item missing, one that does not match, one
 * the unfiltered query did not return, and one returned more often than it exists all fail.
 */
export function filterProblems(
  operation: ContractOperation,
  filters: readonly ContractFilter[],
  query: FilterQuery,
  all: readonly Item[],
  returned: readonly Item[],
): string[] {
  const idOf = (item: Item) => String(item.id);
  const expected = counts(
    all.filter((item) => unmetFilters(filters, item, query).length === 0).map(idOf),
  );
  const got = counts(returned.map(idOf));
  const known = new Set(all.map(idOf));
  const missing = [...expected].filter(([id, n]) => (got.get(id) ?? 0) < n).map(([id]) => id);
  const unexpected = [...new Map(returned.map((item) => [idOf(item), item]))].flatMap(
    ([id, item]) => {
      if (expected.has(id)) return [];
      const unmet = unmetFilters(filters, item, query);
      const why = known.has(id) ? unmet.join('; ') : 'not returned by the unfiltered query';
      return [`${id} (${why})`];
    },
  );
  const repeated = [...got]
    .filter(([id, n]) => expected.has(id) && n > (expected.get(id) ?? 0))
    .map(([id, n]) => `${id} (${n} times)`);
  const sent = JSON.stringify(query);
  const lines = [
    [unexpected, `returned ${unexpected.length} contact(s) that do not match`],
    [repeated, `returned ${repeated.length} matching contact(s) more than once`],
    [missing, `left out ${missing.length} matching contact(s)`],
  ] as const;
  return lines
    .filter(([ids]) => ids.length > 0)
    .map(([ids, what]) => problem(operation, RULES.filter, `${sent} ${what}: ${listed(ids)}`));
}
