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
import { ExitCode, messageOf, UsageError } from './errors';

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CallabApiError) return ExitCode.apiError;
  if (error instanceof CallabConnectionError || error instanceof CallabTimeoutError) {
    return ExitCode.network;
  }
  if (
    error instanceof CallabUnexpectedResponseError ||
    error instanceof CallabResponseValidationError
  ) {
    return ExitCode.unexpectedResponse;
  }
  // A plain CallabError is the client refusing its configuration (base URL, CALLAB_LOG...).
  if (error instanceof UsageError || error instanceof CallabError) return ExitCode.usage;
  return ExitCode.internal;
}

/** The text for stderr, ending in a newline. Messages come from the client, which never includes the key. */
export function failureMessage(error: unknown, debug: boolean): string {
  // inspect shows the stack, the cause chain and the error's fields (status, body, request id).
  if (debug) return `${inspect(error, { depth: 4 })}\n`;
  const [firstLine] = messageOf(error).split('\n');
  const hint =
    error instanceof CallabAuthenticationError ? ' (check CALLAB_API_KEY or --api-key)' : '';
  const prefix =
    error instanceof UsageError || error instanceof CallabError ? '' : 'unexpected failure: ';
  return `callab: ${prefix}${firstLine}${hint}\n`;
}
