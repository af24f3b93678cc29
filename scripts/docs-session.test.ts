/** The docs' terminal session shows what the CLI prints now (npm run generate replays it). */
import { readDocPages } from './docs-pages';
import { replaySession } from './docs-session';

const pages = readDocPages();
const cli = pages['docs/cli.md'] ?? '';

describe("the docs' terminal session", () => {
  it('is what the CLI prints against the fake server, the CSV export included', async () => {
    expect(cli).toContain('$ callab contacts query --format csv | head -2');
    expect(await replaySession(pages)).toEqual(pages);
  }, 30_000);

  it('replaces stale output with the current one', async () => {
    const session = (output: string) =>
      `### A terminal session\n\n\`\`\`console\n$ export CALLAB_BASE_URL=http://127.0.0.1:4455 CALLAB_API_KEY=fake-api-key\n$ callab phone-numbers list --fields nickname --format csv\n${output}\`\`\`\n`;
    expect(await replaySession({ 'docs/x.md': session('stale\n') })).toEqual({
      'docs/x.md': session('nickname\nSales line\nSupport overflow\n'),
    });
  });

  it('must be in exactly one page', async () => {
    await expect(replaySession({ 'README.md': '# none\n' })).rejects.toThrow('found: none');
    await expect(replaySession({ ...pages, 'docs/copy.md': cli })).rejects.toThrow(
      'found: docs/cli.md, docs/copy.md',
    );
  });

  it('refuses a shell form it cannot replay rather than skipping it', async () => {
    const unknown = cli.replace(
      '$ callab campaigns list --limit 0;',
      '$ callab campaigns list --limit 0 &&',
    );
    await expect(replaySession({ ...pages, 'docs/cli.md': unknown })).rejects.toThrow(
      'a shell form the replay does not know',
    );
  }, 30_000);
});
