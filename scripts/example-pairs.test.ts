/**
 * Request and response examples pair by name (Specmatic sends the request example X and expects
 * the response example X; it skips a request example without a partner): every named example of
 * a request body or parameter must name a response example of the same operation.
 */
import { loadSpec, mediaTypesOf, operationsOf, resolveRef } from '../src/internal/spec-document';

const spec = loadSpec();
const media = mediaTypesOf(spec);

function requestExampleNames(operationId: string): string[] {
  const operation = operationsOf(spec).find((op) => op.operationId === operationId);
  const parameters = (operation?.node.parameters ?? []).map(
    (parameter: object) => resolveRef(spec, parameter, '').node,
  );
  return [
    ...media
      .filter((m) => m.operation.operationId === operationId && m.status === undefined)
      .flatMap((m) => Object.keys(m.examples)),
    ...parameters.flatMap((parameter: { examples?: object }) =>
      Object.keys(parameter.examples ?? {}),
    ),
  ];
}

describe('named examples', () => {
  it.each(operationsOf(spec).map((op) => [op.operationId]))(
    'every request example of %s has a response example of the same name',
    (operationId) => {
      const responses = new Set(
        media
          .filter((m) => m.operation.operationId === operationId && m.status !== undefined)
          .flatMap((m) => Object.keys(m.examples)),
      );
      const unpaired = requestExampleNames(operationId).filter((name) => !responses.has(name));
      expect(unpaired).toEqual([]);
    },
  );

  it('the request examples are there to pair: queryContacts has four, listCampaigns one', () => {
    expect(requestExampleNames('queryContacts').sort()).toEqual(['byTag', 'docs', 'empty', 'ok']);
    expect(requestExampleNames('listCampaigns')).toEqual(['ok']);
  });
});
