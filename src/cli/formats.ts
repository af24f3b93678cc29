/**
 * The output formats. Each yields the output in small chunks (one row at a time) so that the
 * writer can respect backpressure and no format builds the whole output as one string.
 */

export type Row = Readonly<Record<string, unknown>>;

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Writes `rows` restricted to `columns`, in that order. */
export type Formatter = (rows: readonly Row[], columns: readonly string[]) => Iterable<string>;

/** Longest table cell, in characters; longer values end in an ellipsis. */
export const TABLE_CELL_MAX = 40;
const TABLE_GAP = '  ';

/** A value as one text cell: null and absent are empty, nested values are compact JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function pick(row: Row, columns: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const column of columns) picked[column] = row[column];
  return picked;
}

export function* json(rows: readonly Row[], columns: readonly string[]): Iterable<string> {
  if (rows.length === 0) {
    yield '[]\n';
    return;
  }
  let separator = '[\n';
  for (const row of rows) {
    // Indenting the row's own lines reproduces JSON.stringify(rows, null, 2) exactly: a JSON
    // string never contains a raw newline, so every newline is structural.
    yield `${separator}  ${JSON.stringify(pick(row, columns), null, 2).replace(/\n/g, '\n  ')}`;
    separator = ',\n';
  }
  yield '\n]\n';
}

export function* ndjson(rows: readonly Row[], columns: readonly string[]): Iterable<string> {
  for (const row of rows) yield `${JSON.stringify(pick(row, columns))}\n`;
}

/** RFC 4180: CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled. */
export function* csv(rows: readonly Row[], columns: readonly string[]): Iterable<string> {
  yield csvLine(columns);
  for (const row of rows) yield csvLine(columns.map((column) => cellText(row[column])));
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Aligned columns under a dashed rule; widths are counted in code points. Two passes over the
 * rows (widths, then lines) instead of keeping every rendered cell in memory.
 */
export function* table(rows: readonly Row[], columns: readonly string[]): Iterable<string> {
  const widths = columns.map((column) =>
    rows.reduce((widest, row) => Math.max(widest, length(tableCell(row[column]))), length(column)),
  );
  yield tableLine(columns, widths);
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
  // Control characters (newlines, tabs, terminal escapes) would break the layout or the terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  const text = cellText(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const points = [...text];
  return points.length > TABLE_CELL_MAX ? `${points.slice(0, TABLE_CELL_MAX - 1).join('')}…` : text;
}

function length(text: string): number {
  return [...text].length;
}

export const FORMATTERS: Record<Format, Formatter> = { table, json, ndjson, csv };
