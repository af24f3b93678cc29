/**
 * Every operation × documented status × named example, served by the mock (`Prefer: code=`,
 * `example=`) and read through the public client: the body is the example, it validates, and
 * the client returns its data or throws the right error. Each case records itself for the
 * coverage gate.
 */
import { mediaTypeEssence } from '../src/contract/rules';
import { observeCall, observeRaw } from './support/client';
import { coverageKey, recordExercised } from './support/coverage';
import { describeGroup } from './support/modes';
import { expectClientOutcome } from './support/outcome';
import { mockTarget } from './support/settings';
import {
  requestMediaTypes,
  requestSchemaErrors,
  responseMediaTypes,
  responseViolations,
} from './support/spec';

const responseCases = responseMediaTypes.flatMap((media) =>
  Object.entries(media.examples).map(([name, value]) => ({ media, name, value })),
);
const requestCases = requestMediaTypes.flatMap((media) =>
  Object.entries(media.examples).map(([name, value]) => ({ media, name, value })),
);

describeGroup('examples', 'every documented response example, through the client', () => {
  const target = mockTarget();
  it.each(
    responseCases.map((c) => [`${c.media.operation.operationId} ${c.media.status} ${c.name}`, c]),
  )('%s', async (_title, { media, name, value }) => {
    const { outcome, exchange } = await observeCall(target, media.operation.operationId, {
      request: { headers: { Prefer: `code=${media.status}, example=${name}` } },
    });
    expect(exchange.status).toBe(Number(media.status));
    expect(mediaTypeEssence(exchange.headers.get('content-type'))).toBe(media.mediaType);
    const body: unknown = JSON.parse(exchange.text);
    expect(body).toEqual(value);
    expect(await responseViolations(media, body)).toEqual([]);
    expectClientOutcome(outcome, exchange);
    recordExercised(target.runDir, coverageKey(media, name));
  });
});

describeGroup('examples', 'every documented request example is accepted', () => {
  const target = mockTarget();
  it.each(requestCases.map((c) => [`${c.media.operation.operationId} request ${c.name}`, c]))(
    '%s',
    async (_title, { media, name, value }) => {
      expect(requestSchemaErrors(media, value)).toEqual([]);
      const exchange = await observeRaw(target, (callab) =>
        callab.raw.request(
          media.operation.method as 'post',
          media.operation.path as '/contact/query',
          { body: value as never },
        ),
      );
      expect(exchange.status).toBe(200);
      expect(exchange.headers.get('sl-violations')).toBeNull();
      recordExercised(target.runDir, coverageKey(media, name));
    },
  );
});
