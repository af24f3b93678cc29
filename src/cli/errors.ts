/** The `callab` exit codes (--help and docs/cli.md document the same table) and usage errors. */
export const ExitCode = {
  ok: 0,
  apiError: 1,
  usage: 2,
  network: 3,
  unexpectedResponse: 4,
  /** `contract-test` only: no violation, but the server did not let every check finish. */
  inconclusive: 5,
  /** A bug in callab itself (EX_SOFTWARE from sysexits.h), so scripts can tell it from an API error. */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODE_HELP: readonly (readonly [ExitCode, string])[] = [
  [ExitCode.ok, 'success'],
  [ExitCode.apiError, 'the API reported an error (error envelope or HTTP error status)'],
  [ExitCode.usage, 'usage or configuration error (bad flag or value, missing API key)'],
  [ExitCode.network, 'network error (cannot connect, timeout)'],
  [ExitCode.unexpectedResponse, 'unexpected response (not the API JSON envelope)'],
  [ExitCode.internal, 'internal error in callab (please report it, with the output of --debug)'],
];

/** A mistake in the command line or configuration: reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The API answered with data the output formats cannot print (not a list of objects): exit code
 * 4, like a response that is not the API's envelope. The client checks the envelope; this is the
 * CLI's own check of the rows it is about to print.
 */
export class UnexpectedDataError extends Error {
  override name = 'UnexpectedDataError';
}

/** An error's message; checks the shape, not `instanceof`, so errors from another realm work too. */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
