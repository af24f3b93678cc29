/**
 * The README's terminal session ("A terminal session") is replayed against the fake server with
 * the CLI in-process, and each command's output must be what the README shows: a new field, a
 * changed column or message makes the transcript stale, and this test says so with the output
 * to paste. The few shell forms it uses are emulated: `export`, `unset`, `VAR=value callab ...`,
 * `| head -N` (stdout not a terminal), `; echo "exit $?"` and `"exit ${PIPESTATUS[0]}"`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main';
import { type FakeServer, startFakeServer } from '../src/testing';
import { ROOT } from './paths';

/** The address the README's session shows for the fake server. */
const SHOWN_URL = 'http://127.0.0.1:4455';

interface Step {
  command: string;
  expected: string;
}

function transcript(readme: string): Step[] {
  const section = readme.split('### A terminal session')[1] ?? '';
  const block = /```console\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const steps: Step[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), expected: '' });
    else if (steps.length > 0 && line !== '') {
      const step = steps[steps.length - 1] as Step;
      step.expected += `${line}\n`;
    }
  }
  return steps;
}

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** Runs one `$ ...` line; returns what the terminal would show. */
async function replay(command: string, env: Record<string, string>, url: string): Promise<string> {
  let rest = command;
  for (;;) {
    const exported = /^export ((?:\w+=\S+ ?)+)$/.exec(rest);
    if (exported) {
      for (const pair of (exported[1] ?? '').trim().split(' ')) {
        const [name = '', value = ''] = pair.split('=');
        env[name] = value.replace(SHOWN_URL, url);
      }
      return '';
    }
    const unset = /^unset (\w+); (.*)$/.exec(rest);
    if (!unset) break;
    delete env[unset[1] ?? ''];
    rest = unset[2] ?? '';
  }
  const parsed =
    /^((?:\w+=\S+ )*)callab ([^|;]*?)(?: \| head -(\d+))?(?:; echo "exit \$(?:\?|\{PIPESTATUS\[0\]\})")?$/.exec(
      rest,
    );
  if (!parsed)
    throw new Error(`the README session uses a shell form this test does not know: ${command}`);
  const [, assignments = '', args = '', head] = parsed;
  const scoped = { ...env };
  for (const pair of assignments.trim().split(' ').filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=');
    scoped[name] = value;
  }
  const stdout = new Capture(head === undefined);
  const stderr = new Capture(false);
  const code = await main(args.split(' ').filter(Boolean), { stdout, stderr, env: scoped });
  const shown =
    head === undefined
      ? stdout.text
      : stdout.text
          .split(/(?<=\n)/)
          .slice(0, Number(head))
          .join('');
  const exit = rest.includes('echo "exit') ? `exit ${code}\n` : '';
  return `${shown}${stderr.text}${exit}`.replaceAll(url, SHOWN_URL).replace(/\r\n/g, '\n');
}

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer();
});
afterAll(() => fake?.close());

describe("the README's terminal session", () => {
  const steps = transcript(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  it('has the commands to replay, the CSV export among them', () => {
    expect(steps.length).toBeGreaterThan(5);
    expect(steps.map((s) => s.command)).toContainEqual(expect.stringContaining('--format csv'));
  });

  it('shows what the CLI prints against the fake server, command by command', async () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
    const shown: string[] = [];
    const actual: string[] = [];
    for (const step of steps) {
      shown.push(`$ ${step.command}\n${step.expected}`);
      actual.push(`$ ${step.command}\n${await replay(step.command, env, fake.url)}`);
    }
    expect(actual.join('')).toBe(shown.join(''));
  }, 30_000);
});
