/**
 * Starts Prism (the mock, or the validating proxy when CONTRACT_UPSTREAM is set) and hands its URL
 * and a scratch directory to the test workers through the environment.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skippedGroups } from './support/modes';
import { startPrism } from './support/prism';
import { probeUpstream } from './support/probe';
import { setContractRun } from './support/run';
import { RUN_ENV, settingsFromEnv } from './support/settings';

/** The URL as safe to print: user and password (if any) removed. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

export default async function globalSetup(): Promise<void> {
  const settings = settingsFromEnv();
  const prism = await startPrism(settings);
  const runDir = mkdtempSync(join(tmpdir(), 'callab-contract-'));
  setContractRun({ prism, runDir });
  process.env[RUN_ENV.prismUrl] = prism.url;
  process.env[RUN_ENV.runDir] = runDir;

  const lines = [
    settings.mode === 'proxy'
      ? `contract suite: proxy mode, Prism ${prism.url} validating ${withoutCredentials(settings.upstream)}`
      : `contract suite: mock mode, Prism ${prism.url}`,
    ...skippedGroups(settings.mode).map((group) => `  skipped: ${group}`),
  ];
  if (settings.mode === 'proxy') {
    const probe = await probeUpstream({ prismUrl: prism.url, apiKey: settings.apiKey, runDir });
    lines.push(
      probe.ok
        ? `  upstream holds ${probe.contacts.length} contacts and ${probe.campaignCount} campaigns`
        : `  probing the upstream failed: ${probe.error}`,
    );
  }
  console.log(`\n${lines.join('\n')}`);
}
