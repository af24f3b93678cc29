/**
 * The report for people (terminal text) and for CI (JUnit XML: one testsuite per operation, one
 * testcase per check, each failure with its violation lines, each inconclusive check an <error>
 * with its reason). Both carry the coverage and what replays the run.
 */
import { keyOf } from './coverage';
import type { ContractReport, ResponseKey, Testcase } from './report';

function counterexampleLines(testcase: Testcase, report: ContractReport): string[] {
  const found = testcase.counterexample;
  if (!found) return [];
  return [
    `counterexample (shrunk ${found.shrinks} time(s), found after ${found.failedAfter} case(s)): ${found.value}`,
    `replay: ${report.replay}`,
  ];
}

export function coverageLines(report: ContractReport, operationId?: string): string[] {
  const mine = <T extends ResponseKey>(keys: readonly T[]) =>
    keys.filter((key) => operationId === undefined || key.operationId === operationId);
  const { seen, neverSeen, undocumented } = report.coverage;
  const documented = mine(seen).length + mine(neverSeen).length;
  return [
    `coverage: ${mine(seen).length} of ${documented} documented responses seen`,
    ...mine(seen).map((key) => `  seen:       ${keyOf(key)} (${key.count}x)`),
    ...mine(neverSeen).map((key) => `  never seen: ${keyOf(key)}`),
    ...mine(undocumented).map((key) => `  undocumented, seen: ${keyOf(key)} (${key.count}x)`),
  ];
}

const MARKS: Record<Testcase['status'], string> = {
  passed: '✓',
  failed: '✗',
  skipped: '-',
  inconclusive: '?',
};

/** What the run could not decide, after the result line of a run that was not all decided. */
const INCONCLUSIVE_NOTE =
  'inconclusive: the server did not let some checks finish (rate limited); that is not a contract violation, but those checks did not pass either';

function inconclusiveNote({ status, inconclusive }: Testcase): string {
  if (inconclusive === undefined) return '';
  return ` [${status === 'inconclusive' ? 'inconclusive' : 'stopped early'}: ${inconclusive}]`;
}

export function textReport(report: ContractReport): string {
  const { counts } = report;
  const lines = [
    `callab contract-test against ${report.baseUrl} (seed ${report.seed}, ${report.runs} generated cases per property)`,
    ...(report.unreachable ? [`cannot reach the server: ${report.unreachable}`] : []),
    ...report.testcases.flatMap((testcase) => [
      `${MARKS[testcase.status]} ${testcase.operationId} (${testcase.endpoint}) ${testcase.check}${
        testcase.skipped ? ` [skipped: ${testcase.skipped}]` : ''
      }${inconclusiveNote(testcase)}`,
      ...testcase.violations.map((line) => `    ${line}`),
      ...counterexampleLines(testcase, report).map((line) => `    ${line}`),
      ...testcase.limitations.map((line) => `    not exercised: ${line}`),
    ]),
    ...coverageLines(report),
    `${report.result}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.inconclusive > 0 ? `${counts.inconclusive} inconclusive, ` : ''}${counts.violations} violation(s) in ${report.seconds.toFixed(1)} s`,
    ...(counts.inconclusive > 0 ? [INCONCLUSIVE_NOTE] : []),
    ...(report.result === 'passed' ? [] : [`replay: ${report.replay}`]),
  ];
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot hold at all.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is removed.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
  );
}

function testcaseXml(testcase: Testcase, report: ContractReport): string {
  const open = `    <testcase classname="${xml(testcase.operationId)}" name="${xml(testcase.check)}" time="${testcase.seconds.toFixed(3)}"`;
  const notes = [
    ...testcase.limitations.map((line) => `not exercised: ${line}`),
    // A failed check whose later cases the server rate-limited.
    ...(testcase.status === 'failed' && testcase.inconclusive
      ? [`stopped early: ${testcase.inconclusive}`]
      : []),
  ];
  const out = notes.length > 0 ? `\n      <system-out>${xml(notes.join('\n'))}</system-out>` : '';
  if (testcase.status === 'skipped') {
    return `${open}>\n      <skipped message="${xml(testcase.skipped ?? '')}"/>${out}\n    </testcase>`;
  }
  if (testcase.status === 'inconclusive') {
    // JUnit's <error>: the test could not complete, which CI shows apart from a <failure>.
    return `${open}>\n      <error message="${xml(`inconclusive: ${testcase.inconclusive ?? ''}`)}" type="inconclusive"/>${out}\n    </testcase>`;
  }
  if (testcase.status === 'passed') return out ? `${open}>${out}\n    </testcase>` : `${open}/>`;
  const body = [...testcase.violations, ...counterexampleLines(testcase, report)].join('\n');
  const rules = [...new Set(testcase.violations.map((v) => /\) \[([^\]]+)\] /.exec(v)?.[1]))];
  return [
    `${open}>`,
    `      <failure message="${xml(`${testcase.violations.length} violation(s)`)}" type="${xml(rules.join(', '))}">${xml(body)}</failure>${out}`,
    '    </testcase>',
  ].join('\n');
}

export function junitReport(report: ContractReport): string {
  const suites = [...new Set(report.testcases.map((t) => t.operationId))].map((operationId) => {
    const cases = report.testcases.filter((t) => t.operationId === operationId);
    const count = (status: Testcase['status']) => cases.filter((t) => t.status === status).length;
    const seconds = cases.reduce((sum, t) => sum + t.seconds, 0);
    return [
      `  <testsuite name="${xml(`${operationId} (${cases[0]?.endpoint ?? ''})`)}" tests="${cases.length}" failures="${count('failed')}" errors="${count('inconclusive')}" skipped="${count('skipped')}" time="${seconds.toFixed(3)}">`,
      `    <properties><property name="seed" value="${report.seed}"/><property name="runs" value="${report.runs}"/></properties>`,
      ...cases.map((testcase) => testcaseXml(testcase, report)),
      `    <system-out>${xml(coverageLines(report, operationId).join('\n'))}</system-out>`,
      '  </testsuite>',
    ].join('\n');
  });
  const { counts } = report;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(report.tool)}" tests="${counts.testcases}" failures="${counts.failed}" errors="${counts.inconclusive}" skipped="${counts.skipped}" time="${report.seconds.toFixed(3)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
