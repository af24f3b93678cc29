import { describeOutcome, runSteps, type StepOutcome } from './run-parallel';

const node = (name: string, code: string) => ({
  name,
  command: process.execPath,
  args: ['-e', code],
});

describe('runSteps', () => {
  it('runs the steps at the same time and reports each as it ends, with its output and code', async () => {
    const reported: string[] = [];
    const outcomes = await runSteps(
      [
        // The slow step would end last if the steps ran one after the other in this order.
        node('slow', 'setTimeout(() => { console.log("slow out"); process.exit(3); }, 400)'),
        node('fast', 'console.error("fast err")'),
      ],
      (outcome) => reported.push(outcome.name),
    );
    expect(reported).toEqual(['fast', 'slow']);
    expect(outcomes.map(({ name, code, output }) => ({ name, code, output }))).toEqual([
      { name: 'slow', code: 3, output: 'slow out\n' },
      { name: 'fast', code: 0, output: 'fast err\n' },
    ]);
  });

  it('counts a step killed by a signal, or one that cannot start, as failed', async () => {
    const outcomes = await runSteps(
      [
        node('killed', 'process.kill(process.pid, "SIGKILL")'),
        { name: 'missing', command: '/nonexistent/tool', args: [] },
      ],
      () => {},
    );
    expect(outcomes.map(({ code }) => code)).toEqual([1, 1]);
  });
});

describe('describeOutcome', () => {
  const outcome = (code: number, output: string): StepOutcome => ({
    name: 'lint',
    seconds: 1.234,
    code,
    output,
  });
  it('heads the output with the step, its result and its time', () => {
    expect(describeOutcome(outcome(0, 'ok\n\n'))).toBe('> lint: passed in 1.2 s\nok\n');
    expect(describeOutcome(outcome(2, ''))).toBe('> lint: FAILED (exit 2) in 1.2 s\n');
  });
});
