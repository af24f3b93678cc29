import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// tsup builds the configs below in parallel, so a per-config `clean` could delete another
// config's output; dist/ is emptied once, here, before any of them starts.
rmSync('dist', { recursive: true, force: true });

// The .mjs and .cjs extensions make each build's module system explicit, whatever the
// package.json "type" says (a CJS build named .js under "type": "module" crashed on require). Dependencies and (optional) peer
// dependencies stay external: openapi-fetch, Ajv and Prism are never bundled into dist/.
const library: Options = {
  format: ['esm', 'cjs'],
  outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.cjs' }),
  dts: true,
  target: 'node20',
  sourcemap: false,
  // Keep `node:` specifiers: Deno and bundlers need them to recognise Node built-ins.
  removeNodeProtocol: false,
};

export default defineConfig([
  // The main entry runs in browsers, Deno, Bun and workers: neutral platform, no shims.
  { ...library, entry: { index: 'src/index.ts' }, platform: 'neutral' },
  // The fake API runs wherever fetch does (no `node:` import); `msw` is its entry's optional peer.
  {
    ...library,
    entry: { fake: 'src/fake/index.ts', msw: 'src/fake/msw.ts' },
    platform: 'neutral',
  },
  // The testing kit runs on Node; the shims give its ESM build the `__dirname` that
  // startMockServer uses to find the bundled openapi.yaml.
  { ...library, entry: { testing: 'src/testing/index.ts' }, platform: 'node', shims: true },
  {
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
