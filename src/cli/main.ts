/** Runs one `callab` invocation and returns its exit code; index.ts wires it to the process. */
import type { Writable } from 'node:stream';
import { version } from '../../package.json';
import { parseInvocation } from './args';
import { API_COMMANDS, type ApiCommand, MOCK_DEFAULT_HOST, MOCK_DEFAULT_PORT } from './commands';
import { connect } from './connection';
import { runContractTest } from './contract-test';
import { ExitCode, UsageError } from './errors';
import { exitCodeOf, failureMessage } from './failure';
import { allColumns, fieldsOf, parseFieldList } from './fields';
import { FORMATS, FORMATTERS, isFormat, isStreamedFormat, ROW_WRITERS, table } from './formats';
import { commandHelp, groupHelp, overviewHelp } from './help';
import { startLocalMock } from './local-mock';
import { formatOptions, type OptionValues, stringValue, wholeNumber } from './options';
import { Output } from './output';
import { firstRows, progressLine, TABLE_ROW_LIMIT, withColumns, writeRows } from './streamed';

export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const output = new Output(io.stdout);
  let debug = false;
  try {
    const invocation = parseInvocation(argv);
    if (invocation.kind === 'version') {
      await output.write([`${version}\n`]);
    } else if (invocation.kind === 'help') {
      const { command, group } = invocation;
      const text = command ? commandHelp(command) : group ? groupHelp(group) : overviewHelp();
      await output.write([`${text}\n`]);
    } else {
      const { command, values, args } = invocation;
      debug = values.debug === true;
      if (command.kind === 'api') await runApiCommand(command, values, args, io, output);
      else if (command.kind === 'mock') await runMock(values, io, output);
      else if (command.kind === 'contract-test')
        return await runContractTest(values, io.env, output);
      else await runDemo(values, io, output);
    }
    return ExitCode.ok;
  } catch (error) {
    io.stderr.write(failureMessage(error, debug));
    return exitCodeOf(error);
  }
}

async function runApiCommand(
  command: ApiCommand,
  values: OptionValues,
  args: readonly string[],
  io: CliIo,
  output: Output,
) {
  const formatName = stringValue(values, 'format') ?? (io.stdout.isTTY ? 'table' : 'json');
  if (!isFormat(formatName)) {
    throw new UsageError(`unknown format '${formatName}'; use one of: ${FORMATS.join(', ')}`);
  }
  const documented = fieldsOf(command.schema);
  const fieldList = stringValue(values, 'fields');
  const fields = fieldList === undefined ? undefined : parseFieldList(fieldList, documented);
  const formatting = formatOptions(values, formatName);
  const call = command.prepare(values, args);
  const stream = command.prepareStream?.(values, args);

  const connection = await connect(values, io.env, io.stderr);
  try {
    if (stream) {
      const progress = showsProgress(values, io) ? progressLine(io.stderr, 'contacts') : undefined;
      try {
        const rows = stream(connection.client, { onProgress: progress?.update });
        const listed = await withColumns(rows, documented, fields);
        if (isStreamedFormat(formatName)) {
          await writeRows(listed.rows, ROW_WRITERS[formatName](listed.columns, formatting), output);
          return;
        }
        const shown = await firstRows(listed.rows, TABLE_ROW_LIMIT);
        await output.write(table(shown.rows, fields ?? command.tableColumns));
        if (shown.more) {
          io.stderr.write(
            `callab: the table shows the first ${TABLE_ROW_LIMIT.toLocaleString('en-US')} rows only; use --format csv, ndjson or json for the whole list\n`,
          );
        }
        return;
      } finally {
        progress?.done();
      }
    }
    const rows = await call(connection.client);
    const columns =
      fields ?? (formatName === 'table' ? command.tableColumns : allColumns(documented, rows));
    await output.write(FORMATTERS[formatName](rows, columns, formatting));
  } finally {
    await connection.close();
  }
}

/** With --progress, or on a terminal outside CI: never in a pipe or a CI log unless asked. */
function showsProgress(values: OptionValues, io: CliIo): boolean {
  if (values.progress === true) return true;
  return io.stderr.isTTY === true && !io.env.CI;
}

async function runMock(values: OptionValues, io: CliIo, output: Output) {
  const port = wholeNumber(values, 'port', 0, 65535) ?? MOCK_DEFAULT_PORT;
  const host = stringValue(values, 'host') ?? MOCK_DEFAULT_HOST;
  const onLog = ({ level, message }: { level: string; message: string }) => {
    io.stderr.write(`prism ${level}: ${message}\n`);
  };
  const server = await startLocalMock({ port, host, ...(values.debug === true && { onLog }) });
  await output.write([`Mock Callab API listening on ${server.url} (Ctrl+C to stop)\n`]);
  await nextSignal(['SIGINT', 'SIGTERM']);
  await server.close();
}

function nextSignal(signals: readonly NodeJS.Signals[]): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      for (const signal of signals) process.off(signal, stop);
      resolve();
    };
    for (const signal of signals) process.once(signal, stop);
  });
}

/** `npm start`: every read command against the fake API in-process, as tables under headings. */
async function runDemo(values: OptionValues, io: CliIo, output: Output) {
  const connection = await connect({ mock: true, debug: values.debug }, io.env, io.stderr);
  try {
    await output.write([
      `callab ${version}: demo against the fake Callab API in-process (callab-client/fake: its default fixtures, with filters and limit)\n`,
    ]);
    for (const command of API_COMMANDS.filter((c) => c.operation.retrySafe)) {
      const rows = await command.prepare({}, command.exampleArguments)(connection.client);
      const words = [...command.words, ...command.exampleArguments].join(' ');
      await output.write([`\n${command.title} (callab ${words} --mock)\n`]);
      await output.write(table(rows, command.tableColumns));
    }
  } finally {
    await connection.close();
  }
}
