/** Maps any failure to one line on stderr (a stack only with --debug) and its exit code. */
import { inspect } from 'node:util';
import {
  CallabApiError,
  CallabAuthenticationError,
  CallabConnectionError,
  CallabError,
  CallabResponseValidationError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
} from '..';
import { ExitCode, messageOf, UnexpectedDataError, UsageError } from './errors';
import { scrub } from './scrub';

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CallabApiError) return ExitCode.apiError;
  if (error instanceof CallabConnectionError || error instanceof CallabTimeoutError) {
    return ExitCode.network;
  }
  if (
    error instanceof CallabUnexpectedResponseError ||
    error instanceof CallabResponseValidationError ||
    error instanceof UnexpectedDataError
  ) {
    return ExitCode.unexpectedResponse;
  }
  // A plain CallabError is the client refusing its configuration (base URL, CALLAB_LOG...).
  if (error instanceof UsageError || error instanceof CallabError) return ExitCode.usage;
  return ExitCode.internal;
}

/**
 * The text for stderr, ending in a newline: one line, and with --debug the details and stack after
 * it. Messages come from the client, which never includes the key; what they quote of the server
 * (its message, a header) is scrubbed of control and bidi characters here.
 */
export function failureMessage(error: unknown, debug: boolean): string {
  const [firstLine = ''] = messageOf(error).split('\n');
  const hint =
    error instanceof CallabAuthenticationError ? ' (check CALLAB_API_KEY or --api-key)' : '';
  const expected =
    error instanceof UsageError ||
    error instanceof CallabError ||
    error instanceof UnexpectedDataError;
  const prefix = expected ? '' : 'unexpected failure: ';
  const line = `callab: ${prefix}${scrub(firstLine)}${hint}\n`;
  // inspect shows the stack, the cause chain and the error's fields (status, body, request id).
  return debug ? `${line}${scrub(inspect(error, { depth: 4 }), '\n')}\n` : line;
}
