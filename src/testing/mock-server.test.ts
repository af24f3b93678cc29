import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSpecPath, type MockServer, startMockServer } from './mock-server';

/** The repository's own spec, two levels above this directory. */
const SPEC_PATH = join(__dirname, '..', '..', 'openapi.yaml');

describe('startMockServer', () => {
  const logs: { level: string; message: string }[] = [];
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ onLog: (entry) => logs.push(entry) });
  });
  afterAll(() => server.close());

  const get = (
    path: string,
    headers: Record<string, string> = { authorization: 'Bearer any-key' },
  ) => fetch(`${server.url}${path}`, { headers });

  it('serves the repository spec from src/testing', () => {
    expect(bundledSpecPath()).toBe(SPEC_PATH);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers with the spec example, static by default', async () => {
    const first = await (await get('/phone_number')).json();
    const second = await (await get('/phone_number')).json();
    expect(first.status).toBe('ok');
    expect(first.data[0].nickname).toBe('Sales line');
    expect(second).toEqual(first);
  });

  it('checks security: no bearer token gives 401', async () => {
    const response = await get('/phone_number', {});
    expect(response.status).toBe(401);
  });

  it('validates requests: a misspelled filter is refused', async () => {
    const response = await fetch(`${server.url}/contact/query`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ tag: ['vip'] }),
    });
    expect(response.status).toBe(422);
  });

  it('serves a declared error status on request (Prefer: code=429)', async () => {
    const response = await get('/campaign/list', { authorization: 'Bearer k', prefer: 'code=429' });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      status: 'error',
      message: 'Too many requests, retry later',
      data: '',
    });
  });

  it('forwards Prism log lines to onLog, with the API key redacted', () => {
    const lines = logs.map((entry) => `${entry.level} ${entry.message}`);
    expect(lines).toContain('info Request received');
    expect(lines).toContain('debug < \tauthorization: [redacted]');
    expect(lines.join('\n')).not.toContain('any-key');
  });

  it('explains a spec it cannot read', async () => {
    const specPath = `${SPEC_PATH}.missing`;
    expect(existsSync(specPath)).toBe(false);
    await expect(startMockServer({ specPath })).rejects.toThrow(
      `startMockServer: no OpenAPI document at ${specPath}; check specPath.`,
    );
  });
});
