import { unwrapEnvelope } from './envelope';
import { CallabApiError, CallabUnexpectedResponseError } from './errors';
import { createRedactor } from './redact';

const redact = createRedactor('sk-live-0123456789');
const OK = JSON.stringify({ status: 'ok', message: 'done', data: [] });

function unwrap(status: number, text: string, headers: Record<string, string> = {}) {
  return () =>
    unwrapEnvelope(
      'GET /campaign/list',
      { response: new Response(null, { status, headers }), text },
      redact,
    );
}

describe('unwrapEnvelope', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json ; charset=utf-8',
    'application/problem+json',
    'APPLICATION/JSON',
  ])('reads %s as JSON', (contentType) => {
    expect(unwrap(200, OK, { 'content-type': contentType })()).toEqual(JSON.parse(OK));
  });

  it.each(['text/html; note=application/json', 'application/jsonl', 'application/jsonx; a=b'])(
    'refuses %s, which is not JSON',
    (contentType) => {
      expect(unwrap(200, OK, { 'content-type': contentType })).toThrow(
        /expected a JSON envelope but the response is not JSON/,
      );
    },
  );

  it('treats a 3xx that reached it as a failure, even with an ok envelope', () => {
    expect(unwrap(300, OK, { 'content-type': 'application/json' })).toThrow(CallabApiError);
  });

  it('calls a body of only whitespace empty', () => {
    expect(unwrap(200, ' \n', { 'content-type': 'application/json' })).toThrow(
      /the response body is empty/,
    );
  });

  it('says what came back when a failure has neither a content type nor a body', () => {
    expect(unwrap(502, '')).toThrow(
      'GET /campaign/list failed with HTTP 502: the server reported a failure (content-type none, body empty)',
    );
  });

  it('takes only a string message of an error envelope as the server message', () => {
    const text = JSON.stringify({ status: 'error', message: 42 });
    let error: unknown;
    try {
      unwrap(200, text, { 'content-type': 'application/json' })();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CallabApiError);
    expect(error).not.toBeInstanceOf(CallabUnexpectedResponseError);
    expect((error as CallabApiError).serverMessage).toBeUndefined();
    expect((error as CallabApiError).message).toContain(`body ${JSON.stringify(text)}`);
  });
});
