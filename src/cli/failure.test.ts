import {
  CallabApiError,
  CallabAuthenticationError,
  CallabConnectionError,
  CallabError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
} from '..';
import { ExitCode, UsageError } from './errors';
import { exitCodeOf, failureMessage } from './failure';
import { UNSAFE_PRINTED } from './test-support';

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

describe('failureMessage, with text from a hostile server', () => {
  const hostile = new CallabApiError(
    'GET /phone_number failed with HTTP 500: \u001b]0;owned\u0007\u001b[2J\u202edown (request id \u009b2J)',
    {
      httpStatus: 500,
      serverMessage: '\u001b]0;owned\u0007\u001b[2J\u202edown',
      body: { message: '\u202edown' },
      headers: { 'x-request-id': '\u009b2J' },
      requestId: '\u009b2J',
    },
  );

  it('prints no control or bidi character', () => {
    expect(failureMessage(hostile, false)).toBe(
      'callab: GET /phone_number failed with HTTP 500: \ufffd]0;owned\ufffd\ufffd[2J\ufffddown (request id \ufffd2J)\n',
    );
  });

  it('prints none with --debug either, in the stack or the fields', () => {
    const text = failureMessage(hostile, true);
    expect(text).not.toMatch(UNSAFE_PRINTED);
    expect(text).toContain('\ufffddown');
  });
});

describe('failureMessage with --debug', () => {
  it('starts with the one-line message and its hint, then the details', () => {
    const error = new CallabAuthenticationError('GET /phone_number failed with HTTP 401: nope', {
      httpStatus: 401,
      serverMessage: 'nope',
      body: '',
      headers: {},
      requestId: 'req-1',
    });
    const [first, ...rest] = failureMessage(error, true).split('\n');
    expect(first).toBe(
      'callab: GET /phone_number failed with HTTP 401: nope (check CALLAB_API_KEY or --api-key)',
    );
    expect(rest.join('\n')).toMatch(/^CallabAuthenticationError: .*nope\n\s+at /);
    expect(rest.join('\n')).toContain("requestId: 'req-1'");
  });
});

describe('an ok envelope whose data is not a list', () => {
  const error = new CallabUnexpectedResponseError('GET /phone_number', 'data is not a list', {
    status: 200,
    contentType: 'application/json',
    text: '{"status":"ok","message":"","data":null}',
  });

  it('exits 4 with a one-line message, not as an internal error', () => {
    expect(exitCodeOf(error)).toBe(ExitCode.unexpectedResponse);
    expect(failureMessage(error, false)).toMatch(
      /^callab: GET \/phone_number: data is not a list \(HTTP 200, [^\n]+\n$/,
    );
  });
});
