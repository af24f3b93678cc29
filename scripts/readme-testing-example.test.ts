/**
 * The README's jest example is src/testing/readme-example.test.ts, which runs in the unit
 * project; the README must quote it verbatim (with the package's import names), so a stale
 * example fails here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './paths';

const EXAMPLE_PATH = join(ROOT, 'src', 'testing', 'readme-example.test.ts');

/** The example as a consumer writes it: imports from the package, not from this repository. */
function asConsumerCode(source: string): string {
  return source
    .replaceAll("from '../index';", "from 'callab-client';")
    .replaceAll("from './index';", "from 'callab-client/testing';");
}

function quotes(markdown: string, code: string): boolean {
  return markdown.includes(`\`\`\`ts\n${code}\`\`\``);
}

describe('the README testing example', () => {
  it('quotes src/testing/readme-example.test.ts as a consumer writes it', async () => {
    const [readme, example] = await Promise.all([
      readFile(join(ROOT, 'README.md'), 'utf8'),
      readFile(EXAMPLE_PATH, 'utf8'),
    ]);
    const code = asConsumerCode(example);
    expect(code).toContain("from 'callab-client/testing';");
    expect(code).not.toContain("'./");
    expect(quotes(readme, code)).toBe(true);
  });

  it('fails when the README and the example drift apart', async () => {
    const example = asConsumerCode(await readFile(EXAMPLE_PATH, 'utf8'));
    const stale = example.replace('maxRetries: 0', 'maxRetries: 1');
    expect(stale).not.toBe(example);
    expect(quotes(`\`\`\`ts\n${stale}\`\`\``, example)).toBe(false);
  });
});
