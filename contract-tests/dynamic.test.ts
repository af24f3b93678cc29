/**
 * Seeded dynamic responses: Prism generates bodies from the schemas (`Prefer: dynamic=true,
 * seed=...`), for every operation and documented status. The same seed gives the same body, each
 * body validates (Prism skips schemas it cannot compile), and the client handles it.
 */
import { observeCall } from './support/client';
import { describeGroup } from './support/modes';
import { expectClientOutcome } from './support/outcome';
import { mockTarget } from './support/settings';
import { responseMediaTypes, responseViolations } from './support/spec';

const SEEDS = ['contract-1', 'contract-2', 'contract-3'];

const cases = responseMediaTypes.flatMap((media) =>
  SEEDS.map(
    (seed) => [`${media.operation.operationId} ${media.status} seed ${seed}`, media, seed] as const,
  ),
);

describeGroup('dynamic', 'seeded dynamic responses, through the client', () => {
  const target = mockTarget();
  it.each(cases)('%s', async (_title, media, seed) => {
    const request = { headers: { Prefer: `code=${media.status}, dynamic=true, seed=${seed}` } };
    const { outcome, exchange } = await observeCall(target, media.operation.operationId, {
      request,
    });
    const again = await observeCall(target, media.operation.operationId, { request });

    expect(exchange.status).toBe(Number(media.status));
    expect(again.exchange.text).toBe(exchange.text);
    expect(await responseViolations(media, JSON.parse(exchange.text))).toEqual([]);
    expectClientOutcome(outcome, exchange);
  });
});
