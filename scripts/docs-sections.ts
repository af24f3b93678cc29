/**
 * The parts of the docs that describe the API, written from the operation table by
 * `npm run generate` between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` markers:
 * the client's method table, the CLI's command table and the filter table, in whichever page
 * holds each (README.md or docs/*.md). `npm run check:generated` and
 * scripts/docs-sections.test.ts fail when they are stale, so the docs cannot drift from the spec.
 */
import type { OperationEntry } from '../src/core/operation-entry';
import type { SpecNode } from '../src/internal/spec-document';
import { camelCase, operationTable } from './generate-operations';

/** `campaigns.list({ limit }?, options?)`, following src/resources' argument rule. */
export function signature(entry: OperationEntry): string {
  const query = entry.queryParams;
  const body = entry.body;
  const args = [
    ...entry.pathParams.map((param) => camelCase(param.name)),
    ...(query.length > 0
      ? [`{ ${query.map((p) => p.name).join(', ')} }${query.some((p) => p.required) ? '' : '?'}`]
      : []),
    ...(body
      ? [
          `${body.filters.length > 0 ? 'filters' : 'body'}${body.requiredProperties.length > 0 ? '' : '?'}`,
        ]
      : []),
    'options?',
  ];
  return `${entry.resource}.${entry.name}(${args.join(', ')})`;
}

function returns(entry: OperationEntry): string {
  const schema = entry.returns?.schema ?? 'unknown';
  return `\`${schema}${entry.returns?.list ? '[]' : ''}\``;
}

function code(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}

function methodTable(entries: readonly OperationEntry[]): string {
  return [
    '| method | HTTP | returns |',
    '| --- | --- | --- |',
    ...entries.map((entry) => {
      const filters = entry.body?.filters.map((f) => f.name) ?? [];
      const matching = filters.length > 0 ? ` (${code(filters)})` : '';
      return `| \`${signature(entry)}\` | \`${entry.method.toUpperCase()} ${entry.path}\` | ${returns(entry)}: ${entry.summary.toLowerCase()}${matching} |`;
    }),
  ].join('\n');
}

function commandTable(entries: readonly OperationEntry[]): string {
  return [
    '| command | what it prints |',
    '|---|---|',
    ...entries.map((entry) => {
      const words = [
        'callab',
        ...entry.command,
        ...entry.pathParams.map((p) => `<${p.cli}>`),
        ...entry.queryParams.map(
          (p) => `[--${p.cli} ${/integer|number/.test(String(p.schema.type)) ? 'N' : 'S'}]`,
        ),
        ...(entry.body?.filters ?? []).map((f) => `[--${f.flag} S]...`),
      ];
      return `| \`${words.join(' ')}\` | ${entry.summary.toLowerCase()} |`;
    }),
  ].join('\n');
}

function filterTable(entries: readonly OperationEntry[]): string {
  const rows = entries.flatMap((entry) =>
    (entry.body?.filters ?? []).map(
      (f) =>
        `| \`${entry.resource}.${entry.name}\` | \`${f.name}\` | \`${f.matches ?? ''}\` | \`--${f.flag}\` |`,
    ),
  );
  return [
    '| method | filter | matches the field | CLI flag |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Each generated section's markdown, by name. */
export function docSections(spec: SpecNode): Record<string, string> {
  const entries = Object.values(operationTable(spec));
  return {
    methods: methodTable(entries),
    'cli-commands': commandTable(entries),
    filters: filterTable(entries),
  };
}

const SECTION = /(<!-- generated:([\w-]+) [^>]*-->\n)[\s\S]*?(<!-- \/generated:\2 -->)/g;

/**
 * `pages` (text by path) with each marked section replaced; throws when a section is in no page,
 * or in two (one place for each table).
 */
export function withSections(
  pages: Record<string, string>,
  sections: Record<string, string>,
): Record<string, string> {
  const found = new Map<string, string>();
  const updated = Object.fromEntries(
    Object.entries(pages).map(([page, markdown]) => [
      page,
      markdown.replace(SECTION, (whole, open: string, name: string, close: string) => {
        const text = sections[name];
        if (text === undefined) return whole;
        const first = found.get(name);
        if (first !== undefined) {
          throw new Error(`<!-- generated:${name} --> is in both ${first} and ${page}`);
        }
        found.set(name, page);
        return `${open}${text}\n${close}`;
      }),
    ]),
  );
  const missing = Object.keys(sections).filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(`no page has a <!-- generated:${missing[0]} --> section`);
  }
  return updated;
}
