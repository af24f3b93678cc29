/**
 * What the spec states in words, checked exactly against the server's own data, read once with the
 * conformance check's unfiltered request: `limit=n` returns min(n, M) of the M items, and a filtered
 * query returns exactly the items of the unfiltered list that match every filter (`x-callab-matches`),
 * compared by id as a multiset. Cases are generated (fast-check) from the data: combinations of
 * filters, several values per filter, empty lists, values no item has, every limit from 1 to M+1.
 */
import fc from 'fast-check';
import { type ConformanceResult, describeRequest, validRequest } from './checks';
import type { ContractRequest } from './exchange';
import type { ContractFilter, ContractOperation } from './operations';
import { checkProperty } from './property';
import type { Testcase } from './report';
import {
  duplicateProblems,
  type FilterQuery,
  filterProblems,
  limitProblems,
  RULES,
  responseProblems,
} from './rules';
import { type CheckContext, type Finding, runCheck } from './testcase';

type Item = Readonly<Record<string, unknown>>;

/** A filter value that no item is meant to have, always tried. */
export const NO_SUCH_VALUE = 'callab-contract-test: a value no item has';

/** Why a check of the unfiltered list cannot run: the conformance check failed or was inconclusive. */
function unread({ testcase }: ConformanceResult): Finding {
  return testcase.inconclusive === undefined
    ? {
        violations: [],
        skipped: 'the unfiltered list could not be read (see the conformance check)',
      }
    : {
        violations: [],
        inconclusive: `the unfiltered list could not be read: ${testcase.inconclusive}`,
      };
}

export function limitParam(operation: ContractOperation) {
  return operation.queryParams.find((param) => param.name === 'limit');
}

/** Answers a valid request, returning its problems or the success envelope's data. */
async function dataOf(
  context: CheckContext,
  send: CheckContext['send'],
  request: ContractRequest,
): Promise<{ problems: string[]; data?: unknown }> {
  return responseProblems(
    context.validators,
    request.operation,
    `a valid request (${describeRequest(request)})`,
    await send(request),
  );
}

export function checkLimit(
  context: CheckContext,
  operation: ContractOperation,
  unfiltered: ConformanceResult,
): Promise<Testcase> {
  return runCheck(context, operation, 'limit', async (send) => {
    const all = unfiltered.data;
    if (!Array.isArray(all)) return unread(unfiltered);
    const count = all.length;
    if (count < 2) {
      return {
        violations: [],
        skipped: `the server holds ${count} item(s); at least 2 are needed to see limit cap the list`,
      };
    }
    const valid = validRequest(operation);
    return checkProperty(
      fc.integer({ min: 1, max: count + 1 }),
      [...new Set([1, count - 1, count, count + 1])],
      async (limit) => {
        const found = await dataOf(context, send, {
          ...valid,
          query: { ...valid.query, limit: String(limit) },
        });
        if (found.problems.length > 0) return found.problems;
        return limitProblems(operation, limit, all, Array.isArray(found.data) ? found.data : []);
      },
      context.property,
    );
  });
}

function presentValues(all: readonly Item[], field: string): string[] {
  return [
    ...new Set(all.map((item) => item[field]).filter((v): v is string => typeof v === 'string')),
  ];
}

/** A value of `field` some items have and others lack, so that ignoring the filter shows. */
function discriminating(all: readonly Item[], field: string): string | undefined {
  return presentValues(all, field).find((value) => all.some((item) => item[field] !== value));
}

function completeItem(all: readonly Item[], filters: readonly ContractFilter[]): Item | undefined {
  return all.find((item) => filters.every(({ matches }) => typeof item[matches] === 'string'));
}

/** Random queries: any subset of the filters, each with 0 to 4 values, mostly values items have. */
export function filterQueries(
  filters: readonly ContractFilter[],
  all: readonly Item[],
): fc.Arbitrary<FilterQuery> {
  const absent = fc.string({ maxLength: 10 });
  const valuesFor = ({ matches }: ContractFilter) => {
    const present = presentValues(all, matches);
    const value =
      present.length === 0
        ? absent
        : fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...present) },
            { weight: 1, arbitrary: absent },
          );
    return fc.array(value, { maxLength: 4 });
  };
  return fc.record(Object.fromEntries(filters.map((filter) => [filter.name, valuesFor(filter)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<FilterQuery>;
}

/**
 * The queries always tried: each filter with every value items have and with one value that tells
 * matching items apart, all filters at once from one item, empty lists, a value no item has.
 */
export function filterExamples(
  filters: readonly ContractFilter[],
  all: readonly Item[],
): FilterQuery[] {
  const each = filters.flatMap(({ name, matches }) => {
    const present = presentValues(all, matches);
    const one = discriminating(all, matches);
    return [
      ...(present.length > 1 ? [{ [name]: present }] : []),
      ...(one ? [{ [name]: [one] }] : []),
    ];
  });
  const complete = completeItem(all, filters);
  const [first] = filters;
  return [
    ...each,
    ...(complete
      ? [
          Object.fromEntries(
            filters.map(({ name, matches }) => [name, [String(complete[matches])]]),
          ),
        ]
      : []),
    Object.fromEntries(filters.map(({ name }) => [name, []])),
    ...(first ? [{ [first.name]: [NO_SUCH_VALUE] }] : []),
  ];
}

/** What the data cannot exercise, so that a check passed on thin data says so. */
export function filterLimitations(
  filters: readonly ContractFilter[],
  all: readonly Item[],
): string[] {
  const each = filters.flatMap(({ name, matches }) => {
    const present = presentValues(all, matches);
    if (present.length === 0) {
      return [`no contact has a ${matches}, so ${name} is never seen to select anything`];
    }
    if (!discriminating(all, matches)) {
      return [
        `every contact has ${matches} ${JSON.stringify(present[0])}: a server ignoring ${name} would pass`,
      ];
    }
    return present.length < 2
      ? [
          `only one ${matches} (${JSON.stringify(present[0])}) among the contacts: several values per ${name} are never checked`,
        ]
      : [];
  });
  return completeItem(all, filters)
    ? each
    : [
        ...each,
        `no contact has all of ${filters.map((f) => f.matches).join(', ')}: the filters are never checked all at once`,
      ];
}

export function checkFilters(
  context: CheckContext,
  operation: ContractOperation,
  filters: readonly ContractFilter[],
  unfiltered: ConformanceResult,
): Promise<Testcase> {
  return runCheck(context, operation, 'filters', async (send) => {
    const all = unfiltered.data;
    if (!Array.isArray(all)) return unread(unfiltered);
    if (all.length === 0) {
      return {
        violations: [],
        skipped: 'the unfiltered query returned no contact: the server needs data',
      };
    }
    const items = all as Item[];
    const valid = validRequest(operation);
    const base = JSON.parse(valid.body ?? '{}') as object;
    const outcome = await checkProperty(
      filterQueries(filters, items),
      filterExamples(filters, items),
      async (query) => {
        const found = await dataOf(context, send, {
          ...valid,
          body: JSON.stringify({ ...base, ...query }),
        });
        if (found.problems.length > 0) return found.problems;
        return filterProblems(operation, filters, query, items, found.data as Item[]);
      },
      context.property,
    );
    return {
      ...outcome,
      violations: [
        ...duplicateProblems(
          operation,
          RULES.filter,
          'the unfiltered query',
          items.map((item) => String(item.id)),
        ),
        ...outcome.violations,
      ],
      limitations: filterLimitations(filters, items),
    };
  });
}
