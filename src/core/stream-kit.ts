/**
 * What the stream reader (./envelope-stream, loaded on first use) fails with: the client's error
 * classes and envelope rules, handed to it at run time instead of imported. A module that both the
 * main entry and a lazily loaded chunk import lands in a chunk of its own in a consumer's bundle
 * (esbuild, Rollup and webpack split by module): with no import shared, the entry loads as one
 * file, which gzips about 0.8 kB smaller than the three it was (docs/performance.md).
 */
import { JSON_CONTENT_TYPE, unwrapEnvelope } from './envelope';
import {
  CallabConnectionError,
  CallabResponseValidationError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
} from './errors';

export const STREAM_KIT = {
  JSON_CONTENT_TYPE,
  unwrapEnvelope,
  CallabConnectionError,
  CallabResponseValidationError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
};

export type StreamKit = typeof STREAM_KIT;
