/**
 * Browser bundles of a consumer's app, built in the consumer's project with its own bundler:
 * esbuild (CLI), Vite and webpack (Node APIs, through the scripts in browser/). Each reports what
 * the bundler warned about and which output files load with the entry and which lazily.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { eagerOutputs, gzipSize } from '../bench/bundle-size';
import type { ConsumerProject } from '../smoke/consumer-project';

export const BUNDLERS = ['esbuild', 'vite', 'webpack'] as const;
/** Each is also the name of the package a consumer installs. */
export type Bundler = (typeof BUNDLERS)[number];

export interface Bundle {
  bundler: Bundler;
  /** Every warning, verbatim: a clean build has none. */
  warnings: string[];
  /** Absolute paths of the JS files loaded with the entry, and of those behind an import(). */
  eager: string[];
  lazy: string[];
}

interface BuildReport {
  warnings: string[];
  eager: string[];
  lazy: string[];
}

async function esbuild(project: ConsumerProject, entry: string, outDir: string) {
  const metafile = join(outDir, 'meta.json');
  const { stderr } = await project.exec('esbuild', [
    entry,
    '--bundle',
    '--platform=browser',
    '--format=esm',
    '--splitting',
    '--minify',
    `--outdir=${outDir}`,
    `--metafile=${metafile}`,
    '--log-level=warning',
  ]);
  const meta = JSON.parse(await readFile(join(project.dir, metafile), 'utf8')) as Metafile;
  const eager = eagerOutputs(meta);
  const outputs = Object.keys(meta.outputs).filter((path) => path.endsWith('.js'));
  return {
    warnings: stderr.trim() === '' ? [] : [stderr],
    eager: outputs.filter((path) => eager.has(path)),
    lazy: outputs.filter((path) => !eager.has(path)),
  };
}

/** Builds `entry` (a file of the project) into `outDir`; rejects with the bundler's errors. */
export async function bundle(
  project: ConsumerProject,
  bundler: Bundler,
  entry: string,
  outDir: string,
): Promise<Bundle> {
  let report: BuildReport;
  let base: string;
  if (bundler === 'esbuild') {
    report = await esbuild(project, entry, outDir);
    base = project.dir;
  } else {
    const script = bundler === 'vite' ? 'build-vite.mjs' : 'build-webpack.cjs';
    report = JSON.parse((await project.node(script, [entry, outDir])).stdout) as BuildReport;
    base = join(project.dir, outDir);
  }
  const absolute = (files: string[]) => files.map((file) => join(base, file));
  return {
    bundler,
    warnings: report.warnings,
    eager: absolute(report.eager),
    lazy: absolute(report.lazy),
  };
}

export interface BundleSize {
  bundler: Bundler;
  eagerGzipBytes: number;
  lazyGzipBytes: number;
}

export async function measure(bundle: Bundle): Promise<BundleSize> {
  const gzipped = async (files: string[]) => {
    let total = 0;
    for (const file of files) total += gzipSize(await readFile(file));
    return total;
  };
  return {
    bundler: bundle.bundler,
    eagerGzipBytes: await gzipped(bundle.eager),
    lazyGzipBytes: await gzipped(bundle.lazy),
  };
}
