/** The --help texts, built from the command and option tables so they cannot drift from the parser. */
import { COMMANDS, type Command } from './commands';
import { EXIT_CODE_HELP } from './errors';
import { TABLE_CELL_MAX } from './formats';
import type { OptionSpec } from './options';

export function overviewHelp(): string {
  return [
    'callab: query the Callab API from a terminal and export the results.',
    '',
    'Usage: callab <command> [options]',
    '',
    'Commands:',
    ...aligned(COMMANDS.map((command) => [command.words.join(' '), command.summary])),
    '',
    "Run 'callab <command> --help' for a command's options.",
    '',
    ...environmentHelp(),
    '',
    ...exitCodeHelp(),
  ].join('\n');
}

export function groupHelp(group: string): string {
  const commands = COMMANDS.filter((command) => command.words[0] === group);
  return [
    `Usage: callab ${group} <subcommand> [options]`,
    '',
    'Subcommands:',
    ...aligned(commands.map((command) => [command.words.slice(1).join(' '), command.summary])),
    '',
    `Run 'callab ${group} <subcommand> --help' for its options.`,
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const usage = [...command.words, ...command.arguments.map((argument) => `<${argument.name}>`)];
  const lines = [
    `Usage: callab ${usage.join(' ')} [options]`,
    '',
    `${capitalized(command.summary)}.`,
    '',
    ...(command.arguments.length > 0
      ? ['Arguments:', ...aligned(command.arguments.map((a) => [`<${a.name}>`, a.description])), '']
      : []),
    'Options:',
    ...aligned(command.options.map((option) => [flagOf(option), option.description])),
  ];
  if (command.kind !== 'api' && command.help) lines.push('', ...command.help);
  if (command.kind === 'api') {
    lines.push(
      '',
      `Table columns without --fields: ${command.tableColumns.join(',')}`,
      `(cells longer than ${TABLE_CELL_MAX} characters are cut with …; json, ndjson and csv output every field).`,
      '',
      ...environmentHelp(),
      '',
      ...exitCodeHelp(),
    );
  }
  return lines.join('\n');
}

function environmentHelp(): string[] {
  return [
    'Environment:',
    ...aligned([
      ['CALLAB_API_KEY', 'API key, used when --api-key is absent'],
      ['CALLAB_BASE_URL', 'API base URL, used when --base-url is absent'],
      ['CALLAB_LOG', 'client log level on stderr: off, error, warn (default), info, debug'],
    ]),
  ];
}

function exitCodeHelp(): string[] {
  return [
    'Exit codes:',
    ...aligned(EXIT_CODE_HELP.map(([code, meaning]) => [String(code), meaning])),
  ];
}

function flagOf(option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '';
  const value = option.value ? ` ${option.value}` : '';
  const repeat = option.multiple ? '...' : '';
  return `${short}--${option.name}${value}${repeat}`;
}

function aligned(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
