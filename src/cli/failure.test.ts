import {
  CallabApiError,
  CallabConnectionError,
  CallabError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
} from '..';
import { ExitCode, UsageError } from './errors';
import { exitCodeOf, failureMessage } from './failure';

const apiError = new CallabApiError('GET /phone_number failed with HTTP 500: down', {
  httpStatus: 500,
  serverMessage: 'down',
  body: '',
  headers: {},
  requestId: undefined,
});

describe('exitCodeOf', () => {
  it.each([
    [apiError, ExitCode.apiError],
    [new UsageError('bad flag'), ExitCode.usage],
    [new CallabError('Invalid baseUrl'), ExitCode.usage],
    [new CallabConnectionError('refused'), ExitCode.network],
    [new CallabTimeoutError('slow'), ExitCode.network],
    [
      new CallabUnexpectedResponseError('GET /x', 'not JSON', {
        status: 200,
        contentType: 'text/html',
        text: '<html>',
      }),
      ExitCode.unexpectedResponse,
    ],
    [new TypeError('x is not a function'), ExitCode.internal],
  ])('%p exits %d', (error, code) => {
    expect(exitCodeOf(error)).toBe(code);
  });
});

describe('failureMessage', () => {
  it('marks a bug in callab as an unexpected failure, in one line', () => {
    expect(failureMessage(new TypeError('x is not a function\n  at y'), false)).toBe(
      'callab: unexpected failure: x is not a function\n',
    );
  });
});
