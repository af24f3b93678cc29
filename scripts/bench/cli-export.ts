/**
 * The CLI's streaming export as a user runs it: the built `callab contacts query --format csv`
 * in its own process, stdout to a file. Its peak RSS is read inside it at exit by a preloaded
 * hook, and the rows are counted in the file it wrote.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Preloaded into the CLI (node --require): its peak RSS (ru_maxrss, kB) to a file at exit. */
const RSS_HOOK = `process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })));`;

/** CSV lines (CRLF-ended) in `path` less the header; a quoted cell never holds CRLF in this list. */
async function csvRows(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    for (const byte of chunk as Buffer) if (byte === 0x0a) lines++;
  }
  return lines - 1;
}

/** `clientEntry` is the URL of the built dist/index.mjs; the CLI is built beside it. */
export async function exportCsv(
  baseUrl: string,
  apiKey: string,
  clientEntry: string,
): Promise<{ contacts: number; peakRssBytes: number }> {
  const cli = fileURLToPath(new URL('./cli/index.cjs', clientEntry));
  const dir = await mkdtemp(join(tmpdir(), 'callab-bench-cli-'));
  try {
    const hook = join(dir, 'rss-hook.cjs');
    await writeFile(hook, RSS_HOOK);
    const outPath = join(dir, 'contacts.csv');
    const rssPath = join(dir, 'rss.json');
    const out = await open(outPath, 'w');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--require', hook, cli, 'contacts', 'query', '--format', 'csv'],
        {
          env: {
            PATH: process.env.PATH ?? '',
            CALLAB_BASE_URL: baseUrl,
            CALLAB_API_KEY: apiKey,
            BENCH_RSS_FILE: rssPath,
          },
          stdio: ['ignore', out.fd, 'inherit'],
        },
      );
      child.once('error', reject);
      child.once('exit', resolve);
    });
    await out.close();
    if (code !== 0) throw new Error(`callab contacts query exited with code ${code}`);
    const { maxRSS } = JSON.parse(await readFile(rssPath, 'utf8')) as { maxRSS: number };
    return { contacts: await csvRows(outPath), peakRssBytes: maxRSS * 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
