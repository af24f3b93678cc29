/**
 * `callab contacts query` writes its rows as they arrive, against the synthetic fake: in-process,
 * and the built CLI where its memory is measured.
 */
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { syntheticContact } from '../fake/synthetic';
import { type FakeServer, startFakeServer } from '../testing';
import { fieldsOf } from './fields';
import { progressLine, TABLE_ROW_LIMIT } from './streamed';
import { finished, requireBuiltCli, runCli, spawnCli } from './test-support';

jest.setTimeout(60_000);

const COUNT = 3000;
let fake: FakeServer;
beforeAll(async () => {
  requireBuiltCli();
  fake = await startFakeServer({ syntheticContacts: COUNT });
});
afterAll(() => fake?.close());

const env = (server: FakeServer = fake) => ({
  CALLAB_BASE_URL: server.url,
  CALLAB_API_KEY: server.apiKey,
});
const expected = Array.from({ length: COUNT }, (_, i) => syntheticContact(i));
const columns = fieldsOf('Contact');
const cell = (value: unknown) =>
  value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

describe('callab contacts query, streamed', () => {
  it('--format json writes [, the rows, ] as JSON.parse reads them', async () => {
    const result = await runCli(['contacts', 'query', '--format', 'json'], env());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(result.stdout.startsWith('[\n  {\n    "id": ')).toBe(true);
    expect(result.stdout.endsWith('\n  }\n]\n')).toBe(true);
  });

  it('--format ndjson writes one contact a line', async () => {
    const result = await runCli(['contacts', 'query', '--format', 'ndjson', '--tag', 'vip'], env());
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(expected.filter((c) => c.tag_name === 'vip'));
  });

  it('--format csv writes the header, then a line per contact', async () => {
    const result = await runCli(['contacts', 'query', '--format', 'csv'], env());
    expect(result.code).toBe(0);
    const [header, ...rows] = parse(result.stdout) as string[][];
    expect(header).toEqual(columns);
    expect(rows).toEqual(expected.map((c) => columns.map((k) => cell(c[k as keyof typeof c]))));
  });

  it('an empty list is [] in json and a header alone in csv', async () => {
    const empty = await startFakeServer({ syntheticContacts: 0 });
    try {
      const json = await runCli(['contacts', 'query', '--format', 'json'], env(empty));
      expect(json.stdout).toBe('[]\n');
      const csv = await runCli(['contacts', 'query', '--format', 'csv'], env(empty));
      expect(parse(csv.stdout)).toEqual([columns]);
    } finally {
      await empty.close();
    }
  });

  it(`--format table shows the first ${TABLE_ROW_LIMIT} rows and says so on stderr`, async () => {
    const big = await startFakeServer({ syntheticContacts: TABLE_ROW_LIMIT + 50 });
    try {
      const args = ['contacts', 'query', '--format', 'table', '--fields', 'id'];
      const result = await runCli(args, env(big));
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(TABLE_ROW_LIMIT + 2);
      expect(lines.at(-1)?.trim()).toBe(syntheticContact(TABLE_ROW_LIMIT - 1).id);
      expect(result.stderr).toBe(
        'callab: the table shows the first 10,000 rows only; use --format csv, ndjson or json for the whole list\n',
      );
    } finally {
      await big.close();
    }
  });

  it('stops reading when the reader goes away (| head), and exits 0', async () => {
    // Two million contacts: about 1.2 GB that nobody reads; the CLI must not fetch them all.
    const huge = await startFakeServer({ syntheticContacts: 2_000_000 });
    try {
      const child = spawnCli(['contacts', 'query', '--format', 'csv'], env(huge));
      const done = finished(child);
      child.stdout?.once('data', () => child.stdout?.destroy());
      const result = await done;
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
    } finally {
      await huge.close();
    }
  });

  it('shows progress on stderr with --progress, and none in a pipe without it', async () => {
    const quiet = await runCli(['contacts', 'query', '--format', 'ndjson'], env());
    expect(quiet.stderr).toBe('');
    const shown = await runCli(['contacts', 'query', '--format', 'ndjson', '--progress'], env());
    expect(shown.stdout).toBe(quiet.stdout);
    // Redrawn in place as it goes (\r, then erase to the end of the line); the last has the whole list.
    expect(shown.stderr).toMatch(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's erase sequence is the point.
      /^(\r[\d,]+ contacts, \d+\.\d MB, [\d,]+ contacts\/s\u001b\[K)+\n$/,
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
    expect(shown.stderr).toMatch(/\r3,000 contacts, 1\.\d MB, [\d,]+ contacts\/s\u001b\[K\n$/);
  });
});

describe('progressLine', () => {
  function capture() {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { stream, chunks };
  }

  it('redraws at most every 250 ms, counting the rate from the start', () => {
    const { stream, chunks } = capture();
    let now = 1000;
    const line = progressLine(stream, 'contacts', () => now);
    now = 2000;
    line.update({ bytes: 2_500_000, items: 4000 });
    now = 2100;
    line.update({ bytes: 3_000_000, items: 5000 });
    now = 3000;
    line.done();
    expect(chunks).toEqual([
      '\r4,000 contacts, 2.5 MB, 4,000 contacts/s\u001b[K',
      '\r5,000 contacts, 3.0 MB, 2,500 contacts/s\u001b[K',
      '\n',
    ]);
  });

  it('writes nothing for a list that never reported progress', () => {
    const { stream, chunks } = capture();
    progressLine(stream, 'contacts').done();
    expect(chunks).toEqual([]);
  });
});
