import { execFile } from 'node:child_process';

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without a shell; rejects with the command line, exit code and both streams, so
 * a failing smoke step explains itself. NODE_OPTIONS and NODE_PATH are dropped: they could make a
 * consumer find modules that an installed package would not.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> } = { cwd: process.cwd() },
): Promise<CommandResult> {
  const { NODE_OPTIONS: _options, NODE_PATH: _path, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: { ...inherited, ...options.env },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const exit = error.code ?? error.signal;
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` failed (exit ${exit}) in ${options.cwd}\n` +
              `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`,
          ),
        );
      },
    );
  });
}

export interface CommandOutcome {
  code: number;
  /** stdout then stderr. */
  output: string;
}

/** Runs a command without a shell and resolves, whether it passes or fails, with its exit code and output. */
export function runCommandOutcome(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CommandOutcome> {
  const env = options.env && { ...process.env, ...options.env };
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        maxBuffer: 16 * 1024 * 1024,
        ...(options.cwd && { cwd: options.cwd }),
        ...(env && { env }),
      },
      (error, stdout, stderr) => resolve({ code: exitCodeOf(error), output: stdout + stderr }),
    );
  });
}

/** A process killed by a signal, or one that never started (ENOENT), is a failure too: 1. */
function exitCodeOf(error: { code?: number | string | null } | null): number {
  if (!error) return 0;
  return typeof error.code === 'number' && error.code !== 0 ? error.code : 1;
}
