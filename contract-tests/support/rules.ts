/**
 * The rules only the jest suite has, on top of src/contract's: what Prism reported about an
 * exchange with its mock, and the client throwing on an exchange every rule found valid.
 */
import type { Exchange } from '../../src/contract/exchange';
import type { ContractOperation } from '../../src/contract/operations';
import { mediaTypeEssence, problem, snippet } from '../../src/contract/rules';

export const SUITE_RULES = {
  prismSchema: 'schema, reported by Prism',
  prism: 'answered by Prism',
  client: 'client',
} as const;

interface PrismViolation {
  location?: string[];
  severity?: string;
  message?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What Prism's validator reported about an exchange through it: the errors of its
 * `sl-violations` header (warnings, such as an undeclared status, are checked by the rules of
 * src/contract), or a problem+json Prism produced for another reason.
 */
export function prismProblems(operation: ContractOperation, exchange: Exchange): string[] {
  const header = exchange.headers.get('sl-violations');
  if (header) {
    const parsed = parseJson(header);
    if (!Array.isArray(parsed)) return [problem(operation, SUITE_RULES.prismSchema, header)];
    const lines = (parsed as PrismViolation[])
      .filter((v) => v.severity === 'Error')
      .map((v) => `${(v.location ?? []).join('.')}: ${v.message ?? 'invalid'}`);
    return [...new Set(lines)].map((line) => problem(operation, SUITE_RULES.prismSchema, line));
  }
  if (mediaTypeEssence(exchange.headers.get('content-type')) === 'application/problem+json') {
    const { title, detail } = (parseJson(exchange.text) ?? {}) as {
      title?: string;
      detail?: string;
    };
    return [
      problem(
        operation,
        SUITE_RULES.prism,
        `Prism answered HTTP ${exchange.status} itself: ${title ?? ''} ${detail ?? snippet(exchange.text)}`,
      ),
    ];
  }
  return [];
}

/** Fails the test with every problem, one per line. */
export function expectNoProblems(problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10);
  const more =
    problems.length > shown.length ? `\n…and ${problems.length - shown.length} more` : '';
  throw new Error(`${problems.length} contract violation(s):\n${shown.join('\n')}${more}`);
}
