/**
 * A list written as it arrives (`callab contacts query`): rows go out in batches through ./output,
 * which waits for the reader (backpressure), so memory holds one batch, not the list. Leaving
 * early (the reader went away, a failure) ends the stream, which closes the connection.
 */
import type { Writable } from 'node:stream';
import type { StreamProgress } from '../core/transport';
import { allColumns } from './fields';
import type { Row, RowWriter } from './formats';
import type { Output } from './output';

/** About how many characters go to stdout in one write. */
const BATCH_CHARACTERS = 64 * 1024;

/** The most rows `--format table` holds for its column widths; past it the table is cut. */
export const TABLE_ROW_LIMIT = 10_000;

/**
 * The columns: `fields` when given, else the documented fields and any other field of the first
 * row (the header must be out before the other rows have arrived); returns them with the rows.
 */
export async function withColumns(
  rows: AsyncIterable<Row>,
  documented: readonly string[],
  fields: readonly string[] | undefined,
): Promise<{ columns: readonly string[]; rows: AsyncIterable<Row> }> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const columns = fields ?? allColumns(documented, first.done ? [] : [first.value]);
  async function* all(): AsyncGenerator<Row> {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { columns, rows: all() };
}

/** Writes `rows` with `writer`; returns how many were written. */
export async function writeRows(
  rows: AsyncIterable<Row>,
  writer: RowWriter,
  output: Output,
): Promise<number> {
  let batch = writer.start();
  let count = 0;
  for await (const row of rows) {
    batch += writer.row(row, count++);
    if (batch.length >= BATCH_CHARACTERS) {
      await output.write([batch]);
      batch = '';
      // `callab ... | head`: nobody reads the rest, so stop reading it.
      if (output.closed) return count;
    }
  }
  await output.write([batch + writer.end(count)]);
  return count;
}

/** Up to `limit` rows; `more` says whether the stream had others (it is closed then). */
export async function firstRows(
  rows: AsyncIterable<Row>,
  limit: number,
): Promise<{ rows: Row[]; more: boolean }> {
  const kept: Row[] = [];
  for await (const row of rows) {
    if (kept.length === limit) return { rows: kept, more: true };
    kept.push(row);
  }
  return { rows: kept, more: false };
}

const MB = 1_000_000;
const PROGRESS_INTERVAL_MS = 250;

/**
 * `12,345 contacts, 7.2 MB, 4,321 contacts/s` on one stderr line, redrawn at most four times a
 * second; `done()` ends the line.
 */
export function progressLine(
  stderr: Writable,
  noun: string,
  now: () => number = Date.now,
): { update(progress: StreamProgress): void; done(): void } {
  const started = now();
  let shown = Number.NEGATIVE_INFINITY;
  let last: StreamProgress = { bytes: 0, items: 0 };
  const draw = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = Math.round(last.items / seconds).toLocaleString('en-US');
    stderr.write(
      `\r${last.items.toLocaleString('en-US')} ${noun}, ${(last.bytes / MB).toFixed(1)} MB, ${rate} ${noun}/s\u001b[K`,
    );
  };
  return {
    update(progress) {
      last = progress;
      if (now() - shown < PROGRESS_INTERVAL_MS) return;
      shown = now();
      draw();
    },
    done() {
      if (shown === Number.NEGATIVE_INFINITY) return;
      draw();
      stderr.write('\n');
    },
  };
}
