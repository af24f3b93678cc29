/** The reports for CI and for people, from a hand-made report. */
import { junitReport, textReport } from './formats';
import { type ContractReport, countTestcases, type Testcase } from './report';

const testcase = (fields: Partial<Testcase>): Testcase => ({
  operationId: 'queryContacts',
  endpoint: 'POST /contact/query',
  check: 'conformance',
  status: 'passed',
  violations: [],
  limitations: [],
  requests: 1,
  seconds: 0.012,
  ...fields,
});

const testcases = [
  testcase({}),
  testcase({
    check: 'filters',
    status: 'failed',
    violations: [
      'queryContacts (POST /contact/query) [filter] {"tags":["a","b"]} left out 1 matching contact(s): <c1> & "c2"',
    ],
    counterexample: { value: '{"tags":["a","b"]}', seed: 42, failedAfter: 3, shrinks: 2 },
  }),
  testcase({
    operationId: 'listCampaigns',
    endpoint: 'GET /campaign/list',
    check: 'limit',
    status: 'skipped',
    skipped: 'the server holds 1 item(s)',
  }),
  testcase({
    operationId: 'listCampaigns',
    endpoint: 'GET /campaign/list',
    limitations: ['every contact has tag_name "vip"'],
  }),
];

const report: ContractReport = {
  tool: 'callab contract-test',
  baseUrl: 'http://127.0.0.1:8080',
  seed: 42,
  runs: 100,
  result: 'failed',
  seconds: 1.5,
  counts: countTestcases(testcases),
  testcases,
  coverage: {
    seen: [
      { operationId: 'queryContacts', status: '200', contentType: 'application/json', count: 7 },
    ],
    neverSeen: [{ operationId: 'listCampaigns', status: '429', contentType: 'application/json' }],
    undocumented: [
      { operationId: 'listCampaigns', status: '418', contentType: 'text/html', count: 1 },
    ],
  },
  replay: 'callab contract-test --base-url http://127.0.0.1:8080 --seed 42',
};

describe('junitReport', () => {
  const xml = junitReport(report);

  it('counts the testcases, one testsuite per operation', () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="callab contract-test" tests="4" failures="1" errors="0" skipped="1" time="1.500">/,
    );
    expect(xml).toContain(
      '<testsuite name="queryContacts (POST /contact/query)" tests="2" failures="1" errors="0" skipped="0"',
    );
    expect(xml).toContain(
      '<testsuite name="listCampaigns (GET /campaign/list)" tests="2" failures="0" errors="0" skipped="1"',
    );
  });

  it('gives a failure its violation lines (escaped), the counterexample and the replay command', () => {
    expect(xml).toContain(
      [
        '<testcase classname="queryContacts" name="filters" time="0.012">',
        '      <failure message="1 violation(s)" type="filter">queryContacts (POST /contact/query) [filter] {&quot;tags&quot;:[&quot;a&quot;,&quot;b&quot;]} left out 1 matching contact(s): &lt;c1&gt; &amp; &quot;c2&quot;',
        'counterexample (shrunk 2 time(s), found after 3 case(s)): {&quot;tags&quot;:[&quot;a&quot;,&quot;b&quot;]}',
        'replay: callab contract-test --base-url http://127.0.0.1:8080 --seed 42</failure>',
      ].join('\n'),
    );
  });

  it('marks a skipped check with its reason, and lists what was not exercised and the coverage', () => {
    expect(xml).toContain('<skipped message="the server holds 1 item(s)"/>');
    expect(xml).toContain(
      '<system-out>not exercised: every contact has tag_name &quot;vip&quot;</system-out>',
    );
    expect(xml).toContain('never seen: listCampaigns 429 application/json');
    expect(xml).toContain('undocumented, seen: listCampaigns 418 text/html (1x)');
  });
});

describe('textReport', () => {
  it('lists each check, its violations, the coverage and how to replay', () => {
    expect(textReport(report)).toBe(
      [
        'callab contract-test against http://127.0.0.1:8080 (seed 42, 100 generated cases per property)',
        '✓ queryContacts (POST /contact/query) conformance',
        '✗ queryContacts (POST /contact/query) filters',
        '    queryContacts (POST /contact/query) [filter] {"tags":["a","b"]} left out 1 matching contact(s): <c1> & "c2"',
        '    counterexample (shrunk 2 time(s), found after 3 case(s)): {"tags":["a","b"]}',
        '    replay: callab contract-test --base-url http://127.0.0.1:8080 --seed 42',
        '- listCampaigns (GET /campaign/list) limit [skipped: the server holds 1 item(s)]',
        '✓ listCampaigns (GET /campaign/list) conformance',
        '    not exercised: every contact has tag_name "vip"',
        'coverage: 1 of 2 documented responses seen',
        '  seen:       queryContacts 200 application/json (7x)',
        '  never seen: listCampaigns 429 application/json',
        '  undocumented, seen: listCampaigns 418 text/html (1x)',
        'failed: 2 passed, 1 failed, 1 skipped, 1 violation(s) in 1.5 s',
        'replay: callab contract-test --base-url http://127.0.0.1:8080 --seed 42',
        '',
      ].join('\n'),
    );
  });
});

describe('an inconclusive run', () => {
  const reason = 'rate limited, not a contract violation: HTTP 429 without Retry-After';
  const cases = [
    testcase({}),
    testcase({
      operationId: 'listCampaigns',
      endpoint: 'GET /campaign/list',
      status: 'inconclusive',
      inconclusive: reason,
    }),
  ];
  const inconclusive: ContractReport = {
    ...report,
    result: 'inconclusive',
    counts: countTestcases(cases),
    testcases: cases,
  };

  it('gives JUnit an <error> with the reason, counted as an error, not a failure', () => {
    const xml = junitReport(inconclusive);
    expect(xml).toContain('tests="2" failures="0" errors="1" skipped="0"');
    expect(xml).toContain(
      `<testcase classname="listCampaigns" name="conformance" time="0.012">\n      <error message="inconclusive: ${reason}" type="inconclusive"/>\n    </testcase>`,
    );
  });

  it('marks the check in the text and says what the result means', () => {
    const text = textReport(inconclusive);
    expect(text).toContain(
      `? listCampaigns (GET /campaign/list) conformance [inconclusive: ${reason}]\n`,
    );
    expect(text).toContain(
      '\ninconclusive: 1 passed, 0 failed, 0 skipped, 1 inconclusive, 0 violation(s) in 1.5 s\ninconclusive: the server did not let some checks finish',
    );
  });
});
