/**
 * `npm test`'s independent steps at the same time: each npm script runs in its own process, its
 * output is held and printed in one piece when it ends (so two steps never interleave), and the
 * exit code is 1 if any step failed, after every step has ended.
 * Usage: tsx scripts/run-parallel.ts <npm script>...
 */
import { type CommandOutcome, runCommandOutcome } from './run-command';

export interface Step {
  name: string;
  command: string;
  args: readonly string[];
}

export interface StepOutcome extends CommandOutcome {
  name: string;
  seconds: number;
}

/** Runs every step at once; `report` gets each outcome as it ends. */
export async function runSteps(
  steps: readonly Step[],
  report: (outcome: StepOutcome) => void,
): Promise<StepOutcome[]> {
  return Promise.all(
    steps.map(async ({ name, command, args }) => {
      const started = performance.now();
      const outcome = await runCommandOutcome(command, args);
      const ended = { name, seconds: (performance.now() - started) / 1000, ...outcome };
      report(ended);
      return ended;
    }),
  );
}

/** The block printed for a step: a heading with its result, then its output. */
export function describeOutcome({ name, seconds, code, output }: StepOutcome): string {
  const result = code === 0 ? 'passed' : `FAILED (exit ${code})`;
  const body = output.trimEnd();
  return `> ${name}: ${result} in ${seconds.toFixed(1)} s\n${body === '' ? '' : `${body}\n`}`;
}

if (require.main === module) {
  const scripts = process.argv.slice(2);
  const steps = scripts.map((name) => ({ name, command: 'npm', args: ['run', '-s', name] }));
  runSteps(steps, (outcome) => process.stdout.write(describeOutcome(outcome))).then((outcomes) => {
    const failed = outcomes.filter((outcome) => outcome.code !== 0).map(({ name }) => name);
    if (failed.length > 0) {
      process.stderr.write(`run-parallel: failed: ${failed.join(', ')}\n`);
      process.exitCode = 1;
    }
  });
}
