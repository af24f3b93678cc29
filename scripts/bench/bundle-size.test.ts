import type { Metafile } from 'esbuild';
import { eagerOutputs } from './bundle-size';

type Output = Metafile['outputs'][string];
const output = (imports: Output['imports'], entryPoint?: string): Output => ({
  bytes: 1,
  inputs: {},
  imports,
  exports: [],
  ...(entryPoint && { entryPoint }),
});

describe('eagerOutputs', () => {
  it('follows static imports from the entry and leaves dynamic imports lazy', () => {
    const metafile: Metafile = {
      inputs: {},
      outputs: {
        'out/stdin.js': output(
          [
            { path: 'out/chunk-shared.js', kind: 'import-statement' },
            { path: 'out/validation.js', kind: 'dynamic-import' },
            { path: 'openapi-fetch', kind: 'import-statement', external: true },
          ],
          '<stdin>',
        ),
        'out/chunk-shared.js': output([]),
        'out/validation.js': output([{ path: 'out/chunk-shared.js', kind: 'import-statement' }]),
      },
    };
    expect([...eagerOutputs(metafile)].sort()).toEqual(['out/chunk-shared.js', 'out/stdin.js']);
  });
});
