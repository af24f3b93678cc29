/**
 * The checks every operation gets: a valid request answered as the spec says (conformance),
 * requests without a key or with a wrong one refused, and invalid requests refused.
 */
import fc from 'fast-check';
import type { ContractRequest, Outcome } from './exchange';
import { type ContractOperation, componentSchema } from './operations';
import { checkProperty } from './property';
import type { Testcase } from './report';
import { invalidValues, invalidWireValues, type Mutation, minimalValue } from './request-values';
import { declaredStatuses, RULES, refusalProblems, responseProblems, snippet } from './rules';
import { type CheckContext, runCheck } from './testcase';

/** A body schema the spec does not name cannot be walked: `{}` is the smallest guess. */
function minimalBody(operation: ContractOperation): unknown {
  const schema = operation.body?.schema;
  return schema ? minimalValue(componentSchema(schema)) : {};
}

/** The smallest valid request: required query parameters and the smallest valid body. */
export function validRequest(operation: ContractOperation): ContractRequest {
  const required = operation.queryParams.filter((param) => param.required);
  return {
    operation,
    ...(required.length > 0 && {
      query: Object.fromEntries(
        required.map((param) => [param.name, String(minimalValue(param.schema))]),
      ),
    }),
    ...(operation.body && { body: JSON.stringify(minimalBody(operation)) }),
  };
}

/** A request for messages: `POST /contact/query "{\"tags\":[]}"`, `GET /campaign/list?limit=0`. */
export function describeRequest(request: ContractRequest): string {
  const { method, path } = request.operation;
  const query = new URLSearchParams(request.query ?? {}).toString();
  const body =
    request.body !== undefined
      ? ` ${snippet(request.body)}`
      : request.operation.body
        ? ' with no body'
        : '';
  return `${method.toUpperCase()} ${path}${query ? `?${query}` : ''}${body}`;
}

export interface ConformanceResult {
  testcase: Testcase;
  /** Absent when the check was inconclusive (rate limited). */
  outcome?: Outcome;
  /** The success envelope's `data`, when the answer was valid. */
  data?: unknown;
}

export async function checkConformance(
  context: CheckContext,
  operation: ContractOperation,
): Promise<ConformanceResult> {
  let outcome: Outcome | undefined;
  let data: unknown;
  const testcase = await runCheck(context, operation, 'conformance', async (send) => {
    const request = validRequest(operation);
    outcome = await send(request);
    const found = responseProblems(
      context.validators,
      operation,
      `a valid request (${describeRequest(request)})`,
      outcome,
    );
    data = found.data;
    return { violations: found.problems };
  });
  return { testcase, ...(outcome && { outcome }), ...(data !== undefined && { data }) };
}

const CREDENTIALS = [
  { check: 'missing key', credential: 'none', what: 'a request with no Authorization header' },
  { check: 'wrong key', credential: 'wrong-key', what: 'a request with a wrong API key' },
] as const;

/** The spec's refusal of a bad key (inferred there): HTTP 401 with the error envelope. */
const CREDENTIAL_REFUSALS = ['401'];

export function hasCredentialChecks(operation: ContractOperation): boolean {
  return CREDENTIAL_REFUSALS.every((status) => declaredStatuses(operation).includes(status));
}

export function checkCredentials(
  context: CheckContext,
  operation: ContractOperation,
): Promise<Testcase>[] {
  return CREDENTIALS.map(({ check, credential, what }) =>
    runCheck(context, operation, check, async (send) => ({
      violations: refusalProblems(
        context.validators,
        operation,
        RULES.credentials,
        what,
        CREDENTIAL_REFUSALS,
        await send({ ...validRequest(operation), credential }),
      ),
    })),
  );
}

interface BadRequest {
  what: string;
  request: ContractRequest;
}

/** Every way the request schemas let a request be broken, as requests. */
export function badRequestMutations(operation: ContractOperation): Mutation<BadRequest>[] {
  const valid = validRequest(operation);
  const request = (what: string, changes: Partial<ContractRequest>): BadRequest => ({
    what,
    request: { ...valid, ...changes },
  });
  const body = operation.body;
  const { body: _, ...withoutBody } = valid;
  const missing = { what: 'the body (required) is missing', request: withoutBody };
  const bodyMutations: Mutation<BadRequest>[] = body
    ? [
        ...(body.required
          ? [{ what: missing.what, plain: missing, arbitrary: fc.constant(missing) }]
          : []),
        ...(body.schema ? invalidValues(componentSchema(body.schema), 'the body') : []).map(
          (mutation) => ({
            what: mutation.what,
            plain: request(mutation.what, { body: JSON.stringify(mutation.plain) }),
            arbitrary: mutation.arbitrary.map((value) =>
              request(mutation.what, { body: JSON.stringify(value) }),
            ),
          }),
        ),
      ]
    : [];
  const queryMutations = operation.queryParams.flatMap((param) =>
    invalidWireValues(param.schema, param.name).map((mutation) => {
      const withValue = (value: string) =>
        request(mutation.what, { query: { ...valid.query, [param.name]: value } });
      return {
        what: mutation.what,
        plain: withValue(mutation.plain),
        arbitrary: mutation.arbitrary.map(withValue),
      };
    }),
  );
  return [...bodyMutations, ...queryMutations];
}

export function hasBadRequestCheck(operation: ContractOperation): boolean {
  return badRequestMutations(operation).length > 0;
}

/** The spec's refusals of an invalid request: the error envelope in HTTP 200 or a declared 4xx. */
export function checkBadRequests(
  context: CheckContext,
  operation: ContractOperation,
): Promise<Testcase> {
  const mutations = badRequestMutations(operation);
  const refusals = declaredStatuses(operation).filter((status) => /^4\d\d$/.test(status));
  return runCheck(context, operation, 'bad requests', async (send) =>
    checkProperty(
      fc.oneof(...mutations.map((mutation) => mutation.arbitrary)),
      mutations.map((mutation) => mutation.plain),
      async ({ what, request }) =>
        refusalProblems(
          context.validators,
          operation,
          RULES.badRequest,
          `an invalid request (${what}: ${describeRequest(request)})`,
          refusals,
          await send(request),
        ),
      context.property,
    ),
  );
}
