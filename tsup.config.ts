import { rmSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

// tsup builds the configs below in parallel, so a per-config `clean` could delete another
// config's output; dist/ is emptied once, here, before any of them starts.
rmSync('dist', { recursive: true, force: true });

// The .mjs and .cjs extensions make each build's module system explicit, whatever the
// package.json "type" says (a CJS build named .js under "type": "module" crashed on require). Dependencies and (optional) peer
// dependencies stay external: openapi-fetch and Prism are never bundled into dist/.
const extension = (format: string) => (format === 'esm' ? '.mjs' : '.cjs');

/**
 * The precompiled validators are a file of their own, dist/validators.{mjs,cjs}, which the code
 * loads on first use through a relative path: the entries stay small in both formats, and a
 * consumer's bundler sees a file inside the package, not a package that may be missing.
 */
function validatorsFile(fromOutDir: string): Plugin {
  return {
    name: 'validators-file',
    setup(build) {
      const path = `${fromOutDir}validators${extension(build.initialOptions.format ?? 'esm')}`;
      build.onResolve({ filter: /\/generated\/validators$/ }, () => ({ path, external: true }));
    },
  };
}

const formats: Options = {
  format: ['esm', 'cjs'],
  outExtension: ({ format }) => ({ js: extension(format) }),
  target: 'node20',
  sourcemap: false,
  // Keep `node:` specifiers: Deno and bundlers need them to recognise Node built-ins.
  removeNodeProtocol: false,
  // CommonJS loads the lazy parts with require: jest's default (CommonJS, no vm modules) throws
  // on an import() inside a dependency. esbuild rewrites import() when told it is unsupported.
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
  },
};

const library: Options = { ...formats, esbuildPlugins: [validatorsFile('./')] };

export default defineConfig([
  // The declarations of every entry from one TypeScript program (one per config took 3x the
  // time), in both formats: .d.mts beside .mjs, .d.ts beside .cjs.
  {
    ...formats,
    entry: {
      index: 'src/index.ts',
      fake: 'src/fake/index.ts',
      msw: 'src/fake/msw.ts',
      testing: 'src/testing/index.ts',
    },
    dts: { only: true },
  },
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
  // Plain JavaScript with no imports, loaded by the entries above and the CLI.
  { ...formats, entry: { validators: 'generated/validators.ts' }, platform: 'neutral' },
  {
    ...formats,
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['cjs'],
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [validatorsFile('../')],
  },
]);
