export { Callab, type CallabOptions, DEFAULT_BASE_URL } from './client';
export type { CallabPromise, WithResponse } from './core/api-promise';
export {
  type ApiErrorDetails,
  CallabAbortError,
  CallabApiError,
  CallabAuthenticationError,
  CallabConnectionError,
  CallabError,
  CallabRateLimitError,
  CallabResponseTooLargeError,
  CallabResponseValidationError,
  CallabServerError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
} from './core/errors';
export type { Logger, LogLevel } from './core/logger';
export type { RequestOptions, StreamOptions, StreamProgress } from './core/transport';
export type { StreamingMethods } from './resources/streams';
export type * from './types';
