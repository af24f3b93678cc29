/**
 * Turns argv into what to do. `node:util` parseArgs parses the flags (one parse with every
 * command's options, so option types are always known); the command is then picked by hand from
 * the positionals, and the flags given are checked against that command's own options.
 */
import { parseArgs } from 'node:util';
import { COMMANDS, type Command } from './commands';
import { messageOf, UsageError } from './errors';
import type { OptionSpec, OptionValues } from './options';

export type Invocation =
  | { kind: 'version' }
  /** `command` undefined: the overview; `group`: the commands under a first word like `contacts`. */
  | { kind: 'help'; command?: Command; group?: string }
  /** `args`: the command's positional arguments (path parameters), in order. */
  | { kind: 'run'; command: Command; values: OptionValues; args: string[] };

const ALL_OPTIONS = new Map<string, OptionSpec>(
  COMMANDS.flatMap((command) => command.options).map((option) => [option.name, option]),
);

export function parseInvocation(argv: readonly string[]): Invocation {
  const { values, positionals, tokens } = parseFlags(argv);
  if (values.version) return { kind: 'version' };
  const command = findCommand(positionals);
  if (!command) return unmatched(positionals, values.help === true);
  const args = positionals.slice(
    command.words.length,
    command.words.length + command.arguments.length,
  );
  const extra = positionals[command.words.length + command.arguments.length];
  if (extra !== undefined) {
    throw new UsageError(
      `unexpected argument '${extra}' for '${command.words.join(' ')}'${seeHelp(command)}`,
    );
  }
  if (values.help) return { kind: 'help', command };
  const missing = command.arguments[args.length];
  if (missing) {
    throw new UsageError(`'${command.words.join(' ')}' needs <${missing.name}>${seeHelp(command)}`);
  }
  for (const token of tokens) {
    if (token.kind === 'option' && !command.options.some((option) => option.name === token.name)) {
      throw new UsageError(
        `${token.rawName} is not an option of '${command.words.join(' ')}'${seeHelp(command)}`,
      );
    }
  }
  return { kind: 'run', command, values, args };
}

const PARSE_OPTIONS = Object.fromEntries(
  [...ALL_OPTIONS.values()].map(({ name, type, multiple, short }) => [
    name,
    { type, ...(multiple && { multiple }), ...(short && { short }) },
  ]),
);

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: PARSE_OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(`${describeParseError(error, argv)} (see 'callab --help')`);
  }
}

/** parseArgs' message as one line; its messages name the flag, never its value. */
function describeParseError(error: unknown, argv: readonly string[]): string {
  const [sentence = ''] = messageOf(error).split(/\.(?: To specify|\n)/);
  const message = `${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  const unknown = /^Unknown option '--([^']+)'/.exec(sentence)?.[1];
  if (unknown !== undefined) {
    const suggestion = closestOption(unknown, commandOptions(argv));
    return suggestion ? `${message}; did you mean '--${suggestion}'?` : message;
  }
  // `--limit -1`: parseArgs will not take a value that starts with a dash after a space.
  const ambiguous = /^Option '--([^']+)' argument is ambiguous/.exec(sentence)?.[1];
  if (ambiguous !== undefined) {
    const flag = `--${ambiguous}`;
    const at = argv.findIndex((arg, i) => arg === flag && argv[i + 1]?.startsWith('-'));
    const value = at >= 0 && !ALL_OPTIONS.get(ambiguous)?.secret ? argv[at + 1] : undefined;
    return `option '${flag}' needs a value, and the next argument starts with '-': write ${flag}=${value ?? 'VALUE'} to pass it as the value`;
  }
  return message;
}

/**
 * The options of the command the arguments name, for suggestions; every option when they name
 * none. A lenient parse (unknown flags read as booleans) finds the command words.
 */
function commandOptions(argv: readonly string[]): readonly OptionSpec[] {
  const { positionals } = parseArgs({
    args: [...argv],
    options: PARSE_OPTIONS,
    allowPositionals: true,
    strict: false,
  });
  return findCommand(positionals)?.options ?? [...ALL_OPTIONS.values()];
}

function findCommand(positionals: readonly string[]): Command | undefined {
  return COMMANDS.find((c) => c.words.every((word, i) => positionals[i] === word));
}

/** The option at most two edits away from a mistyped one (`--tags` -> `--tag`), among `options`. */
function closestOption(typed: string, options: readonly OptionSpec[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const { name } of options) {
    const distance = editDistance(typed, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unmatched(positionals: readonly string[], help: boolean): Invocation {
  const [first] = positionals;
  if (first === undefined) {
    if (help) return { kind: 'help' };
    throw new UsageError("missing command (see 'callab --help')");
  }
  const group = COMMANDS.filter(
    (command) => command.words[0] === first && command.words.length > 1,
  );
  if (group.length > 0) {
    const second = positionals[1];
    if (help && second === undefined) return { kind: 'help', group: first };
    const choices = group.map((command) => command.words.slice(1).join(' ')).join(', ');
    const problem = second === undefined ? 'needs a subcommand' : `has no subcommand '${second}'`;
    throw new UsageError(`'${first}' ${problem}: ${choices} (see 'callab ${first} --help')`);
  }
  const names = COMMANDS.map((command) => command.words.join(' ')).join(', ');
  throw new UsageError(`unknown command '${first}'; commands: ${names} (see 'callab --help')`);
}

function seeHelp(command: Command): string {
  return ` (see 'callab ${command.words.join(' ')} --help')`;
}
