/**
 * The docs' GitHub Actions job for provider teams (docs/contract-testing.md): valid YAML whose contract-test step is an
 * invocation `callab` accepts, writing the JUnit file the job then keeps, even on failure.
 */
import { parse } from 'yaml';
import { parseInvocation } from '../src/cli/args';
import { docBlocks } from './docs-pages';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}

/** The yaml blocks of the docs that run `callab contract-test`: the job, and only it. */
const isContractJob = (lang: string, code: string) =>
  lang === 'yaml' && code.includes('callab contract-test');

function contractJob(): Step[] {
  const blocks = docBlocks().filter((block) => isContractJob(block.lang, block.code));
  if (blocks.length !== 1) {
    throw new Error(
      `the docs need one yaml block running callab contract-test, found ${blocks.length}`,
    );
  }
  const workflow = parse(blocks[0]?.code ?? '') as { jobs: Record<string, { steps: Step[] }> };
  const [job] = Object.values(workflow.jobs);
  return job?.steps ?? [];
}

describe("the docs' CI job for callab contract-test", () => {
  it('runs an invocation callab accepts and keeps its JUnit file, even when it fails', () => {
    const steps = contractJob();
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
