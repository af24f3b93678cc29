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
    const stale = readme.replace(/^id,company_id,campaign_id,/m, 'id,company_id,');
    expect(stale).not.toBe(readme);
    expect(await replaySession(stale)).toBe(readme);
  }, 30_000);

  it('refuses a shell form it cannot replay rather than skipping it', async () => {
    const unknown = readme.replace(
      '$ callab campaigns list --limit 0;',
      '$ callab campaigns list --limit 0 &&',
    );
    await expect(replaySession(unknown)).rejects.toThrow('a shell form the replay does not know');
  }, 30_000);
});
