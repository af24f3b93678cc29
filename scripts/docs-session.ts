/**
 * The docs' terminal session (the console block under "A terminal session", in docs/cli.md),
 * replayed: each `$ callab ...` line runs the CLI in-process against the fake server, and its
 * output replaces what the page shows. `npm run generate` writes the result (after generated/,
 * which the CLI reads), and `npm run check:generated` and a test fail when the page differs, so a
 * new field or a changed message cannot leave the session stale.
 * The few shell forms the session uses are emulated: `export`, `unset`, `VAR=value callab ...`,
 * `| head -N` (stdout not a terminal), `; echo "exit $?"` and `"exit ${PIPESTATUS[0]}"`.
 */
import { Capture } from '../src/cli/capture';
import { main } from '../src/cli/main';
import { startFakeServer } from '../src/testing';

/** The address the session shows for the fake server. */
const SHOWN_URL = 'http://127.0.0.1:4455';
const SESSION = /(^#{2,} A terminal session\n[\s\S]*?```console\n)([\s\S]*?)(```)/m;

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
    throw new Error(`the terminal session uses a shell form the replay does not know: ${command}`);
  const [, assignments = '', args = '', head] = parsed;
  assign(assignments, scoped, url);
  const stdout = new Capture(head === undefined);
  const stderr = new Capture();
  const code = await main(args.split(' ').filter(Boolean), { stdout, stderr, env: scoped });
  const lines = stdout.text.split(/(?<=\n)/);
  const shown = head === undefined ? stdout.text : lines.slice(0, Number(head)).join('');
  const exit = rest.includes('echo "exit') ? `exit ${code}\n` : '';
  // CSV lines end in CRLF (RFC 4180); the page shows them as plain lines.
  return `${shown}${stderr.text}${exit}`.replaceAll(url, SHOWN_URL).replace(/\r\n/g, '\n');
}

/** `pages` (text by path) with the terminal session's outputs as the CLI prints them now. */
export async function replaySession(
  pages: Record<string, string>,
): Promise<Record<string, string>> {
  const holding = Object.keys(pages).filter((page) => SESSION.test(pages[page] ?? ''));
  const [page] = holding;
  if (page === undefined || holding.length > 1) {
    throw new Error(
      `exactly one page must have a "A terminal session" console block, found: ${holding.join(', ') || 'none'}`,
    );
  }
  const markdown = pages[page] ?? '';
  const match = SESSION.exec(markdown);
  const commands = (match?.[2] ?? '').split('\n').filter((line) => line.startsWith('$ '));
  const fake = await startFakeServer();
  try {
    const env: Record<string, string> = {};
    let block = '';
    for (const line of commands) block += `${line}\n${await replay(line.slice(2), env, fake.url)}`;
    const replayed = markdown.replace(
      SESSION,
      (_whole, open: string, _old: string, close: string) => `${open}${block}${close}`,
    );
    return { ...pages, [page]: replayed };
  } finally {
    await fake.close();
  }
}
