/**
 * The drill: an optional field, a filter and a read operation with a path parameter, made to
 * openapi.yaml only in a copy of the project; after `npm run generate` every consumer must pick
 * them up. And it must fail when any one generated piece is left as it was before (what a
 * disabled generator leaves): each piece is put back stale in turn and the checks must object.
 *
 * @slow
 */
import {
  type DrillCopy,
  type DrillResult,
  drillCopy,
  GENERATED_PIECES,
  type GeneratedPiece,
  runDrill,
} from './drill';

let copy: DrillCopy | undefined;
let result: DrillResult;
beforeAll(async () => {
  copy = await drillCopy();
  result = await runDrill(copy.dir);
}, 120_000);
afterAll(() => copy?.remove());

describe('the drill: a spec change needs no other edit', () => {
  it('generates from the changed spec', () => {
    expect(result.generate).toEqual([]);
  });

  it('type-checks the new method, filter and field in the copy', () => {
    expect(result.typecheck).toEqual([]);
  });

  it('finds that every consumer picked the changes up', () => {
    expect(result.probe).toEqual([]);
  });
});

/** A consumer each stale piece must be caught by (only tsc reads the types). */
const CAUGHT_BY: Record<GeneratedPiece, string> = {
  'generated/operations.ts':
    'client method and fake route (campaigns.get): callab.campaigns.get is not a method',
  'generated/openapi.ts': 'drill-typed-use.ts',
  'generated/spec.json': 'CLI flag and field: the CSV header has no timezone',
  'docs/client.md': 'docs: no',
  'docs/cli.md': 'docs: no',
};

describe('the drill fails when one generated piece is left out', () => {
  it.each(GENERATED_PIECES.map((piece) => [piece]))('%s left stale', (piece) => {
    expect(result.stale[piece]).toEqual(
      expect.arrayContaining([expect.stringContaining(CAUGHT_BY[piece])]),
    );
  });
});
