/**
 * Child-process entry: one large list read by one streaming variant in a fresh process, so its
 * peak RSS is its own. A failure is reported, not thrown: raw fetch + json() is expected to fail
 * past V8's longest string, and how it fails (and at what RSS) is part of the result.
 */
import { pathToFileURL } from 'node:url';
import { STREAM_VARIANTS, type StreamVariantId } from './stream-variants';
import {
  type Measurement,
  measure,
  sendAndExit,
  type WorkerConfig,
  workerConfig,
} from './worker-io';

export interface StreamConfig extends WorkerConfig {
  variant: StreamVariantId;
}

export interface StreamResult extends Measurement {
  /** Why the run failed: a wrong count or the variant's own error. */
  error?: string;
}

async function main() {
  const config = workerConfig<StreamConfig>();
  const count = await STREAM_VARIANTS[config.variant].create(
    config.baseUrl,
    pathToFileURL(config.clientEntry).href,
  );
  let error: string | undefined;
  let childPeakRssBytes: number | undefined;
  const measurement = await measure(async () => {
    try {
      const counted = await count();
      const contacts = typeof counted === 'number' ? counted : counted.contacts;
      if (typeof counted !== 'number') childPeakRssBytes = counted.peakRssBytes;
      if (contacts !== config.expectedContacts) {
        error = `read ${contacts} contacts, expected ${config.expectedContacts}`;
      }
    } catch (failure) {
      error = failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
    }
  });
  const result: StreamResult = {
    ...measurement,
    ...(childPeakRssBytes !== undefined && { peakRssBytes: childPeakRssBytes }),
    ...(error !== undefined && { error }),
  };
  sendAndExit(result);
}

main();
