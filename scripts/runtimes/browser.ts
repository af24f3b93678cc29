/**
 * Headless Chromium (Debian's package) driven by playwright-core: one loopback server serves the
 * esbuild bundle of consumer/browser.mjs and proxies /api/* to the fake server, so the page calls
 * the API on its own origin, as an app behind its own backend does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling out, and is refused. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export function chromiumVersion(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  // Debian's launcher script prints a shell error of its own on stderr; the version is on stdout.
  return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: 'pipe' }).trim();
}

/** Serves `pageDir` (index.html and the bundle) and forwards /api/... to `apiUrl`. */
async function servePage(
  pageDir: string,
  apiUrl: string,
): Promise<{ url: string; server: Server }> {
  const api = new URL(apiUrl);
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://page.invalid').pathname;
    if (path.startsWith('/api/')) {
      const upstream = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          method: request.method,
          path: (request.url ?? '').slice('/api'.length),
          headers: { ...request.headers, host: api.host },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', (error) => response.destroy(error));
      request.pipe(upstream);
      return;
    }
    const file = normalize(path === '/' ? '/index.html' : path);
    const type = TYPES[extname(file)];
    const contents = type && (await readFile(join(pageDir, file)).catch(() => undefined));
    if (!contents) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': type }).end(contents);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Opens the page in a fresh profile and returns what `window.callabChecks` resolved to. */
export async function runInChromium(
  pageDir: string,
  fake: { url: string; apiKey: string },
): Promise<unknown> {
  const { url, server } = await servePage(pageDir, fake.url);
  const profile = await mkdtemp(join(tmpdir(), 'callab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // goto waits for the load event, after the module script ran.
    await page.goto(`${url}/?key=${encodeURIComponent(fake.apiKey)}`);
    const results = await page.evaluate(
      () => (window as unknown as { callabChecks?: Promise<unknown> }).callabChecks,
    );
    if (results === undefined) throw new Error(`the page ran no checks: ${pageErrors.join('; ')}`);
    return results;
  } finally {
    await context.close();
    server.close();
    server.closeAllConnections();
    await rm(profile, { recursive: true, force: true });
  }
}
