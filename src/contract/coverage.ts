/** Which documented responses (operation, status, content type) a run really received. */
import type { Exchange } from './exchange';
import type { ContractOperation } from './operations';
import type { Coverage, ResponseKey } from './report';
import { mediaTypeEssence } from './rules';

export class CoverageRecorder {
  private readonly seen = new Map<string, ResponseKey & { count: number }>();

  record(operation: ContractOperation, exchange: Exchange): void {
    const key: ResponseKey = {
      operationId: operation.operationId,
      status: String(exchange.status),
      contentType: mediaTypeEssence(exchange.headers.get('content-type')) ?? '(none)',
    };
    const id = keyOf(key);
    const entry = this.seen.get(id) ?? { ...key, count: 0 };
    entry.count++;
    this.seen.set(id, entry);
  }

  coverage(operations: readonly ContractOperation[]): Coverage {
    const documented = operations.flatMap((operation) =>
      operation.responses.flatMap(({ status, contentTypes }) =>
        contentTypes.map((contentType) => ({
          operationId: operation.operationId,
          status,
          contentType,
        })),
      ),
    );
    const documentedIds = new Set(documented.map(keyOf));
    return {
      seen: documented.flatMap((key) => {
        const entry = this.seen.get(keyOf(key));
        return entry ? [entry] : [];
      }),
      neverSeen: documented.filter((key) => !this.seen.has(keyOf(key))),
      undocumented: [...this.seen.values()].filter((entry) => !documentedIds.has(keyOf(entry))),
    };
  }
}

export function keyOf({ operationId, status, contentType }: ResponseKey): string {
  return `${operationId} ${status} ${contentType}`;
}
