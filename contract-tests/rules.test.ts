/** The suite's own rules (Prism's findings) on hand-made responses: each names the operation and rule. */
import { expectNoProblems, prismProblems } from './support/rules';
import { operationById } from './support/spec';

const phoneNumbers = operationById('listPhoneNumbers');

function response(status: number, body: unknown, headers: Record<string, string>) {
  return { status, headers: new Headers(headers), text: JSON.stringify(body) };
}

describe('prismProblems (what Prism reported)', () => {
  it('reports the errors of sl-violations, not its warnings', () => {
    const violations = [
      { location: ['response', 'body', 'data', '0'], severity: 'Error', message: 'needs nickname' },
      { location: ['response'], severity: 'Warning', message: 'unknown status' },
    ];
    const observed = response(500, {}, { 'sl-violations': JSON.stringify(violations) });
    expect(prismProblems(phoneNumbers, observed)).toEqual([
      'listPhoneNumbers (GET /phone_number) [schema, reported by Prism] response.body.data.0: needs nickname',
    ]);
  });

  it('reports a problem+json Prism produced for another reason', () => {
    const observed = response(
      422,
      { title: 'Invalid request', detail: 'Your request is not valid' },
      { 'content-type': 'application/problem+json' },
    );
    expect(prismProblems(phoneNumbers, observed)).toEqual([
      'listPhoneNumbers (GET /phone_number) [answered by Prism] Prism answered HTTP 422 itself: Invalid request Your request is not valid',
    ]);
  });

  it('finds nothing in a clean response', () => {
    expect(
      prismProblems(phoneNumbers, response(200, {}, { 'content-type': 'application/json' })),
    ).toEqual([]);
  });
});

describe('expectNoProblems', () => {
  it('passes on none and throws every problem, one per line', () => {
    expect(() => expectNoProblems([])).not.toThrow();
    expect(() => expectNoProblems(['a', 'b'])).toThrow('2 contract violation(s):\na\nb');
  });
});
