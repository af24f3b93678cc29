/**
 * Credentials, on the mock: Prism's security check answers a missing or non-bearer credential
 * with 401, which the client surfaces as CallabAuthenticationError with the server's message.
 * (A real server's refusals are checked by src/contract, in proxy mode.)
 */
import { observeCall } from './support/client';
import { describeGroup } from './support/modes';
import { expectClientOutcome } from './support/outcome';
import { mockTarget } from './support/settings';
import { operations, responseMediaTypesOf, responseViolations } from './support/spec';

const withoutKey = { editHeaders: (headers: Headers) => headers.delete('authorization') };
const withBasicAuth = {
  editHeaders: (headers: Headers) => headers.set('authorization', 'Basic Y29udHJhY3Q6dGVzdHM='),
};

describeGroup('mockAuth', 'the mock refuses requests without a bearer key', () => {
  const target = mockTarget();
  it.each(
    operations.flatMap((op) => [
      [`${op.operationId} without an Authorization header`, op.operationId, withoutKey] as const,
      [`${op.operationId} with Basic instead of Bearer`, op.operationId, withBasicAuth] as const,
    ]),
  )('%s', async (_title, operationId, client) => {
    const { outcome, exchange } = await observeCall(target, operationId, { client });
    expect(exchange.status).toBe(401);
    const [media] = responseMediaTypesOf(operationId, '401');
    if (!media) throw new Error(`openapi.yaml declares no 401 body for ${operationId}`);
    expect(await responseViolations(media, JSON.parse(exchange.text))).toEqual([]);
    expectClientOutcome(outcome, exchange);
  });
});
