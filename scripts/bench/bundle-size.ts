/**
 * What each entry costs a bundler user: everything the entry exports, bundled with esbuild
 * (minified, code splitting so a dynamic `import()` stays a lazily loaded chunk) and gzipped.
 */
import { isAbsolute, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Platform } from 'esbuild';

export interface BundleTarget {
  label: string;
  /** An import specifier: a package name or an absolute path. */
  specifier: string;
  /** Whether the module has a default export to re-export besides its named ones. */
  hasDefault: boolean;
  platform: Platform;
}

export interface BundleSize {
  label: string;
  platform: Platform;
  /** Loaded up front: the entry chunk and the chunks it imports statically. */
  minBytes: number;
  gzipBytes: number;
  /** For this package's entries (file paths): gzip without their dependencies, its own code. */
  ownGzipBytes?: number;
  /** Chunks behind a dynamic `import()`, fetched only when that code path runs. */
  lazyGzipBytes: number;
}

export const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** Output paths loaded with the entry: those reachable from it through static imports. */
export function eagerOutputs(metafile: Metafile): Set<string> {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint);
  if (!entry) throw new Error('bundle has no entry output');
  const eager = new Set<string>();
  const visit = (path: string) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return eager;
}

async function bundle(target: BundleTarget, withDependencies: boolean) {
  const from = JSON.stringify(target.specifier);
  const result = await build({
    stdin: {
      contents: `export * from ${from};${target.hasDefault ? ` export { default } from ${from};` : ''}`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: target.platform,
    ...(withDependencies ? {} : { packages: 'external' as const }),
    outdir: 'bundle',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const eager = eagerOutputs(result.metafile);
  const sizes = { minBytes: 0, gzipBytes: 0, lazyGzipBytes: 0 };
  for (const file of result.outputFiles) {
    if (eager.has(relative(process.cwd(), file.path))) {
      sizes.minBytes += file.contents.length;
      sizes.gzipBytes += gzipSize(file.contents);
    } else {
      sizes.lazyGzipBytes += gzipSize(file.contents);
    }
  }
  return sizes;
}

export async function measureBundle(target: BundleTarget): Promise<BundleSize> {
  const size: BundleSize = {
    label: target.label,
    platform: target.platform,
    ...(await bundle(target, true)),
  };
  // A package specifier would be external itself: "own code" only means something for our files.
  if (isAbsolute(target.specifier)) size.ownGzipBytes = (await bundle(target, false)).gzipBytes;
  return size;
}
