import { parseInvocation } from './args';
import { UsageError } from './errors';

const words = (argv: string[]) => {
  const invocation = parseInvocation(argv);
  return invocation.kind === 'version' ? 'version' : invocation.command?.words.join(' ');
};

describe('parseInvocation', () => {
  it('finds the command wherever the flags are and keeps repeated filters', () => {
    const invocation = parseInvocation([
      '--format',
      'csv',
      'contacts',
      '--tag',
      'vip',
      'query',
      '--tag=b',
    ]);
    expect(invocation).toMatchObject({
      kind: 'run',
      command: { words: ['contacts', 'query'] },
      values: { format: 'csv', tag: ['vip', 'b'] },
    });
  });

  it('gives help for the overview, a group and a command, and the version', () => {
    expect(parseInvocation(['--help'])).toEqual({ kind: 'help' });
    expect(parseInvocation(['contacts', '-h'])).toEqual({ kind: 'help', group: 'contacts' });
    expect(words(['campaigns', 'list', '--help'])).toBe('campaigns list');
    expect(words(['--version'])).toBe('version');
  });

  it.each([
    [[], /missing command/],
    [['nope'], /unknown command 'nope'; commands: contacts query, phone-numbers list/],
    [['contacts'], /'contacts' needs a subcommand: query/],
    [['contacts', 'list'], /'contacts' has no subcommand 'list': query/],
    [['webhooks', 'list', 'extra'], /unexpected argument 'extra' for 'webhooks list'/],
    [['contacts', 'query', '--limit', '3'], /--limit is not an option of 'contacts query'/],
    [['mock', '--format', 'csv'], /--format is not an option of 'mock'/],
    [['contacts', 'query', '--colour'], /^unknown option '--colour' \(see 'callab --help'\)$/],
    [
      ['contacts', 'query', '--tags', 'vip'],
      /^unknown option '--tags'; did you mean '--tag'\? \(see 'callab --help'\)$/,
    ],
    [['campaigns', 'list', '--limt=3'], /unknown option '--limt'; did you mean '--limit'\?/],
    // --tag belongs to 'contacts query' only: suggesting it here would send the user to a refusal.
    [['campaigns', 'list', '--tags', 'vip'], /^unknown option '--tags' \(see 'callab --help'\)$/],
    [['--tags', 'vip', 'contacts', 'query'], /^unknown option '--tags'; did you mean '--tag'\?/],
    [['webhooks', 'list', '--limt=3'], /^unknown option '--limt' \(see 'callab --help'\)$/],
    [
      ['campaigns', 'list', '--limit', '-1'],
      /^option '--limit' needs a value, and the next argument starts with '-': write --limit=-1 to pass it as the value \(see 'callab --help'\)$/,
    ],
    [
      ['campaigns', 'list', '--limit', '2', '--fields', '--format', 'csv'],
      /^option '--fields' needs a value, .*: write --fields=--format to pass it as the value/,
    ],
    [['campaigns', 'list', '--limit'], /option '--limit <value>' argument missing/],
    [['demo', '--debug=yes'], /option '--debug' does not take an argument/],
  ])('rejects %j as a usage error', (argv, message) => {
    expect(() => parseInvocation(argv)).toThrow(UsageError);
    expect(() => parseInvocation(argv)).toThrow(message);
  });

  it('never repeats the value of a mistyped option', () => {
    expect(() => parseInvocation(['contacts', 'query', '--api-kye=sk-secret'])).toThrow(
      /^(?!.*sk-secret)/,
    );
  });

  it('never repeats a key that starts with a dash', () => {
    expect(() => parseInvocation(['contacts', 'query', '--api-key', '-sk-secret'])).toThrow(
      /^option '--api-key' needs a value, .*: write --api-key=VALUE to pass it as the value/,
    );
    expect(() => parseInvocation(['contacts', 'query', '--api-key', '-sk-secret'])).toThrow(
      /^(?!.*sk-secret)/,
    );
  });
});
