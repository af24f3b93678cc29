/**
 * The README's terminal session ("A terminal session"), replayed: each `$ callab ...` line runs
 * the CLI in-process against the fake server, and its output replaces what the README shows.
 * `npm run generate` writes the result (after generated/, which the CLI reads), and a test fails
 * when the README differs, so a new field or a changed message cannot leave the session stale.
 * The few shell forms the session uses are emulated: `export`, `unset`, `VAR=value callab ...`,
 * `| head -N` (stdout not a terminal), `; echo "exit $?"` and `"exit ${PIPESTATUS[0]}"`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main';
import { startFakeServer } from '../src/testing';
import { README_PATH } from './readme-sections';

/** The address the README's session shows for the fake server. */
const SHOWN_URL = 'http://127.0.0.1:4455';
const SESSION = /(### A terminal session\n[\s\S]*?```console\n)([\s\S]*?)(```)/;

/** A stdout or stderr for the CLI in-process: keeps what it is written. */
export class Capture extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super();
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

function assign(pairs: string, env: Record<string, string>, url: string): void {
  for (const pair of pairs.trim().split(' ').filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=');
    env[name] = value.replace(SHOWN_URL, url);
  }
}

/** Runs one `$ ...` line; returns what the terminal shows. `env` carries `export`s to later lines. */
async function replay(command: string, env: Record<string, string>, url: string): Promise<string> {
  const exported = /^export ((?:\w+=\S+ ?)+)$/.exec(command);
  if (exported) {
    assign(exported[1] ?? '', env, url);
    return '';
  }
  let rest = command;
  const scoped = { ...env };
  for (
    let unset = /^unset (\w+); (.*)$/.exec(rest);
    unset;
    unset = /^unset (\w+); (.*)$/.exec(rest)
  ) {
    delete env[unset[1] ?? ''];
    delete scoped[unset[1] ?? ''];
    rest = unset[2] ?? '';
  }
  const parsed =
    /^((?:\w+=\S+ )*)callab ([\w@.:/,=+ -]*?)(?: \| head -(\d+))?(?:; echo "exit \$(?:\?|\{PIPESTATUS\[0\]\})")?$/.exec(
      rest,
    );
  if (!parsed)
    throw new Error(`the README session uses a shell form the replay does not know: ${command}`);
  const [, assignments = '', args = '', head] = parsed;
  assign(assignments, scoped, url);
  const stdout = new Capture(head === undefined);
  const stderr = new Capture();
  const code = await main(args.split(' ').filter(Boolean), { stdout, stderr, env: scoped });
  const lines = stdout.text.split(/(?<=\n)/);
  const shown = head === undefined ? stdout.text : lines.slice(0, Number(head)).join('');
  const exit = rest.includes('echo "exit') ? `exit ${code}\n` : '';
  // CSV lines end in CRLF (RFC 4180); the README shows them as plain lines.
  return `${shown}${stderr.text}${exit}`.replaceAll(url, SHOWN_URL).replace(/\r\n/g, '\n');
}

/** `readme` with its terminal session's outputs as the CLI prints them now. */
export async function replaySession(readme: string): Promise<string> {
  const match = SESSION.exec(readme);
  if (!match) throw new Error('README.md has no "### A terminal session" console block');
  const commands = (match[2] ?? '').split('\n').filter((line) => line.startsWith('$ '));
  const fake = await startFakeServer();
  try {
    const env: Record<string, string> = {};
    let block = '';
    for (const line of commands) block += `${line}\n${await replay(line.slice(2), env, fake.url)}`;
    return readme.replace(
      SESSION,
      (_whole, open: string, _old: string, close: string) => `${open}${block}${close}`,
    );
  } finally {
    await fake.close();
  }
}

/** Rewrites README.md's terminal session; run by `npm run generate`. */
export async function generateSession(path = README_PATH): Promise<void> {
  const readme = await readFile(path, 'utf8');
  const updated = await replaySession(readme);
  if (updated !== readme) await writeFile(path, updated);
}
