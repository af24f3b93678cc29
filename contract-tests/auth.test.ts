/**
 * Credentials. Mock mode: Prism's security check answers a missing or non-bearer credential with
 * 401, which the client surfaces as CallabAuthenticationError with the server's message. Proxy
 * mode: the upstream itself, called directly (Prism would refuse before forwarding), must refuse a
 * request without a key and one with a wrong key as openapi.yaml says: HTTP 401, or HTTP 200,
 * with a valid error envelope.
 */
import { checkDirectCall, observeCall } from './support/client';
import { describeGroup } from './support/modes';
import { expectClientOutcome } from './support/outcome';
import { credentialProblems, expectNoProblems } from './support/rules';
import { contractTarget } from './support/settings';
import { operations, responseMediaTypesOf, schemaErrors } from './support/spec';

const target = contractTarget();

const withoutKey = { editHeaders: (headers: Headers) => headers.delete('authorization') };
const withBasicAuth = {
  editHeaders: (headers: Headers) => headers.set('authorization', 'Basic Y29udHJhY3Q6dGVzdHM='),
};

const withWrongKey = {
  editHeaders: (headers: Headers) =>
    headers.set('authorization', 'Bearer contract-tests-wrong-key'),
};

const byOperation = operations.map((op) => [op.operationId, op] as const);

describeGroup('mockAuth', 'the mock refuses requests without a bearer key', () => {
  it.each(
    byOperation.flatMap(([id, op]) => [
      [`${id} without an Authorization header`, op, withoutKey] as const,
      [`${id} with Basic instead of Bearer`, op, withBasicAuth] as const,
    ]),
  )('%s', async (_title, operation, client) => {
    const { outcome, exchange } = await observeCall(target, operation.operationId, { client });
    expect(exchange.status).toBe(401);
    const [media] = responseMediaTypesOf(operation, '401');
    if (!media) throw new Error(`openapi.yaml declares no 401 body for ${operation.operationId}`);
    expect(schemaErrors(media.schemaPointer, JSON.parse(exchange.text))).toEqual([]);
    expectClientOutcome(outcome, exchange);
  });
});

describeGroup('upstreamAuth', 'the upstream serves no data without valid credentials', () => {
  it.each(
    byOperation.flatMap(([id, op]) => [
      [`${id} without an Authorization header`, op, 'no Authorization header', withoutKey] as const,
      [`${id} with a wrong key`, op, 'a wrong API key', withWrongKey] as const,
    ]),
  )('%s', async (_title, operation, credential, client) => {
    expectNoProblems(
      await checkDirectCall(
        target,
        operation,
        (exchange) => credentialProblems(operation, credential, exchange),
        client,
      ),
    );
  });
});
