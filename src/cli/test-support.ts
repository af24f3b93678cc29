/**
 * For the CLI tests: what output must never carry, text to try, and two ways to run `callab`:
 * in-process through `main` (most tests: what the command prints and exits with), and the built
 * dist/cli/index.cjs as a child process (what only a real process shows: the bin itself, signals,
 * a pipe closed by its reader, packaging).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { requireFreshBuild } from '../test-support/built-dist';
import { Capture } from './capture';
import { main } from './main';

/**
 * What no output may carry from the server: control characters but the line feed, and the bidi
 * embeddings, overrides and isolates. Restated apart from ./scrub, so tests check it independently.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const UNSAFE_PRINTED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Any text as far as output safety goes: C0, DEL, C1, Latin, Hebrew, Arabic, U+2000-U+2100 (the
 * separators and bidi controls) and astral letters. fast-check's 'binary' unit would cover more
 * but costs 2.5 s to set up in every test process, which the mutation run pays per mutant.
 */
export const anyText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0, max: 0x2100 }), fc.integer({ min: 0x1d400, max: 0x1d7ff }))
    .map((point) => String.fromCodePoint(point)),
});

export const BUILT_CLI = join(__dirname, '..', '..', 'dist', 'cli', 'index.cjs');

/** Call in beforeAll: the tests run the build, they never make it. */
export function requireBuiltCli(): void {
  requireFreshBuild(BUILT_CLI);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `callab args` in this process, with only PATH and `env` as its environment (no CALLAB_*
 * from the caller) and pipes, not terminals, as stdout and stderr: what the spawned bin sees.
 */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr, env: { PATH: process.env.PATH ?? '', ...env } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Starts the built CLI with only PATH and `env` in its environment (no CALLAB_* from the caller). */
export function spawnCli(
  args: readonly string[],
  env: Record<string, string> = {},
  cli = BUILT_CLI,
): ChildProcess {
  return spawn(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function runBuiltCli(
  args: readonly string[],
  env: Record<string, string> = {},
  cli = BUILT_CLI,
): Promise<CliResult> {
  return finished(spawnCli(args, env, cli));
}
