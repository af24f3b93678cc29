/** The operations of an OpenAPI document, walked without Node built-ins (the fake runs in browsers). */
import type { SpecNode } from './spec-schemas';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface SpecOperation {
  path: string;
  method: string;
  operationId: string;
  node: SpecNode;
}

export function operationsOf(spec: SpecNode): SpecOperation[] {
  return Object.entries(spec.paths as SpecNode).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({
      path,
      method,
      operationId: item[method].operationId,
      node: item[method],
    })),
  );
}
