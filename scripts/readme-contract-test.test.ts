/**
 * The README's GitHub Actions job for provider teams: valid YAML whose contract-test step is an
 * invocation `callab` accepts, writing the JUnit file the job then keeps, even on failure.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseInvocation } from '../src/cli/args';
import { ROOT } from './paths';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}

async function contractJob(): Promise<Step[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1] ?? '')
    .find((yaml) => yaml.includes('callab contract-test'));
  if (!block) throw new Error('README.md has no yaml block running callab contract-test');
  const workflow = parse(block) as { jobs: Record<string, { steps: Step[] }> };
  const [job] = Object.values(workflow.jobs);
  return job?.steps ?? [];
}

describe("the README's CI job for callab contract-test", () => {
  it('runs an invocation callab accepts and keeps its JUnit file, even when it fails', async () => {
    const steps = await contractJob();
    const run = steps.find((step) => step.run?.includes('callab contract-test'))?.run ?? '';
    const words = run.trim().split(/\s+/);
    const invocation = parseInvocation(words.slice(words.indexOf('callab') + 1));
    expect(invocation).toMatchObject({ kind: 'run', command: { kind: 'contract-test' } });
    const junit = invocation.kind === 'run' ? String(invocation.values.junit) : '';
    expect(junit).toMatch(/\.xml$/);

    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    const kept = (upload?.with?.path ?? '').split('\n').map((path) => path.trim());
    expect(kept.some((path) => junit.startsWith(path))).toBe(true);
    expect(steps.some((step) => step.run?.includes('npm install --no-save callab-client@'))).toBe(
      true,
    );
  });
});
