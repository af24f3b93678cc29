import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocs, externalLoads } from './build-docs';

describe('npm run docs', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'callab-docs-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('builds one HTML file that documents every operation and loads nothing from a CDN', async () => {
    const output = join(work, 'index.html');
    await buildDocs(output);
    const html = await readFile(output, 'utf8');
    expect(externalLoads(html)).toEqual([]);
    for (const operationId of [
      'queryContacts',
      'listPhoneNumbers',
      'listCampaigns',
      'listWebhookFlows',
    ]) {
      expect(html).toContain(operationId);
    }
  }, 60_000);

  it.each([
    ['a CDN script', '<script src="https://cdn.redocly.com/redoc.js"></script>'],
    ['a protocol-relative script', "<script src='//cdn.example.com/x.js'></script>"],
    [
      'a module import',
      '<script type="module">import { hydrate } from "https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js";</script>',
    ],
    [
      'a stylesheet',
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
    ],
    ['a CSS import', '<style>@import url("https://fonts.googleapis.com/css");</style>'],
  ])('the self-contained check catches %s', (_what, html) => {
    expect(externalLoads(html)).toHaveLength(1);
  });
});
