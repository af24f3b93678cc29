/**
 * The output formats. Each yields the output in small chunks (one row at a time) so that the
 * writer can respect backpressure and no format builds the whole output as one string. What they
 * print of the server's text goes through ./scrub: nothing in a field reaches the terminal as a
 * control or bidi character.
 */
import { escapeUnsafe, scrub } from './scrub';

export type Row = Readonly<Record<string, unknown>>;

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions {
  /** CSV: write cells that a spreadsheet would run as a formula as they are, not neutralised. */
  rawFormulas?: boolean;
}

/** Writes `rows` restricted to `columns`, in that order. */
export type Formatter = (
  rows: readonly Row[],
  columns: readonly string[],
  options?: FormatOptions,
) => Iterable<string>;

/** Longest table cell, in characters; longer values end in an ellipsis. */
export const TABLE_CELL_MAX = 40;
const TABLE_GAP = '  ';

/** A value as one text cell: null and absent are empty, numbers, booleans and nested values JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function pick(row: Row, columns: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const column of columns) picked[column] = row[column];
  return picked;
}

/**
 * A format that can be written one row at a time, before the rest have arrived: the text before
 * the rows, each row's text, the text after them. The buffered formatters below use the same.
 */
export interface RowWriter {
  start(): string;
  row(row: Row, index: number): string;
  end(rows: number): string;
}

export type StreamedFormat = Exclude<Format, 'table'>;

/** The formats a list can be written in as it arrives (table needs every row for its widths). */
export function isStreamedFormat(format: Format): format is StreamedFormat {
  return format !== 'table';
}

export const ROW_WRITERS: Record<
  StreamedFormat,
  (columns: readonly string[], options?: FormatOptions) => RowWriter
> = {
  json: (columns) => ({
    start: () => '',
    // Indenting the row's own lines reproduces JSON.stringify(rows, null, 2) exactly: a JSON
    // string never contains a raw newline, so every newline is structural.
    row: (row, index) =>
      `${index === 0 ? '[\n' : ',\n'}  ${escapeUnsafe(JSON.stringify(pick(row, columns), null, 2)).replace(/\n/g, '\n  ')}`,
    end: (rows) => (rows === 0 ? '[]\n' : '\n]\n'),
  }),
  ndjson: (columns) => ({
    start: () => '',
    row: (row) => `${escapeUnsafe(JSON.stringify(pick(row, columns)))}\n`,
    end: () => '',
  }),
  /**
   * RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled.
   * A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, tab
   * or CR: `=HYPERLINK(...)` in a contact's notes) gets a leading `'`, as OWASP recommends, unless
   * `rawFormulas`. A cell that is just a number with its sign (`+14155550123`, E.164, or `-5`) is
   * not a formula and is written as it is, so phone numbers stay usable; so are JSON numbers.
   */
  csv: (columns, { rawFormulas = false } = {}) => {
    const field = (value: unknown) => csvField(value, rawFormulas);
    return {
      start: () => csvLine(columns.map(field)),
      row: (row) => csvLine(columns.map((column) => field(row[column]))),
      end: () => '',
    };
  },
};

function* written(writer: RowWriter, rows: readonly Row[]): Iterable<string> {
  const start = writer.start();
  if (start) yield start;
  for (const [index, row] of rows.entries()) yield writer.row(row, index);
  const end = writer.end(rows.length);
  if (end) yield end;
}

export const json: Formatter = (rows, columns) => written(ROW_WRITERS.json(columns), rows);
export const ndjson: Formatter = (rows, columns) => written(ROW_WRITERS.ndjson(columns), rows);
export const csv: Formatter = (rows, columns, options) =>
  written(ROW_WRITERS.csv(columns, options), rows);

function csvLine(fields: readonly string[]): string {
  return `${fields.join(',')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]\d+(?:\.\d+)?$/;

/** True for text a spreadsheet would evaluate: `=1+1`, `@SUM(A1)`, `-2+3+cmd|...`. */
export function isFormula(text: string): boolean {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text);
}

function csvField(value: unknown, rawFormulas: boolean): string {
  // Tab, CR and LF are kept: inside a quoted field they are data, and RFC 4180 carries them.
  const text = scrub(cellText(value), '\t\r\n');
  const cell = typeof value === 'string' && !rawFormulas && isFormula(text) ? `'${text}` : text;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Aligned columns under a dashed rule; widths are counted in code points. Two passes over the
 * rows (widths, then lines) instead of keeping every rendered cell in memory.
 */
export function* table(rows: readonly Row[], columns: readonly string[]): Iterable<string> {
  const widths = columns.map((column) =>
    rows.reduce(
      (widest, row) => Math.max(widest, length(tableCell(row[column]))),
      length(tableCell(column)),
    ),
  );
  yield tableLine(columns.map(tableCell), widths);
  yield tableLine(
    widths.map((width) => '-'.repeat(width)),
    widths,
  );
  for (const row of rows)
    yield tableLine(
      columns.map((column) => tableCell(row[column])),
      widths,
    );
}

function tableLine(cells: readonly string[], widths: readonly number[]): string {
  const padded = cells.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - length(cell)));
  return `${padded.join(TABLE_GAP).trimEnd()}\n`;
}

function tableCell(value: unknown): string {
  const text = scrub(cellText(value));
  const points = [...text];
  return points.length > TABLE_CELL_MAX ? `${points.slice(0, TABLE_CELL_MAX - 1).join('')}…` : text;
}

function length(text: string): number {
  return [...text].length;
}

export const FORMATTERS: Record<Format, Formatter> = { table, json, ndjson, csv };
