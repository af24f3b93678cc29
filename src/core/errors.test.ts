import {
  CallabAbortError,
  CallabApiError,
  CallabAuthenticationError,
  CallabConnectionError,
  CallabError,
  CallabRateLimitError,
  CallabResponseValidationError,
  CallabServerError,
  CallabTimeoutError,
  CallabUnexpectedResponseError,
  snippetOf,
} from './errors';

const details = {
  httpStatus: 500,
  serverMessage: 'down',
  body: { status: 'error', message: 'down', data: '' },
  headers: { 'x-request-id': 'req-1' },
  requestId: 'req-1',
};

describe('the error classes', () => {
  it.each([
    [new CallabError('m'), 'CallabError'],
    [new CallabApiError('m', details), 'CallabApiError'],
    [new CallabAuthenticationError('m', details), 'CallabAuthenticationError'],
    [new CallabRateLimitError('m', { ...details, retryAfterMs: 1000 }), 'CallabRateLimitError'],
    [new CallabServerError('m', details), 'CallabServerError'],
    [new CallabConnectionError('m'), 'CallabConnectionError'],
    [new CallabTimeoutError('m'), 'CallabTimeoutError'],
    [new CallabAbortError('m'), 'CallabAbortError'],
    [new CallabResponseValidationError('GET /x', ['/ bad']), 'CallabResponseValidationError'],
  ])('%p is named %s, which stack traces and logs show', (error, name) => {
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    expect(error).toBeInstanceOf(CallabError);
  });

  it('an API error carries what the server said', () => {
    expect(new CallabRateLimitError('m', { ...details, retryAfterMs: 1500 })).toMatchObject({
      ...details,
      retryAfterMs: 1500,
      message: 'm',
    });
  });
});

describe('CallabUnexpectedResponseError', () => {
  it('says what came instead, and where to look', () => {
    const error = new CallabUnexpectedResponseError('GET /x', 'not JSON', {
      status: 200,
      contentType: 'text/html',
      text: '<html>',
    });
    expect(error.message).toBe(
      'GET /x: not JSON (HTTP 200, content-type text/html, body "<html>"). Check that baseUrl points at the Callab API.',
    );
    expect(error).toMatchObject({
      name: 'CallabUnexpectedResponseError',
      httpStatus: 200,
      contentType: 'text/html',
      bodySnippet: '<html>',
    });
  });

  it('names a missing content type and an empty body', () => {
    const error = new CallabUnexpectedResponseError('GET /x', 'empty', {
      status: 204,
      contentType: undefined,
      text: '',
    });
    expect(error.message).toBe(
      'GET /x: empty (HTTP 204, content-type none, body empty). Check that baseUrl points at the Callab API.',
    );
  });
});

describe('CallabResponseValidationError', () => {
  it('lists the first five violations in its message and keeps them all', () => {
    const errors = ['/a x', '/b x', '/c x', '/d x', '/e x', '/f x'];
    const error = new CallabResponseValidationError('GET /x', errors);
    expect(error.message).toBe(
      'GET /x: the response does not match the API schema: /a x; /b x; /c x; /d x; /e x',
    );
    expect(error.errors).toEqual(errors);
  });
});

describe('snippetOf', () => {
  it('keeps a body of up to 200 characters whole and cuts a longer one with an ellipsis', () => {
    expect(snippetOf('a'.repeat(200))).toBe('a'.repeat(200));
    expect(snippetOf(`${'a'.repeat(200)}b`)).toBe(`${'a'.repeat(200)}…`);
    expect(snippetOf('')).toBe('');
  });
});
