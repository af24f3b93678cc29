/** The benchmark's outputs: the JSON result's shape and its markdown rendering. */
import type { BundleSize } from './bundle-size';
import type { Goal } from './goals';
import type { StreamSummary } from './stream-summary';
import type { LargeSummary, SmallSummary } from './summary';

export interface BenchResult {
  date: string;
  environment: string;
  small: {
    queries: number;
    blockQueries: number;
    contactsPerQuery: number;
    warmupQueries: number;
    rounds: number;
    variants: SmallSummary[];
  };
  large: { contacts: number; bodyBytes: number; runs: number; variants: LargeSummary[] };
  /** The same 100k list read as a stream, then a list past V8's longest string. */
  stream: { runs: number; hugeRuns: number; at100k: StreamSummary[]; huge: StreamSummary[] };
  bundles: BundleSize[];
  goals: Goal[];
}

type Align = 'left' | 'right';

/** A GitHub markdown table; columns are left-aligned unless `align` says otherwise. */
export function markdownTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}

export const formatRatio = (value: number) => `${value.toFixed(2)}x`;
const formatMs = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const formatMB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
export const formatKB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const count = (value: number) => value.toLocaleString('en-US');
/** The fastest and slowest run: how much the machine's noise moved the numbers. */
const spread = (values: number[]) =>
  `${Math.round(Math.min(...values))}-${Math.round(Math.max(...values))} ms`;

export function smallTable(small: BenchResult['small']): string {
  return [
    `### ${count(small.queries)} sequential queries of ${small.contactsPerQuery} contacts per client, interleaved in blocks of ${small.blockQueries} (median of ${small.rounds} rounds)`,
    '',
    markdownTable(
      [
        'Client',
        'Time',
        'Per query',
        'vs raw fetch',
        'Fastest-slowest round',
        'Client CPU per query',
        'vs raw fetch',
      ],
      small.variants.map((v) => [
        v.label,
        formatMs(v.medianMs),
        `${v.perQueryUs.toFixed(0)} µs`,
        formatRatio(v.ratioToFetch),
        spread(v.rounds.map((r) => r.wallMs)),
        `${v.cpuPerQueryUs.toFixed(0)} µs`,
        formatRatio(v.cpuRatioToFetch),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  ].join('\n');
}

function largeTable(large: BenchResult['large']): string {
  return [
    `### One query of ${count(large.contacts)} contacts (${formatMB(large.bodyBytes)} of JSON), a fresh process per run (median of ${large.runs} runs)`,
    '',
    markdownTable(
      ['Client', 'Time', 'vs raw fetch', 'Peak RSS', 'vs raw fetch', 'Fastest-slowest run'],
      large.variants.map((v) => [
        v.label,
        formatMs(v.medianMs),
        formatRatio(v.timeRatioToFetch),
        `${v.medianPeakRssMb.toFixed(0)} MB`,
        formatRatio(v.rssRatioToFetch),
        spread(v.runs.map((run) => run.ms)),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  ].join('\n');
}

function streamTables(stream: BenchResult['stream']): string {
  const rate = (v: StreamSummary) =>
    v.error === undefined
      ? `${count(Math.round(v.contactsPerSecond))} contacts/s, ${v.mbPerSecond.toFixed(1)} MB/s`
      : `fails: ${v.error}`;
  const title = (rows: StreamSummary[], runs: number) => {
    const list = rows[0] ?? { contacts: 0, bodyBytes: 0 };
    return `### Streaming ${count(list.contacts)} contacts (${formatMB(list.bodyBytes)} of JSON), a fresh process per run (median of ${runs} runs)`;
  };
  const rawRate = stream.at100k.find((v) => v.id === 'fetch');
  return [
    title(stream.at100k, stream.runs),
    '',
    markdownTable(
      ['Reader', 'Time', 'vs raw fetch', 'Peak RSS', 'vs raw fetch', 'Rate', 'Fastest-slowest run'],
      stream.at100k.map((v) => [
        v.label,
        formatMs(v.medianMs),
        v.timeRatioToFetch === undefined ? '-' : formatRatio(v.timeRatioToFetch),
        `${v.medianPeakRssMb.toFixed(0)} MB`,
        v.rssRatioToFetch === undefined ? '-' : formatRatio(v.rssRatioToFetch),
        rate(v),
        spread(v.runs.map((run) => run.ms)),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    title(stream.huge, stream.hugeRuns),
    '',
    markdownTable(
      ['Reader', 'Time', 'Peak RSS', 'Rate', 'Fastest-slowest run'],
      stream.huge.map((v) => [
        v.label,
        formatMs(v.medianMs),
        `${v.medianPeakRssMb.toFixed(0)} MB`,
        rate(v),
        spread(v.runs.map((run) => run.ms)),
      ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
    ...(rawRate
      ? ['', `Raw fetch + json() at ${count(rawRate.contacts)} contacts: ${rate(rawRate)}.`]
      : []),
  ].join('\n');
}

export function bundleTable(bundles: BundleSize[]): string {
  return [
    '### Bundle size: everything the entry exports, esbuild --bundle --minify, gzip -9',
    '',
    markdownTable(
      ['Entry', 'Platform', 'Minified', 'Gzip', 'Gzip, own code only', 'Lazy chunks, gzip'],
      bundles.map((b) => [
        b.label,
        b.platform,
        formatKB(b.minBytes),
        formatKB(b.gzipBytes),
        b.ownGzipBytes === undefined ? '-' : formatKB(b.ownGzipBytes),
        b.lazyGzipBytes ? formatKB(b.lazyGzipBytes) : '-',
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right'],
    ),
  ].join('\n');
}

export function goalTable(goals: Goal[]): string {
  const value = (goal: Goal, n: number) =>
    goal.unit === 'bytes gzip'
      ? `${formatKB(n)} gzip`
      : goal.unit === 'MB'
        ? `${n.toFixed(0)} MB`
        : formatRatio(n);
  return [
    '### Goals (callab-client against raw fetch measured in the same run)',
    '',
    markdownTable(
      ['Goal', 'Measured', 'Limit', 'Met'],
      goals.map((g) => [g.goal, value(g, g.measured), value(g, g.limit), g.met ? 'yes' : '**no**']),
      ['left', 'right', 'right', 'left'],
    ),
  ].join('\n');
}

export function markdownReport(result: BenchResult): string {
  return [
    `_${result.environment}, ${result.date}_`,
    smallTable(result.small),
    largeTable(result.large),
    streamTables(result.stream),
    bundleTable(result.bundles),
    goalTable(result.goals),
  ].join('\n\n');
}
