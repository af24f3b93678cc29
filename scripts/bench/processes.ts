/**
 * The orchestrator's side of the child processes: builds the entries to plain JavaScript (so the
 * measured processes carry no TypeScript loader), starts the loopback servers, runs the workers.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ServerReady } from './server';

const ENTRIES = ['server', 'small-worker', 'large-worker', 'stream-worker'] as const;
type EntryName = (typeof ENTRIES)[number];
export type BuiltEntries = Record<EntryName, string>;

/** Bundles the entries into `outDir` as ESM; packages stay imports resolved from node_modules. */
export async function buildEntries(outDir: string): Promise<BuiltEntries> {
  await build({
    entryPoints: ENTRIES.map((name) => join(__dirname, `${name}.ts`)),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return Object.fromEntries(
    ENTRIES.map((name) => [name, join(outDir, `${name}.mjs`)]),
  ) as BuiltEntries;
}

/** Forks `script` and resolves with its first IPC message; rejects if it exits before sending one. */
function firstMessage<T>(
  script: string,
  args: string[],
  execArgv: string[],
): { child: ChildProcess; message: Promise<T> } {
  const child = fork(script, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = new Promise<T>((resolve, reject) => {
    child.once('message', (value) => resolve(value as T));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`${script} exited (${signal ?? `code ${code}`}) before reporting a result`)),
    );
  });
  return { child, message };
}

export interface RunningServer {
  url: string;
  bodyBytes: number;
  stop(): void;
}

export async function startServer(
  script: string,
  contactCount: number,
  kind: 'prebuilt' | 'fake' = 'prebuilt',
): Promise<RunningServer> {
  const args = [String(contactCount), ...(kind === 'fake' ? ['fake'] : [])];
  const { child, message } = firstMessage<ServerReady>(script, args, []);
  const ready = await message.catch((error: unknown) => {
    child.kill();
    throw error;
  });
  return {
    url: `http://127.0.0.1:${ready.port}`,
    bodyBytes: ready.bodyBytes,
    stop: () => child.kill(),
  };
}

/**
 * Runs one worker process to completion and returns what it reported. Waits for the exit too, so
 * a worker tearing down its heap never overlaps the next measurement.
 */
export async function runWorker<T>(script: string, config: object, execArgv: string[]): Promise<T> {
  const { child, message } = firstMessage<T>(script, [JSON.stringify(config)], execArgv);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const result = await message;
  await exited;
  return result;
}
