/**
 * The packed tarball under jest's default configuration (CommonJS, vm modules off), which is
 * what most consumer teams run: jest-default/ is their project, with the Prism peers installed.
 * Plain `node` passing proves nothing here: jest throws on an `import()` inside a dependency.
 * Needs dist/ (`npm test` builds before jest).
 *
 * @slow
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConsumerProject,
  createConsumerProject,
  templateFiles,
} from '../smoke/consumer-project';
import { packPackage } from '../smoke/packed-package';

let work: string;
let project: ConsumerProject;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'callab-jest-default-'));
  const packed = await packPackage();
  const files = await templateFiles(join(__dirname, 'jest-default'));
  project = await createConsumerProject(packed.dir, join(work, 'consumer'), files);
  await project.installOptionalPeers();
  await project.installTools('jest');
}, 60_000);

afterAll(() => rm(work, { recursive: true, force: true }));

it('a jest project with no configuration passes its npm test against the packed tarball', async () => {
  const { stderr } = await project.exec('npm', ['test']);
  expect(stderr).toMatch(/^Tests: +(\d+) passed, \1 total$/m);
}, 120_000);
