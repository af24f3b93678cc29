/**
 * What the upstream holds, read once by the global setup in proxy mode, so that the semantic
 * checks can pick filter values from real records and say visibly when the data is too thin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Callab, CallabApiError, type Contact } from '../../src';
import type { ContractTarget } from './settings';

export type UpstreamProbe =
  | { ok: true; contacts: Contact[]; campaignCount: number }
  | { ok: false; error: string };

const probeFile = (runDir: string) => join(runDir, 'probe.json');

export async function probeUpstream(
  target: Pick<ContractTarget, 'prismUrl' | 'apiKey' | 'runDir'>,
): Promise<UpstreamProbe> {
  // The client's own retries wait out a rate limit (Retry-After) while the data is read.
  const callab = new Callab({
    baseUrl: target.prismUrl,
    apiKey: target.apiKey,
    maxRetries: 2,
    logLevel: 'off',
  });
  let probe: UpstreamProbe;
  try {
    const [contacts, campaigns] = await Promise.all([
      callab.contacts.query({}),
      callab.campaigns.list(),
    ]);
    probe = { ok: true, contacts, campaignCount: campaigns.length };
  } catch (error) {
    probe = { ok: false, error: describeFailure(error) };
  }
  writeFileSync(probeFile(target.runDir), JSON.stringify(probe));
  return probe;
}

/** The client's message, plus Prism's explanation when Prism answered for the upstream. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { title, detail } = (error instanceof CallabApiError ? error.body : {}) as {
    title?: unknown;
    detail?: unknown;
  };
  return typeof title === 'string'
    ? `${error.message} (${title}: ${String(detail)})`
    : error.message;
}

export function readProbe(runDir: string): UpstreamProbe {
  return JSON.parse(readFileSync(probeFile(runDir), 'utf8')) as UpstreamProbe;
}
