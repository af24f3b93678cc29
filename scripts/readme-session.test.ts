/** The README's terminal session shows what the CLI prints now (npm run generate replays it). */
import { readFileSync } from 'node:fs';
import { README_PATH } from './readme-sections';
import { replaySession } from './readme-session';

const readme = readFileSync(README_PATH, 'utf8');

describe("the README's terminal session", () => {
  it('is what the CLI prints against the fake server, the CSV export included', async () => {
    expect(readme).toContain('$ callab contacts query --format csv | head -2');
    expect(await replaySession(readme)).toBe(readme);
  }, 30_000);

  it('replaces stale output with the current one', async () => {
    const session = (output: string) =>
      `### A terminal session\n\n\`\`\`console\n$ export CALLAB_BASE_URL=http://127.0.0.1:4455 CALLAB_API_KEY=fake-api-key\n$ callab phone-numbers list --fields nickname --format csv\n${output}\`\`\`\n`;
    expect(await replaySession(session('stale\n'))).toBe(
      session('nickname\nSales line\nSupport overflow\n'),
    );
  });

  it('refuses a shell form it cannot replay rather than skipping it', async () => {
    const unknown = readme.replace(
      '$ callab campaigns list --limit 0;',
      '$ callab campaigns list --limit 0 &&',
    );
    await expect(replaySession(unknown)).rejects.toThrow('a shell form the replay does not know');
  }, 30_000);
});
